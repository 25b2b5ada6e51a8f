"""Coverage: does every unit of the source text stand in the pack, word for word, in the source's order?

The list of units comes from the source itself (:mod:`dancoso_rules.load.source`), never from a
typed list, so that a point left out of the rule files cannot go unnoticed.
"""

from __future__ import annotations

from collections import Counter

import msgspec

from dancoso_rules.i18n import tr
from dancoso_rules.load.source import SourceUnit, parse_units
from dancoso_rules.model import RulePack
from dancoso_rules.text import fold


class Gap(msgspec.Struct, frozen=True):
    """A unit of the source that the pack does not cover, or covers with other words."""

    unit: str
    citation: str
    message: str
    text: str
    line: int


class PackCoverage(msgspec.Struct):
    """How far one pack covers its source."""

    pack: str
    units: list[SourceUnit]
    covered: int = 0
    gaps: list[Gap] = msgspec.field(default_factory=list)
    extra: list[str] = msgspec.field(default_factory=list)
    out_of_order: list[str] = msgspec.field(default_factory=list)
    by_schedule: Counter[str] = msgspec.field(default_factory=Counter)
    by_modality: Counter[str] = msgspec.field(default_factory=Counter)
    non_operative: Counter[str] = msgspec.field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.units)

    @property
    def complete(self) -> bool:
        return self.covered == self.total and not self.gaps and not self.extra and not self.out_of_order


def source_units(pack: RulePack) -> list[SourceUnit]:
    """The units of the pack's source text, in order."""
    source = pack.instrument.source
    return parse_units(
        pack.source_text, body_ends_before=source.body_ends_before, conclusions_start=source.conclusions_start
    )


def pack_coverage(pack: RulePack) -> PackCoverage:
    """Compare the pack's provisions with the units of its source."""
    units = source_units(pack)
    result = PackCoverage(pack.id, units)
    unit_ids = [u.id for u in units]
    for unit in units:
        provision = pack.provision_by_id.get(unit.id)
        words = " ".join(w for w in (unit.heading, unit.text) if w)
        if provision is None:
            result.gaps.append(Gap(unit.id, unit.citation, tr("coverage.no_provision"), words, unit.line))
            continue
        if fold(provision.heading or "") != fold(unit.heading or "") or fold(provision.text or "") != fold(
            unit.text or ""
        ):
            result.gaps.append(Gap(unit.id, unit.citation, tr("coverage.words_differ"), words, unit.line))
            continue
        result.covered += 1
    result.extra = [p.id for p in pack.provisions if p.id not in set(unit_ids)]
    in_pack = [p.id for p in pack.provisions if p.id in set(unit_ids)]
    expected = [u for u in unit_ids if u in set(in_pack)]
    result.out_of_order = [a for a, b in zip(in_pack, expected, strict=True) if a != b][:1]
    for provision in pack.provisions:
        if provision.non_operative is not None:
            result.non_operative[provision.non_operative.reason] += 1
        for obligation in provision.obligations:
            result.by_schedule[obligation.schedule.kind] += 1
            result.by_modality[obligation.modality.value] += 1
    return result
