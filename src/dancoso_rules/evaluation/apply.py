"""A record laid on its frame: its evidence matched to the frame's instances, and the results it changes.

The frame (:mod:`.frame`) already holds every result that does not depend on the record; here only
what the record shows is looked at. An instance nothing matches keeps the frame's result; one that
an activity, a resolution or an attestation shows done gets a result of its own. Triggered duties
are expanded here, from the record's events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.applicability import instance_in_time
from dancoso_rules.evaluation.construct import evidence_ref
from dancoso_rules.evaluation.frame import Dated, Fixed, Frame, Qualitative, Slot, Triggered
from dancoso_rules.evaluation.index import RecordIndex
from dancoso_rules.evaluation.instances import Instance, triggered_instances
from dancoso_rules.evaluation.matching import Proof, assign, assign_triggered, qualitative_proofs
from dancoso_rules.evaluation.outcomes import (
    dated_result,
    instance_not_applicable,
    instance_reason,
    placement,
    qualitative_result,
)
from dancoso_rules.evaluation.prepared import Prepared
from dancoso_rules.evaluation.result import DutyResult, EvidenceRef, ReasonCode
from dancoso_rules.record.model import ActivityRecord


def apply_frame(
    frame: Frame, rules: Prepared, record: ActivityRecord, index: RecordIndex
) -> list[DutyResult]:
    """Every result of ``record`` on ``frame``, in the frame's order."""
    laying = _Laying(frame, rules, record, index)
    results: list[DutyResult] = []
    for step in frame.steps:
        if isinstance(step, Fixed):
            results.extend(step.results)
        elif isinstance(step, Dated):
            laying.dated(step, results)
        elif isinstance(step, Qualitative):
            laying.qualitative(step, results)
        else:
            laying.triggered(step, results)
    return results


@dataclass(slots=True)
class _Laying:
    frame: Frame
    rules: Prepared
    record: ActivityRecord
    index: RecordIndex
    # Each item of the record is referred to the same way by every result that relies on it.
    refs: dict[str, EvidenceRef] = field(default_factory=dict)

    def ref(self, proof: Proof) -> EvidenceRef:
        found = self.refs.get(proof.pointer)
        if found is None:
            found = self.refs[proof.pointer] = evidence_ref(proof.kind, proof.id, proof.pointer, proof.on)
        return found

    def dated(self, step: Dated, results: list[DutyResult]) -> None:
        activities = self.index.by_type.get(step.duty.placed.obligation.activity)
        if not activities:
            results.extend(step.unmet)
            return
        proofs = iter(assign(step.live, activities))
        as_of = self.frame.key.as_of
        for slot in step.slots:
            if not isinstance(slot, Slot):
                results.append(slot)
                continue
            proof = next(proofs)
            if proof is None:
                results.append(slot.unmet)
            else:
                evidence = self.ref(proof)
                results.append(
                    dated_result(
                        step.duty, step.plan, slot.instance, slot.opening, slot.where, proof, evidence, as_of
                    )
                )

    def qualitative(self, step: Qualitative, results: list[DutyResult]) -> None:
        placed = step.duty.placed
        activities = self.index.by_type.get(placed.obligation.activity, [])
        attestations = self.index.attestations.get(placed.uid, [])
        for slot in step.slots:
            if not isinstance(slot, Slot):
                results.append(slot)
                continue
            proofs = (
                qualitative_proofs(slot.instance, activities, attestations)
                if activities or attestations
                else ()
            )
            if not proofs:
                results.append(slot.unmet)
                continue
            evidence = tuple(self.ref(p) for p in proofs)
            results.append(
                qualitative_result(step.duty, step.plan, slot.opening, slot.where, proofs, evidence)
            )

    def triggered(self, step: Triggered, results: list[DutyResult]) -> None:
        duty, plan, bound = step.duty, step.plan, step.bound
        schedule = duty.placed.obligation.schedule
        assert schedule.kind == "triggered"
        by_type = self.index.events_by_type
        events = [pair for event_type in schedule.events for pair in by_type.get(event_type, ())]
        if not events:
            results.append(step.none)
            return
        instrument = duty.placed.pack.instrument
        slots: list[tuple[Instance, ReasonCode | None]] = []
        for instance in triggered_instances(plan, events):
            assert instance.due is not None
            why = instance_in_time(instance.start, instance.due, instrument, bound.addressee_until)
            slots.append((instance, why) if why else (instance.clipped(instrument.effective), None))
        live = [instance for instance, why in slots if why is None]
        happened = [self.record.events[i.event] for i in live if i.event is not None]
        activity = duty.placed.obligation.activity
        servers = [self.index.serving.get((activity, e.id), []) for e in happened]
        proofs = iter(assign_triggered(live, happened, servers, self.frame.key.as_of))
        for instance, why in slots:
            assert instance.event is not None
            event = self.record.events[instance.event]
            trigger = evidence_ref("event", event.id, f"/events/{instance.event}", event.date)
            label = self.rules.event_labels.get(event.type)
            opening = duty.sentence.dated(explain.trigger_phrase(event.id, event.date, label), instance.due)
            where = placement(instance, trigger)
            if why is not None:
                text = instance_reason(
                    duty,
                    instance,
                    why,
                    bound,
                    self.frame.identity.addressee_until,
                    self.frame.key.kind,
                    self.rules.rulebook.vocabulary,
                )
                results.append(instance_not_applicable(duty, plan, opening, where, text))
                continue
            proof = next(proofs)
            evidence = None if proof is None else self.ref(proof)
            results.append(
                dated_result(duty, plan, instance, opening, where, proof, evidence, self.frame.key.as_of)
            )
