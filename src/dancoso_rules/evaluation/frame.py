"""The frame of an evaluation: what depends on who is evaluated, for which period and day, not on the record.

Records of organisations of the same kind, level, functions and bodies, answering to the same
packs, over the same period, evaluated on the same day with the rulebook's own interpretations,
share one :class:`Frame`: which obligations bind, each one's instances with their windows, due
dates and sentences, every not-applicable result, and the result each instance has when the record
shows nothing for it. Evaluating a record then only matches its activities to the frame's instances
and builds the results its evidence changes.

A frame is built by :func:`build_frame` from its :class:`FrameKey` alone: it is never given the
record, so nothing in it can depend on one. :class:`~dancoso_rules.evaluation.prepared.Prepared`
keeps the last few frames of each rulebook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from dancoso_rules.evaluation import construct, explain
from dancoso_rules.evaluation.applicability import (
    Binding,
    Identity,
    binding,
    instance_in_time,
    not_binding,
    span_in_time,
)
from dancoso_rules.evaluation.construct import reason
from dancoso_rules.evaluation.instances import (
    Instance,
    Plan,
    Span,
    dated_instances,
    one_off_instances,
    periodic_instances,
    qualitative_instances,
    record_span,
)
from dancoso_rules.evaluation.interpretations import InterpretationTable
from dancoso_rules.evaluation.matching import Windows, counts_from
from dancoso_rules.evaluation.outcomes import (
    bearer_labels,
    dated_result,
    instance_not_applicable,
    instance_reason,
    placement,
    qualitative_result,
    whole_not_applicable,
)
from dancoso_rules.evaluation.prepared import Duty, Prepared
from dancoso_rules.evaluation.result import DutyResult, Reason, ReasonCode
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model import RulePack
from dancoso_rules.record.view import OrganisationLike, PeriodLike


class FrameKey(NamedTuple):
    """What a frame depends on: the organisation's identity and level, its packs, its period, the day.

    (A named tuple: every record makes one, to look its frame up by.)
    """

    packs: tuple[str, ...]
    kind: str
    level: str
    functions: tuple[str, ...]
    bodies: tuple[str, ...] | None
    start: dt.date
    end: dt.date
    as_of: dt.date

    @classmethod
    def of(
        cls, organisation: OrganisationLike, period: PeriodLike, packs: tuple[RulePack, ...], as_of: dt.date
    ) -> FrameKey:
        """The key of a record's frame."""
        return cls(
            tuple([pack.id for pack in packs]),
            organisation.kind,
            organisation.level,
            tuple(organisation.functions),  # tuples already, unless the record was built unvalidated
            None if organisation.bodies is None else tuple(organisation.bodies),
            period.start,
            period.end,
            as_of,
        )


@dataclass(frozen=True, slots=True)
class Slot:
    """A live instance: its window and dates, the opening of its sentence, its placement, and its
    result when the record shows nothing for it."""

    instance: Instance
    opening: tuple[str, str]
    where: dict[str, Any]
    unmet: DutyResult


@dataclass(frozen=True, slots=True)
class Fixed:
    """An obligation whose results do not depend on the record (it does not bind, or has nothing to do)."""

    results: tuple[DutyResult, ...]


@dataclass(frozen=True, slots=True)
class Dated:
    """A periodic, regular or one-off obligation: its instances in order, live ones as :class:`Slot`."""

    duty: Duty
    plan: Plan
    slots: tuple[Slot | DutyResult, ...]
    live: tuple[Instance, ...]
    unmet: tuple[DutyResult, ...]
    #: The obligation's activity type, and where the live instances are among ``slots``.
    activity: str = ""
    live_at: tuple[int, ...] = ()
    #: Its live instances laid out for matching, when it has several (one is matched in line).
    windows: Windows | None = None


