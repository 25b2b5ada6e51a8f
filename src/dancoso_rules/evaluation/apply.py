"""A record laid on its frame: its evidence matched to the frame's instances, and the statuses it changes.

The frame (:mod:`.frame`) already holds every result that does not depend on the record; here only
what the record shows is looked at. An instance nothing matches keeps the frame's result; one that
an activity, a resolution or an attestation shows done gets a status of its own. Triggered duties
are expanded here, from the record's events.

Laying the record decides every status (with its evidence and day counts) but does not yet write
the result: each changed instance is a pending entry (:data:`Pending`) that knows its status and
builds its :class:`~dancoso_rules.evaluation.result.DutyResult` (sentence, evidence references,
placement) when asked. A batch run that only counts statuses never pays for sentences nobody reads; a report
asks for all of them, and gets the same results as if they had been built at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.applicability import credited_span, instance_in_time
from dancoso_rules.evaluation.construct import evidence_ref
from dancoso_rules.evaluation.frame import Dated, DatedAt, Frame, Qualitative, QualitativeAt, Slot, Triggered
from dancoso_rules.evaluation.index import COVERS, ON, POSITION, Done, RecordIndex
from dancoso_rules.evaluation.instances import (
    Instance,
    TriggeredDates,
    extended,
    triggered_dates,
    triggered_instance,
)
from dancoso_rules.evaluation.matching import (
    Proof,
    answered,
    first_counting,
    first_counting_named,
    late_answer,
    proof_of,
    qualitative_proofs,
    qualitative_shown,
    triggered_proof,
)
from dancoso_rules.evaluation.outcomes import (
    dated_result,
    instance_not_applicable,
    instance_reason,
    placement,
    qualitative_result,
)
from dancoso_rules.evaluation.prepared import Prepared
from dancoso_rules.evaluation.result import DutyResult, EvidenceRef, ReasonCode
from dancoso_rules.evaluation.status import Decision, Status, dated_status
from dancoso_rules.record.extensions import LONGEST_EXTENSION
from dancoso_rules.record.view import AttestationLike, RecordLike

#: A result whose status is decided and whose text is written on demand: the status, the function
#: that writes the result, and what it needs (see :func:`materialise`). A plain tuple: a record
#: has dozens of them, and the report writes each at most once.
Pending = tuple[Status, "Callable[..., DutyResult]", tuple[Any, ...]]

#: What laying a record gives, in the frame's order: results fixed by the frame, and pending ones.
Entry = DutyResult | Pending


class Laid(msgspec.Struct, frozen=True):
    """A record laid on its frame: one segment of entries per step of the frame.

    ``gone`` lists the statuses of the frame's entries that the record replaced or removed, and
    ``came`` those of the entries it put in their place (a triggered duty's instances, for one);
    ``gone_at`` and ``came_at`` give the position in the frame of the step of each. Only the
    instances the record changed are listed: a weekly duty with one reception shown moves one status.
    """

    frame: Frame
    segments: tuple[tuple[Entry, ...], ...]
    gone: tuple[Status, ...]
    came: tuple[Status, ...]
    gone_at: tuple[int, ...]
    came_at: tuple[int, ...]

    def entries(self) -> list[Entry]:
        """Every entry, in the frame's order."""
        return [entry for segment in self.segments for entry in segment]

    def counts(self) -> dict[str, int]:
        """How many entries have each status, by its value: every status, zeros included, in order."""
        # Statuses are strings, and joined end to end they are counted with str.count, in C: each
        # occurs in the run exactly as often as it was listed, for none begins another, and no
        # ending of one (but the whole) begins another, so none can be found across the seam of
        # two others (tests/test_evaluate_properties.py holds the seven values to this). Two
        # Counters, hashing and updating a dict item by item, cost half as much again.
        gone, came, before = "".join(self.gone), "".join(self.came), self.frame.counts
        return {
            value: before.get(status, 0) + came.count(value) - gone.count(value) for status, value in _VALUES
        }


def apply_frame(frame: Frame, rules: Prepared, record: RecordLike, index: RecordIndex) -> Laid:
    """Lay ``record`` on ``frame``: decide the status of every step its contents reach.

    A step with one live instance (most of them: a yearly duty in a one-year record, a qualitative
    duty) is decided here, by :func:`~.matching.first_counting` or :func:`~.matching.qualitative_shown`;
    steps with several instances, and triggered ones, go to :class:`_Laying`.

    A step is shown done by the activities of its obligation's type and by those that name the
    obligation in ``serves``, whatever their type (:func:`_groups`).
    """
    segments: list[tuple[Entry, ...]] = list(frame.segments)
    laying = _Laying(frame, rules, record, index)
    gone, came, gone_at, came_at = laying.gone, laying.came, laying.gone_at, laying.came_at
    as_of = laying.as_of
    attestations = index.attestations
    by_type = index.by_type
    groups, apart = _groups(frame, index)
    for (dated, qualitative), activities, naming in groups:
        for position, step, single in dated:
            if single is None:
                found = laying.dated(position, step, activities)
                if found is not None:
                    segments[position] = found
                continue
            if naming:
                due = single.due
                assert due is not None  # a dated duty's
                done = first_counting_named(activities, single.first, due, single.last, single.period_end)
            else:
                done = first_counting(activities, single.first, single.last)
            if done is None:
                continue
            status = _MET if done[ON] <= single.due else _LATE  # type: ignore[operator]
            gone.append(single.before)
            came.append(status)
            gone_at.append(position)
            came_at.append(position)
            entry: Entry = (status, _dated, (step, single.slot, done, as_of))
            segments[position] = (entry,) if single.alone else _patched(step.unmet, single.at, entry)
        for position, quality, single in qualitative:
            if single is None:
                found = laying.qualitative(position, quality, activities)
                if found is not None:
                    segments[position] = found
                continue
            named = attestations.get(quality.uid, ()) if attestations else ()
            if not qualitative_shown(single.first, single.last, activities, named):
                continue
            gone.append(single.before)
            came.append(_MET)
            gone_at.append(position)
            came_at.append(position)
            entry = (_MET, _qualitative, (quality, single.slot, activities, named))
            segments[position] = (entry,) if single.alone else _patched(quality.unmet, single.at, entry)
    for uid in attestations:
        for position, quality in frame.attested.get(uid, ()):
            if quality.activity not in by_type and position not in apart:  # else laid above
                found = laying.qualitative(position, quality, ())
                if found is not None:
                    segments[position] = found
    laid: set[int] = set()
    for event_type in index.events_by_type:
        for position, triggered in frame.triggered.get(event_type, ()):
            if position not in laid:  # a step opened by two of the record's event types is laid once
                laid.add(position)
                segments[position] = laying.triggered(position, triggered)
    return Laid(frame, tuple(segments), tuple(gone), tuple(came), tuple(gone_at), tuple(came_at))


#: The steps a record's activities reach: ``(reached, activities, naming)`` for each group of steps
#: shown done by the same activities (in date order), ``naming`` whether some of them name the period
#: they cover.
Groups = list[tuple[tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]], list[Done], bool]]


