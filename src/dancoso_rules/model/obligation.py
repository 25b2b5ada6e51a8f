"""Obligations: who must do what, how often, shown by what, resting on which words."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import msgspec

from dancoso_rules.model.common import Frozen, Labels, Slug, Text
from dancoso_rules.model.schedule import Schedule


class Modality(StrEnum):
    """The force of the words: a duty ("giao", "có trách nhiệm", an imperative), a request
    ("đề nghị", to a body the issuer cannot command), an encouragement ("khuyến khích", "quan tâm,
    tạo điều kiện"), a duty to study ("nghiên cứu": to study, not yet to deliver) or a reference
    ("quy định về việc cấp ủy ... tham dự"): the text restates what another system's rules (the Party's)
    ask of bodies the issuer cannot command; it binds no organisation and is listed for reference."""

    DUTY = "duty"
    REQUEST = "request"
    ENCOURAGEMENT = "encouragement"
    STUDY = "study"
    REFERENCE = "reference"


class Obligation(Frozen, frozen=True, kw_only=True):
    """One thing one provision asks of its bearers.

    ``id`` is local to the provision and stable once published; the full id is
    ``<pack>.<provision>.<id>`` (see :attr:`dancoso_rules.model.Provision.obligations`).
    """

    id: Slug
    modality: Modality
    bearers: Annotated[tuple[Slug, ...], msgspec.Meta(min_length=1)]
    activity: Slug
    summary: Labels
    quote: Text
    schedule: Schedule
    evidence: tuple[Slug, ...] = ()
    interpretations: tuple[Slug, ...] = ()
    note: Labels | None = None

    def interpretation_ids(self) -> tuple[str, ...]:
        """Every interpretation this obligation relies on: its schedule's and any others it names."""
        seen = dict.fromkeys((*self.schedule.interpretation_ids(), *self.interpretations))
        return tuple(seen)
