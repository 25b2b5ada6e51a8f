"""``evaluate``: a pure function of (record, packs, evaluation date, interpretations) to a :class:`Report`.

The steps, each in its own module: choose the packs (:func:`select_packs`); lay the user's
interpretations over the rulebook's (:mod:`.interpretations`); index the record once
(:mod:`.index`); then, for each obligation in the instruments' order, decide whether it binds
(:mod:`.applicability`), expand its schedule into instances (:mod:`.instances`), match activities
to them (:mod:`.matching`), decide each status (:mod:`.status`) and explain it (:mod:`.explain`).

The cost is linear in the record's activities (indexed by type once, each looked at once per
obligation of its type) and in the number of periods; nothing is mutated and the same inputs
give the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.applicability import (
    Binding,
    Identity,
    instance_in_time,
    level_in_scope,
    span_in_time,
)
from dancoso_rules.evaluation.construct import date_range, evidence_ref, period_ref, reason
from dancoso_rules.evaluation.index import RecordIndex
from dancoso_rules.evaluation.instances import (
    Instance,
    Plan,
    Span,
    one_off_instances,
    periodic_instances,
    qualitative_instances,
    record_span,
    triggered_instances,
)
from dancoso_rules.evaluation.interpretations import InterpretationTable, Overrides, interpretation_table
from dancoso_rules.evaluation.matching import Proof, assign, assign_triggered, qualitative_proofs
from dancoso_rules.evaluation.prepared import Duty, Prepared, prepared
from dancoso_rules.evaluation.result import (
    DateRange,
    DutyResult,
    EvidenceRef,
    PeriodRef,
    Reason,
    ReasonCode,
    Report,
    UsedInterpretation,
    UsedPack,
)
from dancoso_rules.evaluation.status import Decision, Status, decide
from dancoso_rules.load.suggest import did_you_mean, one_of
from dancoso_rules.model import Labels, Rulebook, RulePack
from dancoso_rules.record.model import ActivityRecord, Organisation

#: What ``evaluate(..., packs=...)`` accepts: a loaded rulebook, bundled pack ids, or ``None`` (all bundled).
PackSelection = Rulebook | Sequence[str] | None


@lru_cache(maxsize=8)
def _bundled(packs: tuple[str, ...] | None) -> Rulebook:
    from dancoso_rules.load.packs import load_rulebook

    return load_rulebook(packs=packs)


def rulebook_for(packs: PackSelection) -> Rulebook:
    """The rulebook to evaluate against: the one given, or the bundled one (loaded once, optionally restricted)."""
    if isinstance(packs, Rulebook):
        return packs
    if isinstance(packs, str):
        return _bundled((packs,))
    return _bundled(None if packs is None else tuple(packs))


def select_packs(rulebook: Rulebook, organisation: Organisation) -> tuple[RulePack, ...]:
    """The packs the organisation answers to: those it names in ``packs``, else those of its territory."""
    known = [pack.id for pack in rulebook.packs]
    if organisation.packs is not None:
        problems = [
            Problem(
                Location("<record>", pointer=f"/organisation/packs/{n}"),
                f"unknown rule pack {name!r}{did_you_mean(name, known)} (known: {one_of(known)})",
                code="reference",
            )
            for n, name in enumerate(organisation.packs)
            if name not in known
        ]
        if problems:
            raise UsageError(problems)
        return tuple(pack for pack in rulebook.packs if pack.id in organisation.packs)
    chosen = tuple(p for p in rulebook.packs if p.instrument.territory.province == organisation.territory)
    if not chosen:
        territories = {p.instrument.territory.province for p in rulebook.packs}
        raise UsageError(
            Problem(
                Location("<record>", pointer="/organisation/territory"),
                f"no rule pack governs territory {organisation.territory!r}"
                f"{did_you_mean(organisation.territory, territories)} (territories: {one_of(territories)}); "
                "a record names its former province",
                code="reference",
            )
        )
    return chosen


def evaluate(
    record: ActivityRecord,
    *,
    packs: PackSelection = None,
    as_of: dt.date | None = None,
    interpretations: Overrides = None,
) -> Report:
    """Evaluate ``record`` as of ``as_of`` (default: today) against its packs; return the report.

    ``packs`` is a :class:`Rulebook`, bundled pack ids, or ``None`` for the bundled rulebook; the
    record's ``organisation.packs`` (or else its territory) chooses among them. ``interpretations``
    overrides interpretations by id: a YAML/JSON file, a mapping by id, or a sequence.
    """
    day = dt.date.today() if as_of is None else as_of
    rulebook = rulebook_for(packs)
    selected = select_packs(rulebook, record.organisation)
    rules = prepared(rulebook)
    table = (
        rules.default_table if interpretations is None else interpretation_table(rulebook, interpretations)
    )
    context = _Context.build(record, rules, table, day)
    results: list[DutyResult] = []
    relied: set[str] = set()
    for pack in selected:
        in_scope = level_in_scope(pack.instrument, record.organisation)
        for duty in rules.duties[pack.id]:
            found = _obligation_results(context, duty, in_scope)
            results.extend(found)
            for result in found:
                relied.update(result.interpretations)
    return Report(
        organisation=record.organisation,
        period=record.period,
        as_of=day,
        packs=tuple(_used_pack(pack) for pack in selected),
        interpretations=_used_interpretations(table, relied),
        results=tuple(results),
    )


def _used_pack(pack: RulePack) -> UsedPack:
    instrument = pack.instrument
    return UsedPack(
        id=pack.id, version=instrument.version, title=instrument.title, source_sha256=instrument.source.sha256
    )


def _used_interpretations(table: InterpretationTable, relied: set[str]) -> tuple[UsedInterpretation, ...]:
    used = []
    for interpretation_id in sorted(relied | table.overridden):
        item = table.get(interpretation_id)
        used.append(
            UsedInterpretation(
                id=item.id,
                kind=item.kind,
                value=item.value,
                basis=item.basis,
                source=item.source,
                overridden=item.id in table.overridden,
            )
        )
    return tuple(used)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every obligation's evaluation shares: the record, indexed, and the rules in force."""

    record: ActivityRecord
    rules: Prepared
    table: InterpretationTable
    as_of: dt.date
    index: RecordIndex
    identity: Identity
    span: Span

    @classmethod
    def build(
        cls, record: ActivityRecord, rules: Prepared, table: InterpretationTable, as_of: dt.date
    ) -> _Context:
        vocabulary = rules.rulebook.vocabulary
        return cls(
            record,
            rules,
            table,
            as_of,
            RecordIndex.build(record, as_of),
            Identity.of(record.organisation, vocabulary),
            record_span(record.period.start, record.period.end),
        )

    def bearer_labels(self, bearer_ids: Sequence[str]) -> list[Labels]:
        table = self.rules.rulebook.vocabulary.bearer_by_id
        return [table[b].label if b in table else Labels(vi=b, en=b) for b in bearer_ids]


