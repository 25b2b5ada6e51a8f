"""The frame of an evaluation: what depends on who is evaluated, for which period and day, not on the record.

Records of organisations of the same kind, level, functions and bodies, answering to the same
packs, over the same period, evaluated on the same day with the rulebook's own interpretations,
share one :class:`Frame`: which obligations bind, each one's instances with their windows, due
dates and sentences, every not-applicable result, and the result each instance has when the record
shows nothing for it. Evaluating a record then only matches its activities to the frame's instances
and builds the results its evidence changes.

This module says what a frame holds. A frame is built by
:func:`~dancoso_rules.evaluation.framing.build_frame` from its :class:`FrameKey` alone: it is never
given the record, so nothing in it can depend on one.
:class:`~dancoso_rules.evaluation.prepared.Prepared` keeps the last few frames of each rulebook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import msgspec

from dancoso_rules.evaluation.applicability import Binding, Identity
from dancoso_rules.evaluation.duty import Duty
from dancoso_rules.evaluation.instances import Instance, Plan
from dancoso_rules.evaluation.matching import Windows, counts_from
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.status import Status
from dancoso_rules.evaluation.workdays import WorkingCalendar
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


class Slot(msgspec.Struct, frozen=True):
    """A live instance: its window and dates, the opening of its sentence, its placement, and its
    result when the record shows nothing for it."""

    instance: Instance
    opening: tuple[str, str]
    where: dict[str, Any]
    unmet: DutyResult


class Fixed(msgspec.Struct, frozen=True):
    """An obligation whose results do not depend on the record (it does not bind, or has nothing to do)."""

    results: tuple[DutyResult, ...]


class Dated(msgspec.Struct, frozen=True):
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


class Qualitative(msgspec.Struct, frozen=True):
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


class Triggered(msgspec.Struct, frozen=True):
    """A triggered obligation: its instances come from the record's events; ``none`` when it has none."""

    duty: Duty
    plan: Plan
    bound: Binding
    none: DutyResult


Step = Fixed | Dated | Qualitative | Triggered


class Single(msgspec.Struct, frozen=True):
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


class Frame(msgspec.Struct, frozen=True):
    """Every obligation of the selected packs, in the instruments' order, ready for a record.

    ``segments[i]`` holds the results of ``steps[i]`` when the record shows nothing for it, and
    ``counts`` how many of those results have each status. A record changes only the steps its
    contents reach, each listed with its position: ``by_activity`` the dated and qualitative steps
    an activity type can show done, ``served`` the same step by the obligation's full id (which an
    activity of any type may name in ``serves``), ``attested`` (qualitative) by the obligation id an
    attestation names, ``triggered`` by the event type that opens them. Steps with no live instance
    are in none.
    """

    key: FrameKey
    identity: Identity
    steps: tuple[Step, ...]
    segments: tuple[tuple[DutyResult, ...], ...] = ()
    counts: dict[Status, int] = msgspec.field(default_factory=dict)
    #: By activity type: the dated steps and the qualitative steps it can show done.
    by_activity: dict[str, tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]]] = msgspec.field(
        default_factory=dict
    )
    attested: dict[str, tuple[tuple[int, Qualitative], ...]] = msgspec.field(default_factory=dict)
    #: By obligation id: its step's position, its type, and the step as ``by_activity`` lists it.
    served: dict[str, tuple[int, str, tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]]]] = msgspec.field(
        default_factory=dict
    )
    triggered: dict[str, tuple[tuple[int, Triggered], ...]] = msgspec.field(default_factory=dict)
    #: The activity types any step can use: those of ``by_activity``, and those a triggered duty's
    #: serving activities have. A record's activities of other types change nothing.
    uses: frozenset[str] = frozenset()
    #: The working calendar its dates were counted on (``None`` if none was): a frame kept from before the
    #: calendar was made again (``working_calendar.cache_clear()``) is built again.
    calendar: WorkingCalendar | None = None

    @classmethod
    def of(
        cls,
        key: FrameKey,
        identity: Identity,
        steps: tuple[Step, ...],
        calendar: WorkingCalendar | None = None,
    ) -> Frame:
        """The frame of ``steps``, with its default results and lookups (``calendar``: the one its dates were
        counted on)."""
        segments = tuple(_segment(step) for step in steps)
        counts: dict[Status, int] = {}
        for segment in segments:
            for result in segment:
                counts[result.status] = counts.get(result.status, 0) + 1
        dated: dict[str, list[DatedAt]] = {}
        qualitative: dict[str, list[QualitativeAt]] = {}
        attested: dict[str, list[tuple[int, Qualitative]]] = {}
        triggered: dict[str, list[tuple[int, Triggered]]] = {}
        serving: set[str] = set()
        served: dict[str, tuple[int, str, tuple[tuple[DatedAt, ...], tuple[QualitativeAt, ...]]]] = {}
        for position, step in enumerate(steps):
            if isinstance(step, Triggered):
                schedule = step.duty.placed.obligation.schedule
                assert schedule.kind == "triggered"
                for event_type in dict.fromkeys(schedule.events):
                    triggered.setdefault(event_type, []).append((position, step))
                serving.add(step.duty.placed.obligation.activity)
            elif isinstance(step, Dated) and step.live_at:
                at: DatedAt = (position, step, Single.of(step.slots))
                dated.setdefault(step.activity, []).append(at)
                served[step.duty.placed.uid] = (position, step.activity, ((at,), ()))
            elif isinstance(step, Qualitative) and any(isinstance(slot, Slot) for slot in step.slots):
                shown: QualitativeAt = (position, step, Single.of(step.slots))
                qualitative.setdefault(step.activity, []).append(shown)
                attested.setdefault(step.uid, []).append((position, step))
                served[step.uid] = (position, step.activity, ((), (shown,)))
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
            served,
            {k: tuple(v) for k, v in triggered.items()},
            frozenset(by_activity.keys() | serving),
            calendar,
        )


def _segment(step: Step) -> tuple[DutyResult, ...]:
    if isinstance(step, Fixed):
        return step.results
    if isinstance(step, Dated | Qualitative):
        return step.unmet
    return (step.none,)
