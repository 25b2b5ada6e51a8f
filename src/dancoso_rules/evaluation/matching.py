"""Matching: which activity of the record shows which instance of a duty done.

For dated duties matched by activity type (periodic, regular, one-off):

1. An activity qualifies for an instance when its type is the obligation's activity and the day
   it was complete (``done_on``: its date, or the last day of its range) lies between the window's
   first day and the close date. Activities dated after the evaluation date are ignored.
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
activities of its type, with evidence, done within the record's period.

The order in which the record lists its activities never matters: ties are broken by date, id and
then position.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from dancoso_rules.evaluation.index import Done
from dancoso_rules.evaluation.instances import Instance
from dancoso_rules.record.model import Attestation, Event


@dataclass(frozen=True, slots=True)
class Proof:
    """What shows an instance done: an item of the record, its JSON Pointer, and the day it was done."""

    kind: Literal["activity", "resolution", "attestation"]
    id: str
    pointer: str
    on: dt.date


def _proof(done: Done) -> Proof:
    return Proof("activity", done.id, done.pointer, done.on)


def assign(instances: Sequence[Instance], activities: Sequence[Done]) -> list[Proof | None]:
    """For each instance (with due and close dates), the activity that shows it done, or ``None``.

    ``activities`` are in date order (as :class:`~dancoso_rules.evaluation.index.RecordIndex` keeps them).
    """
    found: list[Proof | None] = [None] * len(instances)
    if not activities or not instances:
        return found
    by_start = sorted(range(len(instances)), key=lambda i: (instances[i].start, _due(instances[i]), i))
    open_: list[tuple[dt.date, int]] = []
    leftovers: list[Done] = []
    cursor = 0
    for done in activities:
        while cursor < len(by_start) and instances[by_start[cursor]].start <= done.on:
            index = by_start[cursor]
            heapq.heappush(open_, (_due(instances[index]), index))
            cursor += 1
        while open_ and open_[0][0] < done.on:
            heapq.heappop(open_)
        if open_:
            found[heapq.heappop(open_)[1]] = _proof(done)
        else:
            leftovers.append(done)
    _assign_late(instances, leftovers, found)
    return found


def _assign_late(instances: Sequence[Instance], leftovers: Sequence[Done], found: list[Proof | None]) -> None:
    unmet = sorted(
        (_due(instances[i]), _close(instances[i]), i) for i in range(len(instances)) if found[i] is None
    )
    waiting: list[tuple[dt.date, dt.date, int]] = []
    cursor = 0
    for done in leftovers:
        while cursor < len(unmet) and unmet[cursor][0] < done.on:
            heapq.heappush(waiting, unmet[cursor])
            cursor += 1
        while waiting and waiting[0][1] < done.on:
            heapq.heappop(waiting)
        if waiting:
            found[heapq.heappop(waiting)[2]] = _proof(done)


def _due(instance: Instance) -> dt.date:
    assert instance.due is not None
    return instance.due


def _close(instance: Instance) -> dt.date:
    assert instance.close is not None
    return instance.close


def assign_triggered(
    instances: Sequence[Instance], events: Sequence[Event], servers: Sequence[Sequence[Done]], as_of: dt.date
) -> list[Proof | None]:
    """For each triggered instance, the earliest resolution or serving activity in its window or late.

    ``events[k]`` is the record's event of ``instances[k]`` and ``servers[k]`` the activities of the
    obligation's type that serve it, in date order. A proof before the window opens (the window of
    an event from before the effective date opens on that date) or after the close date does not count.
    """
    used: set[str] = set()
    found: list[Proof | None] = []
    for instance, event, serving in zip(instances, events, servers, strict=True):
        candidates: list[Proof] = []
        resolution = event.resolution
        if resolution is not None and instance.start <= resolution.date <= as_of:
            pointer = f"/events/{instance.event}/resolution"
            candidates.append(Proof("resolution", event.id, pointer, resolution.date))
        for done in serving:
            if done.pointer not in used and done.on >= instance.start:
                candidates.append(_proof(done))
                break
        best = min(candidates, key=lambda p: (p.on, p.kind != "resolution", p.id), default=None)
        if best is not None and best.on > _close(instance):
            best = None
        if best is not None and best.kind == "activity":
            used.add(best.pointer)
        found.append(best)
    return found


def qualitative_proofs(
    instance: Instance, activities: Sequence[Done], attestations: Sequence[tuple[int, Attestation]]
) -> tuple[Proof, ...]:
    """The attestations naming the obligation and the evidenced activities of its type within the window."""
    proofs = [
        Proof("attestation", a.id, f"/attestations/{i}", a.date)
        for i, a in sorted(attestations, key=lambda pair: (pair[1].date, pair[1].id, pair[0]))
    ]
    proofs.extend(_proof(d) for d in activities if d.has_evidence and instance.start <= d.on <= instance.end)
    return tuple(proofs)
