"""A rulebook prepared once for many evaluations: what does not depend on the record, computed once.

Evaluating 10,000 records against the same packs repeats much work that depends only on the rules:
each obligation's fixed result fields and the opening of its sentence, its schedule resolved
against the rulebook's own interpretations, and whole not-applicable results (which depend only on
the obligation and the organisation's kind and level), and how each obligation binds an organisation
of a given kind, functions and bodies; and the results of instances the record shows nothing for, which
records evaluated on the same day share. :func:`prepared` keeps these for the last
few rulebooks it saw. Everything kept is immutable, so sharing it between reports is safe, and the
reports are the same as if nothing were kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.applicability import Binding, Identity, binding
from dancoso_rules.evaluation.construct import Trusted
from dancoso_rules.evaluation.instances import Plan, plan_for
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.model import Labels, PlacedObligation, Rulebook

_KEEP = 8


@dataclass(frozen=True, slots=True)
class Duty:
    """One obligation with its fixed result fields and the opening of its sentence."""

    placed: PlacedObligation
    fields: dict[str, Any]
    sentence: explain.Sentence
    result: Trusted[DutyResult]

    @classmethod
    def of(cls, placed: PlacedObligation) -> Duty:
        """Prepare one placed obligation."""
        obligation, provision = placed.obligation, placed.provision
        fields: dict[str, Any] = {
            "obligation": placed.uid,
            "pack": placed.pack.id,
            "provision": provision.id,
            "citation": provision.citation,
            "modality": obligation.modality,
            "activity": obligation.activity,
            "bearers": obligation.bearers,
            "schedule": obligation.schedule.kind,
        }
        sentence = explain.Sentence(provision.citation, provision.id, obligation)
        # ``result(**values)``: a result of this obligation with ``values`` for the instance.
        return cls(placed, fields, sentence, Trusted(DutyResult, fields))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A rulebook's duties by pack, its event labels, and caches of what depends only on the rules."""

    rulebook: Rulebook
    duties: dict[str, tuple[Duty, ...]]
    event_labels: dict[str, Labels]
    default_table: InterpretationTable
    _plans: dict[str, Plan] = field(default_factory=dict)
    _whole: dict[tuple[str, ...], DutyResult] = field(default_factory=dict)
    _shared: dict[tuple[Any, ...], DutyResult] = field(default_factory=dict)
    _bindings: dict[tuple[str, Identity], Binding | None] = field(default_factory=dict)

    def binding(self, duty: Duty, identity: Identity) -> Binding | None:
        """How the duty binds an organisation of this identity (kept: it depends on nothing else)."""
        key = (duty.placed.uid, identity)
        if key in self._bindings:
            return self._bindings[key]
        if len(self._bindings) > 100_000:  # a bound on memory for endless distinct organisations
            self._bindings.clear()
        found = self._bindings[key] = binding(duty.placed.obligation, identity, self.rulebook.vocabulary)
        return found

    def plan(self, duty: Duty, table: InterpretationTable) -> Plan:
        """The duty's resolved schedule (kept when ``table`` is the rulebook's own)."""
        if table is not self.default_table:
            return plan_for(duty.placed.obligation, table, duty.placed.uid)
        uid = duty.placed.uid
        found = self._plans.get(uid)
        if found is None:
            found = self._plans[uid] = plan_for(duty.placed.obligation, table, uid)
        return found

    def whole(self, key: tuple[str, ...], build: Callable[[], DutyResult]) -> DutyResult:
        """A not-applicable result that depends only on ``key``, built once."""
        found = self._whole.get(key)
        if found is None:
            found = self._whole[key] = build()
        return found

    def shared(
        self, key: tuple[Any, ...], table: InterpretationTable, build: Callable[[], DutyResult]
    ) -> DutyResult:
        """A result that depends only on ``key`` and the rulebook's own interpretations, built once.

        Used for instances the record shows nothing for: their result depends on the obligation,
        the instance's dates and the evaluation date, not on the record, so records checked on the
        same day share them. Results made with overridden interpretations are never kept.
        """
        if table is not self.default_table:
            return build()
        found = self._shared.get(key)
        if found is None:
            if len(self._shared) > 200_000:  # a bound on memory over very many evaluation dates
                self._shared.clear()
            found = self._shared[key] = build()
        return found


_PREPARED: dict[int, Prepared] = {}


def prepared(rulebook: Rulebook) -> Prepared:
    """The prepared form of ``rulebook`` (kept for the last few rulebooks seen)."""
    found = _PREPARED.get(id(rulebook))
    if found is not None and found.rulebook is rulebook:
        return found
    duties = {pack.id: tuple(Duty.of(placed) for placed in pack.obligations()) for pack in rulebook.packs}
    labels = {e.id: e.label for e in rulebook.vocabulary.event_types}
    found = Prepared(rulebook, duties, labels, InterpretationTable(rulebook.interpretation_by_id))
    if len(_PREPARED) >= _KEEP:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[id(rulebook)] = found
    return found
