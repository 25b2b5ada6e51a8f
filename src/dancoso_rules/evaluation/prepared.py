"""A rulebook prepared once for many evaluations: what does not depend on the record, computed once.

Evaluating 10,000 records against the same packs repeats much work that depends only on the rules:
each obligation's fixed result fields and the opening of its sentence (its :class:`~.duty.Duty`),
its schedule resolved against the rulebook's own interpretations, the packs and interpretations a
report echoes, and the frames (:mod:`.frame`, built by :mod:`.framing`) that records of the same
organisation kind, period and evaluation day share. :func:`prepared` keeps these for the last few
rulebooks it saw, and each keeps its last :data:`FRAMES` frames. Everything kept is immutable, so
sharing it between reports is safe, and the reports are the same as if nothing were kept.
"""

from __future__ import annotations

from collections import OrderedDict

import msgspec

from dancoso_rules.evaluation.applicability import not_binding
from dancoso_rules.evaluation.duty import Duty
from dancoso_rules.evaluation.frame import Frame, FrameKey
from dancoso_rules.evaluation.instances import Plan, plan_for
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.result import UsedInterpretation, UsedPack
from dancoso_rules.model import Labels, Rulebook, RulePack

_KEEP = 8
#: How many frames each prepared rulebook keeps: the organisation kinds, periods and evaluation days
#: of a batch in flight. Each holds one obligation's worth of results per duty instance, a few hundred.
FRAMES = 64


class Prepared(msgspec.Struct, frozen=True):
    """A rulebook's duties by pack, its event labels, and what depends only on the rules."""

    rulebook: Rulebook
    duties: dict[str, tuple[Duty, ...]]
    event_labels: dict[str, Labels]
    default_table: InterpretationTable
    frames: OrderedDict[FrameKey, Frame] = msgspec.field(default_factory=OrderedDict)
    _plans: dict[str, Plan] = msgspec.field(default_factory=dict)
    _packs: dict[str, UsedPack] = msgspec.field(default_factory=dict)
    _used_packs: dict[tuple[str, ...], tuple[UsedPack, ...]] = msgspec.field(default_factory=dict)
    _used: dict[str, UsedInterpretation] = msgspec.field(default_factory=dict)

    def plan(self, duty: Duty, table: InterpretationTable) -> Plan:
        """The duty's resolved schedule (kept when ``table`` is the rulebook's own)."""
        if table is not self.default_table:
            return plan_for(duty.placed.obligation, table, duty.placed.uid)
        uid = duty.placed.uid
        found = self._plans.get(uid)
        if found is None:
            found = self._plans[uid] = plan_for(duty.placed.obligation, table, uid)
        return found

    def kept_frame(self, key: FrameKey) -> Frame | None:
        """The frame kept for ``key``, if any (now the most recently used)."""
        found = self.frames.get(key)
        if found is not None:
            self.frames.move_to_end(key)
        return found

    def keep_frame(self, key: FrameKey, frame: Frame) -> None:
        """Keep ``frame``, forgetting the least recently used one beyond :data:`FRAMES`."""
        self.frames[key] = frame
        if len(self.frames) > FRAMES:
            self.frames.popitem(last=False)

    def used_pack(self, pack: RulePack) -> UsedPack:
        """How a report names a pack it used."""
        found = self._packs.get(pack.id)
        if found is None:
            instrument = pack.instrument
            found = self._packs[pack.id] = UsedPack(
                id=pack.id,
                version=instrument.version,
                title=instrument.title,
                source_sha256=instrument.source.sha256,
            )
        return found

    def used_packs(self, ids: tuple[str, ...]) -> tuple[UsedPack, ...]:
        """How a report names the packs it used, given their ids (kept for each choice of packs)."""
        found = self._used_packs.get(ids)
        if found is None:
            found = self._used_packs[ids] = tuple(self.used_pack(self.rulebook.pack_by_id[i]) for i in ids)
        return found

    def used_interpretation(self, table: InterpretationTable, interpretation_id: str) -> UsedInterpretation:
        """How a report echoes an interpretation it relied on (kept for the rulebook's own)."""
        if table is self.default_table:
            found = self._used.get(interpretation_id)
            if found is None:
                found = self._used[interpretation_id] = _used(table, interpretation_id)
            return found
        return _used(table, interpretation_id)


def _used(table: InterpretationTable, interpretation_id: str) -> UsedInterpretation:
    item = table.get(interpretation_id)
    return UsedInterpretation(
        id=item.id,
        kind=item.kind,
        value=item.value,
        basis=item.basis,
        source=item.source,
        overridden=item.id in table.overridden,
    )


_PREPARED: dict[int, Prepared] = {}


def prepared(rulebook: Rulebook) -> Prepared:
    """The prepared form of ``rulebook`` (kept for the last few rulebooks seen)."""
    found = _PREPARED.get(id(rulebook))
    if found is not None and found.rulebook is rulebook:
        return found
    vocabulary = rulebook.vocabulary
    duties = {
        pack.id: tuple(
            Duty.of(placed, not not_binding(placed.obligation, vocabulary)) for placed in pack.obligations()
        )
        for pack in rulebook.packs
    }
    labels = {e.id: e.label for e in rulebook.vocabulary.event_types}
    found = Prepared(rulebook, duties, labels, InterpretationTable(rulebook.interpretation_by_id))
    if len(_PREPARED) >= _KEEP:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[id(rulebook)] = found
    return found
