"""The rules and command-line side of issue 14 item 5: `rules lint`, `rules list | coverage`, override
files, `--fail-on`, output, template, import and the batch's notes, each in Vietnamese and in English."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, FIXTURES
from dancoso_rules.cli.main import main

SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
LONG_AN = EXAMPLES / "long-an" / "so-noi-vu.json"
AS_OF = ["--as-of", "2026-01-15"]
RULE_FIXTURES = FIXTURES / "rules"
#: Broken rule folders whose message ends in Python's own words, given as the reason after the project's
#: words: those reasons stay as Python wrote them (but for a date that does not exist, which is translated).
LIBRARY_REASONS = {"float-tag-not-a-number", "huge-integer"}
LINT_CASES = sorted(p.stem for p in (RULE_FIXTURES / "invalid").glob("*.yaml"))
#: Words of the English messages that Vietnamese ones never hold (outside quoted ids and values).
ENGLISH = re.compile(
    r"\b(the|not|expected|unknown|duplicate|must|needs|provision|quote|interpretation|schedule|source|"
    r"file|folder|cannot|refusing|problems?|covered|obligations?|did you mean|is|of|no|none)\b",
    re.IGNORECASE,
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _words(message: str) -> str:
    """A message without its location, its quoted ids and values, its lists of field names and option names."""
    text = re.sub(r"^\S+:\d+:\d+( /\S*)?: |^\S+: ", "", message)
    text = re.sub(r"\(các trường được phép: [^)]*\)", "", text)
    return re.sub(r"'[^']*'|\"[^\"]*\"|--[a-z-]+|\S+\.(yaml|txt|json|xlsx|csv)\b", "", text)


def _broken_rules(case: str, tmp_path: Path) -> Path:
    spec = yaml.safe_load((RULE_FIXTURES / "invalid" / f"{case}.yaml").read_text(encoding="utf-8"))
    shutil.copytree(RULE_FIXTURES / "valid", tmp_path / "rules")
    target = tmp_path / "rules" / spec["file"]
    target.write_text(target.read_text(encoding="utf-8").replace(spec["old"], spec["new"]), encoding="utf-8")
    return tmp_path / "rules"


@pytest.mark.parametrize("case", [c for c in LINT_CASES if c not in LIBRARY_REASONS])
def test_rules_lint_of_a_broken_pack_in_vietnamese_has_no_english_words(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _broken_rules(case, tmp_path)
    code, out, err = _run(capsys, "rules", "lint", "--lang", "vi", str(folder))
    assert code == 1
    assert out.strip(), "lint reported nothing"
    for line in out.splitlines():
        assert unicodedata.is_normalized("NFC", line)
        assert ENGLISH.findall(_words(line)) == [], line
    assert err.endswith(" vấn đề\n")


@pytest.mark.parametrize("case", sorted(LIBRARY_REASONS))
def test_rules_lint_in_vietnamese_keeps_only_the_library_reason_in_english(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _broken_rules(case, tmp_path)
    code, out, _ = _run(capsys, "rules", "lint", "--lang", "vi", str(folder))
    assert code == 1
    ours = _words(out.strip()).split(": ")[0]  # the project's words, before the library's reason
    assert "không hợp lệ" in ours
    assert ENGLISH.findall(ours) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "vi",
            ["đoạn trích ghi 'hàng năm' nhưng tần suất là", "không tồn tại", "có phải là", "loại hoạt động"],
        ),
        (
            "en",
            ["the quote says 'hàng năm' but the schedule is", "dangling", "did you mean", "activity type"],
        ),
    ],
)
def test_rules_lint_messages_in_each_language(
    lang: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ""
    for case in ("schedule-disagrees-with-quote", "dangling-interpretation", "unknown-activity-type"):
        folder = _broken_rules(case, tmp_path / case)
        out += _run(capsys, "rules", "lint", "--lang", lang, str(folder))[1]
    for word in words:
        assert word in out, word


@pytest.mark.parametrize(
    ("lang", "ok", "missing"),
    [
        ("vi", "đạt: 2 bộ quy tắc, ", "no/such/folder: không có tệp hoặc thư mục này"),
        ("en", "ok: 2 pack(s), ", "no/such/folder: no such file or folder"),
    ],
)
def test_rules_lint_summary_and_usage_error_in_each_language(
    lang: str, ok: str, missing: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "rules", "lint", "--lang", lang)[2].startswith(ok)
    code, _, err = _run(capsys, "rules", "lint", "--lang", lang, "no/such/folder")
    assert (code, err.startswith(missing)) == (2, True)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ["đã thể hiện 40/40 quy định", "nghĩa vụ theo tần suất: một lần 2, định kỳ ",
                "nghĩa vụ theo tính chất: nhiệm vụ ", "đã thể hiện toàn bộ văn bản"]),
        ("en", ["40 of 40 provisions covered", "obligations by schedule: one_off 2, periodic ",
                "obligations by modality: duty ", "no uncovered text"]),
    ],
)  # fmt: skip
def test_rules_coverage_in_each_language(
    lang: str, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "rules", "coverage", "--lang", lang)
    assert code == 0
    for word in words:
        assert word in out
    assert "Điều 2: khoản 5/5, điểm 23/23" in out  # the law's own divisions, in both languages


@pytest.mark.parametrize(
    ("lang", "words", "absent"),
    [
        (
            "vi",
            [
                "long-an-2025  Quyết định — ",
                "quy định, ",
                "nghĩa vụ, phiên bản ",
                "có hiệu lực từ ngày 01/4/2025",
            ],
            "provisions",
        ),
        (
            "en",
            ["long-an-2025  Decision — ", " provisions, ", " obligations, version ", "in force from 20"],
            "phiên bản",
        ),
    ],
)
def test_rules_list_in_each_language(
    lang: str, words: list[str], absent: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "rules", "list", "--lang", lang)
    assert code == 0
    for word in words:
        assert word in out
    assert absent not in out


@pytest.mark.parametrize(
    ("lang", "title"),
    [("vi", "Hạn tổ chức hội nghị cán bộ, công chức, viên chức, người lao động"),
     ("en", "Deadline of the annual staff conference")],
)  # fmt: skip
def test_rules_show_gives_the_labels_of_the_language(
    lang: str, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "rules", "show", "--lang", lang, "staff-conference-deadline")
    shown = json.loads(out)
    assert code == 0
    assert shown["title"] == title
    assert isinstance(shown["rationale"], str)
    assert (shown["id"], shown["value"]) == ("staff-conference-deadline", "P3M")  # ids and values as they are


@pytest.mark.parametrize(
    ("lang", "message"),
    [("vi", "không có nội dung nào mang mã 'staff-conferense'; có phải là"), ("en", "nothing has the id")],
)
def test_rules_show_of_an_unknown_id_in_each_language(
    lang: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "rules", "show", "--lang", lang, "staff-conferense")
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("vi", "tình trạng 'misssed' không hợp lệ; cần danh sách các tình trạng"),
        ("en", "unknown status 'misssed'; expected a comma-separated list of"),
    ],
)
def test_unknown_fail_on_status_in_each_language(
    lang: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--lang", lang, str(SO_NOI_VU), "--fail-on", "misssed"])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "over_input", "folder"),
    [
        ("vi", "không ghi báo cáo đè lên tệp đầu vào", "là thư mục; cần một tệp"),
        ("en", "refusing to write the report over an input file", "is a folder; expected a file"),
    ],
)
def test_output_errors_in_each_language(
    lang: str, over_input: str, folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "record.json"
    record.write_bytes(SO_NOI_VU.read_bytes())
    assert main(["check", "--lang", lang, str(record), *AS_OF, "--output", str(record)]) == 2
    assert f"{record}: {over_input}" in capsys.readouterr().err
    taken = tmp_path / "so-noi-vu-tra-vinh.ics"  # the name the calendar takes in a folder is a folder
    taken.mkdir()
    assert main(["calendar", "--lang", lang, str(record), *AS_OF, "--output", str(tmp_path)]) == 2
    assert f"{taken}: {folder}" in capsys.readouterr().err
    assert record.read_bytes() == SO_NOI_VU.read_bytes()


@pytest.mark.parametrize(
    ("lang", "note", "inside"),
    [
        (
            "vi",
            ": ghi chú: 1 tệp không do lần chạy này ghi (notes.txt)",
            "không ghi báo cáo vào bên trong thư mục",
        ),
        (
            "en",
            ": note: 1 file not written by this run (notes.txt)",
            "refusing to write reports inside the input",
        ),
    ],
)
def test_batch_notes_in_each_language(
    lang: str, note: str, inside: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["check", "--lang", lang, str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--output", str(out)]) == 1
    assert f"{out}{note}" in capsys.readouterr().err
    records = tmp_path / "records"
    records.mkdir()
    shutil.copy(SO_NOI_VU, records / "a.json")
    shutil.copy(LONG_AN, records / "b.json")
    assert main(["check", "--lang", lang, str(records), *AS_OF, "--output", str(records / "out")]) == 2
    assert inside in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "exists", "mix"),
    [
        ("vi", "tệp đã có: không ghi đè", "cần một sổ .xlsx, hoặc một hay nhiều tệp .csv"),
        ("en", "the file exists: refusing to write over it", "expected one .xlsx workbook"),
    ],
)
def test_template_and_import_messages_in_each_language(
    lang: str, exists: str, mix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ho-so.xlsx"
    target.write_bytes(b"filled in by hand")
    assert main(["template", "--lang", lang, "--output", str(target)]) == 2
    assert exists in capsys.readouterr().err
    assert main(["import", "--lang", lang, str(SO_NOI_VU)]) == 2
    assert mix in capsys.readouterr().err
    assert target.read_bytes() == b"filled in by hand"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ["nội dung diễn giải 'late-window-yearly-x' không có trong bộ quy tắc", "có phải là"]),
        ("en", ["unknown interpretation 'late-window-yearly-x' (an override must name one", "did you mean"]),
    ],
)
def test_override_file_messages_in_each_language(
    lang: str, words: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "overrides.yaml"
    path.write_text(
        "interpretations:\n"
        "  - id: late-window-yearly-x\n"
        "    kind: duration\n"
        "    value: P1M\n"
        "    basis: project_default\n"
        "    title: {vi: Thời hạn, en: Deadline}\n"
        "    rationale: {vi: Lý do, en: Why}\n",
        encoding="utf-8",
    )
    assert main(["check", "--lang", lang, str(SO_NOI_VU), *AS_OF, "--interpretations", str(path)]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("vi", "--format docx chỉ lập báo cáo của một hồ sơ"),
        ("en", "--format docx writes the report of one record"),
    ],
)
def test_docx_for_many_records_in_each_language(
    lang: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "check",
        "--lang",
        lang,
        str(EXAMPLES / "tra-vinh"),
        "--format",
        "docx",
        "--output",
        str(tmp_path),
    ]
    assert main(argv) == 2
    assert f"<options>: {message}" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
