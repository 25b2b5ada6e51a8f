"""Every message of the record validator and the spreadsheet import in Vietnamese and in English.

Each family of messages (the record against the rulebook, the file and its JSON, the model's own
rules, pydantic's other errors, the spreadsheet import, the cap on problems) is triggered under
``--lang vi`` and ``--lang en`` on the command line and under :func:`using_lang` in the Python API.
Then every message the validator gives for many broken records (the invalid fixtures, these cases,
and a record broken one field at a time in every way the schema refuses) is read under ``vi``: none
may still be in the English of the old messages, and each is NFC.
"""

from __future__ import annotations

import copy
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, FIXTURES
from dancoso_rules.cli.main import main
from dancoso_rules.errors import MAX_PROBLEMS_PER_FILE, Problem
from dancoso_rules.i18n import Lang, using_lang
from dancoso_rules.model import Rulebook
from dancoso_rules.record.validate import RecordResult, load_record, validate_bytes, validate_record
from dancoso_rules.record.workbook import template_workbook
from test_record_workbook import DEFECTS, _book, _save

SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
INVALID = sorted((FIXTURES / "records" / "invalid").glob("*.json"))
#: What ``dancoso validate --lang vi`` says of each invalid fixture and each bad workbook, in one file to read.
GOLDEN_VI = FIXTURES / "records" / "messages.vi.golden.txt"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
Change = Callable[[dict[str, Any]], None]


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    return data


def _changed(change: Change) -> bytes:
    data = _example()
    change(data)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _at(path: tuple[Any, ...], change: Callable[[Any], Any]) -> Change:
    def at(data: dict[str, Any]) -> None:
        target: Any = data
        for part in path:
            target = target[part]
        change(target)

    return at


