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

Duplicate keys: msgspec, like every fast JSON reader, keeps the last of two equal keys where the
validator refuses the file. Each key of the JSON is followed by a colon, and every other colon is
inside a string, so the colons of the bytes and of the decoded record encoded again (without its
defaults) differ only by the keys the bytes have and the record does not: a duplicate, or a
default written out (``"participants": null``, which is then left to the full validator). One
encoding and two counts, in C.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from itertools import chain
from typing import Annotated, Any, Literal

import msgspec

from dancoso_rules.model import Rulebook
from dancoso_rules.model.schedule import PERIOD_LABEL
from dancoso_rules.record import model
from dancoso_rules.record.model import MAX_DATE, MIN_DATE, covers_in_bounds, period_too_long
from dancoso_rules.record.view import ActivityDays
from dancoso_rules.record.words import KnownWords, known_words

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


class Period(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Period`."""

    start: dt.date
    end: dt.date


class ParentBody(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.ParentBody`."""

    id: Slug | None = None
    name: Text


class Organisation(
    msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, gc=False, omit_defaults=True
):
    """:class:`dancoso_rules.record.model.Organisation`."""

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
        Event,
        Attestation,
        ActivityRecord,
    )
}
_encode = msgspec.json.encode
_is_normalized = unicodedata.is_normalized

#: Slugs already found well formed: a record repeats the same few dozen types and kinds.
_SLUGS: set[str] = set()
_SLUGS_MAX = 4096


def _slug(value: str | None) -> bool:
    """Whether ``value`` (``None`` aside) is a well-formed slug; those found so are kept."""
    if value is None or value in _SLUGS:
        return True
    if not 2 <= len(value) <= 80 or _SLUG.fullmatch(value) is None:
        return False
    if len(_SLUGS) < _SLUGS_MAX:
        _SLUGS.add(value)
    return True


def _texts_nfc(texts: list[str]) -> bool:
    """Whether every text is non-empty and in NFC: joined by a character that composes with nothing, in one call."""
    return all(texts) and _is_normalized("NFC", "\n".join(texts))


def _slugs(values: set[str | None]) -> bool:
    """Whether every value (``None`` aside) is a well-formed slug."""
    return all(_slug(value) for value in values - _SLUGS)


def _within(days: list[dt.date]) -> bool:
    """Whether every day lies between :data:`MIN_DATE` and :data:`MAX_DATE`, as the validator requires."""
    return not days or (min(days) >= MIN_DATE and max(days) <= MAX_DATE)


def _evidence(items: list[Evidence], texts: list[str], known: KnownWords) -> bool:
    if not items:
        return True
    numbers = [e.number for e in items if e.number is not None]
    # Something to find it by: most evidence has a number, and then nothing more is looked at.
    if len(numbers) < len(items) and [
        e for e in items if e.number is None and e.url is None and e.file is None
    ]:
        return False
    kinds = {e.kind for e in items}
    kinds.discard(None)
    if not (_slugs(kinds) and kinds <= known.evidence_kinds):
        return False
    if not _within([e.date for e in items if e.date is not None]):
        return False
    texts += numbers
    texts += [e.title for e in items if e.title is not None]
    urls = [e.url for e in items if e.url is not None]
    if urls and not all(_URL.fullmatch(url) for url in urls):
        return False
    files = [e.file for e in items if e.file is not None]
    if files:
        texts += [f.name for f in files]
        sums = [f.sha256 for f in files if f.sha256 is not None]
        if not all(_SHA256.fullmatch(s) for s in sums):
            return False
    return True


def _organisation(org: Organisation, texts: list[str], known: KnownWords) -> bool:
    levels = known.kinds.get(org.kind)
    if levels is None or (levels and org.level not in levels) or org.territory not in known.territories:
        return False
    if not (
        known.functions >= set(org.functions)
        and (org.bodies is None or known.bodies.issuperset(org.bodies))
        and (org.packs is None or known.packs.issuperset(org.packs))
    ):
        return False
    slugs: set[str | None] = {
        org.id,
        org.kind,
        org.territory,
        org.province,
        *(org.packs or ()),
        *org.functions,
        *(org.bodies or ()),
    }
    texts.append(org.name)
    if org.parent is not None:
        slugs.add(org.parent.id)
        texts.append(org.parent.name)
    return _slugs(slugs)


def _ids(ids: list[str]) -> bool:
    """Whether every id is well formed, from the shapes of their bytes, joined by line breaks.

    Byte by byte, in C: the joined shapes start with a letter or digit, hold no other byte, and
    every line break is followed by a letter or digit (so none was inside an id, and no id is empty
    or starts with a punctuation mark).
    """
    if not ids:
        return True
    shape = "\n".join(ids).encode().translate(_ID_SHAPES)
    return (
        shape[:1] == b"a" and b"!" not in shape and shape.count(b"\na") == len(ids) - 1 == shape.count(b"\n")
    )


def _unique(ids: list[str]) -> bool:
    return len(set(ids)) == len(ids)


def _activities(
    items: tuple[Activity, ...], texts: list[str], known: KnownWords, events: tuple[Event, ...]
) -> bool:
    if not items:
        return True
    types = {a.type for a in items}
    if not (_slugs(types) and types <= known.activity_types):  # type: ignore[arg-type]
        return False
    # A date, or a range (start and end, in order), never both.
    for a in [a for a in items if a.date is None or a.start is not None or a.end is not None]:
        if a.date is not None or a.start is None or a.end is None or a.end < a.start:
            return False
    covered = [a.covers for a in items if a.covers is not None]
    if covered and not all(PERIOD_LABEL.fullmatch(label) and covers_in_bounds(label) for label in covered):
        return False
    firsts = [day for a in items if (day := a.date or a.start) is not None]
    if not _within(firsts) or not _within([a.end for a in items if a.end is not None]):
        return False
    texts += [a.title for a in items]
    served = [a.serves for a in items]
    if any(served):
        links = set(chain.from_iterable(served))
        # A provision or obligation, or an event of this record that the activity answers.
        if not links <= known.links and not links - known.links <= {e.id for e in events}:
            return False
        texts += links
    evidence = list(chain.from_iterable([a.evidence for a in items]))
    ids = [a.id for a in items]
    return _ids(ids) and _unique(ids) and _evidence(evidence, texts, known)


def _events(items: tuple[Event, ...], texts: list[str], known: KnownWords) -> bool:
    if not items:
        return True
    types = {e.type for e in items}
    if not (_slugs(types) and types <= known.event_types):  # type: ignore[arg-type]
        return False
    if not _within([e.date for e in items]):
        return False
    texts += [e.title for e in items]
    texts += [e.reference for e in items if e.reference is not None]
    resolutions = [(e, e.resolution) for e in items if e.resolution is not None]
    if [e for e, r in resolutions if r.date < e.date]:
        return False
    texts += [r.title for _, r in resolutions if r.title is not None]
    if not _within([r.date for _, r in resolutions]):
        return False
    evidence = [item for _, r in resolutions for item in r.evidence]
    ids = [e.id for e in items]
    return _ids(ids) and _unique(ids) and _evidence(evidence, texts, known)


def _attestations(items: tuple[Attestation, ...], texts: list[str], known: KnownWords) -> bool:
    if not items:
        return True
    for a in items:
        texts += (a.obligation, a.attested_by, a.statement)
    if not {a.obligation for a in items} <= known.obligations or not _within([a.date for a in items]):
        return False
    evidence = [item for a in items for item in a.evidence]
    ids = [a.id for a in items]
    return _ids(ids) and _unique(ids) and _evidence(evidence, texts, known)


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
    return getattr(model, type(struct).__name__).model_construct(**values)


def _decode_clean(data: bytes, rulebook: Rulebook | None) -> tuple[ActivityRecord, bool] | None:
    """:func:`decode_clean`'s record, and whether ``record_version`` is written at its top."""
    if rulebook is None:
        from dancoso_rules.load.packs import bundled_rulebook

        rulebook = bundled_rulebook()
    known = known_words(rulebook)
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
    texts: list[str] = []
    if not (
        _organisation(record.organisation, texts, known)
        and _activities(record.activities, texts, known, record.events)
        and _events(record.events, texts, known)
        and _attestations(record.attestations, texts, known)
        and _texts_nfc(texts)
    ):
        return None
    # Each key once (see the module docstring). "record_version" is the one default records write,
    # at their top: looked for there only (written further on, it is left to the full validator).
    # Only a key can be followed by '":' (a string value never is), and a key other than the
    # top-level one would have been refused as unknown.
    written = data.find(b'"record_version":', 0, 256) >= 0
    if data.count(b":") != _encode(record).count(b":") + written:
        return None
    return record, written


__all__ = [
    "Activity",
    "ActivityRecord",
    "Attestation",
    "Event",
    "Evidence",
    "FileRef",
    "Organisation",
    "ParentBody",
    "Period",
    "Resolution",
    "decode_clean",
    "validated_clean",
]
