"""The controlled vocabulary shared by every rule pack: activity types, bearers and event types.

One vocabulary, so that a record written once can be checked against several instruments, and so
that an unknown word is an error with a suggestion rather than a silent mismatch.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

import msgspec

from dancoso_rules.model.common import Frozen, Labels, Slug, Text

BearerCategory = Literal["organisation", "competence", "body", "person", "external"]
Level = Literal["province", "district", "commune", "hamlet"]


class ActivityType(Frozen, frozen=True, kw_only=True):
    """Something an organisation does and records: a staff conference, a training course, ..."""

    id: Slug
    label: Labels
    description: Labels | None = None


class Bearer(Frozen, frozen=True, kw_only=True):
    """Who can bear an obligation: a kind of organisation, a body inside one, a person, or an outside body.

    ``is_a`` makes kinds nest (a state agency is an employer); ``part_of`` says which kinds of
    organisation contain a body or role (a People's Inspection Board is part of a state agency), so
    that an organisation's record answers for the bodies and people inside it.
    ``addressee_until`` is the first day on which the bearer no longer exists (01/7/2025 for the
    district level): duties falling due on or after it have no addressee. ``successor`` names a flag
    interpretation: when it is ``yes``, the bearer's successor answers in its place and the end is lifted
    (a provincial department of Trà Vinh judged as its Vĩnh Long successor for the former territory).

    A ``competence`` (inspection, evaluating other units, handling administrative procedures) is never
    assumed from a kind: an organisation holds it only by declaring it in ``functions``. A body with
    ``declared`` binds only an organisation whose record lists it in ``bodies`` (a People's Inspection
    Board is not assumed for every state agency). A bearer that is not ``answerable`` (Party
    committees and secretaries, the Fatherland Front, socio-political organisations, citizens) is one
    no organisation's record answers for under a state instrument: a duty addressed only to such
    bearers is ``not_binding`` for every organisation, with ``force_note`` saying what its words are.
    """

    id: Slug
    label: Labels
    category: BearerCategory
    is_a: tuple[Slug, ...] = ()
    part_of: tuple[Slug, ...] = ()
    levels: tuple[Level, ...] = ()
    addressee_until: dt.date | None = None
    addressee_note: Labels | None = None
    successor: Slug | None = None
    declared: bool = False
    answerable: bool = True
    force_note: Labels | None = None


class EventType(Frozen, frozen=True, kw_only=True):
    """An event that opens a triggered duty: a complaint received, a violation found, ..."""

    id: Slug
    label: Labels


class EvidenceKind(Frozen, frozen=True, kw_only=True):
    """A kind of document that shows a duty was done: minutes, a plan, a report, a web page, ..."""

    id: Slug
    label: Labels


class Vocabulary(Frozen, frozen=True, kw_only=True, dict=True):
    """The shared words: what may appear as an activity type, bearer, event type or evidence kind."""

    version: Text
    activity_types: Annotated[tuple[ActivityType, ...], msgspec.Meta(min_length=1)]
    bearers: Annotated[tuple[Bearer, ...], msgspec.Meta(min_length=1)]
    event_types: tuple[EventType, ...] = ()
    evidence_kinds: tuple[EvidenceKind, ...] = ()

    @cached_property
    def activity_type_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.activity_types)

    @cached_property
    def bearer_by_id(self) -> dict[str, Bearer]:
        return {b.id: b for b in self.bearers}

    @cached_property
    def activity_by_id(self) -> dict[str, ActivityType]:
        return {a.id: a for a in self.activity_types}

    @cached_property
    def event_type_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.event_types)

    @cached_property
    def evidence_kind_ids(self) -> frozenset[str]:
        return frozenset(e.id for e in self.evidence_kinds)

    def organisation_kinds(self) -> tuple[Bearer, ...]:
        """The bearers a record's organisation may declare as its kind."""
        return tuple(b for b in self.bearers if b.category == "organisation")

    def functions(self) -> tuple[Bearer, ...]:
        """The bearers a record's organisation may declare in ``functions``: kinds and competences."""
        return tuple(b for b in self.bearers if b.category in ("organisation", "competence"))

    def ancestors(self, bearer_id: str) -> frozenset[str]:
        """``bearer_id`` and every kind it is (transitively, through ``is_a``)."""
        seen: set[str] = set()
        stack = [bearer_id]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            bearer = self.bearer_by_id.get(current)
            if bearer is not None:
                stack.extend(bearer.is_a)
        return frozenset(seen)
