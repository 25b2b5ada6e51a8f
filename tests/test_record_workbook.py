"""Records as Excel workbooks: the template, export and import back unchanged, located errors by Sheet!Cell.

The located messages for bad workbooks are golden (``tests/fixtures/workbook/errors.golden.txt``, kept out of ``tests/golden/``, which holds the reports); after a deliberate
change of wording, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_record_workbook.py`` and review the
diff.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel, ConfigDict, Field

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main
from dancoso_rules.model import Rulebook
from dancoso_rules.record import Activity, ActivityRecord, Organisation, load_record
from dancoso_rules.record.validate import validate_record
from dancoso_rules.record.workbook import (
    FIRST_ROW,
    LISTS_SHEET,
    SINGLE_SHEET,
    read_xlsx,
    record_from_sheets,
    record_json,
    record_layout,
    template_workbook,
    validate_spreadsheet,
)

EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.json"))
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "workbook" / "errors.golden.txt"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"


def _book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def _save(book: Any, path: Path) -> Path:
    book.save(path)
    return path


def _column(sheet: Worksheet, key: str) -> int:
    """The 1-based column of the field ``key`` (row 2 holds the keys)."""
    for cell in sheet[2]:
        if cell.value == key:
            return int(cell.column)
    raise AssertionError(f"no column {key!r} on {sheet.title}")


def _as_csv(book: Any, folder: Path) -> list[Path]:
    """Each sheet of a record (not the instructions, nor the lists) saved as a CSV file, as an officer would."""
    files = []
    for index, sheet in enumerate(book.worksheets):
        if sheet.title in ("Hướng dẫn", LISTS_SHEET):
            continue
        path = folder / f"sheet-{index}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            for row in sheet.iter_rows(values_only=True):
                writer.writerow(
                    [
                        "" if v is None else v.date().isoformat() if isinstance(v, dt.datetime) else v
                        for v in row
                    ]
                )
        files.append(path)
    return files


# -- round trips -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_example_survives_a_round_trip_through_a_workbook(
    path: Path, rulebook: Rulebook, tmp_path: Path
) -> None:
    record = load_record(path, rulebook)
    workbook = tmp_path / "record.xlsx"
    workbook.write_bytes(template_workbook(rulebook, record))
    result = validate_spreadsheet(workbook, rulebook)
    assert result.problems == ()
    assert result.record == record


def test_an_events_extension_survives_a_round_trip_through_a_workbook(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """The longer period of a case (``extension``) has its two columns on the "Sự việc" sheet, filled from the
    record and read back; a day without its basis is refused at its cell."""
    record = load_record(REPO / "tests" / "fixtures" / "records" / "valid" / "extended.json", rulebook)
    assert any(event.extension is not None for event in record.events)
    workbook = tmp_path / "record.xlsx"
    workbook.write_bytes(template_workbook(rulebook, record))
    result = validate_spreadsheet(workbook, rulebook)
    assert result.problems == ()
    assert result.record == record
    book = _book(workbook.read_bytes())
    sheet = book["Sự việc"]
    heads = [cell.value for cell in sheet[1]]
    assert "Thời hạn giải quyết được kéo dài, gia hạn đến ngày" in heads
    assert "Căn cứ kéo dài, gia hạn" in heads
    basis = heads.index("Căn cứ kéo dài, gia hạn") + 1
    filled = next(row for row in range(3, sheet.max_row + 1) if sheet.cell(row, basis).value)
    sheet.cell(filled, basis).value = None
    broken = validate_spreadsheet(_save(book, tmp_path / "broken.xlsx"), rulebook, name="broken.xlsx")
    assert broken.record is None
    [problem] = broken.problems
    assert problem.location.cell is not None
    assert problem.location.cell.startswith("Sự việc!")
    assert "basis" in problem.message


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_import_writes_back_the_very_json_that_was_exported(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "record.xlsx"
    assert main(["template", "--from", str(path), "--output", str(workbook)]) == 0
    out = tmp_path / "record.json"
    assert main(["import", str(workbook), "--output", str(out)]) == 0
    assert out.read_bytes() == path.read_bytes()


def test_a_whole_number_of_more_than_15_digits_comes_back_exactly(
    rulebook: Rulebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    data["activities"][0]["participants"] = 12345678901234567891  # the schema sets no maximum
    source = tmp_path / "record.json"
    source.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    workbook, back = tmp_path / "record.xlsx", tmp_path / "back.json"
    assert main(["template", "--from", str(source), "--output", str(workbook)]) == 0
    sheet = _book(workbook.read_bytes())["Hoạt động"]
    cell = sheet.cell(row=FIRST_ROW, column=_column(sheet, "participants"))
    # Text, shown as text: as a number Excel would keep 15 digits (12345678901234569216 came back).
    assert (cell.value, cell.number_format) == ("12345678901234567891", "@")
    assert main(["import", str(workbook), "--output", str(back)]) == 0
    assert (
        json.loads(back.read_text(encoding="utf-8"))["activities"][0]["participants"] == 12345678901234567891
    )


def test_a_number_cell_of_more_than_15_digits_is_refused_with_its_cell(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    book = _book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook)))
    sheet = book["Hoạt động"]
    column = _column(sheet, "participants")
    sheet.cell(row=FIRST_ROW, column=column, value=12345678901234567891.0)  # what Excel holds when typed
    sheet.cell(row=FIRST_ROW + 1, column=column, value=999_999_999_999_999)  # 15 digits: exact
    result = validate_spreadsheet(_save(book, tmp_path / "typed.xlsx"), rulebook, name="typed.xlsx")
    assert [str(p) for p in result.problems] == [
        f"typed.xlsx Hoạt động!{get_column_letter(column)}{FIRST_ROW}: Excel keeps only 15 digits of a number,"
        " so 12345678901234569216 may not be the number typed: type it as text (an apostrophe first: ')"
    ]


def test_the_sheets_saved_as_csv_import_to_the_same_record(rulebook: Rulebook, tmp_path: Path) -> None:
    record = load_record(SO_NOI_VU, rulebook)
    result = validate_spreadsheet(_as_csv(_book(template_workbook(rulebook, record)), tmp_path), rulebook)
    assert result.problems == ()
    assert result.record == record


def test_two_csv_files_of_the_same_sheet_are_refused_naming_both(
    rulebook: Rulebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _as_csv(_book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook))), tmp_path)
    events = next(f for f in files if "complaint_received" in f.read_text(encoding="utf-8-sig"))
    lines = events.read_text(encoding="utf-8-sig").splitlines()
    other = tmp_path / "su-viec-2.csv"  # the same sheet, with one more event: which one is the record's?
    other.write_text(
        "\n".join([*lines, "kn-9,complaint_received,2025-05-01,Đơn khác,,,"]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "record.json"
    assert main(["import", "--lang", "en", *map(str, files), str(other), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        f"{other}: {events} and {other} are both the sheet 'Sự việc': give one .csv file for each sheet"
        in err
    )
    assert not out.exists()
    result = validate_spreadsheet([*files, other], rulebook)
    assert result.record is None
    assert [p.code for p in result.problems] == ["same-sheet"]


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda t: t.strip() != "" and t == unicodedata.normalize("NFC", t)
)
_IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,20}", fullmatch=True)
_DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31))


@st.composite
def _records(draw: st.DrawFn, seeds: list[dict[str, Any]]) -> dict[str, Any]:
    """An example record with its activities' words, dates and numbers replaced by generated ones."""
    record = copy.deepcopy(draw(st.sampled_from(seeds)))
    ids = draw(
        st.lists(_IDS, min_size=len(record["activities"]), max_size=len(record["activities"]), unique=True)
    )
    for activity, new_id in zip(record["activities"], ids, strict=True):
        activity["id"] = new_id
        activity["title"] = draw(_TEXT)
        if "date" in activity:
            activity["date"] = draw(_DAYS).isoformat()
        activity["participants"] = draw(st.integers(min_value=0, max_value=10**6))
        activity.pop("items", None)
        for evidence in activity.get("evidence", []):
            evidence["title"] = draw(_TEXT)
            evidence["number"] = draw(_TEXT)
    return record


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_records_survive_a_round_trip(data: st.DataObject, rulebook: Rulebook) -> None:
    seeds = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLE_FILES]
    raw = data.draw(_records(seeds))
    record = ActivityRecord.model_validate_json(json.dumps(raw), strict=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.xlsx"
        path.write_bytes(template_workbook(rulebook, record))
        result = validate_spreadsheet(path, rulebook)
    assert [str(p) for p in result.problems if p.severity == "error"] == []
    assert result.record == record


# -- the template as its user sees it ---------------------------------------------------------------------


def test_the_template_has_a_sheet_for_each_part_of_the_record(rulebook: Rulebook) -> None:
    book = _book(template_workbook(rulebook))
    assert book.sheetnames == [
        "Hướng dẫn",
        SINGLE_SHEET,
        "Hoạt động",
        "Sự việc",
        "Xác nhận",
        "Tài liệu kiểm chứng",
        LISTS_SHEET,
    ]
    activities = book["Hoạt động"]
    assert activities.cell(row=1, column=_column(activities, "type")).value == "Loại hoạt động *"
    assert activities.cell(row=1, column=_column(activities, "date")).value == "Ngày thực hiện"
    assert activities.freeze_panes == f"A{FIRST_ROW}"
    assert "dancoso validate" in "\n".join(str(c.value) for c in book["Hướng dẫn"]["A"])


def test_every_field_of_the_model_has_its_place(rulebook: Rulebook) -> None:
    """A field added to the record model appears in the template without being named here."""
    layout = record_layout()
    placed = {c.key for c in layout.single} | {
        f"{t.key}.{c.key}" for t in layout.all_tables for c in t.columns
    }
    assert {"organisation.kind", "period.start", "activities.serves", "events.resolution.date"} <= placed
    assert {"Evidence.file.sha256"} <= {f"Evidence.{c.key}" for c in layout.children[0].columns}
    for name, info in ActivityRecord.model_fields["organisation"].annotation.model_fields.items():  # type: ignore[union-attr]
        assert any(key.startswith(f"organisation.{info.alias or name}") for key in placed), name


class _Hosted(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="Its id.")
    since: dt.date | None = Field(default=None, description="Hosted since.")


class _Organisation(Organisation):
    hosted: tuple[_Hosted, ...] = Field(default=(), description="Bodies it hosts.")
    covers: str | None = None


class _Activity(Activity):
    covers: str | None = Field(default=None, description="The period it reports on.")


class _Record(ActivityRecord):
    organisation: _Organisation
    activities: tuple[_Activity, ...] = ()


def test_fields_added_to_the_model_flow_into_the_workbook_and_back(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """As other changes add fields (a list of hosted bodies, an activity's 'covers'), nothing here changes."""
    data = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    data["organisation"]["hosted"] = [{"id": "ban-a", "since": "2025-07-01"}, {"id": "ban-b"}]
    data["activities"][0]["covers"] = "2024"
    record = _Record.model_validate_json(json.dumps(data), strict=True)
    layout = record_layout(_Record)
    assert ("organisation", "hosted") in [t.path for t in layout.tables]
    assert "covers" in next(t for t in layout.tables if t.key == "activities").keys
    path = tmp_path / "record.xlsx"
    path.write_bytes(template_workbook(rulebook, record))
    read = record_from_sheets(read_xlsx(path, "record.xlsx"), rulebook, layout)
    assert read.problems == []
    assert _Record.model_validate_json(json.dumps(read.data), strict=True) == record


def test_drop_downs_come_from_the_vocabulary_and_date_columns_are_dates(rulebook: Rulebook) -> None:
    book = _book(template_workbook(rulebook))
    activities = book["Hoạt động"]
    type_letter = activities.cell(row=2, column=_column(activities, "type")).column_letter
    lists = {str(dv.sqref): dv for dv in activities.data_validations.dataValidation}
    drop_down = next(dv for ref, dv in lists.items() if ref.startswith(f"{type_letter}{FIRST_ROW}:"))
    assert drop_down.type == "list"
    assert drop_down.formula1.startswith(f"'{LISTS_SHEET}'!$")
    referenced = drop_down.formula1.split("!")[1].replace("$", "")
    codes = [c.value for row in book[LISTS_SHEET][referenced] for c in row]
    assert codes == [a.id for a in rulebook.vocabulary.activity_types]
    kinds = book[SINGLE_SHEET]
    kind_row = next(r for r in range(2, 30) if kinds.cell(row=r, column=2).value == "organisation.kind")
    assert any(
        f"C{kind_row}" in str(dv.sqref) and dv.type == "list" for dv in kinds.data_validations.dataValidation
    )
    date_column = _column(activities, "date")
    assert activities.cell(row=FIRST_ROW, column=date_column).number_format == "dd/mm/yyyy"
    assert any(dv.type == "date" for dv in activities.data_validations.dataValidation)


def test_the_workbook_is_byte_identical_from_run_to_run(rulebook: Rulebook) -> None:
    record = load_record(SO_NOI_VU, rulebook)
    assert template_workbook(rulebook) == template_workbook(rulebook)
    first = template_workbook(rulebook, record)
    assert first == template_workbook(rulebook, record)
    assert b"2025-12-31T00:00:00Z" in _core_properties(first)


def _core_properties(content: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("docProps/core.xml")


# -- located errors ----------------------------------------------------------------------------------------


def _wrong_type_in_a_drop_down(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW + 1, column=_column(sheet, "type"), value=42)


def _unknown_word_in_a_drop_down(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW, column=_column(sheet, "type"), value="staff_conferense")


def _a_date_that_does_not_exist(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW + 4, column=_column(sheet, "date"), value="31/02/2025")


def _an_iso_date_that_does_not_exist(book: Any) -> None:
    sheet = book["Sự việc"]
    sheet.cell(row=FIRST_ROW, column=_column(sheet, "date"), value="2025-02-30")


def _a_missing_sheet(book: Any) -> None:
    del book["Sự việc"]


def _a_missing_required_cell(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW + 2, column=_column(sheet, "title")).value = None


def _a_missing_organisation_value(book: Any) -> None:
    sheet = book[SINGLE_SHEET]
    row = next(r for r in range(2, 30) if sheet.cell(row=r, column=2).value == "organisation.name")
    sheet.cell(row=row, column=3).value = None


def _text_in_a_number_column(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW, column=_column(sheet, "participants"), value="khoảng 50")


def _evidence_of_no_activity(book: Any) -> None:
    sheet = book["Tài liệu kiểm chứng"]
    sheet.cell(row=FIRST_ROW, column=_column(sheet, "owner_id"), value="hn-cbccvc-2052")


def _an_unknown_column(book: Any) -> None:
    sheet = book["Xác nhận"]
    sheet.cell(row=2, column=sheet.max_column + 1, value="signed_by")


def _both_date_and_start(book: Any) -> None:
    sheet = book["Hoạt động"]
    sheet.cell(row=FIRST_ROW, column=_column(sheet, "start"), value=dt.date(2025, 3, 1))


def _merge(sheet: Any, column: int, first: int, last: int) -> None:
    letter = get_column_letter(column)
    sheet.merge_cells(f"{letter}{first}:{letter}{last}")


# Merged cells (an officer merges the cells of rows that share a value): Excel shows the value over the whole
# range, but only its first cell holds it. The other cells were said to be "missing", at a cell that shows a
# value on the officer's screen.
def _a_merged_required_cell(book: Any) -> None:
    sheet = book["Hoạt động"]
    _merge(sheet, _column(sheet, "type"), FIRST_ROW, FIRST_ROW + 1)


def _a_merged_date(book: Any) -> None:
    sheet = book["Hoạt động"]
    _merge(sheet, _column(sheet, "date"), FIRST_ROW + 2, FIRST_ROW + 4)


def _a_merged_organisation_value(book: Any) -> None:
    sheet = book[SINGLE_SHEET]
    row = next(r for r in range(2, 30) if sheet.cell(row=r, column=2).value == "organisation.kind")
    sheet.merge_cells(f"C{row - 1}:C{row}")


def _documents_of_one_activity_merged(book: Any) -> None:
    sheet = book["Tài liệu kiểm chứng"]
    _merge(sheet, _column(sheet, "owner_id"), FIRST_ROW, FIRST_ROW + 1)


DEFECTS: dict[str, Callable[[Any], None]] = {
    "wrong-type-in-a-drop-down": _wrong_type_in_a_drop_down,
    "unknown-word-in-a-drop-down": _unknown_word_in_a_drop_down,
    "a-date-that-does-not-exist": _a_date_that_does_not_exist,
    "an-iso-date-that-does-not-exist": _an_iso_date_that_does_not_exist,
    "a-missing-sheet": _a_missing_sheet,
    "a-missing-required-cell": _a_missing_required_cell,
    "a-missing-organisation-value": _a_missing_organisation_value,
    "text-in-a-number-column": _text_in_a_number_column,
    "evidence-of-no-activity": _evidence_of_no_activity,
    "an-unknown-column": _an_unknown_column,
    "both-date-and-start": _both_date_and_start,
    "a-merged-required-cell": _a_merged_required_cell,
    "a-merged-date": _a_merged_date,
    "a-merged-organisation-value": _a_merged_organisation_value,
    "documents-of-one-activity-merged": _documents_of_one_activity_merged,
}


def _messages(rulebook: Rulebook, tmp_path: Path, name: str) -> list[str]:
    book = _book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook)))
    DEFECTS[name](book)
    path = _save(book, tmp_path / f"{name}.xlsx")
    result = validate_record(path, rulebook, name=f"{name}.xlsx")
    assert result.record is None
    return [str(p) for p in result.problems]