def _obligation_results(context: _Context, duty: Duty, in_scope: bool) -> list[DutyResult]:
    placed = duty.placed
    organisation = context.record.organisation
    instrument = placed.pack.instrument
    key = (placed.uid, organisation.kind, organisation.level)
    if not in_scope:

        def out_of_scope() -> DutyResult:
            text = explain.reason_level(instrument.scope_levels, organisation.level)
            return _whole_not_applicable(duty, reason("level_out_of_scope", text))

        return [context.rules.whole(("level", *key), out_of_scope)]
    vocabulary = context.rules.rulebook.vocabulary
    bound = context.rules.binding(duty, context.identity)
    if bound is None:

        def not_bearer() -> DutyResult:
            kind = vocabulary.bearer_by_id.get(organisation.kind)
            kind_label = kind.label if kind else Labels(vi=organisation.kind, en=organisation.kind)
            labels = context.bearer_labels(placed.obligation.bearers)
            text = explain.reason_not_bearer(labels, kind_label, organisation.kind)
            return _whole_not_applicable(duty, reason("not_bearer", text))

        return [context.rules.whole(("bearer", *key), not_bearer)]
    plan = context.rules.plan(duty, context.table)
    if plan.kind == "qualitative":
        return _qualitative(context, duty, plan, bound)
    return _dated(context, duty, plan, bound)


