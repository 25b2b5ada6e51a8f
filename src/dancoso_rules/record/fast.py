"""The fast path for a clean record: decoded and checked in one pass, or refused without a word.

Most records a CI job or a batch run reads have no problem at all. For those, building ~200
pydantic objects costs several times what parsing the JSON does. :func:`decode_clean` decodes
the bytes with msgspec straight into the frozen structs below, which mirror the models of
:mod:`dancoso_rules.record.model` field for field (same names, defaults, types, lengths and
bounds), then checks in Python what msgspec cannot express, or checks more slowly: the patterns
and lengths of ids and slugs, texts non-empty and in NFC, and the rules between fields (a period
that ends before it starts, an activity with both a date and a range, evidence with nothing to
find it by, an event resolved before it happened).

It is a filter, not a second validator: it returns ``None`` for anything it is not sure the
validator accepts unchanged, including input the models would accept after converting it (a
number written as ``"12"``, text not in NFC, a ``\\u`` escape) and every malformed record, and the
caller then runs the full validator, which explains what is wrong. So a record it accepts is one
the validator accepts with the very same values: the models, and what the validator checks
against the rulebook (known words from :mod:`dancoso_rules.record.words`, unique ids, dates
within :data:`~dancoso_rules.record.model.MIN_DATE`..``MAX_DATE``, a period of at most ten years,
each key once). The tests check this on every fixture and on generated records
(``tests/test_record_fast.py``).

Each list is read in one loop, which gathers what is checked once for the whole record: its
texts (one NFC check over all of them), its days (one ``min`` and one ``max``) and its evidence.
A word the rulebook knows is looked up in a set made once per rulebook of the known words that
are also well formed, so it needs no other check.

Duplicate keys: msgspec, like every fast JSON reader, keeps the last of two equal keys where the
validator refuses the file. Each key of the JSON is followed by a colon, and every other colon is
inside a string; so the bytes have as many colons as the decoded record has members (fields that
differ from their default, counted as each list is read) plus the colons of its strings, unless
they write a key the record does not have: a duplicate, or a default written out
(``"participants": null``, which is then left to the full validator). One count in C.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

import msgspec
from msgspec.structs import replace

from dancoso_rules.model import Rulebook
from dancoso_rules.model.schedule import PERIOD_LABEL
from dancoso_rules.record.bounds import MAX_DATE, MIN_DATE, covers_in_bounds, period_too_long
from dancoso_rules.record.extensions import LONGEST_EXTENSION
from dancoso_rules.record.view import ActivityDays
from dancoso_rules.record.words import KnownWords, known_words

if TYPE_CHECKING:  # the models are loaded only for a record that is not clean
    from dancoso_rules.record import model

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*")


def _id_shape(byte: int) -> int:
    """The shape of a byte of an id: ``a`` a letter or digit (what an id begins with), ``.`` one of
    ``._:-`` (allowed after the first), a line break (which joins ids, and no id holds), ``!`` any
    other byte. An id is well formed (``[A-Za-z0-9][A-Za-z0-9._:-]*``) when its shape is ``a`` then
    only ``a`` and ``.``."""
    char = chr(byte)
    if char.isascii() and char.isalnum():
        return ord("a")
    if char in "._:-":
        return ord(".")
    return byte if char == "\n" else ord("!")


_ID_SHAPES = bytes(_id_shape(byte) for byte in range(256))
_URL = re.compile(r"https?://\S+")
_SHA256 = re.compile(r"[0-9a-f]{64}")

# A slug's length (2 to 80) and a text's (at least 1) are checked in Python below, where each
# distinct slug is checked once and texts are looked at together: msgspec's check of each string
# cost ~80 machine instructions, for several hundred strings a record.
Slug = str
Text = str
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Count = Annotated[int, msgspec.Meta(ge=0)]


class Period(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """:class:`dancoso_rules.record.model.Period`."""

    #: The model that validates it (the reports' JSON Schema names it, with its descriptions).
    __validated_by__: ClassVar[str] = "dancoso_rules.record.model:Period"

    start: dt.date
    end: dt.date


class ParentBody(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """:class:`dancoso_rules.record.model.ParentBody`."""

    #: The model that validates it (the reports' JSON Schema names it, with its descriptions).
    __validated_by__: ClassVar[str] = "dancoso_rules.record.model:ParentBody"

    id: Slug | None = None
    name: Text


class Organisation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False):
    """:class:`dancoso_rules.record.model.Organisation`."""

    #: The model that validates it (the reports' JSON Schema names it, with its descriptions).
    __validated_by__: ClassVar[str] = "dancoso_rules.record.model:Organisation"

    id: Slug
    name: Text
    kind: Slug
    level: Literal["province", "district", "commune", "hamlet"]
    territory: Slug
    province: Slug | None = None
    packs: tuple[Slug, ...] | None = None
    functions: tuple[Slug, ...] = ()
    bodies: tuple[Slug, ...] | None = None
    parent: ParentBody | None = None


class FileRef(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.FileRef`."""

    name: Text
    sha256: str | None = None