def test_bad_workbooks_get_their_golden_located_messages(rulebook: Rulebook, tmp_path: Path) -> None:
    lines = []
    for name in DEFECTS:
        lines.append(f"# {name}")
        lines.extend(_messages(rulebook, tmp_path, name))
    actual = "\n".join(lines) + "\n"
    if UPDATE:
        GOLDEN.write_text(actual, encoding="utf-8")
    assert GOLDEN.is_file(), f"no golden file; run: UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert actual == GOLDEN.read_text(encoding="utf-8")


def test_a_date_typed_the_wrong_way_is_located_with_what_was_expected(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    messages = _messages(rulebook, tmp_path, "a-date-that-does-not-exist")
    assert messages[0] == (
        f"a-date-that-does-not-exist.xlsx Hoạt động!C{FIRST_ROW + 4}: expected a date written as a date cell "
        'or YYYY-MM-DD, got "31/02/2025"'
    )
    # Said once at its cell; the row then lacks a date, which is said at the row.
    assert messages[1:] == [
        f"a-date-that-does-not-exist.xlsx Hoạt động!A{FIRST_ROW + 4}: an activity needs a 'date', or both 'start' and 'end'"
    ]


def test_a_cell_a_merge_hides_is_named_with_its_range_in_vietnamese(
    rulebook: Rulebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook)))
    _a_merged_required_cell(book)
    path = _save(book, tmp_path / "ho-so.xlsx")
    assert main(["import", "--lang", "vi", str(path), "--output", str(tmp_path / "ho-so.json")]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        f"{path} Hoạt động!B4: ô B4 nằm trong vùng gộp B3:B4 nên được đọc như ô trống (chỉ ô đầu B3 giữ giá trị "
        "hiển thị): thiếu trường bắt buộc 'type'; đề nghị bỏ gộp ô và ghi giá trị vào từng ô"
    )
    assert not (tmp_path / "ho-so.json").exists()


