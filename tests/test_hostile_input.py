"""Issue 13: inputs that crashed `check`, took quadratic time, slipped past the fast path or drove the terminal.

Each test names the item of the issue it covers; each failed on the code before the fix.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dancoso_rules.cli.main import main
from dancoso_rules.errors import MAX_PROBLEMS_PER_FILE, RuleError
from dancoso_rules.load.yamlsafe import load_yaml
from dancoso_rules.model import Rulebook
from dancoso_rules.record import jsonload
from dancoso_rules.record.fast import decode_clean
from dancoso_rules.record.jsonload import find_position, parse_json
from dancoso_rules.record.validate import validate_bytes

SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
#: What may not appear in any text output: C0 controls but line break and tab, DEL, C1, bidi controls.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMATS = ("text", "markdown", "html", "json", "junit", "sarif", "csv")


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    return data


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def raw(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def override(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "overrides.yaml"
    path.write_text(
        "interpretations:\n"
        "  - id: late-window-yearly\n"
        "    kind: duration\n"
        f"    value: {value}\n"
        "    basis: project_default\n"
        "    title: {vi: Thời hạn, en: Deadline}\n"
        "    rationale: {vi: Thử nghiệm., en: A test.}\n",
        encoding="utf-8",
    )
    return path


# 5. The ends of the calendar, and durations evaluation cannot add.


@pytest.mark.parametrize("year", ["0001", "9999", "1899", "2200"])
def test_a_period_near_the_ends_of_the_calendar_is_a_located_error_not_a_crash(
    year: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["period"] = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    data["activities"] = []
    record = write(tmp_path / "far.json", data)
    assert main(["validate", "--lang", "en", str(record)]) == 1
    out = capsys.readouterr().out
    assert "/period/start: a date must lie between 1900-01-01 and 2199-12-31" in out
    assert main(["validate", "--lang", "vi", str(record)]) == 1
    out = capsys.readouterr().out
    assert "/period/start: ngày phải nằm trong khoảng từ 1900-01-01 đến 2199-12-31" in out
    assert main(["check", str(record), "--as-of", "2026-01-15"]) == 2  # the record is refused, not the date
    assert "/period/start" in capsys.readouterr().err


def test_a_period_of_more_than_ten_years_is_refused(tmp_path: Path) -> None:
    data = example()
    data["period"] = {"start": "2025-01-01", "end": "2035-01-01"}  # ten years and a day
    result = validate_bytes(raw(data), "long.json")
    assert result.record is None
    assert any("longer than ten years" in p.message for p in result.errors)
    data["period"]["end"] = "2034-12-31"  # ten years exactly
    assert validate_bytes(raw(data), "ten.json").record is not None


@pytest.mark.parametrize("value", ["P10000Y", "P101Y", "P1201M", "P36526D", "P" + "9" * 30 + "D"])
def test_a_duration_evaluation_cannot_add_is_a_located_error(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = override(tmp_path, value)
    assert main(["check", str(SO_NOI_VU), "--as-of", "2026-01-15", "--interpretations", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:" in err or str(path) in err
    assert "Traceback" not in err


def test_the_longest_duration_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = override(tmp_path, "P100Y")
    assert main(["check", str(SO_NOI_VU), "--as-of", "2026-01-15", "--interpretations", str(path)]) in (0, 1)
    capsys.readouterr()


# 5b. An evaluation date is bounded as a record's days are: past them, deadlines cannot be added to it.

FAR_DAYS = ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"]


@pytest.mark.parametrize("day", FAR_DAYS)
@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "docx", "--output", "x.docx"], ["calendar"]],
    ids=["check", "check-docx", "calendar"],
)
def test_an_as_of_past_a_records_days_is_a_usage_error_in_both_languages(
    day: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command[0], str(SO_NOI_VU), "--as-of", day, *command[1:]]
    argv = [a.replace("x.docx", str(tmp_path / "x.docx")) for a in argv]
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--lang", "en"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert (
        f"argument --as-of: expected an evaluation date from 1900-01-01 to 2199-12-31, the days a record "
        f"may name; got '{day}'"
    ) in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--lang", "vi"])
    assert exited.value.code == 2
    assert (
        f"tham số --as-of: cần ngày đánh giá trong khoảng từ 1900-01-01 đến 2199-12-31, như các ngày ghi "
        f"trong hồ sơ; giá trị đã ghi: '{day}'"
    ) in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_first_and_last_days_are_evaluation_dates_in_every_format(
    day: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in (*FORMATS, "docx", "xlsx"):  # docx dates its ZIP entries: 2199 is past what ZIP can date
        output = tmp_path / f"report.{fmt}"
        assert main(["check", str(SO_NOI_VU), "--as-of", day, "--format", fmt, "--output", str(output)]) in (
            0,
            1,
        )
        assert output.stat().st_size > 0
    for fmt in ("ics", "text", "markdown"):
        assert main(["calendar", str(SO_NOI_VU), "--as-of", day, "--format", fmt]) == 0
    capsys.readouterr()


def test_evaluate_refuses_an_as_of_past_a_records_days() -> None:
    from dancoso_rules import evaluate
    from dancoso_rules.errors import UsageError

    with pytest.raises(UsageError) as refused:
        evaluate(SO_NOI_VU, as_of=dt.date(9999, 12, 31))
    assert str(refused.value) == (
        "<options>: the evaluation date must lie between 1900-01-01 and 2199-12-31, as a record's days do; "
        "got 9999-12-31"
    )


def test_evaluate_takes_a_datetime_as_its_day_and_refuses_what_is_no_day() -> None:
    # A datetime is a date to the type checker; evaluate raised TypeError ("can't compare
    # datetime.datetime to datetime.date"), and TypeError again for a string.
    from dancoso_rules import evaluate, render
    from dancoso_rules.errors import UsageError

    at_noon = evaluate(SO_NOI_VU, as_of=dt.datetime(2026, 1, 15, 12, 30))
    assert at_noon.as_of == dt.date(2026, 1, 15)
    assert render(at_noon, "json") == render(evaluate(SO_NOI_VU, as_of=dt.date(2026, 1, 15)), "json")
    with pytest.raises(
        UsageError, match=r"<options>: expected the evaluation date as a datetime.date; got str"
    ):
        evaluate(SO_NOI_VU, as_of="2026-01-15")  # type: ignore[arg-type]


# 6. Malformed YAML scalars.


@pytest.mark.parametrize(
    ("scalar", "tag"),
    [("2025-02-30", "timestamp"), ("!!float x", "float"), ("!!int x", "int"), ("9" * 4400, "int")],
)
def test_a_malformed_yaml_scalar_is_a_located_error(scalar: str, tag: str) -> None:
    with pytest.raises(RuleError) as caught:
        load_yaml(f"a: 1\nvalue: {scalar}\n", "rules.yaml")
    (problem,) = caught.value.problems
    assert (problem.location.line, problem.location.column) == (2, 8)
    assert problem.message.startswith(f"not a valid {tag} value")
    assert len(problem.message) < 300


def test_a_malformed_scalar_in_an_override_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = override(tmp_path, "!!float x")
    assert main(["check", "--lang", "en", str(SO_NOI_VU), "--interpretations", str(path)]) == 2
    assert "overrides.yaml:4:12: not a valid float value" in capsys.readouterr().err


# 7. Linear time, capped reports, bounded files.


def many_activities(count: int, **change: Any) -> dict[str, Any]:
    data = example()
    first = data["activities"][0]
    data["activities"] = [dict(first, id=f"a{i}", **change) for i in range(count)]
    return data


def test_a_file_reports_its_first_problems_then_how_many_more() -> None:
    result = validate_bytes(raw(many_activities(1000, date="2025-02-30")), "many.json")
    assert len(result.problems) == MAX_PROBLEMS_PER_FILE + 1
    *shown, more = result.problems
    assert [p.location.pointer for p in shown] == [f"/activities/{i}/date" for i in range(len(shown))]
    assert more.code == "too-many-problems"
    assert more.severity == "error"
    assert "900 more problem(s)" in more.message


def test_locating_many_problems_reads_the_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    searches = []
    original = jsonload.find_position

    def counted(text: str, pointer: str) -> tuple[int, int]:
        searches.append(pointer)
        return original(text, pointer)

    monkeypatch.setattr(jsonload, "find_position", counted)
    data = many_activities(2000, date="2025-02-30")
    data["activities"][5]["note"] = "an unknown key"
    result = validate_bytes(raw(data), "many.json")
    assert len(result.errors) == MAX_PROBLEMS_PER_FILE + 1
    # A search from the top of the file for each of 2,001 problems was the quadratic part.
    assert len(searches) <= 16


def test_locating_at_once_finds_what_locating_one_by_one_finds() -> None:
    text = SO_NOI_VU.read_text(encoding="utf-8")
    document = parse_json(text, "so-noi-vu.json")
    pointers = ["", "/organisation/name", "/activities/3/evidence/1/number", "/activities/999", "/nope/x"]
    pointers += [f"/activities/{i}/date" for i in range(20)]
    expected = [find_position(text, p) for p in pointers]
    found = [document.locate(p) for p in pointers]
    assert [(f.line, f.column) for f in found] == expected


def test_an_oversized_override_file_is_refused_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"interpretations: []\n" + b"# padding\n" * 500_000)
    assert main(["check", "--lang", "en", str(SO_NOI_VU), "--interpretations", str(path)]) == 2
    assert "may be at most 4,194,304 bytes" in capsys.readouterr().err


# 8. The fast path accepts exactly what the validator accepts.


def with_activity(**change: Any) -> dict[str, Any]:
    data = example()
    data["activities"][0].update(change)
    return data


def with_organisation(**change: Any) -> dict[str, Any]:
    data = example()
    data["organisation"].update(change)
    return data


def duplicate_id() -> dict[str, Any]:
    data = example()
    data["activities"][1]["id"] = data["activities"][0]["id"]
    return data


REFUSED = {
    "unknown activity type": with_activity(type="staff_conferense"),
    "unknown evidence kind": with_activity(evidence=[{"kind": "minute", "number": "1/BB"}]),
    "unknown serves link": with_activity(serves=["tra-vinh-2024.nope"]),
    "unknown organisation kind": with_organisation(kind="state_agencyy"),
    "kind at the wrong level": with_organisation(level="hamlet"),
    "unknown function": with_organisation(functions=["nope_body"]),
    "unknown body": with_organisation(bodies=["nope_body"]),
    "unknown territory": with_organisation(territory="ha-noi"),
    "unknown pack": with_organisation(packs=["tra-vinh-2099"]),
    "duplicate activity id": duplicate_id(),
    "date past 2199": with_activity(date="2200-01-01"),
    "evidence dated 1800": with_activity(evidence=[{"number": "1/BB", "date": "1800-01-01"}]),
    # The published schema's \d (ECMA-262) is ASCII; Python's matched '٢٠٢٤' (Arabic-Indic digits) too.
    "covers in other digits": with_activity(covers="٢٠٢٤"),
    "date in other digits": with_activity(date="٢٠٢٥-٠٢-٢٠"),
}


@pytest.mark.parametrize("data", REFUSED.values(), ids=REFUSED.keys())
def test_the_fast_path_refuses_what_the_validator_refuses(data: dict[str, Any], rulebook: Rulebook) -> None:
    result = validate_bytes(raw(data), "record.json", rulebook)
    assert result.record is None
    assert decode_clean(raw(data), rulebook) is None


DUPLICATES = {
    "top level": (b'"record_version": "1",', b'"record_version": "1", "record_version": "1",'),
    "organisation": (b'"level": "province",', b'"level": "province", "level": "province",'),
    "activity title": (b'"title": ', b'"title": "x", "title": '),
    "empty then full": (b'"activities": [', b'"events": [], "activities": ['),
}


@pytest.mark.parametrize(("old", "new"), DUPLICATES.values(), ids=DUPLICATES.keys())
def test_a_duplicate_key_is_refused_though_msgspec_keeps_the_last(
    old: bytes, new: bytes, rulebook: Rulebook
) -> None:
    clean = SO_NOI_VU.read_bytes()
    assert decode_clean(clean, rulebook) is not None
    assert clean.count(old) >= 1
    damaged = clean.replace(old, new, 1)
    assert validate_bytes(damaged, "record.json", rulebook).record is None
    assert decode_clean(damaged, rulebook) is None


def test_an_event_id_in_serves_is_accepted_by_both(rulebook: Rulebook) -> None:
    # docs/evaluation.md: an activity answers an event by naming its id in `serves`.
    data = example()
    data["events"] = [{"id": "kn-1", "type": "complaint_received", "date": "2025-03-01", "title": "Đơn"}]
    data["activities"][0]["serves"] = ["kn-1"]
    assert validate_bytes(raw(data), "record.json", rulebook).record is not None
    assert decode_clean(raw(data), rulebook) is not None


# 11. Control characters never reach a terminal, a CI runner or a pull request.

HOSTILE_NAME = "Sở Nội vụ \x1b]0;pwned\x07\x1b[2J\u202etxt.exe @octocat #12\r\n::error file=evil.py::x"


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_from_a_record_are_neutralised_in_every_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["organisation"]["name"] = HOSTILE_NAME
    data["activities"][0]["title"] = "Hội nghị\u202e\x85\x9b31m"
    record = write(tmp_path / "hostile.json", data)
    assert main(["check", str(record), "--as-of", "2026-01-15", "--format", fmt]) == 1
    out, err = capsys.readouterr()
    for text in (out, err):
        assert not CONTROL.search(text.replace("\r\n", "\n")), repr(CONTROL.search(text))
        assert not any(line.startswith("::") for line in text.splitlines())
    if fmt == "markdown":
        assert "@octocat" not in out
        assert "#12" not in out


#: What XML (a workbook, a Word document) cannot carry at all, besides the controls of ``HOSTILE_NAME``.
NOT_XML = "\x0c\uffff\ufffe"


def _hostile_record(tmp_path: Path, name: str) -> Path:
    data = example()
    data["organisation"]["name"] = HOSTILE_NAME + NOT_XML
    data["organisation"]["parent"]["name"] = "UBND\x1b[2J\x0c"
    data["activities"][1]["title"] = "Tuyên truyền\x07\uffff\u202e"
    data["organisation"]["id"] = name
    return write(tmp_path / f"{name}.json", data)


def _workbook_text(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [
        v
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    ]


def _document_text(path: Path) -> list[str]:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    properties = [document.core_properties.author, document.core_properties.subject]
    return [paragraph.text for paragraph in document.paragraphs] + cells + properties


@pytest.mark.parametrize(
    ("fmt", "records", "written"),
    [
        ("xlsx", ["one"], "report.xlsx"),
        ("docx", ["one"], "report.docx"),
        ("xlsx", ["one", "two"], "reports/overview.xlsx"),
    ],
    ids=["xlsx", "docx", "xlsx-overview"],
)
def test_control_characters_from_a_record_are_written_out_in_workbooks_and_documents(
    fmt: str, records: list[str], written: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(_hostile_record(tmp_path, name)) for name in records]
    output = tmp_path / written
    target = output if len(records) == 1 else output.parent
    code = main(["check", *paths, "--as-of", "2026-01-15", "--format", fmt, "--output", str(target)])
    err = capsys.readouterr().err
    assert code == 1, err  # missed duties: no internal error (3)
    assert not CONTROL.search(err)
    texts = (_workbook_text if fmt == "xlsx" else _document_text)(output)
    joined = "\n".join(texts)
    assert not CONTROL.search(joined.replace("\r\n", "\n")), repr(CONTROL.search(joined))
    assert "\uffff" not in joined
    assert "\ufffe" not in joined
    assert "Sở Nội vụ \\x1b]0;pwned\\x07\\x1b[2J\\u202etxt.exe" in joined
    assert "\\x0c\\uffff\\ufffe" in joined
    if fmt == "docx":
        assert "UBND\\x1b[2J\\x0c" in joined
        assert "Tuyên truyền\\x07\\uffff\\u202e" in joined


def test_junit_writes_out_what_xml_cannot_carry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lxml import etree

    record = _hostile_record(tmp_path, "one")
    assert main(["check", str(record), "--as-of", "2026-01-15", "--format", "junit"]) == 1
    out = capsys.readouterr().out
    etree.fromstring(out.encode())
    assert "\\x0c\\uffff\\ufffe" in out  # written out as in every format, not dropped


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_key_holding_a_newline_cannot_start_a_workflow_command(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["organisation"]["x\n::error file=evil.py::pwned\x1b[2J"] = 1
    record = write(tmp_path / "key.json", data)
    assert main(["validate", "--format", fmt, str(record)]) == 1
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    assert not any(line.startswith("::error file=evil") for line in lines)
    assert not CONTROL.search(out + err)


def test_sarif_uris_are_percent_encoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = write(tmp_path / "hồ sơ #1?.json", example())
    assert main(["check", str(record), "--as-of", "2026-01-15", "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    uris = [
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for location in result.get("locations", [])
    ]
    assert uris
    assert all(uri.endswith("h%E1%BB%93%20s%C6%A1%20%231%3F.json") for uri in uris)


def test_colour_codes_are_the_renderers_own(tmp_path: Path) -> None:
    from dancoso_rules.load.packs import bundled_rulebook
    from dancoso_rules.report.batch import RecordSource, check_source
    from dancoso_rules.report.renderers import RenderOptions, get_renderer

    data = copy.deepcopy(example())
    data["organisation"]["name"] = HOSTILE_NAME + "\x1b[1;31m"  # even a colour of the renderer's own
    record = write(tmp_path / "hostile.json", data)
    checked = check_source(RecordSource(record, "hostile.json"), bundled_rulebook())
    assert checked.report is not None
    text = get_renderer("text").render(checked.report, RenderOptions(color=True))
    assert "\x1b[1m" in text  # colour still works
    assert "evil.py::x\\x1b[1;31m" in text
    assert "\x1b]" not in text
    assert "\x1b[2J" not in text
    assert "\x07" not in text


def test_a_name_that_starts_with_an_equals_sign_is_text_in_the_report_workbook(tmp_path: Path) -> None:
    """A record named ``=HYPERLINK(...)`` must not become a formula Excel would run (the CSV and the record
    workbook already keep it text): every cell of the report workbook that holds it is text."""
    from openpyxl import load_workbook

    record = json.loads((EXAMPLES / "tra-vinh" / "so-noi-vu.json").read_bytes())
    record["organisation"]["name"] = '=HYPERLINK("http://example.com","x")'
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "report.xlsx"
    assert main(["check", str(path), "--as-of", "2026-01-15", "--format", "xlsx", "--output", str(out)]) == 1
    cells = [cell for sheet in load_workbook(out) for row in sheet.iter_rows() for cell in row]
    named = [cell for cell in cells if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert named
    assert all(cell.data_type == "s" for cell in named)
    assert not any(cell.data_type == "f" for cell in cells)
