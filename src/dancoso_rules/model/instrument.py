"""Instruments: the resolution or decision itself, its metadata, legal bases and errata."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from dancoso_rules.model.common import Frozen, Labels, Slug, Text
from dancoso_rules.model.vocabulary import Level

InstrumentKind = Literal["nghi_quyet", "quyet_dinh"]

# Constants of the code.
KIND_LABELS: dict[str, Labels] = {
    "nghi_quyet": Labels(vi="Nghị quyết", en="Resolution"),
    "quyet_dinh": Labels(vi="Quyết định", en="Decision"),
}


class LegalBasis(Frozen, frozen=True, kw_only=True):
    """One "Căn cứ ..." line as a structured reference; ``quote`` is its verbatim words."""

    type: Text
    title: Text
    number: Text | None = None
    date: dt.date | None = None
    quote: Text


class Erratum(Frozen, frozen=True, kw_only=True):
    """A typographical error kept verbatim in the text, with the reading it should have."""

    reads: Text
    should_read: Text
    where: Text


class RelatedInstrument(Frozen, frozen=True, kw_only=True):
    """An instrument this one implements or points to, which the project does not transcribe."""

    id: Slug
    kind: InstrumentKind
    number: Text
    issuer: Text
    adopted: dt.date
    title: Text


class Territory(Frozen, frozen=True, kw_only=True):
    """The territory an instrument governs and what became of it in the 2025 reorganisation."""

    province: Slug
    name: Text
    merged_into: Slug | None = None
    merged_into_name: Text | None = None
    merged_on: dt.date | None = None
    basis: Text | None = None


class SourceText(Frozen, frozen=True, kw_only=True):
    """Where the full text is and how to find the body: the file, its sha256 and the body's end."""

    file: Text
    sha256: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
    body_ends_before: Text
    conclusions_start: Text | None = None


class Instrument(Frozen, frozen=True, kw_only=True):
    """A provincial instrument under Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15)."""

    id: Slug
    version: Text
    kind: InstrumentKind
    title: Text
    issuer: Text
    number: Text | None = None
    number_note: Labels | None = None
    adopted: dt.date | None = None
    adopted_note: Labels | None = None
    effective: dt.date
    in_force_until: dt.date | None = None
    territory: Territory
    scope_levels: Annotated[tuple[Level, ...], msgspec.Meta(min_length=1)]
    scope_note: Labels
    legal_bases: tuple[LegalBasis, ...] = ()
    implements: RelatedInstrument | None = None
    errata: tuple[Erratum, ...] = ()
    source: SourceText

    @property
    def kind_label(self) -> Labels:
        return KIND_LABELS[self.kind]
