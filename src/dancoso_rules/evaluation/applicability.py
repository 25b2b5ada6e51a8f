"""Applicability: does an obligation bind this organisation, and does each of its instances?

**Bearers.** An obligation binds the record's organisation when any of its bearers is

- a kind of organisation that the organisation's kind *is* (its kind or an ancestor through
  ``is_a``: a Department of Home Affairs is a provincial department, a state administrative agency,
  a state agency, an employer), or that a function it declares in ``functions`` is;
- a ``competence`` it declares in ``functions`` (inspection, evaluating other units, handling
  administrative procedures): a competence is never assumed from a kind;
- a body or a person that is ``part_of`` one of those kinds (the head of a unit is part of an
  employer, so the unit's record answers for them). A body marked ``declared`` (a People's
  Inspection Board, a Community Investment Supervision Board, a one-stop unit, a council) binds only
  when the record lists it in ``bodies``; when the record lists its ``bodies``, a body binds only if
  it is listed, and a listed body binds whatever its ``part_of``;
- any bearer the organisation declares in ``functions``.

**What a state instrument cannot command.** A People's Council resolution or a People's Committee
decision does not bind Party committees and secretaries, the Fatherland Front or socio-political
organisations (they answer to the Party's rules and their own charters), and an organisation does
not answer for what citizens and households do. Such bearers are not ``answerable``: an obligation
whose bearers are all of that sort is ``not_binding`` for every organisation, keeps its place in the
report with its true force (a reference to Party rules, a coordination the government takes part
in) and is never met, missed or overdue. The one exception keeps the instruments' own force: an
organisation that declares such a bearer in ``functions`` (the provincial Fatherland Front
committee) is reached by what the instrument *requests* or *encourages* of it.

**Level.** The instrument's ``scope_levels`` must include the organisation's level.

**Time.** The instrument binds from its effective date. An instance due before that date is
``not_in_force``; an instance whose window opens before it and that falls due on or after it
counts, with its window opening on the effective date (doing it earlier does not count on time).
When the instrument has an ``in_force_until`` date, instances whose window opens after that date
are ``no_longer_in_force``. An instance due before the effective date but for a period the
instrument was in force in (a yearly plan) is still shown done by what was done from the effective
date to the end of that period (:func:`credited_span`).

**Territory.** From 01/7/2025 the former provinces were merged (Trà Vinh into Vĩnh Long, Long An
into Tây Ninh); their documents stay in force for their former territory until replaced (Luật Ban
hành văn bản quy phạm pháp luật 2025, Điều 54 khoản 2, as amended in 2025). A record names its
former province as its territory and keeps being evaluated against that province's packs.

**Addressee.** A bearer with ``addressee_until`` has no addressee from that day on: district bodies
from 01/7/2025, when the district level ended, and the provincial People's Committees and provincial
departments of Trà Vinh and Long An from 01/7/2025, when the provinces were merged (Nghị quyết
202/2025/QH15). An instance due on or after it is ``no_addressee`` when every bearer through which
the obligation binds has lost its addressee, or when the organisation's own kind has; what the body
did before that day, within the instance's window, still shows it done (:func:`credited_span`).

**Successors.** Whether a merged provincial agency (Sở Nội vụ tỉnh Vĩnh Long, for the former Trà Vinh
territory) stays bound by its former province's instrument is not settled by the instruments: the
instrument stays in force for the former territory (Luật Ban hành văn bản quy phạm pháp luật 2025,
Điều 54 khoản 2, as amended in 2025), but the body it addressed ceased. It is the flag
interpretation a bearer names in ``successor`` (``merged-agency-successor``): ``no`` by default, so
that nothing is reported against a body after the day it ceased; ``yes`` lifts the end, and the
record is judged as its successor's.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from dancoso_rules.evaluation.result import ReasonCode
from dancoso_rules.model import Bearer, Instrument, Modality, Obligation, Vocabulary
from dancoso_rules.record.view import OrganisationLike


class Identity(msgspec.Struct, frozen=True):
    """What an organisation is, for matching bearers: its kinds, its functions, its bodies."""

    kinds: frozenset[str]
    functions: frozenset[str]
    bodies: frozenset[str] | None
    addressee_until: dt.date | None
    #: The successor flags (interpretation ids) set to ``yes``: the ends of bearers naming them are lifted.
    lifted: frozenset[str] = frozenset()
    #: The successor flags its own kind relies on, whatever their value (for the report to list).
    successors: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, organisation: OrganisationLike, vocabulary: Vocabulary, lifted: frozenset[str] = frozenset()
    ) -> Identity:
        """The identity of a record's organisation."""
        bodies = organisation.bodies
        return cls.of_parts(
            organisation.kind,
            tuple(organisation.functions),
            None if bodies is None else tuple(bodies),
            vocabulary,
            lifted,
        )

    @classmethod
    def of_parts(
        cls,
        kind: str,
        functions: tuple[str, ...],
        bodies: tuple[str, ...] | None,
        vocabulary: Vocabulary,
        lifted: frozenset[str] = frozenset(),
    ) -> Identity:
        """The identity of an organisation of this kind, with these functions and bodies.

        ``lifted``: the successor flags set to ``yes`` in the interpretations in force.
        """
        own = vocabulary.ancestors(kind)
        kinds = set(own)
        for function in functions:
            kinds |= vocabulary.ancestors(function)
        table = vocabulary.bearer_by_id
        ends = [e for k in own if (b := table.get(k)) and (e := end_of(b, lifted)) is not None]
        successors = tuple(sorted({b.successor for k in own if (b := table.get(k)) and b.successor}))
        has = None if bodies is None else frozenset(bodies)
        return cls(frozenset(kinds), frozenset(functions), has, min(ends, default=None), lifted, successors)