def _whole_not_applicable(duty: Duty, reason: Reason) -> DutyResult:
    return duty.result(
        status=Status.NOT_APPLICABLE,
        reason=reason,
        explanation=explain.not_applicable(duty.sentence.dated(None, None), reason.text),
    )


def _expand(context: _Context, duty: Duty, plan: Plan) -> Sequence[Instance]:
    placed = duty.placed
    if plan.kind in ("periodic", "regular"):
        return periodic_instances(plan, context.span)
    if plan.kind == "one_off":
        return one_off_instances(plan, placed.pack.instrument.effective, context.span)
    schedule = placed.obligation.schedule
    assert schedule.kind == "triggered"
    events = [
        pair for event_type in schedule.events for pair in context.index.events_by_type.get(event_type, ())
    ]
    return triggered_instances(plan, events)


def _dated(context: _Context, duty: Duty, plan: Plan, bound: Binding) -> list[DutyResult]:
    instrument = duty.placed.pack.instrument
    obligation = duty.placed.obligation
    slots: list[tuple[Instance, ReasonCode | None]] = []
    expanded = _expand(context, duty, plan)
    if not expanded:
        return [_whole_not_applicable(duty, _nothing_to_do(context, duty, plan))]
    for instance in expanded:
        assert instance.due is not None
        why = instance_in_time(instance.start, instance.due, instrument, bound.addressee_until)
        slots.append((instance, why) if why else (instance.clipped(instrument.effective), None))
    live = [instance for instance, why in slots if why is None]
    if plan.kind == "triggered":
        events = [context.record.events[i.event] for i in live if i.event is not None]
        servers = [context.index.serving.get((obligation.activity, e.id), []) for e in events]
        proofs = iter(assign_triggered(live, events, servers, context.as_of))
    else:
        proofs = iter(assign(live, context.index.by_type.get(obligation.activity, [])))
    results = []
    uid, kind = duty.placed.uid, context.record.organisation.kind
    for instance, why in slots:
        if why is not None:
            key: tuple[Any, ...] = ("na", uid, instance, why, kind, bound.bearers)
            build = partial(_instance_not_applicable, context, duty, plan, bound, instance, why)
        else:
            proof = next(proofs)
            key = ("none", uid, instance, context.as_of)
            build = partial(_dated_result, context, duty, plan, instance, proof)
            if proof is not None:
                results.append(build())
                continue
        # An instance the record shows nothing for: its result does not depend on the record.
        results.append(
            build() if instance.event is not None else context.rules.shared(key, context.table, build)
        )
    return results


def _nothing_to_do(context: _Context, duty: Duty, plan: Plan) -> Reason:
    schedule = duty.placed.obligation.schedule
    if schedule.kind == "triggered":
        labels = [context.rules.event_labels.get(e, Labels(vi=e, en=e)) for e in schedule.events]
        return reason("no_event", explain.reason_no_event(labels))
    due = plan.due_after(duty.placed.pack.instrument.effective)
    return reason("outside_period", explain.reason_outside_period(due))


def _when(context: _Context, instance: Instance) -> tuple[str, str] | None:
    if instance.period is not None:
        return explain.period_phrase(instance.period)
    if instance.event is not None:
        event = context.record.events[instance.event]
        return explain.trigger_phrase(event.id, event.date, context.rules.event_labels.get(event.type))
    return None


def _placement(context: _Context, instance: Instance) -> dict[str, Any]:
    period = instance.period
    trigger = None
    if instance.event is not None:
        event = context.record.events[instance.event]
        trigger = evidence_ref("event", event.id, f"/events/{instance.event}", event.date)
    return {
        "period": None if period is None else _period_ref(period),
        "trigger": trigger,
        "window": _date_range(instance.start, instance.end),
        "due": instance.due,
        "close": instance.close,
    }