@dataclass(frozen=True, slots=True)
class Qualitative:
    """A qualitative obligation: its one window over the record's period (or why it does not bind)."""

    duty: Duty
    plan: Plan
    slots: tuple[Slot | DutyResult, ...]
    #: The obligation's activity type and full id (what attestations name).
    activity: str = ""
    uid: str = ""

    @property
    def unmet(self) -> tuple[DutyResult, ...]:
        """Its results when the record shows nothing for it."""
        return tuple(slot.unmet if isinstance(slot, Slot) else slot for slot in self.slots)


@dataclass(frozen=True, slots=True)
class Triggered:
    """A triggered obligation: its instances come from the record's events; ``none`` when it has none."""

    duty: Duty
    plan: Plan
    bound: Binding
    none: DutyResult


Step = Fixed | Dated | Qualitative | Triggered


@dataclass(frozen=True, slots=True)
class Single:
    """A step with exactly one live instance, spelt out for the evaluator's inner loop.

    ``at``: where the instance is among the step's slots; ``first`` and ``last``: the first and
    the last day on which doing it counts (for a dated duty, :func:`~.matching.counts_from` and
    its close date; for a qualitative one, its window); ``due``: its due date (``None`` for a
    qualitative duty); ``slot``: its slot; ``alone``: whether it is the step's only result;
    ``before``: its status when the record shows nothing. (A slotted class: the inner loop reads
    its fields, and a named tuple's cost a generic attribute lookup each on Python 3.11.)
    """

    at: int
    first: dt.date
    last: dt.date
    due: dt.date | None
    slot: Slot
    alone: bool
    before: Status
    #: The last day of its calendar period, which an activity naming the period it covers must name.
    period_end: dt.date | None = None

    @classmethod
    def of(cls, slots: tuple[Slot | DutyResult, ...]) -> Single | None:
        """The one live instance among ``slots``, or ``None`` if there are none or several."""
        live = [n for n, slot in enumerate(slots) if isinstance(slot, Slot)]
        if len(live) != 1:
            return None
        slot = slots[live[0]]
        assert isinstance(slot, Slot)
        instance = slot.instance
        if instance.due is None:  # qualitative: its window
            first, last = instance.start, instance.end
        else:
            assert instance.close is not None
            first, last = counts_from(instance), instance.close
        period_end = None if instance.due is None or instance.period is None else instance.period.end
        return cls(live[0], first, last, instance.due, slot, len(slots) == 1, slot.unmet.status, period_end)


#: A dated or qualitative step, with its position in the frame and, if it has one live instance, that.
DatedAt = tuple[int, Dated, Single | None]
QualitativeAt = tuple[int, Qualitative, Single | None]