def test_merged_ranges_are_found_wherever_a_block_of_the_sheet_ends() -> None:
    from dancoso_rules.record.workbook.read import _merged_ranges

    xml = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="urn:x">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;mergeCell ref="Z1:Z2"/&gt;</t></is></c>'
        b'</row></sheetData><mergeCells count="3"><mergeCell ref="B6:B8"/><x:mergeCell  ref=\'C1:D1\' />'
        b'<mergeCell ref="AA10:AB10"/></mergeCells></worksheet>'
    )

    class Sheet:
        def _get_source(self) -> io.BytesIO:
            return io.BytesIO(xml)

    for block in range(1, len(xml) + 1):
        assert _merged_ranges(Sheet(), block) == ("B6:B8", "C1:D1", "AA10:AB10"), block


def test_each_defect_gives_problems_only_where_it_is(rulebook: Rulebook, tmp_path: Path) -> None:
    for name in DEFECTS:
        messages = _messages(rulebook, tmp_path, name)
        assert messages, name
        assert all(".xlsx" in m for m in messages)
        if name != "a-missing-sheet":
            assert all("!" in m.split(":")[0] for m in messages), messages


def test_a_file_that_is_not_a_workbook_is_one_located_message(rulebook: Rulebook, tmp_path: Path) -> None:
    path = tmp_path / "record.xlsx"
    path.write_text("{}", encoding="utf-8")
    result = validate_record(path, rulebook)
    assert result.record is None
    assert len(result.problems) == 1
    assert "not an Excel workbook" in result.problems[0].message