def _groups(frame: Frame, index: RecordIndex) -> tuple[Groups, frozenset[int]]:
    """The steps ``index``'s activities reach, grouped by the activities that can show them done, and the
    positions of the steps that some activity names in ``serves`` (each laid apart, in a group of its own).

    A step is reached by its type's activities; an activity that names the step's obligation in
    ``serves`` reaches it too, whatever its type: the record says what the activity was done for
    (a training on the Law, held to explain it, serves the duty to communicate it), and the evidence
    is the activity's own. Naming only a provision reaches nothing: a provision may hold several duties.
    """
    by_activity, by_type, naming = frame.by_activity, index.by_type, index.named
    served: dict[int, tuple[str, tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]], list[Done]]] = {}
    if index.served and frame.served:
        for target, activities in index.served.items():
            found = frame.served.get(target)
            if found is not None:
                position, kind, named = found
                served[position] = (kind, named, activities)
    if not served:  # most records: each type's activities reach its steps
        return [
            (reached, activities, kind in naming)
            for kind, activities in by_type.items()
            if (reached := by_activity.get(kind)) is not None
        ], frozenset()
    apart = frozenset(served)
    groups: Groups = []
    for kind, activities in by_type.items():
        steps = by_activity.get(kind)
        if steps is not None:
            dated, qualitative = steps
            kept = (
                tuple(at for at in dated if at[0] not in apart),
                tuple(at for at in qualitative if at[0] not in apart),
            )
            groups.append((kept, activities, kind in naming))
    for kind, named, activities in served.values():
        # Its type's and those naming it, each once (by position in the record), in date order.
        both = sorted({done[POSITION]: done for done in (*by_type.get(kind, ()), *activities)}.values())
        groups.append((named, both, any(done[COVERS] is not None for done in both)))
    return groups, apart


def _patched(entries: tuple[Entry, ...], at: int, entry: Entry) -> tuple[Entry, ...]:
    changed = list(entries)
    changed[at] = entry
    return tuple(changed)


def status_of(entry: Entry) -> Status:
    """The status of an entry, pending or written."""
    return entry[0] if type(entry) is tuple else entry.status  # type: ignore[union-attr]


def materialise(entries: list[Entry]) -> list[DutyResult]:
    """The results of ``entries``, pending ones written now."""
    refs: dict[str, EvidenceRef] = {}
    return [
        entry[1](refs, *entry[2]) if type(entry) is tuple else entry  # type: ignore[misc]
        for entry in entries
    ]