@lru_cache(maxsize=4096)
def _period_ref(period: Span) -> PeriodRef:
    return period_ref(period.label, period.start, period.end)


@lru_cache(maxsize=4096)
def _date_range(start: dt.date, end: dt.date) -> DateRange:
    return date_range(start, end)


def _evidence(proofs: Sequence[Proof]) -> tuple[EvidenceRef, ...]:
    return tuple(evidence_ref(p.kind, p.id, p.pointer, p.on) for p in proofs)


def _dated_result(
    context: _Context, duty: Duty, plan: Plan, instance: Instance, proof: Proof | None
) -> DutyResult:
    assert instance.due is not None
    assert instance.close is not None
    decision = decide(
        due=instance.due,
        close=instance.close,
        done_on=None if proof is None else proof.on,
        as_of=context.as_of,
    )
    opening = duty.sentence.dated(_when(context, instance), instance.due)
    return duty.result(
        **_placement(context, instance),
        status=decision.status,
        days_left=decision.days_left,
        days_overdue=decision.days_overdue,
        days_late=decision.days_late,
        evidence=_evidence(() if proof is None else (proof,)),
        interpretations=plan.interpretations,
        explanation=explain.join(opening, explain.outcome(decision, proof, instance.close)),
    )


def _instance_not_applicable(
    context: _Context, duty: Duty, plan: Plan, bound: Binding, instance: Instance, why: ReasonCode
) -> DutyResult:
    instrument = duty.placed.pack.instrument
    if why == "not_in_force":
        text = explain.reason_not_in_force(instrument.effective, instance.due)
    elif why == "no_longer_in_force":
        assert instrument.in_force_until is not None
        text = explain.reason_no_longer_in_force(instrument.in_force_until)
    else:
        assert bound.addressee_until is not None
        ended = context.identity.addressee_until == bound.addressee_until
        whose = [context.record.organisation.kind] if ended else bound.bearers
        text = explain.reason_no_addressee(bound.addressee_until, context.bearer_labels(whose))
    why_not = reason(why, text)
    opening = duty.sentence.dated(_when(context, instance), instance.due)
    return duty.result(
        **_placement(context, instance),
        status=Status.NOT_APPLICABLE,
        interpretations=plan.interpretations,
        reason=why_not,
        explanation=explain.not_applicable(opening, text),
    )


def _qualitative(context: _Context, duty: Duty, plan: Plan, bound: Binding) -> list[DutyResult]:
    instrument = duty.placed.pack.instrument
    results = []
    for instance in qualitative_instances(context.span):
        why, start, end = span_in_time(instance.start, instance.end, instrument, bound.addressee_until)
        if why is not None:
            results.append(_instance_not_applicable(context, duty, plan, bound, instance, why))
            continue
        window = Instance(start, end, period=instance.period)
        activities = context.index.by_type.get(duty.placed.obligation.activity, [])
        proofs = qualitative_proofs(window, activities, context.index.attestations.get(duty.placed.uid, []))
        build = partial(_qualitative_result, context, duty, plan, window, proofs)
        key = ("unverified", duty.placed.uid, window)
        results.append(context.rules.shared(key, context.table, build) if not proofs else build())
    return results


def _qualitative_result(
    context: _Context, duty: Duty, plan: Plan, window: Instance, proofs: tuple[Proof, ...]
) -> DutyResult:
    opening = duty.sentence.dated(_when(context, window), None)
    return duty.result(
        **_placement(context, window),
        status=Status.MET if proofs else Status.UNVERIFIED,
        evidence=_evidence(proofs),
        interpretations=plan.interpretations,
        explanation=explain.join(opening, explain.qualitative_outcome(proofs)),
    )


__all__ = ["Decision", "PackSelection", "evaluate", "rulebook_for", "select_packs"]