class Evidence(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Evidence`."""

    kind: Slug | None = None
    number: Text | None = None
    date: dt.date | None = None
    title: Text | None = None
    url: str | None = None
    file: FileRef | None = None


class Activity(
    msgspec.Struct,
    ActivityDays,
    frozen=True,
    forbid_unknown_fields=True,
    kw_only=True,
    gc=False,
    omit_defaults=True,
):
    """:class:`dancoso_rules.record.model.Activity`."""

    id: Id
    type: Slug
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    title: Text
    participants: Count | None = None
    items: Count | None = None
    evidence: tuple[Evidence, ...] = ()
    serves: tuple[Text, ...] = ()
    covers: str | None = None


class Resolution(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Resolution`."""

    date: dt.date
    title: Text | None = None
    evidence: tuple[Evidence, ...] = ()


class Extension(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Extension`."""

    until: dt.date
    basis: Text


class Event(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Event`."""

    id: Id
    type: Slug
    date: dt.date
    title: Text
    reference: Text | None = None
    resolution: Resolution | None = None
    extension: Extension | None = None


class Attestation(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Attestation`."""

    id: Id
    obligation: Text
    attested_by: Text
    date: dt.date
    statement: Text
    evidence: tuple[Evidence, ...] = ()


class ActivityRecord(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.ActivityRecord`."""

    schema_: str | None = msgspec.field(default=None, name="$schema")
    record_version: Literal["1"] = "1"
    organisation: Organisation
    period: Period
    activities: tuple[Activity, ...] = ()
    events: tuple[Event, ...] = ()
    attestations: tuple[Attestation, ...] = ()


_decoder = msgspec.json.Decoder(ActivityRecord)
#: Each struct's fields and their defaults (``NODEFAULT`` for a required field), in the model's order.
_FIELDS: dict[type[msgspec.Struct], tuple[tuple[str, Any], ...]] = {
    struct: tuple((field.name, field.default) for field in msgspec.structs.fields(struct))
    for struct in (
        Period,
        ParentBody,
        Organisation,
        FileRef,
        Evidence,
        Activity,
        Resolution,
        Extension,
        Event,
        Attestation,
        ActivityRecord,
    )
}
_is_normalized = unicodedata.is_normalized


def _remembered(check: Callable[[str], bool], limit: int = 4096) -> Callable[[str], bool]:
    """``check``, remembering the values it passed (a record repeats the same few dozen slugs and periods)."""
    passed: set[str] = set()

    def remembered(value: str) -> bool:
        if value in passed:
            return True
        if not check(value):
            return False
        if len(passed) < limit:
            passed.add(value)
        return True

    return remembered


def _is_slug(value: str) -> bool:
    return 2 <= len(value) <= 80 and _SLUG.fullmatch(value) is not None


def _is_period_label(label: str) -> bool:
    return PERIOD_LABEL.fullmatch(label) is not None and covers_in_bounds(label)


#: Whether a string is a well-formed slug (:data:`~dancoso_rules.model.common.Slug`).
_slug = _remembered(_is_slug)
#: Whether a string names a calendar period a record may name (``covers``).
_period_label = _remembered(_is_period_label)


_WORDS: dict[int, tuple[KnownWords, KnownWords]] = {}


def _words(rulebook: Rulebook) -> KnownWords:
    """The words ``rulebook`` knows that the models also accept as written: a word in one of these
    needs no other check (the slugs are kept if well formed; links and obligations, which are texts,
    are checked with the record's other texts). Made once per rulebook."""
    known = known_words(rulebook)
    kept = _WORDS.get(id(known))
    if kept is not None and kept[0] is known:
        return kept[1]

    def slugs(words: frozenset[str]) -> frozenset[str]:
        return frozenset(filter(_is_slug, words))

    words = replace(
        known,
        kinds={kind: levels for kind, levels in known.kinds.items() if _is_slug(kind)},
        functions=slugs(known.functions),
        bodies=slugs(known.bodies),
        territories=slugs(known.territories),
        packs=slugs(known.packs),
        activity_types=slugs(known.activity_types),
        event_types=slugs(known.event_types),
        evidence_kinds=slugs(known.evidence_kinds),
    )
    if len(_WORDS) >= 8:
        _WORDS.clear()
    _WORDS[id(known)] = (known, words)
    return words


def _colons(text: str) -> int:
    """How many colons ``text`` holds: most hold none, which a search (memchr) tells ten times faster than a count."""
    return text.count(":") if ":" in text else 0


class _Found:
    """What the checks of a record's parts gather, to check together once the parts are read."""

    __slots__ = ("colons", "days", "evidence", "keys", "texts")

    def __init__(self) -> None:
        #: Every string that must be non-empty and in NFC: the texts
        #: (:data:`~dancoso_rules.model.common.Text`), the urls and ``$schema`` (which the validator
        #: reads normalized, as it does the whole file).
        self.texts: list[str] = []
        #: Every date, each of which must lie within :data:`MIN_DATE`..``MAX_DATE``.
        self.days: list[dt.date] = []
        #: Every evidence item, checked by :func:`_evidence` once all are found.
        self.evidence: list[Evidence] = []
        #: How many members the record's objects write: one for each field that differs from its
        #: default (as msgspec's encoding with ``omit_defaults`` writes them).
        self.keys = 0
        #: How many colons the ids hold (the only strings but :attr:`texts` that may hold one).
        self.colons = 0

    def clean(self, data: bytes, written: bool) -> bool:
        """Whether the days and texts found are as the models require, and ``data`` writes each key once.

        ``written``: whether ``data`` writes ``record_version`` (a default) at its top. A colon of the
        JSON follows a key or is in a string (see the module docstring); the strings that may hold one
        are the ids and :attr:`texts` (slugs, dates, labels and sha256 sums cannot).
        """
        days, texts = self.days, self.texts
        joined = "\n".join(texts)  # a character that composes with nothing
        return (
            (not days or (min(days) >= MIN_DATE and max(days) <= MAX_DATE))
            and all(texts)
            and _is_normalized("NFC", joined)
            and data.count(b":") == self.keys + written + self.colons + _colons(joined)
        )


def _organisation(org: Organisation, words: KnownWords, found: _Found) -> bool:
    levels = words.kinds.get(org.kind)
    if levels is None or (levels and org.level not in levels) or org.territory not in words.territories:
        return False
    if not (
        words.functions.issuperset(org.functions)
        and (org.bodies is None or words.bodies.issuperset(org.bodies))
        and (org.packs is None or (bool(org.packs) and words.packs.issuperset(org.packs)))
        and _slug(org.id)
        and (org.province is None or _slug(org.province))
    ):
        return False
    found.texts.append(org.name)
    # id, name, kind, level, territory, and what is set of the rest.
    found.keys += 5 + (org.province is not None) + (org.packs is not None) + bool(org.functions)
    found.keys += org.bodies is not None
    parent = org.parent
    if parent is not None:
        found.texts.append(parent.name)
        found.keys += 2 + (parent.id is not None)
        return parent.id is None or _slug(parent.id)
    return True


def _ids(ids: list[str]) -> bool:
    """Whether every id is well formed."""
    return not ids or _well_formed("\n".join(ids), len(ids))


def _well_formed(joined: str, count: int) -> bool:
    """Whether ``count`` ids joined by line breaks are well formed, from the shapes of their bytes.

    Byte by byte, in C: the joined shapes start with a letter or digit, hold no other byte, and
    every line break is followed by a letter or digit (so none was inside an id, and no id is empty
    or starts with a punctuation mark).
    """
    shape = joined.encode().translate(_ID_SHAPES)
    return shape[:1] == b"a" and b"!" not in shape and shape.count(b"\na") == count - 1 == shape.count(b"\n")


def _unique_ids(ids: list[str], found: _Found) -> bool:
    """Whether the ids of one list are well formed and each used once."""
    joined = "\n".join(ids)
    found.colons += _colons(joined)
    return _well_formed(joined, len(ids)) and len(set(ids)) == len(ids)


def _activities(
    items: tuple[Activity, ...], events: tuple[Event, ...], words: KnownWords, found: _Found
) -> bool:
    if not items:
        return True
    types, links = words.activity_types, words.links
    texts, days, evidence = found.texts, found.days, found.evidence
    ids: list[str] = []
    served: list[str] = []
    keys = 0  # counted up from 0, where Python keeps its small integers
    for a in items:
        if a.type not in types:
            return False
        # A date, or a range (start and end, in order), never both.
        if a.start is None and a.end is None:
            if a.date is None:
                return False
            days.append(a.date)
        elif a.date is not None or a.start is None or a.end is None or a.end < a.start:
            return False
        else:
            days += (a.start, a.end)
            keys += 1
        ids.append(a.id)
        texts.append(a.title)
        if a.covers is not None:
            if not _period_label(a.covers):
                return False
            keys += 1
        if a.evidence:
            evidence += a.evidence
            keys += 1
        if a.serves:
            served += a.serves
            keys += 1
        keys += (a.participants is not None) + (a.items is not None)
    # What an activity serves: a provision or obligation, or an event of this record that it answers.
    if served and not links.issuperset(served) and not {e.id for e in events}.issuperset(set(served) - links):
        return False
    texts += served
    found.keys += keys + 4 * len(items)  # id, type, title, and date (or start and end: one more)
    return _unique_ids(ids, found)


def _events(items: tuple[Event, ...], words: KnownWords, found: _Found) -> bool:
    if not items:
        return True
    types = words.event_types
    texts, days, evidence = found.texts, found.days, found.evidence
    ids: list[str] = []
    keys = 4 * len(items)  # id, type, date, title
    for e in items:
        if e.type not in types:
            return False
        ids.append(e.id)
        days.append(e.date)
        texts.append(e.title)
        if e.reference is not None:
            texts.append(e.reference)
            keys += 1
        resolved = e.resolution
        if resolved is not None:
            if resolved.date < e.date:
                return False
            days.append(resolved.date)
            keys += 2  # resolution, and its date
            if resolved.title is not None:
                texts.append(resolved.title)
                keys += 1
            if resolved.evidence:
                evidence += resolved.evidence
                keys += 1
        extended = e.extension
        if extended is not None:
            if extended.until < e.date or e.type not in LONGEST_EXTENSION:
                return False
            days.append(extended.until)
            texts.append(extended.basis)
            keys += 3  # extension, its last day and its basis
    found.keys += keys
    return _unique_ids(ids, found)


def _attestations(items: tuple[Attestation, ...], words: KnownWords, found: _Found) -> bool:
    if not items:
        return True
    obligations = words.obligations
    texts = found.texts
    ids: list[str] = []
    keys = 5 * len(items)  # id, obligation, attested_by, date, statement
    for a in items:
        if a.obligation not in obligations:
            return False
        ids.append(a.id)
        found.days.append(a.date)
        texts += (a.obligation, a.attested_by, a.statement)
        if a.evidence:
            found.evidence += a.evidence
            keys += 1
    found.keys += keys
    return _unique_ids(ids, found)


def _evidence(items: list[Evidence], words: KnownWords, found: _Found) -> bool:
    kinds = words.evidence_kinds
    texts, days = found.texts, found.days
    keys = 0
    for e in items:
        if e.kind is not None:
            if e.kind not in kinds:
                return False
            keys += 1
        if e.number is not None:
            texts.append(e.number)
            keys += 1
        elif e.url is None and e.file is None:
            return False  # nothing to find it by
        if e.date is not None:
            days.append(e.date)
            keys += 1
        if e.title is not None:
            texts.append(e.title)
            keys += 1
        if e.url is not None:
            if _URL.fullmatch(e.url) is None:
                return False
            texts.append(e.url)
            keys += 1
        file = e.file
        if file is not None:
            texts.append(file.name)
            keys += 2  # file, and its name
            if file.sha256 is not None:
                if _SHA256.fullmatch(file.sha256) is None:
                    return False
                keys += 1
    found.keys += keys
    return True


def decode_clean(data: bytes, rulebook: Rulebook | None = None) -> ActivityRecord | None:
    """The record in ``data`` if the validator certainly accepts it as it stands, else ``None`` (run
    the full validator, which says why).

    ``data`` is one JSON document in UTF-8 (no byte-order mark); ``rulebook`` (default: the bundled
    one) says which words are known. Nothing is ever raised for bad input.
    """
    found = _decode_clean(data, rulebook)
    return None if found is None else found[0]


def validated_clean(data: bytes, rulebook: Rulebook) -> model.ActivityRecord | None:
    """What the validator makes of ``data`` when :func:`decode_clean` accepts it, else ``None``: the
    model's ``ActivityRecord`` with the very same values and fields set, built without validating
    again (and so without building the model's validator, a noticeable part of a one-record check)."""
    found = _decode_clean(data, rulebook)
    if found is None:
        return None
    record, written = found
    made: model.ActivityRecord = _as_model(record, {"record_version"} if written else set())
    return made


def _as_model(struct: msgspec.Struct, written: set[str] | None = None) -> Any:
    """The model of ``struct`` (the class of the same name in :mod:`dancoso_rules.record.model`), with
    the same fields set as validation gives: those the JSON writes, which for a record ``decode_clean``
    accepted are those that differ from their defaults, and ``written``."""
    values: dict[str, Any] = {}
    for name, default in _FIELDS[type(struct)]:
        value = getattr(struct, name)
        if isinstance(value, msgspec.Struct):
            value = _as_model(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], msgspec.Struct):
            value = tuple(_as_model(item) for item in value)
        if value != default or name in (written or ()):
            values[name] = value
    from dancoso_rules.record import model  # a clean record read as the model: only when asked for

    return getattr(model, type(struct).__name__).model_construct(**values)


def _decode_clean(data: bytes, rulebook: Rulebook | None) -> tuple[ActivityRecord, bool] | None:
    """:func:`decode_clean`'s record, and whether ``record_version`` is written at its top."""
    if rulebook is None:
        from dancoso_rules.load.packs import bundled_rulebook

        rulebook = bundled_rulebook()
    words = _words(rulebook)
    # Escapes (\u0301, a lone surrogate) are left to the full validator; most records have no
    # backslash at all, which one fast scan for the byte tells.
    if b"\\" in data and b"\\u" in data:
        return None
    try:
        record: ActivityRecord = _decoder.decode(data)
    except (msgspec.DecodeError, UnicodeDecodeError):
        return None
    period = record.period
    if not (MIN_DATE <= period.start <= period.end <= MAX_DATE) or period_too_long(period.start, period.end):
        return None
    found = _Found()
    # The members written at the top, and the period's two.
    found.keys = 4 + (record.schema_ is not None) + bool(record.activities) + bool(record.events)
    found.keys += bool(record.attestations)
    if record.schema_ is not None:
        found.texts.append(record.schema_)
    # "record_version" is the one default records write, at their top: looked for there only
    # (written further on, it is left to the full validator).
    written = data.find(b'"record_version":', 0, 256) >= 0
    if not (
        _organisation(record.organisation, words, found)
        and _activities(record.activities, record.events, words, found)
        and _events(record.events, words, found)
        and _attestations(record.attestations, words, found)
        and _evidence(found.evidence, words, found)
        and found.clean(data, written)
    ):
        return None
    return record, written


__all__ = [
    "Activity",
    "ActivityRecord",
    "Attestation",
    "Event",
    "Evidence",
    "Extension",
    "FileRef",
    "Organisation",
    "ParentBody",
    "Period",
    "Resolution",
    "decode_clean",
    "validated_clean",
]
