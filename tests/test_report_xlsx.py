"""The overview as a workbook (`check --format xlsx`): the JSON overview's counts, a frozen header,
filters, colours that repeat words, one sheet per unit on request, and the same bytes every run."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES
from dancoso_rules.cli.main import main
from dancoso_rules.report.messages import msg, status_label
from dancoso_rules.report.model import STATUSES

AS_OF = ["--as-of", "2026-01-15", "--fail-on", "none"]
SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"


@pytest.fixture(scope="module")
def json_overview() -> dict[str, Any]:
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["check", str(EXAMPLES), *AS_OF, "--format", "json"]) == 0
    document: dict[str, Any] = json.loads(buffer.getvalue())
    return document


SOFT = "Khuyến khích, đề nghị"


def _overview(tmp_path: Path, *extra: str) -> Any:
    folder = tmp_path / "reports"
    assert main(["check", str(EXAMPLES), *AS_OF, "--format", "xlsx", "--output", str(folder), *extra]) == 0
    return load_workbook(folder / "overview.xlsx")


def _table(sheet: Any, header_row: int = 1) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _apart(node: dict[str, Any]) -> list[int]:
    """The JSON's counts as people read them: the requests' and encouragements' results that apply moved
    out of their status into a column of their own (legal review, item 17)."""
    totals, soft = node["totals"], node["soft"]
    shown = [totals[s] - (soft[s] if s != "not_applicable" else 0) for s in STATUSES]
    return [*shown, sum(soft.values()) - soft["not_applicable"]]


def test_counts_per_khoan_equal_the_json_overview(
    tmp_path: Path, json_overview: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _overview(tmp_path)
    from_xlsx = {
        (r["Mã"], r["Văn bản"], r[msg("xlsx.provision_id")]): [
            *(r[status_label(s)] for s in STATUSES),
            r[SOFT],
        ]
        for r in _table(book["Theo khoản"])
    }
    from_json = {
        (row["organisation"], clause["pack"], clause["provision"]): _apart(clause)
        for row in json_overview["rows"]
        for clause in row["clauses"]
    }
    assert from_json
    assert any(counts[-1] for counts in from_json.values())  # the examples have encouragements that apply
    assert from_xlsx == from_json


def test_one_row_per_organisation_with_its_totals_worst_first(
    tmp_path: Path, json_overview: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    book = _overview(tmp_path)
    rows = _table(book["Tổng hợp"])
    assert [r["Mã"] for r in rows] == [row["organisation"] for row in json_overview["rows"]]
    for xlsx_row, json_row in zip(rows, json_overview["rows"], strict=True):
        assert [*(xlsx_row[status_label(s)] for s in STATUSES), xlsx_row[SOFT]] == _apart(json_row)


def test_words_are_in_the_cells_not_colour_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = _overview(tmp_path)
    labels = {status_label(s) for s in STATUSES}
    summary = _table(book["Tổng hợp"])
    assert all(r["Đánh giá"] in labels for r in summary)
    khoan_cells = [v for r in summary for k, v in r.items() if k and "Điều" in str(k) and v]
    assert khoan_cells
    # A khoản where only an encouragement applies (the company's khoản 4 Điều 2) shows it in words too.
    assert all(any(label in cell for label in labels | {SOFT}) for cell in khoan_cells)
    assert any("Không thực hiện" in cell for cell in khoan_cells)  # the examples have missed duties


def test_frozen_header_filters_and_conditional_colours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _overview(tmp_path)
    for name in ("Tổng hợp", "Theo khoản"):
        sheet = book[name]
        assert sheet.freeze_panes in ("A2", "C2")
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:")
        assert sheet.auto_filter.ref.endswith(str(sheet.max_row))
        rules = [rule for area in sheet.conditional_formatting for rule in area.rules]
        texts = {rule.text for rule in rules if rule.type == "containsText"}
        assert {"Không thực hiện", "Quá hạn", "Thực hiện chậm"} <= texts
        assert any(rule.type == "cellIs" and rule.operator == "greaterThan" for rule in rules)


def test_one_sheet_per_unit_only_on_request(
    tmp_path: Path, json_overview: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    ids = [row["organisation"] for row in json_overview["rows"]]
    without = _overview(tmp_path / "a")
    assert not set(ids) & set(without.sheetnames)
    with_units = _overview(tmp_path / "b", "--unit-sheets")
    assert set(ids) <= set(with_units.sheetnames)
    unit = with_units[ids[0]]
    assert unit.freeze_panes == "A6"
    assert unit["A1"].value == json_overview["rows"][0]["name"]
    counts = _table(unit, header_row=5)
    assert len(counts) == len(json_overview["rows"][0]["clauses"])


def test_the_same_records_give_the_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "1", tmp_path / "2"
    for folder in (first, second):
        assert main(["check", str(EXAMPLES), *AS_OF, "--format", "xlsx", "--output", str(folder)]) == 0
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_one_record_gives_its_own_workbook_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "so-noi-vu.xlsx"
    assert (
        main(["check", str(SO_NOI_VU), *AS_OF, "--format", "xlsx", "--lang", "en", "--output", str(out)]) == 0
    )
    book = load_workbook(out)
    assert book.sheetnames[:3] == ["Overview", "By clause", "About"]
    assert "so-noi-vu-tra-vinh" in book.sheetnames
    (row,) = _table(book["Overview"])
    assert row["Assessment"] == "Missed"


def test_invalid_records_are_listed_on_their_own_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records"
    records.mkdir()
    (records / "good.json").write_bytes(SO_NOI_VU.read_bytes())
    (records / "bad.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(records), *AS_OF, "--format", "xlsx", "--output", str(out)]) == 2
    book = load_workbook(out / "overview.xlsx")
    (invalid,) = _table(book["Hồ sơ không hợp lệ"])
    assert "bad.json" in invalid["Tệp hồ sơ"]
    assert "thiếu trường bắt buộc" in invalid["Lỗi"]  # the messages follow the language