def test_a_workbook_too_large_for_a_record_is_refused_before_it_is_read(
    rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dancoso_rules.record.workbook.read as workbook  # where the limits are read

    path = tmp_path / "record.xlsx"
    path.write_bytes(template_workbook(rulebook))
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 1000)
    (problem,) = validate_record(path, rulebook).problems
    assert problem.code == "too-large"
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 10**8)
    monkeypatch.setattr(workbook, "MAX_ROWS", 100)  # the template has 500 formatted rows a sheet
    (problem,) = validate_record(path, rulebook).problems
    assert problem.code == "too-large"
    assert "more than 100 rows" in problem.message


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\uffff"])
def test_a_control_character_is_refused_with_its_cell_not_a_traceback(
    rulebook: Rulebook, character: str
) -> None:
    from dancoso_rules.errors import RecordError

    data = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    data["activities"][1]["title"] = f"Kế hoạch{character}"
    record = ActivityRecord.model_validate_json(json.dumps(data), strict=True)
    with pytest.raises(RecordError) as caught:
        template_workbook(rulebook, record)
    assert str(caught.value.problems[0]).startswith(
        f"<record> Hoạt động!F{FIRST_ROW + 1}: a control character"
    )


def test_a_document_names_its_owner_in_words_or_by_code(rulebook: Rulebook, tmp_path: Path) -> None:
    record = load_record(SO_NOI_VU, rulebook)
    book = _book(template_workbook(rulebook, record))
    sheet = book["Tài liệu kiểm chứng"]
    owner = sheet.cell(row=FIRST_ROW, column=_column(sheet, "owner"))
    assert owner.value == "Hoạt động"
    owner.value = "activities.evidence"
    result = validate_spreadsheet(_save(book, tmp_path / "code.xlsx"), rulebook)
    assert result.record == record


