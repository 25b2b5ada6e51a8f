"""The clean-record decoder accepts only what the record models accept, with the very same values.

``decode_clean`` is a filter in front of pydantic: when it returns a record, validating the same
JSON with :class:`~dancoso_rules.record.model.ActivityRecord` must succeed and give equal values;
when it is unsure it returns ``None``. It is checked here field by field against the models, on
every fixture and example, on records that differ from a valid one by a single defect, and on
records Hypothesis mutates; and evaluating what it returns must give the very report the
validated model gives.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from conftest import EXAMPLES, FIXTURES
from dancoso_rules.evaluation import assess, evaluate
from dancoso_rules.load.packs import bundled_rulebook
from dancoso_rules.model import Rulebook
from dancoso_rules.record import fast
from dancoso_rules.record import model as models
from dancoso_rules.record.fast import decode_clean
from dancoso_rules.record.validate import validate_bytes
from test_evaluate_construct import _same as same_model
from test_evaluate_properties import records as evaluation_records
from test_record_hypothesis import mutated_records

FILES = sorted(
    [
        *(FIXTURES / "records" / "valid").glob("*.json"),
        *(FIXTURES / "records" / "invalid").glob("*.json"),
        *EXAMPLES.rglob("*.json"),
    ]
)
PAIRS: list[tuple[type[msgspec.Struct], type[BaseModel]]] = [
    (fast.Period, models.Period),
    (fast.ParentBody, models.ParentBody),
    (fast.Organisation, models.Organisation),
    (fast.FileRef, models.FileRef),
    (fast.Evidence, models.Evidence),
    (fast.Activity, models.Activity),
    (fast.Resolution, models.Resolution),
    (fast.Extension, models.Extension),
    (fast.Event, models.Event),
    (fast.Attestation, models.Attestation),
    (fast.ActivityRecord, models.ActivityRecord),
]


def model_view(raw: bytes) -> dict[str, Any] | None:
    """What the models make of ``raw`` (as JSON data, defaults left out), or ``None`` if they refuse it."""
    try:
        record = models.ActivityRecord.model_validate(json.loads(raw))
    except (ValidationError, ValueError):
        return None
    return record.model_dump(mode="json", by_alias=True, exclude_defaults=True)


def decoded_data(value: Any) -> Any:
    """A decoded record as JSON data, each field equal to its default left out (as ``exclude_defaults``
    leaves it out of the models' data)."""
    if isinstance(value, msgspec.Struct):
        return {
            field.encode_name: decoded_data(getattr(value, field.name))
            for field in msgspec.structs.fields(value)
            if field.required or getattr(value, field.name) != field.default
        }
    if isinstance(value, tuple | list):
        return [decoded_data(item) for item in value]
    return json.loads(msgspec.json.encode(value))


def agree(raw: bytes) -> bool:
    """Whether the decoder is right about ``raw``: it refuses it, or the validator accepts it unchanged.

    Returns whether the decoder accepted it.
    """
    decoded = decode_clean(raw)
    if decoded is None:
        return False
    expected = model_view(raw)
    assert expected is not None, f"the decoder accepted what the models refuse: {raw[:200]!r}"
    result = validate_bytes(raw, "record.json")
    assert result.record is not None, f"the decoder accepted what the validator refuses: {result.errors[:3]}"
    assert decoded_data(decoded) == expected
    # The model the fast path builds (what validate_bytes now returns) is the one validation builds.
    same_model(
        fast.validated_clean(raw, bundled_rulebook()),
        models.ActivityRecord.model_validate_json(raw, strict=True),
    )
    return True


@pytest.mark.parametrize(("struct", "model"), PAIRS, ids=[m.__name__ for _, m in PAIRS])
def test_each_struct_mirrors_its_model_field_for_field(
    struct: type[msgspec.Struct], model: type[BaseModel]
) -> None:
    structs = {f.encode_name: f for f in msgspec.structs.fields(struct)}
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    assert structs.keys() == fields.keys()
    for name, info in fields.items():
        field = structs[name]
        if info.is_required():
            assert field.required, name
        else:
            assert not field.required, name
            assert field.default == info.get_default(call_default_factory=True), name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name + "/" + p.name)
