"""The validation API: results, warnings, strictness, ``load_record``, and the layers it may import."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from dancoso_rules.errors import RecordError
from dancoso_rules.model import Rulebook
from dancoso_rules.record import ActivityRecord, load_record, validate_record

VALID = FIXTURES / "records" / "valid"


def small() -> dict[str, object]:
    data: dict[str, object] = json.loads((VALID / "small.json").read_text(encoding="utf-8"))
    return data


def encode(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def test_a_valid_record_gives_the_model(rulebook: Rulebook) -> None:
    result = validate_record(VALID / "full.json", rulebook)
    assert isinstance(result.record, ActivityRecord)
    assert result.valid(strict=True)
    assert result.record.activities[0].evidence[2].file is not None
    assert result.record.activities[0].evidence[2].file.sha256 == "a" * 64


def test_nfd_record_is_read_as_nfc(rulebook: Rulebook) -> None:
    nfd = validate_record(VALID / "nfd.json", rulebook).record
    nfc = validate_record(VALID / "small.json", rulebook).record
    assert nfd is not None
    assert nfd == nfc


def test_bytes_are_validated_under_the_given_name(rulebook: Rulebook) -> None:
    data = small()
    data["period"] = {"start": "2025-01-01"}
    result = validate_record(encode(data), rulebook, name="upload.json")
    assert [str(p) for p in result.problems] == ["upload.json:10:3 /period/end: missing required field 'end'"]


def test_an_activity_outside_the_period_is_a_warning_only(rulebook: Rulebook) -> None:
    data = small()
    data["activities"][1] |= {"start": "2026-01-05", "end": "2026-01-06"}  # type: ignore[index]
    result = validate_record(encode(data), rulebook)
    assert result.valid()
    assert result.record is not None
    assert [(p.severity, p.location.pointer) for p in result.problems] == [("warning", "/activities/1/start")]
    strict = result.strictly()
    assert not strict.valid()
    assert [p.severity for p in strict.problems] == ["error"]


def test_a_range_overlapping_the_period_edge_is_inside(rulebook: Rulebook) -> None:
    data = small()
    data["activities"][1] |= {"start": "2024-12-30", "end": "2025-01-02"}  # type: ignore[index]
    assert validate_record(encode(data), rulebook).problems == ()


def test_ids_are_unique_per_list_not_across_lists(rulebook: Rulebook) -> None:
    data = small()
    data["events"][0]["id"] = data["activities"][0]["id"]  # type: ignore[index]
    assert validate_record(encode(data), rulebook).problems == ()


def test_pack_of_another_territory_is_a_warning(rulebook: Rulebook) -> None:
    data = small()
    data["organisation"]["packs"] = ["long-an-2025"]  # type: ignore[index]
    (problem,) = validate_record(encode(data), rulebook).problems
    assert problem.severity == "warning"
    assert (
        "pack 'long-an-2025' governs 'long-an', not the organisation's territory 'tra-vinh'"
        in problem.message
    )


def test_serves_accepts_provisions_and_obligations_of_the_rulebook(rulebook: Rulebook) -> None:
    placed = next(iter(rulebook.obligations()))
    data = small()
    data["activities"][0]["serves"] = [placed.uid, f"{placed.pack.id}.{placed.provision.id}"]  # type: ignore[index]
    assert validate_record(encode(data), rulebook).problems == ()


def test_invalid_parts_do_not_hide_problems_in_valid_parts(rulebook: Rulebook) -> None:
    data = small()
    data["activities"][0]["participants"] = "many"  # type: ignore[index]
    data["activities"][1]["id"] = data["activities"][0]["id"]  # type: ignore[index]
    data["activities"][1]["date"] = "2023-01-01"  # type: ignore[index]
    del data["activities"][1]["start"], data["activities"][1]["end"]  # type: ignore[attr-defined]
    codes = [p.code for p in validate_record(encode(data), rulebook).problems]
    assert codes == ["int_type", "duplicate-id", "outside-period"]


def test_load_record_returns_the_record_or_raises_its_errors(rulebook: Rulebook, tmp_path: Path) -> None:
    assert load_record(VALID / "small.json", rulebook).organisation.territory == "tra-vinh"
    with pytest.raises(RecordError) as caught:
        load_record(FIXTURES / "records" / "invalid" / "bad-date.json", rulebook)
    assert [p.location.pointer for p in caught.value.problems] == ["/activities/0/date"]
    with pytest.raises(RecordError) as missing:
        load_record(tmp_path / "absent.json", rulebook)
    assert missing.value.problems[0].code == "io"


def test_load_record_defaults_to_the_bundled_rulebook() -> None:
    assert load_record(VALID / "minimal.json").period.end.year == 2025


def test_record_layer_imports_no_higher_layer() -> None:
    higher = ("dancoso_rules.evaluation", "dancoso_rules.report", "dancoso_rules.cli")
    for path in (REPO / "src" / "dancoso_rules" / "record").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not [n for n in names if n.startswith(higher)], f"{path.name} imports {names}"