def end_of(bearer: Bearer, lifted: frozenset[str]) -> dt.date | None:
    """The first day ``bearer`` has no addressee, unless its successor flag is among ``lifted``."""
    if bearer.successor is not None and bearer.successor in lifted:
        return None
    return bearer.addressee_until


class Binding(msgspec.Struct, frozen=True):
    """How an obligation binds: the bearers that reach the organisation, and when its addressee ends.

    ``addressee_until`` is the first day on which no bearer is left (``None``: never).
    """

    bearers: tuple[str, ...]
    addressee_until: dt.date | None


def not_binding(obligation: Obligation, vocabulary: Vocabulary) -> tuple[Bearer, ...]:
    """The bearers that make ``obligation`` bind no organisation (all of them not ``answerable``), or ``()``.

    A request or an encouragement to such a bearer still reaches an organisation that declares it in
    ``functions`` (see :func:`binding`); a duty never does.
    """
    table = vocabulary.bearer_by_id
    bearers = tuple(table[b] for b in obligation.bearers if b in table)
    if not bearers or len(bearers) != len(obligation.bearers) or any(b.answerable for b in bearers):
        return ()
    return bearers


def binding(obligation: Obligation, identity: Identity, vocabulary: Vocabulary) -> Binding | None:
    """The bearers of ``obligation`` that reach the organisation, or ``None`` when none does.

    A bearer that is not ``answerable`` reaches only an organisation that declares it in
    ``functions``, and only with a request or an encouragement.
    """
    reached: list[str] = []
    ends: list[dt.date | None] = []
    soft = obligation.modality in (Modality.REQUEST, Modality.ENCOURAGEMENT)
    for bearer_id in obligation.bearers:
        bearer = vocabulary.bearer_by_id.get(bearer_id)
        if bearer is None:
            continue
        if not bearer.answerable:
            if not (soft and bearer_id in identity.functions):
                continue
        elif not _reaches(bearer, identity):
            continue
        reached.append(bearer_id)
        ends.append(end_of(bearer, identity.lifted))
    if not reached:
        return None
    bearer_end = None if None in ends else max(e for e in ends if e is not None)
    known = [e for e in (bearer_end, identity.addressee_until) if e is not None]
    return Binding(tuple(reached), min(known, default=None))


def _reaches(bearer: Bearer, identity: Identity) -> bool:
    if bearer.id in identity.functions:
        return True
    category = bearer.category
    if category == "organisation":
        return bearer.id in identity.kinds
    if category == "body" and (identity.bodies is not None or bearer.declared):
        return identity.bodies is not None and bearer.id in identity.bodies
    if category in ("body", "person"):
        return not identity.kinds.isdisjoint(bearer.part_of)
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


def credited_span(
    start: dt.date,
    close: dt.date,
    period_end: dt.date | None,
    why: ReasonCode,
    effective: dt.date,
    addressee_until: dt.date | None,
) -> tuple[dt.date, dt.date] | None:
    """For a dated instance that does not bind (``why``, from :func:`instance_in_time`): the first and last
    day on which doing it still shows it done, or ``None``.

    What a body did while the instrument bound it is not lost because the instance fell due outside that
    time: an instance due on or after the bearer ceased counts what was done from its window's first day
    (no earlier than the effective date) to the day before it ceased; one that fell due before the
    instrument took effect, but is for a period that the instrument was in force in (a yearly plan due on
    31 January), counts what was done from the effective date to the end of that period (a plan of 2025 made in
    2026 plans nothing), or to its close date if that is earlier. Doing it then is met (never late: the law set
    no deadline the body could miss), and nothing done leaves it not applicable.
    """
    last = close
    if why == "not_in_force":
        if period_end is None or period_end < effective:  # nothing of its period was under the law
            return None
        last = min(close, period_end)
    elif why != "no_addressee":
        return None
    first = max(start, effective)
    if addressee_until is not None and last >= addressee_until:
        last = addressee_until - dt.timedelta(days=1)
    return None if last < first else (first, last)


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
