"""Provisions: the units of an instrument (Điều, khoản, điểm, gạch đầu dòng), each with its verbatim text."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

import msgspec

from dancoso_rules.i18n import tr
from dancoso_rules.model.common import Frozen, Labels, Slug, Text, check
from dancoso_rules.model.obligation import Obligation
from dancoso_rules.text import content_hash

_PROVISION_ID = r"^(?:art_\d+(?:__cl_\d+(?:__pt_[a-z]{1,2}(?:__ind_\d+)?)?)?|conclusions)$"
#: An Akoma Ntoso-style provision id: ``art_2``, ``art_2__cl_3``, ``art_2__cl_3__pt_d``,
#: ``art_1__cl_5__pt_c__ind_4`` (a dash), or ``conclusions`` (the closing formula). Point "đ" is ``pt_dd``.
ProvisionId = Annotated[str, msgspec.Meta(pattern=_PROVISION_ID)]
PROVISION_ID_RE = re.compile(_PROVISION_ID)

NonOperativeReason = Literal[
    "heading",  # a title or lead-in whose substance its points carry
    "scope",  # says what the instrument governs or whom it applies to (used for applicability)
    "funding",  # says where the money comes from
    "reference",  # points to another instrument's provision without adding anything
    "entry_into_force",  # says when the instrument takes effect
    "goal",  # states an aim or a measure's purpose without an addressee or an act
]


class NonOperative(Frozen, frozen=True, kw_only=True):
    """Why a provision imposes nothing that a record could show, stated rather than skipped."""

    reason: NonOperativeReason
    note: Labels


class Reference(Frozen, frozen=True, kw_only=True):
    """A pointer from a provision to a provision of another instrument (e.g. NQ 33/2024/NQ-HĐND)."""

    instrument: Slug
    citation: Text


class Provision(Frozen, frozen=True, kw_only=True, dict=True):
    """One Điều, khoản, điểm or dash: its verbatim words and what it obliges, or why it obliges nothing."""

    id: ProvisionId
    citation: Text
    heading: Text | None = None
    text: Text | None = None
    obligations: tuple[Obligation, ...] = ()
    non_operative: NonOperative | None = None
    refers_to: tuple[Reference, ...] = ()

    @check
    def _check(self) -> None:
        if self.heading is None and self.text is None:
            raise ValueError(tr("model.provision_text"))
        if bool(self.obligations) == (self.non_operative is not None):
            raise ValueError(tr("model.provision_one_of"))

    @property
    def words(self) -> str:
        """The provision's heading and text, as they stand in the source."""
        return " ".join(part for part in (self.heading, self.text) if part)

    @cached_property
    def content_hash(self) -> str:
        """``sha256:`` of the provision's folded words; changes whenever the words do."""
        return content_hash(self.words)

    @property
    def operative(self) -> bool:
        return self.non_operative is None
