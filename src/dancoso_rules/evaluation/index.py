"""The record, indexed once per evaluation: activities by type, in date order, and what serves what.

Everything dated after the evaluation date (activities, events, resolutions, attestations) is left
out: as of that day it has not happened. Activities are ordered by the day they were done, then
by id, then by position, so that the order in which the record lists them never matters.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from dancoso_rules.record.model import ActivityRecord, Attestation, Event


@dataclass(frozen=True, slots=True)
class Done:
    """An activity as the evaluator sees it: when it was complete, its id, its place in the record."""

    on: dt.date
    id: str
    index: int
    has_evidence: bool

    @property
    def pointer(self) -> str:
        return f"/activities/{self.index}"


@dataclass(frozen=True, slots=True)
class RecordIndex:
    """Lookups over one record as of one day, each built in one pass."""

    by_type: dict[str, list[Done]]
    serving: dict[tuple[str, str], list[Done]]
    events_by_type: dict[str, list[tuple[int, Event]]]
    attestations: dict[str, list[tuple[int, Attestation]]]

    @classmethod
    def build(cls, record: ActivityRecord, as_of: dt.date) -> RecordIndex:
        """Index ``record``, leaving out whatever is dated after ``as_of``."""
        by_type: defaultdict[str, list[Done]] = defaultdict(list)
        serving: defaultdict[tuple[str, str], list[Done]] = defaultdict(list)
        for index, activity in enumerate(record.activities):
            on = activity.done_on
            if on > as_of:
                continue
            done = Done(on, activity.id, index, bool(activity.evidence))
            by_type[activity.type].append(done)
            for served in activity.serves:
                serving[(activity.type, served)].append(done)
        for group in (*by_type.values(), *serving.values()):
            group.sort(key=_order)
        events: defaultdict[str, list[tuple[int, Event]]] = defaultdict(list)
        for index, event in enumerate(record.events):
            if event.date <= as_of:
                events[event.type].append((index, event))
        attestations: defaultdict[str, list[tuple[int, Attestation]]] = defaultdict(list)
        for index, attestation in enumerate(record.attestations):
            if attestation.date <= as_of:
                attestations[attestation.obligation].append((index, attestation))
        return cls(dict(by_type), dict(serving), dict(events), dict(attestations))


def _order(done: Done) -> tuple[dt.date, str, int]:
    return (done.on, done.id, done.index)
