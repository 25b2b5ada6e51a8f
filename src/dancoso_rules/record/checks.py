"""Checks a schema cannot make: a record against the rulebook's vocabulary and packs, and against itself.

The schema (and the model) already refuse dates that do not exist and ranges that end before they
start. Here: the organisation's kind, functions, bodies, territory and packs must be ones the packs
know; activity types, event types and evidence kinds must be in the vocabulary (an unknown word gets
"did you mean"); ``serves`` and attestations must name real provisions or obligations; ids must be
unique; and an activity outside the record's period is a warning (it may belong in another record).

The checks read the parsed JSON, not only the validated model, so that a record with one bad date
still has its other ninety activities checked: one run reports every problem of the file. A word
that is not even well-formed is left to the schema's message, so that one defect gives one message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import tr
from dancoso_rules.load.suggest import did_you_mean, one_of
from dancoso_rules.model import Rulebook
from dancoso_rules.model.common import SLUG_RE
from dancoso_rules.record.words import known_words

if TYPE_CHECKING:  # the models (pydantic) are loaded only for a record the fast path did not read
    from pydantic import BaseModel

    from dancoso_rules.record.model import ActivityRecord, Period

Locate = Callable[[str], Location]
M = TypeVar("M", bound="BaseModel")


def check_record(
    data: dict[str, Any], record: ActivityRecord | None, rulebook: Rulebook, locate: Locate
) -> list[Problem]:
    """Every problem of a record's ``data`` that needs the rulebook or the whole record to see.

    ``record`` is the validated record when the schema accepted ``data``, else ``None``.
    """
    problems: list[Problem] = []
    organisation = _mapping(data.get("organisation"))
    problems.extend(_organisation(data, organisation, rulebook, locate))
    problems.extend(_vocabulary_words(data, rulebook, locate))
    problems.extend(_links(data, rulebook, locate))
    for name, key in (("activity", "activities"), ("event", "events"), ("attestation", "attestations")):
        problems.extend(_unique_ids(name, key, _items(data, key), locate))
    problems.extend(_outside_period(data, record, locate))
    return problems


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(data: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    """``(pointer, item)`` for each object in the array ``data[key]``."""
    values = data.get(key)
    if not isinstance(values, list):
        return []
    return [(f"/{key}/{i}", item) for i, item in enumerate(values) if isinstance(item, dict)]


def _word(value: Any) -> str | None:
    """A well-formed id, or ``None`` (the schema reports anything else)."""
    return value if isinstance(value, str) and SLUG_RE.fullmatch(value) else None


def _words(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, word) for i, item in enumerate(value) if (word := _word(item)) is not None]


def _organisation(
    data: dict[str, Any], organisation: dict[str, Any], rulebook: Rulebook, locate: Locate
) -> Iterator[Problem]:
    known = known_words(rulebook)
    kind = _word(organisation.get("kind"))
    levels = known.kinds.get(kind or "")
    if kind is not None and levels is None:
        yield _not_a_kind(kind, "/organisation/kind", rulebook, locate)
    level = organisation.get("level")
    if levels and isinstance(level, str) and level not in levels:
        yield Problem(
            locate("/organisation/level"),
            tr("record.level_mismatch", level=level, kind=kind, levels=one_of(levels)),
            code="level",
        )
    for index, function in _words(organisation.get("functions")):
        if function not in known.functions:
            yield _not_a_function(function, f"/organisation/functions/{index}", rulebook, locate)
    yield from _migration(data, organisation, kind if levels is not None else None, rulebook, locate)
    bodies = known.bodies
    for index, body in _words(organisation.get("bodies")):
        if body not in bodies:
            yield Problem(
                locate(f"/organisation/bodies/{index}"),
                tr("word.unknown.body", word=body)
                + did_you_mean(body, bodies)
                + tr("word.known", words=one_of(bodies)),
                code="unknown-body",
            )
    yield from _territory_and_packs(organisation, rulebook, locate)


def _migration(
    data: dict[str, Any], organisation: dict[str, Any], kind: str | None, rulebook: Rulebook, locate: Locate
) -> Iterator[Problem]:
    """Warnings for a record written before bearers were told apart: what to add so that nothing is left out."""
    if kind is None:
        return
    vocabulary = rulebook.vocabulary
    if kind == "enterprise":
        yield Problem(
            locate("/organisation/kind"),
            tr("record.kind_enterprise"),
            severity="warning",
            code="kind-enterprise",
        )
    # A record shows a body's work that its 'bodies' does not list: that work would be silently ignored.
    listed = organisation.get("bodies")
    has = {word for _, word in _words(listed)}
    shown: dict[str, str] = {}
    named = organisation.get("packs")
    territory = organisation.get("territory")
    packs = [
        pack
        for pack in rulebook.packs
        if (pack.id in named if isinstance(named, list) else pack.instrument.territory.province == territory)
    ]
    for placed in (o for pack in packs for o in pack.obligations()):
        for bearer_id in placed.obligation.bearers:
            bearer = vocabulary.bearer_by_id.get(bearer_id)
            if bearer is not None and bearer.declared and bearer_id not in has:
                shown.setdefault(placed.obligation.activity, bearer_id)
    missing: dict[str, str] = {}
    for pointer, activity in _items(data, "activities"):
        body = shown.get(_word(activity.get("type")) or "")
        if body is not None:
            missing.setdefault(body, pointer)
    for body, pointer in missing.items():
        where = "/organisation/bodies" if isinstance(listed, list) else "/organisation"
        yield Problem(
            locate(where),
            tr("record.bodies_undeclared", pointer=pointer, body=body),
            severity="warning",
            code="bodies-undeclared",
        )


def _not_a_function(word: str, pointer: str, rulebook: Rulebook, locate: Locate) -> Problem:
    functions = [b.id for b in rulebook.vocabulary.functions()]
    bearer = rulebook.vocabulary.bearer_by_id.get(word)
    if bearer is not None and bearer.category == "body":
        message = tr("record.function_is_body", word=word)
    elif bearer is not None:
        category = tr(f"record.category.{bearer.category}")
        message = tr("record.function_is_other", word=word, category=category, known=one_of(functions))
    else:
        message = (
            tr("word.unknown.function", word=word)
            + did_you_mean(word, functions)
            + tr("word.known", words=one_of(functions))
        )
    return Problem(locate(pointer), message, code="unknown-kind")


def _not_a_kind(word: str, pointer: str, rulebook: Rulebook, locate: Locate) -> Problem:
    kinds = [b.id for b in rulebook.vocabulary.organisation_kinds()]
    bearer = rulebook.vocabulary.bearer_by_id.get(word)
    if bearer is not None and bearer.category == "competence":
        message = tr("record.kind_is_competence", word=word, known=one_of(kinds))
    elif bearer is not None:
        category = tr(f"record.category.{bearer.category}")
        message = tr("record.kind_is_other", word=word, category=category, known=one_of(kinds))
    else:
        message = (
            tr("word.unknown.organisation_kind", word=word)
            + did_you_mean(word, kinds)
            + tr("word.known", words=one_of(kinds))
        )
    return Problem(locate(pointer), message, code="unknown-kind")


def _territory_and_packs(
    organisation: dict[str, Any], rulebook: Rulebook, locate: Locate
) -> Iterator[Problem]:
    territories = sorted(known_words(rulebook).territories)
    territory = _word(organisation.get("territory"))
    # A province that a former one was merged into: the record names the former one as its territory.
    merged: dict[str, list[tuple[str, str]]] = {}
    for each in rulebook.packs:
        held = each.instrument.territory
        if held.merged_into is not None:
            pair = (held.province, held.merged_on.isoformat() if held.merged_on else tr("record.the_merger"))
            if pair not in merged.setdefault(held.merged_into, []):
                merged[held.merged_into].append(pair)
    if territory is not None and territory in merged and territory not in territories:
        former = merged[territory]
        names = tr("word.or").join(repr(f) for f, _ in former)
        yield Problem(
            locate("/organisation/territory"),
            tr("record.territory_merged", territory=territory, since=former[0][1], names=names),
            code="unknown-territory",
        )
    elif territory is not None and territory not in territories:
        known = one_of(territories) if territories else tr("record.no_pack_loaded")
        yield Problem(
            locate("/organisation/territory"),
            tr("word.unknown.territory", word=territory)
            + did_you_mean(territory, territories)
            + tr("word.known", words=known),
            code="unknown-territory",
        )
    province = _word(organisation.get("province"))
    if province is not None and territory in territories:
        successors = {
            p.instrument.territory.merged_into or territory
            for p in rulebook.packs
            if p.instrument.territory.province == territory
        }
        if province not in successors and province != territory:
            yield Problem(
                locate("/organisation/province"),
                tr(
                    "record.province_mismatch",
                    province=province,
                    territory=territory,
                    successors=one_of(sorted(successors)),
                ),
                code="unknown-territory",
            )
    for index, pack_id in _words(organisation.get("packs")):
        pack = rulebook.pack_by_id.get(pack_id)
        pointer = f"/organisation/packs/{index}"
        if pack is None:
            pack_ids = list(rulebook.pack_by_id)
            yield Problem(
                locate(pointer),
                tr("word.unknown.pack", word=pack_id)
                + did_you_mean(pack_id, pack_ids)
                + tr("word.known", words=one_of(pack_ids)),
                code="unknown-pack",
            )
        elif territory is not None and pack.instrument.territory.province != territory:
            yield Problem(
                locate(pointer),
                tr(
                    "record.pack_territory",
                    pack=pack_id,
                    governs=pack.instrument.territory.province,
                    territory=territory,
                ),
                severity="warning",
                code="pack-territory",
            )


def _vocabulary_words(data: dict[str, Any], rulebook: Rulebook, locate: Locate) -> Iterator[Problem]:
    known = known_words(rulebook)
    for pointer, activity in _items(data, "activities"):
        yield from _known(
            "activity type", activity.get("type"), known.activity_types, f"{pointer}/type", locate
        )
        yield from _evidence_kinds(activity.get("evidence"), f"{pointer}/evidence", rulebook, locate)
    for pointer, event in _items(data, "events"):
        yield from _known("event type", event.get("type"), known.event_types, f"{pointer}/type", locate)
        resolution = _mapping(event.get("resolution"))
        yield from _evidence_kinds(
            resolution.get("evidence"), f"{pointer}/resolution/evidence", rulebook, locate
        )
    for pointer, attestation in _items(data, "attestations"):
        yield from _evidence_kinds(attestation.get("evidence"), f"{pointer}/evidence", rulebook, locate)


def _evidence_kinds(evidence: Any, base: str, rulebook: Rulebook, locate: Locate) -> Iterator[Problem]:
    if not isinstance(evidence, list):
        return
    known = known_words(rulebook).evidence_kinds
    for index, item in enumerate(evidence):
        kind = _mapping(item).get("kind")
        yield from _known("evidence kind", kind, known, f"{base}/{index}/kind", locate)


def _known(what: str, value: Any, known: Iterable[str], pointer: str, locate: Locate) -> Iterator[Problem]:
    word = _word(value)
    choices = frozenset(known)
    if word is None or word in choices:
        return
    hint = did_you_mean(word, choices)
    # A long list helps nobody once there is a suggestion; `dancoso rules show ID` tells the rest.
    listing = "" if hint and len(choices) > 12 else tr("word.known", words=one_of(choices))
    message = tr(f"word.unknown.{what.replace(' ', '_')}", word=word) + hint + listing
    yield Problem(locate(pointer), message, code=f"unknown-{what.replace(' ', '-')}")


def _links(data: dict[str, Any], rulebook: Rulebook, locate: Locate) -> Iterator[Problem]:
    obligations = known_words(rulebook).obligations
    targets = known_words(rulebook).links
    # An activity that answers an event names the event's id (docs/evaluation.md, triggered duties).
    events = {item["id"] for _, item in _items(data, "events") if isinstance(item.get("id"), str)}
    for pointer, activity in _items(data, "activities"):
        serves = activity.get("serves")
        for index, target in enumerate(serves if isinstance(serves, list) else []):
            if isinstance(target, str) and target and target not in targets and target not in events:
                yield Problem(
                    locate(f"{pointer}/serves/{index}"),
                    tr("record.unknown_link", target=target, hint=did_you_mean(target, targets)),
                    code="unknown-link",
                )
    for pointer, attestation in _items(data, "attestations"):
        target = attestation.get("obligation")
        if isinstance(target, str) and target and target not in obligations:
            yield Problem(
                locate(f"{pointer}/obligation"),
                tr("record.unknown_obligation", target=target, hint=did_you_mean(target, obligations)),
                code="unknown-obligation",
            )


def _unique_ids(
    name: str, key: str, items: list[tuple[str, dict[str, Any]]], locate: Locate
) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for pointer, item in items:
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in first:
            earlier = locate(f"{first[item_id]}/id")
            yield Problem(
                locate(f"{pointer}/id"),
                tr(
                    f"record.duplicate_id.{name}",
                    id=item_id,
                    line=earlier.line,
                    first=first[item_id],
                    key=key,
                ),
                code="duplicate-id",
            )
        else:
            first[item_id] = pointer


def _outside_period(data: dict[str, Any], record: ActivityRecord | None, locate: Locate) -> Iterator[Problem]:
    if record is not None:
        period: Period | None = record.period
        dated = [(f"/activities/{i}", a) for i, a in enumerate(record.activities)]
    else:  # only the parts that validate on their own can be compared (the others are reported already)
        from dancoso_rules.record.model import Activity, Period

        period = _valid(Period, data.get("period"))
        dated = [(p, a) for p, raw in _items(data, "activities") if (a := _valid(Activity, raw)) is not None]
    if period is None:
        return
    for pointer, activity in dated:
        if activity.done_on < period.start or activity.first_day > period.end:
            when = activity.date or f"{activity.start}..{activity.end}"
            field = "date" if activity.date is not None else "start"
            yield Problem(
                locate(f"{pointer}/{field}"),
                tr("record.outside_period", when=when, start=period.start, end=period.end),
                severity="warning",
                code="outside-period",
            )


def _valid(model: type[M], value: Any) -> M | None:
    from pydantic import ValidationError

    try:
        return model.model_validate(value)
    except ValidationError:
        return None