def _former_owner_labels(sheet: Worksheet) -> list[int]:
    """Write the evidence owners of «Sự việc» as the former template named them; the rows written."""
    renamed = []
    for row in range(FIRST_ROW, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=1)
        if str(cell.value).startswith("Sự việc — "):
            cell.value = "Sự kiện — " + str(cell.value).removeprefix("Sự việc — ")
            renamed.append(row)
    return renamed


def test_a_workbook_of_the_former_template_is_read_by_the_names_it_gives(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A workbook filled in before the sheet «Sự kiện» became «Sự việc» reads to the same record, and its
    messages name its sheet as it names it."""
    record = load_record(SO_NOI_VU, rulebook)
    assert record.events, "the example must have events for this test to mean anything"
    book = _book(template_workbook(rulebook, record))
    book["Sự việc"].title = "Sự kiện"
    documents = book["Tài liệu kiểm chứng"]
    renamed = _former_owner_labels(documents)
    assert renamed, "the example must have evidence of an event's resolution"
    result = validate_spreadsheet(_save(book, tmp_path / "former.xlsx"), rulebook)
    assert result.problems == ()
    assert result.record == record

    book["Sự kiện"].cell(row=FIRST_ROW, column=_column(book["Sự kiện"], "date"), value="2025-02-30")
    documents.cell(row=renamed[0], column=2, value="kn-0000")
    problems = [str(p) for p in validate_spreadsheet(_save(book, tmp_path / "bad.xlsx"), rulebook).problems]
    assert any(f"Sự kiện!C{FIRST_ROW}:" in p for p in problems), problems
    assert any("'Sự kiện'" in p and "'kn-0000'" in p for p in problems), problems
    assert not any("Sự việc" in p for p in problems), problems


def test_owners_named_as_the_former_template_named_them_are_read_anywhere(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An evidence row that names its owner «Sự kiện — …» is read in a workbook whose sheet is «Sự việc»,
    and in CSV files saved from either."""
    record = load_record(SO_NOI_VU, rulebook)
    book = _book(template_workbook(rulebook, record))
    assert _former_owner_labels(book["Tài liệu kiểm chứng"])
    result = validate_spreadsheet(_save(book, tmp_path / "mixed.xlsx"), rulebook)
    assert result.problems == ()
    assert result.record == record
    result = validate_spreadsheet(_as_csv(book, tmp_path), rulebook)
    assert result.problems == ()
    assert result.record == record


def test_a_workbook_with_the_former_and_the_current_sheet_is_refused_not_half_read(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    record = load_record(SO_NOI_VU, rulebook)
    book = _book(template_workbook(rulebook, record))
    book.copy_worksheet(book["Sự việc"]).title = "Sự kiện"
    problems = validate_spreadsheet(_save(book, tmp_path / "both.xlsx"), rulebook).problems
    assert [p.code for p in problems] == ["duplicate-sheet"]
    assert "'Sự kiện'" in problems[0].message
    assert "'Sự việc'" in problems[0].message


# -- the commands ------------------------------------------------------------------------------------------


def test_validate_and_check_accept_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = tmp_path / "so-noi-vu.xlsx"
    assert main(["template", "--from", str(SO_NOI_VU), "--output", str(workbook)]) == 0
    assert main(["validate", str(workbook)]) == 0
    capsys.readouterr()
    assert (
        main(["check", str(workbook), "--as-of", "2026-01-15", "--format", "json", "--fail-on", "none"]) == 0
    )
    from_workbook = json.loads(capsys.readouterr().out)
    assert (
        main(["check", str(SO_NOI_VU), "--as-of", "2026-01-15", "--format", "json", "--fail-on", "none"]) == 0
    )
    from_json = json.loads(capsys.readouterr().out)
    assert from_workbook["results"] == from_json["results"]


def test_import_reports_cells_and_writes_nothing_when_invalid(
    rulebook: Rulebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook)))
    _a_date_that_does_not_exist(book)
    path = _save(book, tmp_path / "bad.xlsx")
    out = tmp_path / "bad.json"
    assert main(["import", "--lang", "en", str(path), "--output", str(out)]) == 1
    assert "Hoạt động!C7: expected a date" in capsys.readouterr().err
    assert main(["import", "--lang", "vi", str(path), "--output", str(out)]) == 1
    assert "Hoạt động!C7: cần một ngày, nhập dạng ô ngày tháng hoặc YYYY-MM-DD" in capsys.readouterr().err
    assert not out.exists()


