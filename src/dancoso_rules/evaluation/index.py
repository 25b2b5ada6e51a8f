"""The record, indexed once per evaluation: activities by type, in date order, and what serves what.

Everything dated after the evaluation date (activities, events, resolutions, attestations) is left
out: as of that day it has not happened; so is evidence dated after it (an activity whose documents are
all dated later is taken as undocumented). So are activities of a type no duty of the record's
frame can use (:attr:`~dancoso_rules.evaluation.frame.Frame.uses`) that name nothing in ``serves``:
they change no status, and a record may have many. Activities are ordered by the day they were done,
then by id, then by position, so that the order in which the record lists them never matters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Sequence
from typing import Final

import msgspec

from dancoso_rules.model.schedule import labelled_period
from dancoso_rules.record.view import AttestationLike, EventLike, EvidenceLike, RecordLike

#: An activity as the evaluator sees it: ``(on, id, position, has_evidence, covers)``: the day it was
#: complete, its id, its place in the record, whether it has evidence (dated by the evaluation
#: date), and the last day of the period it names in ``covers`` (``None``: it names none). A plain
#: tuple, so that a type's activities sort by (day, id, position) as they are, and cheap to make: a
#: record has one per activity. Read it with the names below.
Done = tuple[dt.date, str, int, bool, dt.date | None]
ON: Final = 0
ID: Final = 1
POSITION: Final = 2
HAS_EVIDENCE: Final = 3
COVERS: Final = 4


def _dated_by(evidence: Sequence[EvidenceLike], as_of: dt.date) -> bool:
    """Whether any of ``evidence`` existed on ``as_of`` (undated evidence is taken to have existed)."""
    return any(item.date is None or item.date <= as_of for item in evidence)


def pointer(done: Done) -> str:
    """The JSON Pointer of an activity in its record."""
    return f"/activities/{done[POSITION]}"


class RecordIndex(msgspec.Struct, frozen=True):
    """Lookups over one record as of one day, each built in one pass."""

    by_type: dict[str, list[Done]]
    #: By ``(type, id)``: the activities of that type that name the id in ``serves`` (an event's, for
    #: triggered duties).
    serving: dict[tuple[str, str], list[Done]]
    events_by_type: dict[str, list[tuple[int, EventLike]]]
    attestations: dict[str, list[tuple[int, AttestationLike]]]
    #: The activity types of which some activity names the period it covers.
    named: frozenset[str] = frozenset()
    #: By what ``serves`` names: the activities that name it, whatever their type (an obligation's
    #: full id here makes them count for that obligation: :func:`.apply.apply_frame`).
    served: dict[str, list[Done]] = msgspec.field(default_factory=dict)

    @classmethod
    def build(cls, record: RecordLike, as_of: dt.date, uses: Container[str] | None = None) -> RecordIndex:
        """Index ``record``, leaving out whatever is dated after ``as_of``, and, when ``uses`` is given
        (the types its frame can use: :attr:`.Frame.uses`), the activities of a type not in it that
        name nothing in ``serves``."""
        by_type: dict[str, list[Done]] = {}
        serving: dict[tuple[str, str], list[Done]] = {}
        served: dict[str, list[Done]] = {}
        named: set[str] = set()
        # The loop a record's every activity goes through, written for speed: each attribute read once,
        # and a plain dict (looking up a type the record lacks adds nothing, as it would to a defaultdict).
        for index, activity in enumerate(record.activities):
            kind = activity.type
            # done_on, spelt out: one call fewer per activity (a record has a date, or a range)
            on: dt.date = activity.date or activity.end  # type: ignore[assignment]
            if on > as_of:
                continue
            serves = activity.serves
            used = uses is None or kind in uses
            if not (used or serves):
                continue
            evidence = activity.evidence
            if evidence:
                # Evidence dated after the evaluation date did not exist yet: it shows nothing.
                first = evidence[0].date
                shown = first is None or first <= as_of or _dated_by(evidence, as_of)
            else:
                shown = False
            covers = activity.covers
            if covers is None:
                done: Done = (on, activity.id, index, shown, None)
            else:
                done = (on, activity.id, index, shown, labelled_period(covers)[1])
                named.add(kind)
            if used:
                group = by_type.get(kind)
                if group is None:
                    by_type[kind] = [done]
                else:
                    group.append(done)
            if serves:
                for target in serves:
                    serving.setdefault((kind, target), []).append(done)
                    served.setdefault(target, []).append(done)
        for group in by_type.values():
            if len(group) > 1:
                group.sort()
        for group in serving.values():
            group.sort()
        for group in served.values():
            group.sort()
        events: dict[str, list[tuple[int, EventLike]]] = {}
        for index, event in enumerate(record.events):
            if event.date <= as_of:
                events.setdefault(event.type, []).append((index, event))
        attestations: dict[str, list[tuple[int, AttestationLike]]] = {}
        for index, attestation in enumerate(record.attestations):
            if attestation.date <= as_of:
                attestations.setdefault(attestation.obligation, []).append((index, attestation))
        return cls(by_type, serving, events, attestations, frozenset(named), served)