def _ref(refs: dict[str, EvidenceRef], proof: Proof) -> EvidenceRef:
    # Each item of the record is referred to by the same object in every result that relies on it.
    found = refs.get(proof.pointer)
    if found is None:
        found = refs[proof.pointer] = evidence_ref(proof.kind, proof.id, proof.pointer, proof.on)
    return found


def _dated(refs: dict[str, EvidenceRef], step: Dated, slot: Slot, done: Done, as_of: dt.date) -> DutyResult:
    proof = proof_of(done)
    return dated_result(
        step.duty, step.plan, slot.instance, slot.opening, slot.where, proof, _ref(refs, proof), as_of
    )


def _qualitative(
    refs: dict[str, EvidenceRef],
    step: Qualitative,
    slot: Slot,
    activities: Sequence[Done],
    attestations: Sequence[tuple[int, AttestationLike]],
) -> DutyResult:
    proofs = qualitative_proofs(slot.instance, activities, attestations)
    evidence = tuple(_ref(refs, p) for p in proofs)
    return qualitative_result(step.duty, step.plan, slot.opening, slot.where, proofs, evidence)


_MET, _LATE = Status.MET, Status.LATE
#: Each status and its value, once: iterating over the enum, or reading ``.value``, runs Python code.
_VALUES = tuple((status, status.value) for status in Status)