def test_template_never_writes_over_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ho-so.xlsx"
    target.write_bytes(b"filled in by hand")
    assert main(["template", "--lang", "en", "--output", str(target)]) == 2
    assert "refusing to write over it" in capsys.readouterr().err
    assert target.read_bytes() == b"filled in by hand"
    assert main(["template", "--output", str(target), "--force"]) == 0
    assert target.read_bytes().startswith(b"PK")


def test_import_never_writes_over_an_existing_file_as_template_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It wrote over an existing record without a word, where `template` refuses: a record edited by hand
    # since its last import was lost to a second import of the workbook.
    workbook = tmp_path / "ho-so.xlsx"
    assert main(["template", "--from", str(SO_NOI_VU), "--output", str(workbook)]) == 0
    out = tmp_path / "out"
    out.mkdir()
    edited = out / "so-noi-vu-tra-vinh.json"
    capsys.readouterr()
    for target in (edited, out):  # the file itself, or the folder it is written into
        edited.write_text('{"edited": "by hand"}\n', encoding="utf-8")
        assert main(["import", "--lang", "en", str(workbook), "--output", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{edited}: the file exists: refusing to write over it"), err
        assert "use --force" in err
        assert edited.read_text(encoding="utf-8") == '{"edited": "by hand"}\n'
    template = tmp_path / "other.xlsx"
    template.write_bytes(b"filled in by hand")
    assert main(["template", "--lang", "en", "--output", str(template)]) == 2
    assert capsys.readouterr().err == err.replace(str(edited), str(template))  # one message, one code path
    assert main(["import", str(workbook), "--output", str(edited), "--force"]) == 0
    assert edited.read_bytes() == SO_NOI_VU.read_bytes()


def test_import_refuses_a_mix_of_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--lang", "en", str(SO_NOI_VU)]) == 2
    assert "expected one .xlsx workbook" in capsys.readouterr().err


def test_record_json_keeps_the_model_order() -> None:
    data = {
        "period": {"end": "2025-12-31", "start": "2025-01-01"},
        "organisation": {"name": "X", "id": "x-y"},
    }
    assert record_json(data).index('"organisation"') < record_json(data).index('"period"')
    assert record_json(data).index('"start"') < record_json(data).index('"end"')


# -- start-up ----------------------------------------------------------------------------------------------


def test_openpyxl_is_loaded_only_for_spreadsheets(tmp_path: Path) -> None:
    """Importing the library and checking a JSON record never import openpyxl (start-up stays fast)."""
    script = (
        "import sys, contextlib, io\n"
        "import dancoso_rules\n"
        "assert 'openpyxl' not in sys.modules, 'import dancoso_rules loaded openpyxl'\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(SO_NOI_VU)!r}, '--as-of', '2026-01-15'])\n"
        f"    main(['validate', {str(SO_NOI_VU)!r}])\n"
        "assert 'openpyxl' not in sys.modules, 'checking JSON loaded openpyxl'\n"
        "main(['validate', sys.argv[1]])\n"
        "assert 'openpyxl' in sys.modules\n"
    )
    workbook = tmp_path / "r.xlsx"
    assert main(["template", "--from", str(SO_NOI_VU), "--output", str(workbook)]) == 0
    done = subprocess.run(
        [sys.executable, "-c", script, str(workbook)], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_what_openpyxl_warns_about_never_reaches_standard_error(rulebook: Rulebook, tmp_path: Path) -> None:
    # A date cell whose serial no date has (or an Excel extension openpyxl drops) printed openpyxl's
    # "…/site-packages/openpyxl/…: UserWarning: …" and its source line: two lines naming no cell.
    book = _book(template_workbook(rulebook, load_record(SO_NOI_VU)))
    sheet = book["Hoạt động"]
    cell = sheet.cell(FIRST_ROW, _column(sheet, "date"))
    cell.value = 10**12
    cell.number_format = "yyyy-mm-dd"
    path = _save(book, tmp_path / "record.xlsx")
    done = subprocess.run(
        [sys.executable, "-m", "dancoso_rules", "--lang", "en", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert all(line.startswith(str(path)) for line in lines), lines
    assert f"{path} Hoạt động!{cell.coordinate}: expected a date" in done.stderr
