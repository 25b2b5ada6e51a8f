"""Framing: building the :class:`~dancoso_rules.evaluation.frame.Frame` of a key from the rules alone.

:func:`build_frame` goes through every obligation of the selected packs, in the instruments'
order, and decides what does not depend on the record: whether it binds the organisation
(:mod:`.applicability`), its instances with their windows and due dates (:mod:`.instances`), and
the result of each instance when the record shows nothing for it (:mod:`.outcomes`). It is given a
:class:`~dancoso_rules.evaluation.frame.FrameKey`, never the record. :func:`frame_for` takes the
frame the prepared rulebook (:mod:`.prepared`) kept for the key, or builds and keeps it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import msgspec

from dancoso_rules.evaluation import construct, explain
from dancoso_rules.evaluation.applicability import (
    Binding,
    Identity,
    binding,
    credited_span,
    instance_in_time,
    not_binding,
    span_in_time,
)
from dancoso_rules.evaluation.construct import reason
from dancoso_rules.evaluation.duty import Duty
from dancoso_rules.evaluation.frame import Dated, Fixed, Frame, FrameKey, Qualitative, Slot, Step, Triggered
from dancoso_rules.evaluation.instances import (
    Instance,
    Plan,
    Shift,
    Span,
    as_stated,
    dated_instances,
    one_off_instances,
    periodic_instances,
    qualitative_instances,
    record_span,
)
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.matching import Windows
from dancoso_rules.evaluation.outcomes import (
    bearer_labels,
    dated_result,
    instance_not_applicable,
    instance_reason,
    placement,
    qualitative_result,
    whole_not_applicable,
)
from dancoso_rules.evaluation.prepared import Prepared
from dancoso_rules.evaluation.result import DutyResult, Reason, ReasonCode
from dancoso_rules.evaluation.workdays import WorkingCalendar, working_calendar


def frame_for(rules: Prepared, table: InterpretationTable, key: FrameKey) -> Frame:
    """The frame of ``key`` (kept when ``table`` is the rulebook's own interpretations)."""
    if table is not rules.default_table:
        return build_frame(rules, table, key)
    found = rules.kept_frame(key)
    if found is None or (found.calendar is not None and found.calendar is not working_calendar()):
        # Periodic and one-off due dates moved off a day off were counted on the working calendar: a kept frame
        # is kept with it (a triggered duty's dates are counted for each record's events, and kept by their plan).
        counted = any(
            plan.roll_forward and plan.kind != "triggered"
            for pack in rules.rulebook.packs
            if pack.id in key.packs
            for plan in (rules.plan(duty, table) for duty in rules.duties[pack.id])
        )
        found = build_frame(rules, table, key, working_calendar() if counted else None)
        rules.keep_frame(key, found)
    return found


def build_frame(
    rules: Prepared, table: InterpretationTable, key: FrameKey, calendar: WorkingCalendar | None = None
) -> Frame:
    """Build the frame of ``key`` from the rules alone (``calendar``: the one its dates were counted on, for a
    frame that is kept)."""
    vocabulary = rules.rulebook.vocabulary
    lifted = frozenset(i.id for i in table.by_id.values() if i.kind == "flag" and i.value == "yes")
    identity = Identity.of_parts(key.kind, key.functions, key.bodies, vocabulary, lifted)
    builder = _Builder(rules, table, key, identity, record_span(key.start, key.end))
    steps = [
        builder.step(duty, key.level in pack.instrument.scope_levels)
        for pack in rules.rulebook.packs
        if pack.id in key.packs
        for duty in rules.duties[pack.id]
    ]
    return Frame.of(key, identity, tuple(steps), calendar)


def _before_the_law(instance: Instance, effective: dt.date, span: Span) -> bool:
    """Whether a periodic instance of a period that began before the instrument took effect, and that
    ended before the record's period, reaches the record only because it falls due in it: the review
    of 2024-H2 under a resolution in force from 19/12/2024 is no duty of a 2025 record."""
    period = instance.period
    return period is not None and period.start < effective and period.end < span.start


#: The interpretation that says how much of a period an instrument must be in force for its duty of that period to count.
PARTIAL_PERIOD = "partial-period-minimum"


def _too_little_in_force(instance: Instance, effective: dt.date, least: Shift) -> bool:
    """Whether the instrument took effect during the instance's period with less than ``least`` of it left
    (a period wholly in force, or wholly before it, is not one)."""
    period = instance.period
    return (
        period is not None
        and period.start < effective <= period.end
        and least.after(effective) > period.end + dt.timedelta(days=1)
    )


def when(instance: Instance) -> tuple[str, str] | None:
    """The period phrase of an instance that is not triggered (``None`` for a one-off duty)."""
    return None if instance.period is None else explain.period_phrase(instance.period)


class _Builder(msgspec.Struct, frozen=True):
    rules: Prepared
    table: InterpretationTable
    key: FrameKey
    identity: Identity
    span: Span

    def step(self, duty: Duty, in_scope: bool) -> Step:
        placed = duty.placed
        vocabulary = self.rules.rulebook.vocabulary
        if not in_scope:
            text = explain.reason_level(placed.pack.instrument.scope_levels, self.key.level)
            return Fixed((whole_not_applicable(duty, reason("level_out_of_scope", text)),))
        effective = placed.pack.instrument.effective
        if self.key.as_of < effective:  # nothing binds before the law exists, not even "upcoming"
            text = explain.reason_not_yet_in_force(effective, self.key.as_of)
            return Fixed((whole_not_applicable(duty, reason("not_in_force", text)),))
        for ref in placed.obligation.interpretations:  # a flag read as "no" lifts the bearer it gave
            flag = self.table.get(ref)
            if flag.kind == "flag" and not flag.flag:
                text = explain.reason_flag_off(ref, flag.title)
                return Fixed((whole_not_applicable(duty, reason("not_bearer", text)),))
        bound = binding(placed.obligation, self.identity, vocabulary)
        unanswerable = not_binding(placed.obligation, vocabulary) if bound is None else ()
        if unanswerable:
            text = explain.reason_not_binding(
                [b.label for b in unanswerable], [b.force_note for b in unanswerable]
            )
            return Fixed((whole_not_applicable(duty, reason("not_binding", text)),))
        if bound is None:
            kind = vocabulary.bearer_by_id.get(self.key.kind)
            kind_label = kind.label if kind else construct.labels(self.key.kind, self.key.kind)
            labels = bearer_labels(vocabulary, placed.obligation.bearers)
            text = explain.reason_not_bearer(labels, kind_label, self.key.kind)
            return Fixed((whole_not_applicable(duty, reason("not_bearer", text)),))
        plan = self.rules.plan(duty, self.table)
        if plan.kind == "qualitative":
            slots = tuple(self._qualitative(duty, plan, bound))
            return Qualitative(duty, plan, slots, placed.obligation.activity, placed.uid)
        if plan.kind == "triggered":
            return Triggered(duty, plan, bound, whole_not_applicable(duty, self._no_event(duty)))
        return self._dated(duty, plan, bound)

    def _dated(self, duty: Duty, plan: Plan, bound: Binding) -> Dated | Fixed:
        instrument = duty.placed.pack.instrument
        if plan.kind == "one_off":
            expanded: tuple[Instance, ...] | list[Instance] = one_off_instances(
                plan, instrument.effective, self.span
            )
        elif self.table.dated(plan.interpretations):  # values that change with the date or the level
            obligation, uid = duty.placed.obligation, duty.placed.uid
            expanded, ids = dated_instances(obligation, self.table, uid, self.key.level, self.span)
            plan = dataclasses.replace(plan, interpretations=ids)
        else:
            expanded = periodic_instances(plan, self.span)
        if not expanded:
            due = plan.due_after(instrument.effective)
            why = reason("outside_period", explain.reason_outside_period(due))
            return Fixed((whole_not_applicable(duty, why),))
        if plan.kind == "periodic" and not plan.after_period:
            expanded = [i for i in expanded if not _before_the_law(i, instrument.effective, self.span)]
        # What is done within its period (not the plan of a period, nor a conference held after it) is asked for
        # in a period the instrument took effect during only when enough of the period was left (a rulebook
        # without the interpretation asks for every period).
        within = plan.kind in ("periodic", "regular") and not plan.after_period and not plan.plan
        least = (
            Shift.of(self.table.duration(PARTIAL_PERIOD, (self.key.level, instrument.effective)))
            if within and PARTIAL_PERIOD in self.table.by_id
            else None
        )
        slots: list[Slot | DutyResult] = []
        for instance in expanded:
            assert instance.due is not None
            # judged by the deadline as stated: a move off a day off never makes a duty bind that did not
            why_not = instance_in_time(instance.start, as_stated(instance), instrument, bound.addressee_until)
            if why_not is not None:
                not_applicable = self._not_applicable(duty, plan, bound, instance, why_not)
                assert instance.close is not None
                end = None if instance.period is None else instance.period.end
                span = credited_span(
                    instance.start, instance.close, end, why_not, instrument.effective, bound.addressee_until
                )
                if span is None:
                    slots.append(not_applicable)
                else:  # what was done while the duty bound the body still shows it done
                    slots.append(self._credited(duty, plan, bound, instance, span, not_applicable))
                continue
            clipped = instance.clipped(instrument.effective)
            live = closed_by(clipped, bound.addressee_until)
            # The bearer's end, when it cut the late window short: the sentence then says so.
            ended = bound.addressee_until if live.close != clipped.close else None
            opening = duty.sentence.dated(when(live), live.due, plan.due_interpreted, live.stated)
            if least is not None and _too_little_in_force(instance, instrument.effective, least):
                # Too little of the period was left to ask for it: what was done in time still counts (met),
                # nothing done is no finding, and nothing is accepted late.
                live = live._replace(close=live.due)
                where = placement(live, plan.due_interpreted)
                unmet = self._partly_in_force(duty, plan, live, opening, where)
            else:
                where = placement(live, plan.due_interpreted)
                unmet = dated_result(
                    duty, plan, live, opening, where, None, None, self.key.as_of, ended=ended
                )
            slots.append(Slot(live, opening, where, unmet))
        live_at = tuple(n for n, s in enumerate(slots) if isinstance(s, Slot))
        live_instances = tuple(s.instance for s in slots if isinstance(s, Slot))
        unmet_results = tuple(s.unmet if isinstance(s, Slot) else s for s in slots)
        windows = Windows.of(live_instances) if len(live_at) > 1 else None
        activity = duty.placed.obligation.activity
        return Dated(duty, plan, tuple(slots), live_instances, unmet_results, activity, live_at, windows)

    def _qualitative(self, duty: Duty, plan: Plan, bound: Binding) -> Iterator[Slot | DutyResult]:
        instrument = duty.placed.pack.instrument
        for instance in qualitative_instances(self.span):
            why, start, end = span_in_time(instance.start, instance.end, instrument, bound.addressee_until)
            if why is not None:
                yield self._not_applicable(duty, plan, bound, instance, why)
                continue
            window = Instance(start, end, period=instance.period)
            phrase = when(window)
            if phrase is not None and (start, end) != (instance.start, instance.end):
                # bound for part of the period only (in force later, or the bearer ceased): say which days
                phrase = explain.part_of(phrase, start, end)
            opening = duty.sentence.dated(phrase, None)
            where = placement(window, False)
            yield Slot(window, opening, where, qualitative_result(duty, plan, opening, where, (), ()))

    def _not_applicable(
        self, duty: Duty, plan: Plan, bound: Binding, instance: Instance, why: ReasonCode
    ) -> DutyResult:
        vocabulary = self.rules.rulebook.vocabulary
        identity = self.identity
        text = instance_reason(
            duty,
            instance,
            why,
            bound,
            identity.addressee_until,
            self.key.kind,
            vocabulary,
            identity.successors,
        )
        opening = duty.sentence.dated(when(instance), instance.due, plan.due_interpreted, instance.stated)
        relied = self.identity.successors if why == "no_addressee" else ()
        return instance_not_applicable(
            duty, plan, opening, placement(instance, plan.due_interpreted), text, relied
        )

    def _credited(
        self,
        duty: Duty,
        plan: Plan,
        bound: Binding,
        instance: Instance,
        span: tuple[dt.date, dt.date],
        not_applicable: DutyResult,
    ) -> Slot:
        """The slot of an instance that does not bind (``not_applicable``, its result when nothing was done)
        but that what was done within ``span`` shows done (see :func:`credited_span`): met, never late.

        It is matched as an instance due and closing on the span's last day, so that every day of the span is
        on time and none after it counts. Its result says so truly: an instance due after its bearer ceased
        keeps its due date (done before it, it was done on time); one that fell due before the instrument took
        effect is placed with no due date, and its sentence says why no deadline is assessed.
        """
        first, last = span
        counted = Instance(first, last, last, last, instance.period)
        stated = as_stated(instance)
        if stated < duty.placed.pack.instrument.effective:
            shown = Instance(first, last, None, last, instance.period)
            opening = duty.sentence.before_in_force(
                when(instance), stated, duty.placed.pack.instrument.effective, plan.due_interpreted
            )
        else:
            shown = closed_by(instance.clipped(first), bound.addressee_until)
            opening = duty.sentence.dated(when(shown), shown.due, plan.due_interpreted, shown.stated)
        return Slot(counted, opening, placement(shown, plan.due_interpreted), not_applicable)

    def _partly_in_force(
        self, duty: Duty, plan: Plan, instance: Instance, opening: tuple[str, str], where: dict[str, Any]
    ) -> DutyResult:
        """The result, when nothing was done, of an instance whose period the instrument took effect in with too
        little of it left to ask for it."""
        assert instance.period is not None
        effective = duty.placed.pack.instrument.effective
        left = (instance.period.end - effective).days + 1
        text = explain.reason_partly_in_force(effective, left, self.table.get(PARTIAL_PERIOD).title)
        why = reason("not_in_force", text)
        return instance_not_applicable(duty, plan, opening, where, why, (PARTIAL_PERIOD,))

    def _no_event(self, duty: Duty) -> Reason:
        schedule = duty.placed.obligation.schedule
        assert schedule.kind == "triggered"
        labels = [self.rules.event_labels.get(e, construct.labels(e, e)) for e in schedule.events]
        return reason("no_event", explain.reason_no_event(labels))


def closed_by(instance: Instance, addressee_until: dt.date | None) -> Instance:
    """The instance with its close date no later than the last day its bearer existed.

    A body that ceased (a former province's department on 01/7/2025) can no longer do late what it did not
    do in time: from that day an instance it owed is ``missed``, never ``overdue`` as if it still could.
    """
    if addressee_until is None or instance.close is None or instance.close < addressee_until:
        return instance
    return instance._replace(close=addressee_until - dt.timedelta(days=1))
