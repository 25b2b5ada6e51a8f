"""Matching: which activity of the record shows which instance of a duty done.

For dated duties matched by activity type (periodic, regular, one-off):

1. An activity qualifies for an instance when its type is the obligation's activity, or it names
   the obligation's full id in ``serves`` (whatever its type; counted once if both), and the day
   it was complete (``done_on``: its date, or the last day of its range) lies between the window's
   first day and the close date. Activities dated after the evaluation date are ignored. An
   activity that names the period it covers (``covers``: ``2025-H1``) qualifies only for an
   instance whose period ends when the named one ends: a review of H1 held on 15/7 counts for H1
   (on time or late, as its window says) and never for H2; a review of the year ``2025`` counts for
   the year, or for H2. (Instances with no calendar period, one-off duties, ignore ``covers``.)
2. **On time first.** Going through the activities in date order, each is given to the instance,
   among those whose window holds it and that are still unmet, that falls due first. This gives
   every instance that can be met on time an activity (earliest-deadline-first is optimal here).
3. **Then late.** The activities left over, again in date order, are each given as *late* to the
   earliest unmet instance that fell due before the activity and whose close date it does not pass.
4. Within one obligation an activity serves at most one instance; the same activity may serve
   several obligations (one conference can meet a duty of each instrument).

Triggered duties are matched by what the record links to the event: the event's resolution, or an
activity of the obligation's type that lists the event's id in ``serves``; the earliest one on or
after the event counts. Qualitative duties are shown by attestations naming the obligation, or by
activities of its type or naming it in ``serves``, with evidence, done within the record's period.

The order in which the record lists its activities never matters: ties are broken by date, id and
then position.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal, NamedTuple

import msgspec

from dancoso_rules.evaluation.index import COVERS, HAS_EVIDENCE, ID, ON, POSITION, Done, pointer
from dancoso_rules.evaluation.instances import Instance
from dancoso_rules.record.view import AttestationLike, EventLike


class Proof(NamedTuple):
    """What shows an instance done: an item of the record, its JSON Pointer, and the day it was done."""

    kind: Literal["activity", "resolution", "attestation"]
    id: str
    pointer: str
    on: dt.date


def proof_of(done: Done) -> Proof:
    """The proof an activity gives."""
    return Proof("activity", done[ID], pointer(done), done[ON])


class Windows(msgspec.Struct, frozen=True):
    """The instances of a dated duty, laid out once for matching many records against them.

    ``starts``, ``dues`` and ``closes`` by instance; ``by_start``: the instances in the order their
    windows open (then by due date, then position); ``by_due``: ``(due, close, position)`` of every
    instance in due-date order. ``on_time`` and ``late``: the days on which being done counts for
    the same instances, when these windows overlap little (see :class:`Stretches`), else ``None``.
    """

    starts: tuple[dt.date, ...]
    dues: tuple[dt.date, ...]
    closes: tuple[dt.date, ...]
    #: The last day of each instance's calendar period (``None``: it has none), for ``covers``.
    ends: tuple[dt.date | None, ...]
    by_start: tuple[int, ...]
    by_due: tuple[tuple[dt.date, dt.date, int], ...]
    on_time: Stretches | None
    late: Stretches | None

    @classmethod
    def of(cls, instances: Sequence[Instance]) -> Windows:
        """The windows of ``instances`` (each with due and close dates)."""
        starts = tuple(i.start for i in instances)
        dues = tuple(_due(i) for i in instances)
        closes = tuple(_close(i) for i in instances)
        ends = tuple(None if i.period is None else i.period.end for i in instances)
        by_start = tuple(sorted(range(len(instances)), key=lambda i: (starts[i], dues[i], i)))
        by_due = tuple(sorted((dues[i], closes[i], i) for i in range(len(instances))))
        by_due_index = sorted(range(len(instances)), key=lambda i: (dues[i], i))
        on_time = Stretches.of([(starts[i], dues[i], i) for i in by_due_index])
        late = Stretches.of([(due + _ONE_DAY, close, i) for due, close, i in by_due])
        if on_time is None or late is None:
            on_time = late = None
        return cls(starts, dues, closes, ends, by_start, by_due, on_time, late)

    def assign(self, activities: Sequence[Done]) -> list[Done | None]:
        """For each instance, the activity that shows it done, or ``None`` (rules 2 and 3 above).

        ``activities`` are in date order (as :class:`~dancoso_rules.evaluation.index.RecordIndex` keeps them).
        Those that name the period they cover are taken first, in date order, then the others; in
        each pass, an activity naming a period is given only to an instance of a period ending that
        day. Each activity is given to the first unmet instance its day counts for, as the stretches list
        them: on time, in due-date order; the leftovers then late, in due-date order. (These are the
        instances the heaps of :meth:`_by_heaps` would hold, in the order they would give them.)
        """
        found: list[Done | None] = [None] * len(self.starts)
        named = [done for done in activities if done[COVERS] is not None]
        if named:  # those that name their period go first, in each pass: they can serve only it
            activities = [*named, *[done for done in activities if done[COVERS] is None]]
        on_time, late = self.on_time, self.late
        if on_time is None or late is None:
            return self._by_heaps(activities, found)
        ends = self.ends
        pending: Sequence[Done] = activities
        for days, holding in (on_time, late):  # on time, then the leftovers late
            leftovers: list[Done] = []
            for done in pending:
                covers = done[COVERS]
                for index in holding[bisect_right(days, done[ON])]:
                    if found[index] is None and (covers is None or ends[index] == covers):
                        found[index] = done
                        break
                else:
                    leftovers.append(done)
            if not leftovers:
                break
            pending = leftovers
        return found

    def _named(self, done: Done, found: list[Done | None], late: bool) -> bool:
        """Give an activity that names its period to the unmet instance of that period that the rules
        would give it (on time: due first; ``late``: due first, then closing first); whether one took it."""
        on, covers = done[ON], done[COVERS]
        starts, ends = self.starts, self.ends
        fitting = [
            (due, close if late else due, index)
            for due, close, index in self.by_due
            if found[index] is None
            and ends[index] == covers
            and ((due < on <= close) if late else (starts[index] <= on <= due))
        ]
        if not fitting:
            return False
        found[min(fitting)[2]] = done
        return True

    def _by_heaps(self, activities: Sequence[Done], found: list[Done | None]) -> list[Done | None]:
        """:meth:`assign` for windows that overlap much, keeping heaps: linear in activities and instances."""
        starts, dues, by_start = self.starts, self.dues, self.by_start
        count = len(starts)
        open_: list[tuple[dt.date, int]] = []
        leftovers: list[Done] = []
        cursor = 0
        push, pop = heapq.heappush, heapq.heappop
        for done in activities:
            if done[COVERS] is not None:  # the instance of the period it names, or none
                if not self._named(done, found, late=False):
                    leftovers.append(done)
                continue
            on = done[ON]
            while cursor < count and starts[by_start[cursor]] <= on:
                index = by_start[cursor]
                push(open_, (dues[index], index))
                cursor += 1
            while open_ and (open_[0][0] < on or found[open_[0][1]] is not None):
                pop(open_)
            if open_:
                found[pop(open_)[1]] = done
            else:
                leftovers.append(done)
        if leftovers:
            unmet = [entry for entry in self.by_due if found[entry[2]] is None]
            waiting: list[tuple[dt.date, dt.date, int]] = []
            cursor = 0
            for done in leftovers:
                if done[COVERS] is not None:
                    self._named(done, found, late=True)
                    continue
                on = done[ON]
                while cursor < len(unmet) and unmet[cursor][0] < on:
                    push(waiting, unmet[cursor])
                    cursor += 1
                while waiting and (waiting[0][1] < on or found[waiting[0][2]] is not None):
                    pop(waiting)
                if waiting:
                    found[pop(waiting)[2]] = done
        return found


class Stretches(NamedTuple):
    """Days cut into stretches over which the same instances hold: what a day counts for, by bisection.

    ``holding[bisect_right(days, day)]`` lists the instances whose span holds ``day``, in the order
    the spans were given: ``days`` are the days on which some span begins or the day after one ends,
    and ``holding[k]`` is what holds from ``days[k - 1]`` up to the day before ``days[k]``
    (``holding[0]``, before the first such day, holds nothing).
    """

    days: tuple[dt.date, ...]
    holding: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, spans: Sequence[tuple[dt.date, dt.date, int]]) -> Stretches | None:
        """The stretches of ``spans`` (first day, last day, instance; an empty span is skipped), or
        ``None`` if they overlap so much that listing them would cost more than keeping heaps."""
        spans = [span for span in spans if span[0] <= span[1]]
        rank = {index: n for n, (_, _, index) in enumerate(spans)}
        opening: dict[dt.date, list[int]] = {}
        ending: dict[dt.date, list[int]] = {}
        for first, last, index in spans:
            opening.setdefault(first, []).append(index)
            ending.setdefault(last + _ONE_DAY, []).append(index)
        days = tuple(sorted(opening.keys() | ending.keys()))
        budget = _STRETCHED * max(len(spans), 1)
        if budget < 0:  # (never stretch: the tests set the budget so, to hold the heaps to the rules)
            return None
        holding: list[tuple[int, ...]] = [()]
        held: set[int] = set()
        for day in days:  # a sweep: what holds changes only on these days
            held.difference_update(ending.get(day, ()))
            held.update(opening.get(day, ()))
            holding.append(tuple(sorted(held, key=rank.__getitem__)))
            budget -= len(holding[-1])
            if budget < 0:
                return None
        return cls(days, tuple(holding))


#: How many instances the stretches of a duty may list in all, for each instance, before matching
#: its records keeps heaps instead: with windows that follow one another (a quarter, then the next),
#: each instance is listed once or twice; with windows that all overlap, listing costs instances².
_STRETCHED = 4


def counts_from(instance: Instance) -> dt.date:
    """The first day on which doing a dated instance counts: its window's first day, or the day
    after its due date if that is earlier (a window that opens once its period has ended, due that
    same day, can only be met late)."""
    return min(instance.start, _due(instance) + _ONE_DAY)


def first_counting(activities: Sequence[Done], counts_from: dt.date, close: dt.date) -> Done | None:
    """The activity that shows a single instance done, given the day doing it starts to count and its close date.

    With one instance, the two passes of :meth:`Windows.assign` come to this: the first activity
    done in the window by the due date; failing that, the first one done after the due date and by
    the close date. ``activities`` are in date order, so that is the first one done on or after
    ``counts_from``, if it is done by ``close``: one done earlier is neither in the window nor
    after the due date, and if that first one is past the due date, so is every later one.
    (Records whose activities of this type name the period they cover go to :func:`first_counting_named`.)
    """
    for done in activities:
        on = done[ON]
        if on >= counts_from:
            return done if on <= close else None
    return None


def first_counting_named(
    activities: Sequence[Done], counts_from: dt.date, due: dt.date, close: dt.date, period_end: dt.date | None
) -> Done | None:
    """:func:`first_counting` when some activities name the period they cover (see :meth:`Windows.assign`).

    An activity naming a period ending on another day than ``period_end`` never counts (unless the
    instance has no period: then ``covers`` is not looked at). On time (from ``counts_from`` to
    ``due``), the first one naming this period, else the first naming none; failing both, late
    (after ``due``, by ``close``), in the same order.
    """
    if period_end is None:
        return first_counting(activities, counts_from, close)
    on_time: list[Done | None] = [None, None]  # (naming the period, naming none)
    late: list[Done | None] = [None, None]
    for done in activities:
        on, covers = done[ON], done[COVERS]
        if on < counts_from or (covers is not None and covers != period_end):
            continue
        if on > close:
            break
        found = on_time if on <= due else late
        slot = 1 if covers is None else 0
        if found[slot] is None:
            found[slot] = done
    return on_time[0] or on_time[1] or late[0] or late[1]


_ONE_DAY = dt.timedelta(days=1)


def _due(instance: Instance) -> dt.date:
    assert instance.due is not None
    return instance.due


def _close(instance: Instance) -> dt.date:
    assert instance.close is not None
    return instance.close


def triggered_proof(
    event: EventLike,
    position: int,
    start: dt.date,
    close: dt.date,
    serving: Sequence[Done],
    as_of: dt.date,
    used: set[int],
) -> Proof | None:
    """The earliest resolution or serving activity that shows a triggered instance done, or ``None``.

    The instance is opened by ``event`` (at ``position`` in the record); its window runs from
    ``start`` (the event's day, or the effective date if later) to ``close``. Instances are taken in
    turn (by event date, id, position): ``used`` holds the positions of the activities already given
    to an earlier instance, and gains the one given to this one. A proof before the window opens (the
    window of an event from before the effective date opens on that date) or after the close date
    does not count.
    """
    resolution = event.resolution
    resolved = None
    if resolution is not None and start <= resolution.date <= as_of:
        resolved = resolution.date
    for done in serving:  # the first serving activity not used yet, done in the window or after
        if done[POSITION] not in used and done[ON] >= start:
            # The earlier of the two counts; on the same day, the resolution.
            if resolved is None or done[ON] < resolved:
                if done[ON] > close:
                    return None
                used.add(done[POSITION])
                return proof_of(done)
            break
    if resolved is None or resolved > close:
        return None
    return Proof("resolution", event.id, f"/events/{position}/resolution", resolved)


def late_answer(
    event: EventLike, position: int, close: dt.date, serving: Sequence[Done], as_of: dt.date, used: set[int]
) -> Proof | None:
    """What the record shows done for a triggered instance after its late window closed (on ``close``): the
    earlier of the event's resolution and the first serving activity not used by another instance, dated
    after ``close`` and by ``as_of``. It does not show the instance done (:func:`triggered_proof` has found
    nothing in the window), but a sentence must not say the record shows nothing."""
    found: Proof | None = None
    resolution = event.resolution
    if resolution is not None and close < resolution.date <= as_of:
        found = Proof("resolution", event.id, f"/events/{position}/resolution", resolution.date)
    for done in serving:
        if done[POSITION] not in used and close < done[ON] and (found is None or done[ON] < found.on):
            return proof_of(done)
    return found


def answered(event: EventLike, serving: Sequence[Done], as_of: dt.date, used: set[int]) -> bool:
    """Whether anything in the record answers a triggered case by ``as_of``, at whatever date on or after the
    event, counted or not: its resolution, or a serving activity not used by another instance."""
    resolution = event.resolution
    if resolution is not None and resolution.date <= as_of:
        return True
    return any(done[POSITION] not in used and done[ON] >= event.date for done in serving)


def qualitative_shown(
    start: dt.date,
    end: dt.date,
    activities: Sequence[Done],
    attestations: Sequence[tuple[int, AttestationLike]],
) -> bool:
    """Whether :func:`qualitative_proofs` finds anything for the window ``[start, end]``, without making the proofs."""
    if attestations:
        return True
    for done in activities:  # noqa: SIM110 (a loop that stops early: any() over a generator costs more)
        if done[HAS_EVIDENCE] and start <= done[ON] <= end:
            return True
    return False


def qualitative_proofs(
    instance: Instance, activities: Sequence[Done], attestations: Sequence[tuple[int, AttestationLike]]
) -> tuple[Proof, ...]:
    """The attestations naming the obligation and the evidenced activities of its type within the window."""
    proofs = [
        Proof("attestation", a.id, f"/attestations/{i}", a.date)
        for i, a in sorted(attestations, key=lambda pair: (pair[1].date, pair[1].id, pair[0]))
    ]
    proofs.extend(
        proof_of(d) for d in activities if d[HAS_EVIDENCE] and instance.start <= d[ON] <= instance.end
    )
    return tuple(proofs)