def _set(pointer: str, value: Any) -> Change:
    *parents, last = [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/")]
    return _at(tuple(parents), lambda parent: parent.__setitem__(last, value))


def _many_bad_participants(data: dict[str, Any]) -> None:
    activity = data["activities"][0]
    data["activities"] = [
        {**activity, "id": f"a{i}", "participants": -1} for i in range(MAX_PROBLEMS_PER_FILE + 1200)
    ]


def _without_inspection_board(data: dict[str, Any]) -> None:
    data["organisation"]["bodies"] = ["head_of_unit"]
    data["activities"][0]["type"] = "inspection_board_supervision"


#: A case: the record's bytes, then the words its message has in English and in Vietnamese.
CASES: dict[str, tuple[bytes, str, str]] = {
    # the record against the rulebook (record/checks.py)
    "level": (
        _changed(_set("/organisation/level", "commune")),
        "level 'commune' does not fit kind 'provincial_department', which is at level 'province'",
        "cấp 'commune' không phù hợp với loại 'provincial_department', là loại thuộc cấp 'province'",
    ),
    "enterprise": (
        _changed(_set("/organisation/kind", "enterprise")),
        "kind 'enterprise' is read as a private enterprise",
        "loại 'enterprise' được hiểu là doanh nghiệp ngoài nhà nước",
    ),
    "bodies-undeclared": (
        _changed(_without_inspection_board),
        "is work of a 'peoples_inspection_board', which 'bodies' does not list",
        "là công việc của 'peoples_inspection_board', nhưng 'bodies' không liệt kê tổ chức này",
    ),
    "function-is-a-body": (
        _changed(_set("/organisation/functions", ["peoples_inspection_board"])),
        "'peoples_inspection_board' is a body: list it in 'bodies', not in 'functions'",
        "'peoples_inspection_board' là một tổ chức, bộ phận: ghi vào 'bodies', không ghi vào 'functions'",
    ),
    "function-is-a-person": (
        _changed(_set("/organisation/functions", ["staff"])),
        "'staff' is a person in the vocabulary, not a kind or a competence",
        "'staff' là một cá nhân, chức danh trong danh mục, không phải loại cơ quan, đơn vị hoặc thẩm quyền",
    ),
    "kind-is-a-competence": (
        _changed(_set("/organisation/kind", "inspection_competence")),
        "'inspection_competence' is a competence, not a kind of organisation",
        "'inspection_competence' là một thẩm quyền, không phải loại cơ quan, đơn vị",
    ),
    "kind-is-a-person": (
        _changed(_set("/organisation/kind", "staff")),
        "'staff' is a person in the vocabulary, not a kind of organisation",
        "'staff' là một cá nhân, chức danh trong danh mục, không phải loại cơ quan, đơn vị",
    ),
    "territory-merged": (
        _changed(_set("/organisation/territory", "vinh-long")),
        "'vinh-long' is the province since 2025-07-01; 'territory' names the former province",
        "'vinh-long' là tỉnh từ 2025-07-01; 'territory' ghi tỉnh trước sắp xếp",
    ),
    "province": (
        _changed(_set("/organisation/province", "tay-ninh")),
        "province 'tay-ninh' does not hold the former territory 'tra-vinh', which is part of 'vinh-long' today",
        "tỉnh 'tay-ninh' không bao gồm địa bàn tỉnh cũ 'tra-vinh'; địa bàn này nay thuộc 'vinh-long'",
    ),
    "pack-territory": (
        _changed(_set("/organisation/packs", ["tra-vinh-2024", "long-an-2025"])),
        "pack 'long-an-2025' governs 'long-an', not the organisation's territory 'tra-vinh'",
        "bộ quy tắc 'long-an-2025' áp dụng cho 'long-an', không phải địa bàn 'tra-vinh' của cơ quan, đơn vị",
    ),
    "unknown-link": (
        _changed(_set("/activities/0/serves", ["tra-vinh-2024.nowhere"])),
        "unknown provision, obligation or event 'tra-vinh-2024.nowhere'",
        "quy định, nghĩa vụ hoặc sự việc 'tra-vinh-2024.nowhere' không hợp lệ",
    ),
    "unknown-obligation": (
        _changed(_set("/attestations/0/obligation", "tra-vinh-2024.nowhere")),
        "unknown obligation 'tra-vinh-2024.nowhere'",
        "nghĩa vụ 'tra-vinh-2024.nowhere' không hợp lệ",
    ),
    "outside-period": (
        _changed(_set("/activities/0/date", "2026-02-20")),
        "the activity (2026-02-20) lies outside the record's period 2025-01-01..2025-12-31",
        "hoạt động (2026-02-20) nằm ngoài kỳ báo cáo của hồ sơ 2025-01-01..2025-12-31",
    ),
    # the file and its JSON (record/jsonload.py, record/validate.py)
    "utf-8-bom": (
        b"\xef\xbb\xbf" + SO_NOI_VU.read_bytes(),
        "the file starts with a UTF-8 byte-order mark (BOM), which is skipped",
        "tệp bắt đầu bằng dấu thứ tự byte (BOM) UTF-8, dấu này được bỏ qua",
    ),
    "utf-16-bom": (
        b"\xff\xfe{\x00}\x00",
        "the file starts with a UTF-16 byte-order mark; save the file as UTF-8",
        "tệp bắt đầu bằng dấu thứ tự byte (BOM) UTF-16; đề nghị lưu tệp dưới dạng UTF-8",
    ),
    "encoding": (
        b'{"a": "\xf4"}',
        "not UTF-8 text: byte 0xf4 cannot start or continue a character",
        "không phải văn bản UTF-8: byte 0xf4 không thể bắt đầu hoặc tiếp nối một ký tự",
    ),
    "too-deep": (
        b"[" * 40 + b"]" * 40,
        "nested deeper than 32 levels",
        "dữ liệu lồng nhau quá 32 cấp",
    ),
    "duplicate-key": (
        b'{\n "period": 1,\n "period": 2\n}',
        "duplicate key 'period' (first at line 2, column 2); each key may appear once",
        "khóa 'period' bị trùng (đã có tại dòng 2, cột 2); mỗi khóa chỉ được ghi một lần",
    ),
    "surrogate": (
        b'{"organisation": "\\ud800"}',
        "an unpaired \\uD800-\\uDFFF escape is not text",
        "chuỗi thoát \\uD800-\\uDFFF đứng riêng lẻ, không thành cặp",
    ),
    "nan": (b'{"a": NaN}', "NaN is not a JSON number", "NaN không phải là số trong JSON"),
    "long-integer": (
        b'{"a": ' + b"9" * 5000 + b"}",
        "a number of more than 4,300 digits",
        "số có hơn 4.300 chữ số",
    ),
    "syntax": (
        b'{"a": }',
        "not valid JSON: Expecting value",
        "không phải dữ liệu JSON hợp lệ: thiếu giá trị",
    ),
    "extra-data": (b"{} {}", "not valid JSON: Extra data", "không phải dữ liệu JSON hợp lệ: có dữ liệu thừa"),
    "top-level": (
        b"[]",
        "expected a JSON object (an activity record) at the top of the file",
        "đầu tệp phải là một đối tượng JSON (một hồ sơ hoạt động)",
    ),
    # the model's own rules (record/model.py)
    "period-order": (
        _changed(_set("/period", {"start": "2025-12-31", "end": "2025-01-01"})),
        "the period ends (2025-01-01) before it starts (2025-12-31)",
        "kỳ báo cáo kết thúc (2025-01-01) trước ngày bắt đầu (2025-12-31)",
    ),
    "period-length": (
        _changed(_set("/period", {"start": "2010-01-01", "end": "2025-12-31"})),
        "the period 2010-01-01..2025-12-31 is longer than ten years",
        "kỳ báo cáo 2010-01-01..2025-12-31 dài hơn mười năm",
    ),
    "date-range": (
        _changed(_set("/period/start", "1899-12-31")),
        "a date must lie between 1900-01-01 and 2199-12-31",
        "ngày phải nằm trong khoảng từ 1900-01-01 đến 2199-12-31",
    ),
    "year-zero": (_changed(_set("/period/start", "0000-01-01")), "year 0 is out of range", "năm 0 nằm ngoài"),
    "covers": (
        _changed(_set("/activities/0/covers", "2025-H3")),
        "expected a period written '2025', '2025-H1', '2025-Q3' or '2025-07' (got '2025-H3')",
        "cần kỳ ghi theo dạng '2025', '2025-H1', '2025-Q3' hoặc '2025-07' (giá trị đã ghi: '2025-H3')",
    ),
    "covers-range": (
        _changed(_set("/activities/0/covers", "2200")),
        "a period must lie between 1900-01-01 and 2199-12-31",
        "kỳ phải nằm trong khoảng từ 1900-01-01 đến 2199-12-31",
    ),
    "evidence": (
        _changed(_set("/activities/0/evidence/0", {"kind": "plan"})),
        "evidence needs at least one of 'number', 'url' or 'file'",
        "tài liệu kiểm chứng phải có ít nhất một trong các trường 'number', 'url' hoặc 'file'",
    ),
    "date-and-range": (
        _changed(_set("/activities/0/start", "2025-02-20")),
        "give either 'date' or 'start' and 'end', not both",
        "chỉ ghi 'date', hoặc 'start' và 'end'; không ghi đồng thời cả hai",
    ),
    # pydantic's errors that the shared wording does not say (record/messages.py)
    "version": (
        _changed(_set("/record_version", "2")),
        "expected '1' (got '2')",
        "cần giá trị '1' (giá trị đã ghi: '2')",
    ),
    "literal": (
        _changed(_set("/organisation/level", "tỉnh")),
        "expected 'province', 'district', 'commune' or 'hamlet' (got 'tỉnh')",
        "cần một trong các giá trị 'province', 'district', 'commune' hoặc 'hamlet' (giá trị đã ghi: 'tỉnh')",
    ),
    "minimum": (
        _changed(_set("/activities/0/participants", -1)),
        "expected a number greater than or equal to 0 (got -1)",
        "cần một số lớn hơn hoặc bằng 0 (giá trị đã ghi: -1)",
    ),
    "too-long": (
        _changed(_set("/activities/0/id", "a" * 101)),
        "expected at most 100 characters",
        "cần tối đa 100 ký tự",
    ),
    "too-short": (
        _changed(_set("/organisation/id", "a")),
        "expected at least 2 characters (got 'a')",
        "cần ít nhất 2 ký tự (giá trị đã ghi: 'a')",
    ),
    "empty-text": (
        _changed(_set("/organisation/name", "")),
        "expected non-empty text",
        "cần văn bản không để trống",
    ),
    "item-id": (
        _changed(_set("/activities/0/id", "-x")),
        "expected an id of letters, digits and '.', '_', ':' or '-'",
        "cần một mã gồm chữ cái không dấu, chữ số và các ký tự '.', '_', ':', '-'",
    ),
    "url": (
        _changed(_set("/activities/0/evidence/0/url", "www.example.vn")),
        "expected a web address beginning with http:// or https://",
        "cần một địa chỉ trang web bắt đầu bằng http:// hoặc https://",
    ),
    # the cap on the problems of one file (errors.py)
    "cap": (
        _changed(_many_bad_participants),
        f"1,200 more problem(s) in this file are not shown (only the first {MAX_PROBLEMS_PER_FILE} are reported)",
        f"còn 1.200 vấn đề khác trong tệp này không được hiển thị (chỉ báo {MAX_PROBLEMS_PER_FILE} vấn đề đầu tiên)",
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_record_message_speaks_the_language_asked(
    case: str, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str], rulebook: Rulebook
) -> None:
    data, english, vietnamese = CASES[case]
    words, other = (english, vietnamese) if lang == "en" else (vietnamese, english)
    path = tmp_path / f"{case}.json"
    path.write_bytes(data)
    assert main(["validate", "--lang", lang, str(path)]) in (0, 1)
    out = capsys.readouterr().out
    assert words in out
    assert other not in out
    with using_lang(lang):
        messages = [p.message for p in validate_bytes(data, path.name, rulebook).problems]
    assert any(words in message for message in messages), messages


def test_the_python_api_stays_english_unless_asked(rulebook: Rulebook) -> None:
    data, english, _ = CASES["level"]
    assert any(english in p.message for p in validate_bytes(data, "x.json", rulebook).problems)


def test_the_size_limit_speaks_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert main(["validate", "--lang", "en", str(huge)]) == 1
    assert "the file is 22,020,096 bytes; a record may be at most 20,971,520 bytes" in capsys.readouterr().out
    assert main(["validate", "--lang", "vi", str(huge)]) == 1
    assert "tệp có dung lượng 22.020.096 byte; mỗi hồ sơ tối đa 20.971.520 byte" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "folder", "pattern"),
    [
        ("en", "no *.json files in this folder", "no file matches this pattern"),
        ("vi", "thư mục này không có tệp *.json nào", "không có tệp nào khớp với mẫu này"),
    ],
)
def test_inputs_that_name_no_record_are_said_in_the_language_asked(
    lang: str, folder: str, pattern: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--lang", lang, str(tmp_path), str(tmp_path / "*.nothing")]) == 2
    out = capsys.readouterr().out
    assert f"{tmp_path}: {folder}" in out
    assert f"*.nothing: {pattern}" in out


# -- the spreadsheet import -----------------------------------------------------------------------------------

SPREADSHEETS: dict[str, tuple[str, bytes, str, str]] = {
    "not-xlsx": (
        "bad.xlsx",
        b"not a workbook",
        "not an Excel workbook (.xlsx)",
        "không phải sổ Excel (.xlsx)",
    ),
    "not-a-sheet": (
        "bad.csv",
        b"a,b\n1,2\n",
        "not a sheet of the record template: expected the field keys on row 2",
        "không phải trang tính của mẫu hồ sơ: cần các mã trường ở dòng 2",
    ),
    "csv-encoding": (
        "bad.csv",
        b"\xff\xfe,x\n",
        "not UTF-8 text (save the CSV as 'CSV UTF-8')",
        "không phải văn bản UTF-8 (đề nghị lưu tệp dưới dạng 'CSV UTF-8')",
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("case", sorted(SPREADSHEETS))
def test_the_spreadsheet_import_speaks_the_language_asked(
    case: str, lang: Lang, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, data, english, vietnamese = SPREADSHEETS[case]
    words, other = (english, vietnamese) if lang == "en" else (vietnamese, english)
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["import", "--lang", lang, str(path)]) in (1, 2)  # 2: a file that cannot be read as a sheet
    err = capsys.readouterr().err
    assert words in err
    assert other not in err


def _workbook_problems(rulebook: Rulebook, tmp_path: Path) -> Iterator[tuple[str, Problem]]:
    """Every problem of the golden bad workbooks, in each language, as ``(lang, problem)``."""
    for name, defect in DEFECTS.items():
        book = _book(template_workbook(rulebook, load_record(SO_NOI_VU, rulebook)))
        defect(book)
        path = _save(book, tmp_path / f"{name}.xlsx")
        for lang in ("en", "vi"):
            with using_lang(lang):  # type: ignore[arg-type]
                yield from ((lang, p) for p in validate_record(path, rulebook, name=path.name).problems)


def test_the_vietnamese_messages_are_golden(rulebook: Rulebook, tmp_path: Path) -> None:
    lines = ["# records (tests/fixtures/records/invalid)"]
    with using_lang("vi"):
        lines += [
            str(p) for path in INVALID for p in validate_record(path, rulebook, name=path.name).problems
        ]
    lines.append("# workbooks (tests/test_record_workbook.py)")
    lines += [str(problem) for lang, problem in _workbook_problems(rulebook, tmp_path) if lang == "vi"]
    actual = "\n".join(lines) + "\n"
    if UPDATE:
        GOLDEN_VI.write_text(actual, encoding="utf-8")
    assert GOLDEN_VI.is_file(), f"no golden file; run: UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert actual == GOLDEN_VI.read_text(encoding="utf-8")


def test_the_bad_workbooks_are_said_in_both_languages(rulebook: Rulebook, tmp_path: Path) -> None:
    problems = list(_workbook_problems(rulebook, tmp_path))
    vietnamese = [p.message for lang, p in problems if lang == "vi"]
    english = [p.message for lang, p in problems if lang == "en"]
    assert len(vietnamese) == len(english) >= len(DEFECTS)
    assert "cần một giá trị trong danh sách chọn" in " ".join(vietnamese)
    assert "expected a word from the drop-down list" in " ".join(english)
    assert "thiếu trang tính 'Sự việc'" in " ".join(vietnamese)
    assert "không có dòng nào trong trang tính 'Hoạt động' có mã 'hn-cbccvc-2052'" in " ".join(vietnamese)
    assert [_english_words(m) for m in vietnamese if _english_words(m)] == []


# -- no English left in Vietnamese ----------------------------------------------------------------------------

#: Words of the old English messages (and of pydantic's), outside the quoted values a message repeats.
ENGLISH = re.compile(
    r"\b(?:expected|expecting|must|is not|should|unknown|missing|did you mean|got|the|input|field required|"
    r"value error|cannot|not a|needs|between|before|duplicate|more problem|invalid|allowed|known)\b",
    re.IGNORECASE,
)
#: What a message quotes from the input or the rulebook: 'values', "keys", `commands`, (pattern ...).
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")


def _english_words(message: str) -> list[str]:
    return ENGLISH.findall(_QUOTED.sub("", message))


#: Values that break one field each, in every way the schema refuses.
BREAKERS: tuple[Any, ...] = (
    None, 1, -1, 1.5, True, "", "x" * 200, "Bad Word", "2025-13-01", "2025-02-30", "1800-01-01", "0000-01-01",
    "2025-H3", "www.x", [], {}, [1], ["", 1], ["Bad Word"], {"a": 1},
)  # fmt: skip


def _broken_records() -> Iterator[bytes]:
    """The example record with one field at a time replaced by each breaker, left out, or joined by a stranger."""
    base = _example()

    def walk(value: Any, path: tuple[Any, ...]) -> Iterator[Change]:
        keys = list(value) if isinstance(value, dict) else [0] if isinstance(value, list) and value else []
        for key in keys:
            for breaker in BREAKERS:
                yield _at(path, lambda parent, k=key, b=breaker: parent.__setitem__(k, copy.deepcopy(b)))
            if isinstance(value, dict):
                yield _at(path, lambda parent, k=key: parent.pop(k))
            yield from walk(value[key], (*path, key))
        if isinstance(value, dict):
            yield _at(path, lambda parent: parent.__setitem__("stranger", 1))

    for change in walk(base, ()):
        data = copy.deepcopy(base)
        change(data)
        yield json.dumps(data, ensure_ascii=False).encode("utf-8")


def _every_vietnamese_message(rulebook: Rulebook) -> Iterator[tuple[str, str]]:
    with using_lang("vi"):
        results: list[RecordResult] = [validate_record(path, rulebook) for path in INVALID]
        results += [validate_bytes(data, case, rulebook) for case, (data, _, _) in CASES.items()]
        results += [validate_bytes(data, "broken.json", rulebook) for data in _broken_records()]
        for result in results:
            for problem in result.problems:
                yield problem.code, problem.message


def test_no_vietnamese_message_keeps_the_english_of_the_old_ones(rulebook: Rulebook) -> None:
    messages = sorted(set(_every_vietnamese_message(rulebook)))
    codes = {code for code, _ in messages}
    assert len(codes) >= 30, sorted(codes)
    for code in ("literal_error", "string_pattern_mismatch", "string_too_long", "greater_than_equal", "json"):
        assert code in codes
    assert [message for _, message in messages if _english_words(message)] == []
    assert all(unicodedata.is_normalized("NFC", message) for _, message in messages)


def test_the_check_finds_the_english_it_looks_for() -> None:
    assert _english_words("x.json:1:1 /a: expected text (got 'the')") == ["expected", "got"]
    assert _english_words("x.json /a: Input should be a valid string") == ["Input", "should"]
    assert _english_words("x.json /a: cần một chuỗi văn bản (giá trị đã ghi: 'the unknown')") == []