class _Laying:
    __slots__ = (
        "as_of",
        "attestations",
        "came",
        "came_at",
        "frame",
        "gone",
        "gone_at",
        "index",
        "record",
        "rules",
    )

    def __init__(self, frame: Frame, rules: Prepared, record: RecordLike, index: RecordIndex) -> None:
        self.frame = frame
        self.rules = rules
        self.record = record
        self.index = index
        self.attestations = index.attestations
        self.as_of = frame.key.as_of
        self.gone: list[Status] = []
        self.came: list[Status] = []
        self.gone_at: list[int] = []
        self.came_at: list[int] = []

    def dated(self, at: int, step: Dated, activities: list[Done]) -> tuple[Entry, ...] | None:
        """The entries of a step (at ``at`` in the frame) with several live instances, or ``None`` if the
        activities change nothing."""
        assert step.windows is not None
        found = step.windows.assign(activities)
        if not any(found):
            return None
        unmet = step.unmet
        entries: list[Entry] = list(unmet)
        slots, dues, live_at, gone, came = step.slots, step.windows.dues, step.live_at, self.gone, self.came
        as_of, already = self.as_of, len(gone)
        for n, done in enumerate(found):
            if done is not None:
                status = _MET if done[ON] <= dues[n] else _LATE
                position = live_at[n]
                gone.append(unmet[position].status)
                came.append(status)
                entries[position] = (status, _dated, (step, slots[position], done, as_of))
        moved = [at] * (len(gone) - already)  # the step of each status moved, all at once
        self.gone_at.extend(moved)
        self.came_at.extend(moved)
        return tuple(entries)

    def qualitative(self, at: int, step: Qualitative, activities: Sequence[Done]) -> tuple[Entry, ...] | None:
        """The entries of ``step`` (at ``at`` in the frame) given its type's activities and its
        attestations, or ``None``."""
        attestations = self.attestations.get(step.uid, ())
        entries: list[Entry] = []
        changed = False
        for slot in step.slots:
            if not isinstance(slot, Slot):
                entries.append(slot)
            elif qualitative_shown(slot.instance.start, slot.instance.end, activities, attestations):
                self.gone.append(slot.unmet.status)
                self.came.append(_MET)
                self.gone_at.append(at)
                self.came_at.append(at)
                entries.append((_MET, _qualitative, (step, slot, activities, attestations)))
                changed = True
            else:
                entries.append(slot.unmet)
        return tuple(entries) if changed else None

    def triggered(self, at: int, step: Triggered) -> tuple[Entry, ...]:
        """The instances of a triggered duty (at ``at`` in the frame): one per event of its types, by
        date, id and position."""
        duty, plan = step.duty, step.plan
        schedule = duty.placed.obligation.schedule
        assert schedule.kind == "triggered"
        by_type = self.index.events_by_type
        events = [pair for event_type in schedule.events for pair in by_type.get(event_type, ())]
        if not events:
            return (step.none,)
        self.gone.append(step.none.status)
        self.gone_at.append(at)
        instrument = duty.placed.pack.instrument
        effective, addressee_until = instrument.effective, step.bound.addressee_until
        activity = duty.placed.obligation.activity
        events_of_record, serving, as_of = self.record.events, self.index.serving, self.as_of
        came = self.came
        used: set[int] = set()
        entries: list[Entry] = []
        # Each instance's proof is chosen in turn: an activity serves one instance at most.
        for dates in triggered_dates(plan, events):
            start, due, close, position, stated = dates
            # judged by the deadline as stated: a move off a day off never makes a duty bind that did not
            why = instance_in_time(start, stated or due, instrument, addressee_until)
            # The window opens on the event's day, or on the effective date if that is later.
            opens = start if start >= effective else effective
            # One that does not bind may still be shown done by what was done while it bound (due after its
            # bearer ceased, opened before): met; nothing done, it does not apply (applicability.credited_span).
            if why is not None and credited_span(start, close, None, why, effective, addressee_until) is None:
                came.append(Status.NOT_APPLICABLE)
                entries.append((Status.NOT_APPLICABLE, self._triggered_not_applicable, (step, dates, why)))
                continue
            as_stated = dates
            ceased = addressee_until is not None and close >= addressee_until
            if ceased:
                # A body that ceased can no longer answer late (see framing.closed_by).
                assert addressee_until is not None
                close = addressee_until - dt.timedelta(days=1)
                dates = (start, due, close, position, stated)
            event = events_of_record[position]
            answers = serving.get((activity, event.id), ())
            proof = triggered_proof(event, position, opens, close, answers, as_of, used)
            if why is not None and proof is None:
                came.append(Status.NOT_APPLICABLE)
                entries.append(
                    (Status.NOT_APPLICABLE, self._triggered_not_applicable, (step, as_stated, why))
                )
                continue
            status = dated_status(due, close, None if proof is None else proof.on, as_of)
            came.append(status)
            too_late: Proof | None = None
            unresolved = False
            if status is Status.MISSED:
                # What was done after the late window closed does not show the duty done, but the sentence says
                # it is there: "the record shows nothing" would be untrue of a case the record shows resolved.
                too_late = late_answer(event, position, close, answers, as_of, used)
                # Nothing answers the case at all, and the body is still there to answer it: still to do.
                gone = ceased or (addressee_until is not None and addressee_until <= as_of)
                unresolved = not gone and not answered(event, answers, as_of, used)
            entries.append((status, self._triggered_result, (step, dates, proof, too_late, unresolved)))
        self.came_at.extend([at] * len(entries))
        return tuple(entries)

    def _triggered_opening(
        self, step: Triggered, instance: Instance
    ) -> tuple[tuple[str, str], dict[str, Any]]:
        assert instance.event is not None
        event = self.record.events[instance.event]
        trigger = evidence_ref("event", event.id, f"/events/{instance.event}", event.date)
        label = self.rules.event_labels.get(event.type)
        phrase = explain.trigger_phrase(event.id, event.date, label)
        longer = extended(step.plan, event.date, event)
        if longer is not None and event.extension is not None:
            # due on the last day of the longer period the record gives: the record's date, not an
            # interpretation, unless it lay beyond the law's ceiling, counted from the interpreted deadline
            words = LONGEST_EXTENSION[event.type]
            opening = step.duty.sentence.extended(phrase, longer, event.extension.basis, words)
            return opening, placement(instance, longer.ceiling is not None, trigger)
        opening = step.duty.sentence.dated(phrase, instance.due, step.plan.due_interpreted, instance.stated)
        return opening, placement(instance, step.plan.due_interpreted, trigger)

    def _triggered_not_applicable(
        self, refs: dict[str, EvidenceRef], step: Triggered, dates: TriggeredDates, why: ReasonCode
    ) -> DutyResult:
        instance = triggered_instance(dates)
        opening, where = self._triggered_opening(step, instance)
        text = instance_reason(
            step.duty,
            instance,
            why,
            step.bound,
            self.frame.identity.addressee_until,
            self.frame.key.kind,
            self.rules.rulebook.vocabulary,
            self.frame.identity.successors,
        )
        relied = self.frame.identity.successors if why == "no_addressee" else ()
        return instance_not_applicable(step.duty, step.plan, opening, where, text, relied)

    def _triggered_result(
        self,
        refs: dict[str, EvidenceRef],
        step: Triggered,
        dates: TriggeredDates,
        proof: Proof | None,
        too_late: Proof | None = None,
        unresolved: bool = False,
    ) -> DutyResult:
        instance = triggered_instance(dates).clipped(step.duty.placed.pack.instrument.effective)
        opening, where = self._triggered_opening(step, instance)
        evidence = None if proof is None else _ref(refs, proof)
        as_of = self.frame.key.as_of
        # a case still unresolved counts its days past due, as an overdue duty does (it stays missed)
        decision = None
        if unresolved:
            assert instance.due is not None
            decision = Decision(Status.MISSED, days_overdue=(as_of - instance.due).days)
        return dated_result(
            step.duty,
            step.plan,
            instance,
            opening,
            where,
            proof,
            evidence,
            as_of,
            decision,
            too_late=too_late,
            unresolved=unresolved,
        )
