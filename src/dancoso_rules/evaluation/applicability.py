"""Applicability: does an obligation bind this organisation, and does each of its instances?

**Bearers.** An obligation binds the record's organisation when any of its bearers is

- a kind of organisation that the organisation's kind *is* (its kind or an ancestor through
  ``is_a``: a Department of Home Affairs is a provincial department, a state agency, an employer),
  or that a function it declares in ``functions`` is;
- a body or a person that is ``part_of`` one of those kinds (a People's Inspection Board is part
  of a state agency, so the agency's record answers for it). When the record lists its
  ``bodies``, a body binds only if it is listed, and a listed body binds whatever its ``part_of``;
- any bearer the organisation declares in ``functions``. This is the only way an ``external``
  bearer (the Fatherland Front, the provincial council's bodies) binds anyone: the instruments
  only request things of them.

**Level.** The instrument's ``scope_levels`` must include the organisation's level.

**Time.** The instrument binds from its effective date. An instance due before that date is
``not_in_force``; an instance whose window opens before it and that falls due on or after it
counts, with its window opening on the effective date (doing it earlier does not count on time).
When the instrument has an ``in_force_until`` date, instances whose window opens after that date
are ``no_longer_in_force``.

**Territory.** From 01/7/2025 the former provinces were merged (Trà Vinh into Vĩnh Long, Long An
into Tây Ninh); their documents stay in force for their former territory until replaced (Luật Ban
hành văn bản quy phạm pháp luật 2025, Điều 54 khoản 2, as amended in 2025). A record names its
former province as its territory and keeps being evaluated against that province's packs.

**Addressee.** A bearer with ``addressee_until`` (district bodies: 01/7/2025) has no addressee from
that day on. An instance due on or after it is ``no_addressee`` when every bearer through which
the obligation binds has lost its addressee, or when the organisation's own kind has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dancoso_rules.evaluation.result import ReasonCode
from dancoso_rules.model import Instrument, Obligation, Vocabulary
from dancoso_rules.record.view import OrganisationLike


@dataclass(frozen=True, slots=True)
class Identity:
    """What an organisation is, for matching bearers: its kinds, its functions, its bodies."""

    kinds: frozenset[str]
    functions: frozenset[str]
    bodies: frozenset[str] | None
    addressee_until: dt.date | None

    @classmethod
    def of(cls, organisation: OrganisationLike, vocabulary: Vocabulary) -> Identity:
        """The identity of a record's organisation."""
        bodies = organisation.bodies
        return cls.of_parts(
            organisation.kind,
            tuple(organisation.functions),
            None if bodies is None else tuple(bodies),
            vocabulary,
        )

    @classmethod
    def of_parts(
        cls, kind: str, functions: tuple[str, ...], bodies: tuple[str, ...] | None, vocabulary: Vocabulary
    ) -> Identity:
        """The identity of an organisation of this kind, with these functions and bodies."""
        own = vocabulary.ancestors(kind)
        kinds = set(own)
        for function in functions:
            kinds |= vocabulary.ancestors(function)
        ends = [b.addressee_until for k in own if (b := vocabulary.bearer_by_id.get(k)) and b.addressee_until]
        has = None if bodies is None else frozenset(bodies)
        return cls(frozenset(kinds), frozenset(functions), has, min(ends, default=None))


@dataclass(frozen=True, slots=True)
class Binding:
    """How an obligation binds: the bearers that reach the organisation, and when its addressee ends.

    ``addressee_until`` is the first day on which no bearer is left (``None``: never).
    """

    bearers: tuple[str, ...]
    addressee_until: dt.date | None


def binding(obligation: Obligation, identity: Identity, vocabulary: Vocabulary) -> Binding | None:
    """The bearers of ``obligation`` that reach the organisation, or ``None`` when none does."""
    reached: list[str] = []
    ends: list[dt.date | None] = []
    for bearer_id in obligation.bearers:
        bearer = vocabulary.bearer_by_id.get(bearer_id)
        if bearer is None or not _reaches(bearer_id, bearer.category, bearer.part_of, identity):
            continue
        reached.append(bearer_id)
        ends.append(bearer.addressee_until)
    if not reached:
        return None
    bearer_end = None if None in ends else max(e for e in ends if e is not None)
    known = [e for e in (bearer_end, identity.addressee_until) if e is not None]
    return Binding(tuple(reached), min(known, default=None))


def _reaches(bearer_id: str, category: str, part_of: tuple[str, ...], identity: Identity) -> bool:
    if bearer_id in identity.functions:
        return True
    if category == "organisation":
        return bearer_id in identity.kinds
    if category == "body" and identity.bodies is not None:
        return bearer_id in identity.bodies
    if category in ("body", "person"):
        return not identity.kinds.isdisjoint(part_of)
    return False


def level_in_scope(instrument: Instrument, organisation: OrganisationLike) -> bool:
    """Whether the instrument governs organisations of the record's level."""
    return organisation.level in instrument.scope_levels


def instance_in_time(
    start: dt.date, due: dt.date, instrument: Instrument, addressee_until: dt.date | None
) -> ReasonCode | None:
    """Why a dated instance (window opening ``start``, due ``due``) does not bind, or ``None`` if it does."""
    if due < instrument.effective:
        return "not_in_force"
    if instrument.in_force_until is not None and max(start, instrument.effective) > instrument.in_force_until:
        return "no_longer_in_force"
    if addressee_until is not None and due >= addressee_until:
        return "no_addressee"
    return None


def span_in_time(
    start: dt.date, end: dt.date, instrument: Instrument, addressee_until: dt.date | None
) -> tuple[ReasonCode | None, dt.date, dt.date]:
    """For an undated (qualitative) instance over ``[start, end]``: why it does not bind, or the part that does."""
    if end < instrument.effective:
        return "not_in_force", start, end
    start = max(start, instrument.effective)
    if instrument.in_force_until is not None and start > instrument.in_force_until:
        return "no_longer_in_force", start, end
    if addressee_until is not None:
        if start >= addressee_until:
            return "no_addressee", start, end
        end = min(end, addressee_until - dt.timedelta(days=1))
    return None, start, end