@dataclass(frozen=True, slots=True)
class Frame:
    """Every obligation of the selected packs, in the instruments' order, ready for a record.

    ``segments[i]`` holds the results of ``steps[i]`` when the record shows nothing for it, and
    ``counts`` how many of those results have each status. A record changes only the steps its
    contents reach, each listed with its position: ``by_activity`` the dated and qualitative steps
    an activity type can show done, ``attested`` (qualitative) by the obligation id an attestation
    names, ``triggered`` by the event type that opens them. Steps with no live instance are in none.
    """

    key: FrameKey
    identity: Identity
    steps: tuple[Step, ...]
    segments: tuple[tuple[DutyResult, ...], ...] = ()
    counts: dict[Status, int] = field(default_factory=dict)
    #: By activity type: the dated steps and the qualitative steps it can show done.
    by_activity: dict[str, tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]]] = field(
        default_factory=dict
    )
    attested: dict[str, tuple[tuple[int, Qualitative], ...]] = field(default_factory=dict)
    triggered: dict[str, tuple[tuple[int, Triggered], ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, key: FrameKey, identity: Identity, steps: tuple[Step, ...]) -> Frame:
        """The frame of ``steps``, with its default results and lookups."""
        segments = tuple(_segment(step) for step in steps)
        counts: dict[Status, int] = {}
        for segment in segments:
            for result in segment:
                counts[result.status] = counts.get(result.status, 0) + 1
        dated: dict[str, list[DatedAt]] = {}
        qualitative: dict[str, list[QualitativeAt]] = {}
        attested: dict[str, list[tuple[int, Qualitative]]] = {}
        triggered: dict[str, list[tuple[int, Triggered]]] = {}
        for position, step in enumerate(steps):
            if isinstance(step, Triggered):
                schedule = step.duty.placed.obligation.schedule
                assert schedule.kind == "triggered"
                for event_type in dict.fromkeys(schedule.events):
                    triggered.setdefault(event_type, []).append((position, step))
            elif isinstance(step, Dated) and step.live_at:
                dated.setdefault(step.activity, []).append((position, step, Single.of(step.slots)))
            elif isinstance(step, Qualitative) and any(isinstance(slot, Slot) for slot in step.slots):
                qualitative.setdefault(step.activity, []).append((position, step, Single.of(step.slots)))
                attested.setdefault(step.uid, []).append((position, step))
        by_activity = {
            kind: (tuple(dated.get(kind, ())), tuple(qualitative.get(kind, ())))
            for kind in dict.fromkeys([*dated, *qualitative])
        }
        return cls(
            key,
            identity,
            steps,
            segments,
            counts,
            by_activity,
            {k: tuple(v) for k, v in attested.items()},
            {k: tuple(v) for k, v in triggered.items()},
        )


def _segment(step: Step) -> tuple[DutyResult, ...]:
    if isinstance(step, Fixed):
        return step.results
    if isinstance(step, Dated | Qualitative):
        return step.unmet
    return (step.none,)


def frame_for(rules: Prepared, table: InterpretationTable, key: FrameKey) -> Frame:
    """The frame of ``key`` (kept when ``table`` is the rulebook's own interpretations)."""
    if table is not rules.default_table:
        return build_frame(rules, table, key)
    found = rules.kept_frame(key)
    if found is None:
        found = build_frame(rules, table, key)
        rules.keep_frame(key, found)
    return found


def build_frame(rules: Prepared, table: InterpretationTable, key: FrameKey) -> Frame:
    """Build the frame of ``key`` from the rules alone."""
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
    return Frame.of(key, identity, tuple(steps))


def _before_the_law(instance: Instance, effective: dt.date, span: Span) -> bool:
    """Whether a periodic instance of a period that began before the instrument took effect, and that
    ended before the record's period, reaches the record only because it falls due in it: the review
    of 2024-H2 under a resolution in force from 19/12/2024 is no duty of a 2025 record."""
    period = instance.period
    return period is not None and period.start < effective and period.end < span.start


def when(instance: Instance) -> tuple[str, str] | None:
    """The period phrase of an instance that is not triggered (``None`` for a one-off duty)."""
    return None if instance.period is None else explain.period_phrase(instance.period)


@dataclass(frozen=True, slots=True)
class _Builder:
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
            plan = replace(plan, interpretations=ids)
        else:
            expanded = periodic_instances(plan, self.span)
        if not expanded:
            due = plan.due_after(instrument.effective)
            why = reason("outside_period", explain.reason_outside_period(due))
            return Fixed((whole_not_applicable(duty, why),))
        if plan.kind == "periodic" and not plan.after_period:
            expanded = [i for i in expanded if not _before_the_law(i, instrument.effective, self.span)]
        slots: list[Slot | DutyResult] = []
        for instance in expanded:
            assert instance.due is not None
            why_not = instance_in_time(instance.start, instance.due, instrument, bound.addressee_until)
            if why_not is not None:
                slots.append(self._not_applicable(duty, plan, bound, instance, why_not))
                continue
            live = closed_by(instance.clipped(instrument.effective), bound.addressee_until)
            opening = duty.sentence.dated(when(live), live.due)
            where = placement(live)
            unmet = dated_result(duty, plan, live, opening, where, None, None, self.key.as_of)
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
            opening = duty.sentence.dated(when(window), None)
            where = placement(window)
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
        opening = duty.sentence.dated(when(instance), instance.due)
        relied = self.identity.successors if why == "no_addressee" else ()
        return instance_not_applicable(duty, plan, opening, placement(instance), text, relied)

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