def test_every_fixture_and_example_is_refused_or_read_as_the_models_read_it(path: Path) -> None:
    raw = path.read_bytes()
    accepted = agree(raw)
    if path.is_relative_to(EXAMPLES):
        assert accepted, "the bundled examples are clean records: the fast path must take them"


def example(name: str = "tra-vinh/so-noi-vu.json") -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def with_activity(change: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    data = example()
    first = data["activities"][0]
    for key in drop:
        first.pop(key, None)
    first.update(change)
    return data


NFD = unicodedata.normalize("NFD", "Hội nghị cán bộ")


def with_organisation(change: dict[str, Any]) -> dict[str, Any]:
    data = example()
    data["organisation"].update(change)
    return data


ONE_DEFECT = {
    "bad id": with_activity({"id": "-starts-with-a-dash"}),
    "id with a line break": with_activity({"id": "a\nb"}),
    "bad type": with_activity({"type": "Staff Conference"}),
    "type with a trailing line break": with_activity({"type": "staff_conference\n"}),
    "date and range": with_activity({"start": "2025-01-01", "end": "2025-01-02"}),
    "range backwards": with_activity({"start": "2025-02-01", "end": "2025-01-02"}, drop=("date",)),
    "no date": with_activity({}, drop=("date",)),
    "date that does not exist": with_activity({"date": "2025-02-30"}),
    "date as a number": with_activity({"date": 20250101}),
    "date with a time": with_activity({"date": "2025-01-01T00:00:00"}),
    "count as text": with_activity({"participants": "12"}),
    "negative count": with_activity({"participants": -1}),
    "count as a float": with_activity({"participants": 12.0}),
    "empty title": with_activity({"title": ""}),
    "empty line served": with_activity({"serves": ["sk-1", ""]}),
    "empty evidence number": with_activity({"evidence": [{"number": ""}]}),
    "one-letter type": with_activity({"type": "a"}),
    "type of 81 letters": with_activity({"type": "a" * 81}),
    "title not in NFC": with_activity({"title": NFD}),
    "empty organisation name": with_organisation({"name": ""}),
    "organisation kind of 81 letters": with_organisation({"kind": "a" * 81}),
    "one-letter function": with_organisation({"functions": ["x"]}),
    "no pack named": with_organisation({"packs": []}),
    "unknown field": with_activity({"note": "x"}),
    "covers a third half": with_activity({"covers": "2025-H3"}),
    "covers a thirteenth month": with_activity({"covers": "2025-13"}),
    "covers a lower-case quarter": with_activity({"covers": "2025-q1"}),
    "covers a year written as a number": with_activity({"covers": 2025}),
    "covers a year with a line break": with_activity({"covers": "2025\n"}),
    "covers a date": with_activity({"covers": "2025-06-30"}),
    "covers a year before the first a record may name": with_activity({"covers": "1899"}),
    "covers a month after the last a record may name": with_activity({"covers": "2200-01"}),
    "a competence misspelt": with_organisation({"functions": ["inspection_competenc"]}),
    "evidence with nothing to find it by": with_activity({"evidence": [{"kind": "minutes"}]}),
    "evidence url not http": with_activity({"evidence": [{"url": "ftp://x"}]}),
    "evidence file with a short sha256": with_activity(
        {"evidence": [{"file": {"name": "a.pdf", "sha256": "ab"}}]}
    ),
    "evidence file with an upper-case sha256": with_activity(
        {"evidence": [{"file": {"name": "a.pdf", "sha256": "A" * 64}}]}
    ),
}


@pytest.mark.parametrize("label", ["2025", "2025-H1", "2025-H2", "2025-Q3", "2025-07", "2025-12"])
def test_a_named_period_is_read_alike_by_both_readers(label: str) -> None:
    raw = json.dumps(with_activity({"covers": label}), ensure_ascii=False).encode("utf-8")
    decoded = decode_clean(raw)
    assert decoded is not None
    assert decoded.activities[0].covers == label
    assert agree(raw)


def test_a_declared_competence_is_read_alike_by_both_readers() -> None:
    raw = json.dumps(
        with_organisation({"functions": ["inspection_competence", "administrative_procedures"]}),
        ensure_ascii=False,
    ).encode("utf-8")
    decoded = decode_clean(raw)
    assert decoded is not None
    assert decoded.organisation.functions == ("inspection_competence", "administrative_procedures")
    assert agree(raw)


ID_PATTERN = re.compile(models.Activity.model_json_schema()["properties"]["id"]["pattern"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aZ09._:-\n é/", max_size=4), max_size=5))
def test_ids_are_judged_well_formed_exactly_as_the_models_pattern_judges_them(ids: list[str]) -> None:
    assert fast._ids(ids) == all(ID_PATTERN.fullmatch(i) for i in ids)


@pytest.mark.parametrize("data", ONE_DEFECT.values(), ids=ONE_DEFECT.keys())
def test_a_record_one_defect_away_from_valid_is_never_taken_as_it_is(data: dict[str, Any]) -> None:
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    # Each defect is either refused by the models, or accepted only after conversion: the decoder
    # must leave both to the full validator.
    assert not agree(raw)


def test_escapes_and_malformed_bytes_are_left_to_the_full_validator() -> None:
    data = example()
    assert decode_clean(json.dumps(data, ensure_ascii=False).encode("utf-8")) is not None
    assert decode_clean(json.dumps(data, ensure_ascii=True).encode("utf-8")) is None  # \u escapes
    assert decode_clean(b"\xef\xbb\xbf" + json.dumps(data).encode("utf-8")) is None  # byte-order mark
    assert decode_clean(b"\xff") is None
    assert decode_clean(b"") is None
    assert decode_clean(b"[]") is None


@settings(max_examples=300, deadline=None)
@given(mutated_records(), st.booleans())
def test_a_mutated_record_is_refused_or_read_as_the_models_read_it(data: Any, ascii_only: bool) -> None:
    agree(json.dumps(data, ensure_ascii=ascii_only).encode("utf-8"))


def without_defaults(value: Any) -> Any:
    """``value`` without the members that only repeat a default (an empty list, ``null``)."""
    if isinstance(value, dict):
        return {k: without_defaults(v) for k, v in value.items() if v not in ([], None)}
    if isinstance(value, list):
        return [without_defaults(v) for v in value]
    return value


@settings(max_examples=100, deadline=None)
@given(evaluation_records())
def test_evaluating_a_decoded_record_gives_the_report_of_the_validated_one(
    case: tuple[dict[str, Any], dt.date],
) -> None:
    from evaluate_helpers import fixture_rulebook

    data, as_of = case
    rulebook = fixture_rulebook()
    # Defaults written out ("events": []) are left to the full validator (see record/fast.py).
    raw = json.dumps(without_defaults(data), ensure_ascii=False).encode("utf-8")
    decoded = decode_clean(raw, rulebook)
    assert decoded is not None
    validated = models.ActivityRecord.model_validate(data)
    report = evaluate(validated, packs=rulebook, as_of=as_of)
    assert evaluate(decoded, packs=rulebook, as_of=as_of).to_json() == report.to_json()
    assessment = assess(decoded, packs=rulebook, as_of=as_of)
    assert assessment.counts() == report.counts()
    assert assessment.statuses() == [result.status for result in report.results]


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.json")), ids=lambda p: p.parent.name + "/" + p.name)
def test_each_example_evaluates_alike_from_either_reader(path: Path, rulebook: Rulebook) -> None:
    raw = path.read_bytes()
    decoded = decode_clean(raw)
    assert decoded is not None
    validated = models.ActivityRecord.model_validate_json(raw)
    for as_of in (dt.date(2025, 6, 30), dt.date(2026, 1, 15), dt.date(2027, 12, 31)):
        report = evaluate(validated, packs=rulebook, as_of=as_of)
        assert evaluate(decoded, packs=rulebook, as_of=as_of).to_json() == report.to_json()
        assert assess(decoded, packs=rulebook, as_of=as_of).counts() == report.counts()


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_whatever_bytes_it_is_given_it_answers_and_never_raises(raw: bytes) -> None:
    assert decode_clean(raw) is None or model_view(raw) is not None


def every_field() -> dict[str, Any]:
    """A record that sets every field of every struct somewhere, with colons in its free-form strings."""
    data = example()
    first = data["activities"][0]
    first.update(id="hn:2025", title="Hội nghị: tổng kết", items=3, covers="2025")
    first["serves"] = [*first["serves"], "kn-2025-03"]  # an event of the record
    first["evidence"][0].update(
        url="https://example.vn/van-ban:15",
        file={"name": "KH:15.pdf", "sha256": "ab" * 32},
        title="Kế hoạch: hội nghị",
    )
    data["activities"][1].pop("date", None)
    data["activities"][1].update(start="2025-03-01", end="2025-03-02")
    data["events"][0]["reference"] = "Sổ: 07/2025"
    data["events"][0]["extension"] = {"until": "2025-06-05", "basis": "Vụ việc phức tạp: 45 ngày"}
    data["attestations"][0]["statement"] = "Xác nhận: đã thực hiện."
    return data


def fewest_fields() -> dict[str, Any]:
    """A record that sets only the fields its structs require."""
    full = example()
    organisation = {k: full["organisation"][k] for k in ("id", "name", "kind", "level", "territory")}
    activity = {k: full["activities"][0][k] for k in ("id", "type", "date", "title")}
    activity["evidence"] = [{"number": "15/KH-SNV"}]
    event = {k: full["events"][0][k] for k in ("id", "type", "date", "title")}
    event["resolution"] = {"date": full["events"][0]["resolution"]["date"]}
    attestation = {
        k: full["attestations"][0][k] for k in ("id", "obligation", "attested_by", "date", "statement")
    }
    return {
        "organisation": organisation,
        "period": full["period"],
        "activities": [activity],
        "events": [event],
        "attestations": [attestation],
    }


def written(value: Any, twice: tuple[Any, ...] = (), at: tuple[Any, ...] = ()) -> str:
    """``value`` as JSON, with the member at path ``twice`` written twice (JSON allows it; the validator does not)."""
    if isinstance(value, dict):
        members = []
        for key, item in value.items():
            member = f"{json.dumps(key)}: {written(item, twice, (*at, key))}"
            members += [member, member] if (*at, key) == twice else [member]
        return "{" + ", ".join(members) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(written(item, twice, (*at, i)) for i, item in enumerate(value)) + "]"
    return json.dumps(value, ensure_ascii=False)


def member_paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every member of every object in ``value``."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in [(*at, key), *member_paths(item, (*at, key))]]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in member_paths(item, (*at, i))]
    return []


@pytest.mark.parametrize("make", [every_field, fewest_fields])
def test_a_key_written_twice_anywhere_is_refused_and_the_record_once_is_taken(make: Any) -> None:
    # The fast path counts the members each struct writes instead of encoding the record again: a
    # field it forgot to count, or counted when left at its default, shows here.
    data = make()
    assert agree(written(data).encode("utf-8"))
    paths = member_paths(data)
    assert len(paths) > 20
    for path in paths:
        raw = written(data, twice=path).encode("utf-8")
        assert decode_clean(raw) is None, path
        assert validate_bytes(raw, "record.json").record is None, path


@pytest.mark.parametrize(
    ("field", "default"),
    [("participants", None), ("items", None), ("covers", None), ("evidence", []), ("serves", [])],
)
def test_a_default_written_out_is_left_to_the_full_validator(field: str, default: Any) -> None:
    # Written out, a default is a key the decoded struct does not count: the record is refused here
    # (the validator, which accepts it, then reads it).
    data = fewest_fields()
    data["activities"][0][field] = default
    raw = written(data).encode("utf-8")
    assert decode_clean(raw) is None
    assert validate_bytes(raw, "record.json").record is not None


@pytest.mark.parametrize("where", ["url", "$schema"])
def test_a_url_or_schema_not_in_nfc_is_left_to_the_validator_which_normalizes_it(where: str) -> None:
    # validate_bytes reads the whole file normalized: the fast path must not keep another spelling.
    data = example()
    address = unicodedata.normalize("NFD", "https://sở-nội-vụ.vn/kế-hoạch")
    if where == "url":
        data["activities"][0]["evidence"][0]["url"] = address
    else:
        data["$schema"] = address
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert decode_clean(raw) is None
    validated = validate_bytes(raw, "record.json").record
    assert validated is not None
    kept = validated.activities[0].evidence[0].url if where == "url" else validated.schema_
    assert kept == unicodedata.normalize("NFC", address)
