"""Each kind of :class:`DutyResult`, put together from its parts: placement, status, evidence, sentence.

These functions take only what the result says, never the record as a whole: the evaluator calls
them both for results that hold the record's evidence and, once per frame (see :mod:`.frame`), for
results that hold nothing of the record and are shared by every record of the frame.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.applicability import Binding
from dancoso_rules.evaluation.construct import date_range, period_ref, reason
from dancoso_rules.evaluation.duty import Duty
from dancoso_rules.evaluation.instances import Instance, Plan, Span
from dancoso_rules.evaluation.matching import Proof
from dancoso_rules.evaluation.result import DateRange, DutyResult, EvidenceRef, PeriodRef, Reason, ReasonCode
from dancoso_rules.evaluation.status import Decision, Status, decide
from dancoso_rules.model import Labels, Vocabulary


def placement(instance: Instance, interpreted: bool, trigger: EvidenceRef | None = None) -> dict[str, Any]:
    """The fields that place a result in time: period, trigger, window, due (as stated) and close
    dates, the due date as counted when it was moved off a day off, and whether the due date rests on
    an interpretation (``interpreted``: the plan's :attr:`~dancoso_rules.evaluation.instances.Plan.due_interpreted`)."""
    period = instance.period
    stated = instance.stated
    return {
        "period": None if period is None else _period_ref(period),
        "trigger": trigger,
        "window": _date_range(instance.start, instance.end),
        "due": instance.due if stated is None else stated,
        "counted_due": None if stated is None else instance.due,
        "due_interpreted": interpreted and instance.due is not None,
        "close": instance.close,
    }


@lru_cache(maxsize=4096)
def _period_ref(period: Span) -> PeriodRef:
    return period_ref(period.label, period.start, period.end)


@lru_cache(maxsize=4096)
def _date_range(start: dt.date, end: dt.date) -> DateRange:
    return date_range(start, end)


def whole_not_applicable(duty: Duty, why: Reason) -> DutyResult:
    """The one result of an obligation that does not bind at all (or has nothing to do in the period)."""
    return duty.result(
        status=Status.NOT_APPLICABLE,
        reason=why,
        explanation=explain.not_applicable(duty.sentence.dated(None, None), why.text),
    )


def bearer_labels(vocabulary: Vocabulary, bearer_ids: Sequence[str]) -> list[Labels]:
    """The names of bearers by id (an id the vocabulary lacks names itself)."""
    table = vocabulary.bearer_by_id
    return [table[b].label if b in table else Labels(vi=b, en=b) for b in bearer_ids]


def instance_reason(
    duty: Duty,
    instance: Instance,
    why: ReasonCode,
    bound: Binding,
    own_until: dt.date | None,
    kind: str,
    vocabulary: Vocabulary,
    successors: tuple[str, ...] = (),
) -> Reason:
    """Why one instance does not bind: not yet or no longer in force, or no addressee left.

    ``own_until`` is the day the organisation's own kind loses its addressee, and ``kind`` that kind;
    ``successors``: the merger readings its kind relies on (the reason then says a successor is not judged).
    """
    instrument = duty.placed.pack.instrument
    if why == "not_in_force":
        # as stated (a qualitative instance has no due date at all)
        text = explain.reason_not_in_force(instrument.effective, instance.stated or instance.due)
    elif why == "no_longer_in_force":
        assert instrument.in_force_until is not None
        text = explain.reason_no_longer_in_force(instrument.in_force_until)
    else:
        assert bound.addressee_until is not None
        own = own_until == bound.addressee_until
        whose = [kind] if own else bound.bearers
        text = explain.reason_no_addressee(
            bound.addressee_until, bearer_labels(vocabulary, whose), successor=own and bool(successors)
        )
    return reason(why, text)


def instance_not_applicable(
    duty: Duty,
    plan: Plan,
    opening: tuple[str, str],
    where: dict[str, Any],
    why: Reason,
    relied: tuple[str, ...] = (),
) -> DutyResult:
    """The result of one instance that does not bind (``where``: its :func:`placement`).

    ``relied``: further interpretations the reason rests on (a successor flag, for ``no_addressee``).
    """
    return duty.result(
        **where,
        status=Status.NOT_APPLICABLE,
        interpretations=(*plan.interpretations, *relied) if relied else plan.interpretations,
        reason=why,
        explanation=explain.not_applicable(opening, why.text),
    )


def dated_result(
    duty: Duty,
    plan: Plan,
    instance: Instance,
    opening: tuple[str, str],
    where: dict[str, Any],
    proof: Proof | None,
    evidence: EvidenceRef | None,
    as_of: dt.date,
    decision: Decision | None = None,
    ended: dt.date | None = None,
    too_late: Proof | None = None,
    unresolved: bool = False,
) -> DutyResult:
    """The result of one dated instance: done on time, late, or not (``evidence``: the proof's reference;
    ``too_late``: what the record shows done after the late window closed, which does not count but is said;
    ``unresolved``: a triggered case still to be resolved, see :attr:`DutyResult.unresolved`).

    ``decision`` is its status when already decided (else it is decided here); ``ended``: the day from which
    its bearer no longer exists, when that cut its late window short (see
    :func:`~dancoso_rules.evaluation.framing.closed_by`). A placement with no due date is an instance that
    fell due before the instrument took effect, shown done while it was in force: it is said done, never on
    time (see :func:`~dancoso_rules.evaluation.applicability.credited_span`).
    """
    assert instance.due is not None
    assert instance.close is not None
    if decision is None:
        decision = decide(
            due=instance.due, close=instance.close, done_on=None if proof is None else proof.on, as_of=as_of
        )
    return duty.result(
        **where,
        status=decision.status,
        days_left=decision.days_left,
        days_overdue=decision.days_overdue,
        days_late=decision.days_late,
        unresolved=unresolved,
        evidence=() if evidence is None else (evidence,),
        interpretations=plan.interpretations,
        explanation=explain.join(
            opening,
            _outcome(duty, decision, proof, instance.close, ended, where["due"] is not None, too_late),
        ),
    )


def _outcome(
    duty: Duty,
    decision: Decision,
    proof: Proof | None,
    close: dt.date | None,
    ended: dt.date | None = None,
    timed: bool = True,
    too_late: Proof | None = None,
) -> tuple[str, str]:
    """What the record shows, in words; a request or an encouragement never reads as overdue."""
    not_binding = explain.NOT_BINDING.get(duty.placed.obligation.modality.value)
    if not_binding is None:
        return explain.outcome(decision, proof, close, ended, timed, too_late)
    return explain.outcome_not_binding(decision, proof, close, not_binding)


def qualitative_result(
    duty: Duty,
    plan: Plan,
    opening: tuple[str, str],
    where: dict[str, Any],
    proofs: tuple[Proof, ...],
    evidence: tuple[EvidenceRef, ...],
) -> DutyResult:
    """The result of a qualitative duty over its window: met when anything shows it, else unverified."""
    return duty.result(
        **where,
        status=Status.MET if proofs else Status.UNVERIFIED,
        evidence=evidence,
        interpretations=plan.interpretations,
        explanation=explain.join(opening, explain.qualitative_outcome(proofs)),
    )
