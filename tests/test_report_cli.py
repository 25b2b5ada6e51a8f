"""`dancoso check`: exit codes and --fail-on, output safety, NO_COLOR and width, and many records at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main
from dancoso_rules.report.schema import overview_schema

AS_OF = ["--as-of", "2026-01-15"]
SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"


def check(*argv: str) -> int:
    return main(["check", *argv])


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        (None, 1),  # default missed,overdue: the example has both
        ("missed", 1),
        ("overdue,late", 1),
        ("none", 0),
        ("", 0),
        ("upcoming", 0),  # nothing is upcoming: the former department has no addressee after 01/7/2025
        ("unverified", 1),
    ],
)
def test_exit_code_follows_fail_on(
    fail_on: str | None, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = [] if fail_on is None else [f"--fail-on={fail_on}"]
    assert check(str(SO_NOI_VU), *AS_OF, "--format", "json", *extra) == code
    capsys.readouterr()


def test_exit_0_when_nothing_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As of the record's first day nothing is yet overdue or missed.
    assert check(str(SO_NOI_VU), "--as-of", "2025-01-01", "--fail-on", "missed") == 0
    capsys.readouterr()


def test_unknown_fail_on_status_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        check(str(SO_NOI_VU), "--lang", "en", "--fail-on", "misssed")
    assert caught.value.code == 2
    assert "unknown status 'misssed'" in capsys.readouterr().err


def test_invalid_record_exits_2_with_the_validators_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    record = json.loads(SO_NOI_VU.read_text(encoding="utf-8"))
    record["activities"][0]["date"] = "2025-02-30"
    bad.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    assert check(str(bad), *AS_OF) == 2
    err = capsys.readouterr().err
    assert "bad.json:" in err
    assert "/activities/0/date" in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(tmp_path / "nope.json"), *AS_OF) == 2
    assert "nope.json" in capsys.readouterr().err


def test_output_is_written_and_never_over_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "record.json"
    record.write_bytes(SO_NOI_VU.read_bytes())
    out = tmp_path / "sub" / "report.html"
    assert check(str(record), *AS_OF, "--format", "html", "--output", str(out)) == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert check(str(record), *AS_OF, "--lang", "en", "--output", str(record)) == 2
    assert "refusing to write the report over an input file" in capsys.readouterr().err
    assert record.read_bytes() == SO_NOI_VU.read_bytes()
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_same_bytes_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for fmt in ("text", "html", "sarif", "csv"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        check(str(SO_NOI_VU.relative_to(REPO)), *AS_OF, "--format", fmt, "--output", str(first))
        check(str(SO_NOI_VU.relative_to(REPO)), *AS_OF, "--format", fmt, "--output", str(second))
        assert first.read_bytes() == second.read_bytes()


def test_no_color_and_width(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "60")
    check(str(SO_NOI_VU), *AS_OF)
    coloured = capsys.readouterr().out
    assert "\x1b[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    check(str(SO_NOI_VU), *AS_OF)
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain
    assert max(len(line) for line in plain.splitlines()) <= 60
    check(str(SO_NOI_VU), *AS_OF, "--width", "44")
    assert max(len(line) for line in capsys.readouterr().out.splitlines()) <= 44


def test_a_width_in_other_digits_is_refused_or_ignored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # '²' is a digit to str.isdigit() but not a number to int(): no traceback either way.
    monkeypatch.setenv("COLUMNS", "²")
    assert check(str(SO_NOI_VU), *AS_OF, "--fail-on", "none") == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        check(str(SO_NOI_VU), *AS_OF, "--width", "²")
    assert exited.value.code == 2
    assert (
        "cần độ rộng từ 40 đến 1000 cột" in capsys.readouterr().err
    )  # the default locale of the tests is vi


@pytest.mark.parametrize("width", ["99999999999", "1001", "39", "9" * 5000])
def test_a_width_past_a_thousand_columns_is_a_usage_error(
    width: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # 99999999999 columns exhausted memory drawing one rule line (MemoryError, exit 3).
    with pytest.raises(SystemExit) as exited:
        check(str(SO_NOI_VU), *AS_OF, "--width", width, "--lang", "en")
    assert exited.value.code == 2
    assert (
        f"argument --width: expected a width from 40 to 1000 columns; got '{width}'"
        in capsys.readouterr().err
    )


def test_the_widest_width_is_kept_and_columns_past_it_are_ignored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(str(SO_NOI_VU), *AS_OF, "--width", "1000", "--fail-on", "none") == 0
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) == 1000  # the rule lines span the width
    monkeypatch.setenv("COLUMNS", "99999999999")  # as the terminal would not say: the default width instead
    assert check(str(SO_NOI_VU), *AS_OF, "--fail-on", "none") == 0
    assert max(len(line) for line in capsys.readouterr().out.splitlines()) == 100


def test_render_keeps_the_text_within_a_thousand_columns() -> None:
    from dancoso_rules import evaluate, render

    text = render(evaluate(SO_NOI_VU, as_of=dt.date(2026, 1, 15)), "text", width=99_999_999_999)
    assert isinstance(text, str)
    assert max(len(line) for line in text.splitlines()) == 1000


def test_english(capsys: pytest.CaptureFixture[str]) -> None:
    check(str(SO_NOI_VU), *AS_OF, "--lang", "en")
    out = capsys.readouterr().out
    assert "GRASSROOTS DEMOCRACY COMPLIANCE REPORT" in out
    assert "Overdue" in out
    assert "Quá hạn" not in out


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    for record in sorted(EXAMPLES.glob("*/*.json")):
        target = folder / record.parent.name / record.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(record.read_bytes())
    return folder


def test_a_folder_gives_an_overview_worst_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    assert check(str(folder), *AS_OF, "--format", "json") == 1
    captured = capsys.readouterr()
    overview = json.loads(captured.out)
    jsonschema.Draft202012Validator(overview_schema()).validate(overview)
    assert overview["organisations"] == 6
    failing = [  # missed and overdue duties (requests and encouragements never fail)
        sum(r["totals"][s] - r["soft"][s] for s in ("missed", "overdue")) for r in overview["rows"]
    ]
    assert failing == sorted(failing, reverse=True)
    assert "Đã kiểm tra 6 hồ sơ: 6 đã đánh giá, 0 không hợp lệ" in captured.err  # the locale says vi


def test_a_folder_with_output_writes_each_report_and_the_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "reports"
    assert check(str(folder), *AS_OF, "--format", "junit", "--output", str(out)) == 1
    written = sorted(p.name for p in out.iterdir())
    assert "overview.xml" in written
    assert ".dancoso-run.json" in written  # the run's manifest
    assert len(written) == 8
    for path in out.glob("*.xml"):
        ET.parse(path)
    assert check(str(folder), *AS_OF, "--lang", "en", "--output", str(folder / "reports")) == 2
    assert "refusing to write reports inside the input folder" in capsys.readouterr().err


def test_json_lines_with_an_invalid_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "records.jsonl"
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*/*.json"))]
    text = [json.dumps(r, ensure_ascii=False) for r in records]
    text.insert(2, '{"organisation": {}}')
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert check(str(lines), *AS_OF, "--format", "csv", "--fail-on", "none") == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("\ufeff")
    assert "records.jsonl:3:" in captured.err
    assert "Đã kiểm tra 7 hồ sơ: 6 đã đánh giá, 1 không hợp lệ" in captured.err


def test_several_files_and_markdown_overview(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("long-an/*.json"))]
    assert check(*files, *AS_OF, "--format", "markdown") == 1
    out = capsys.readouterr().out
    assert out.startswith("## Tổng hợp tình hình thực hiện")
    assert out.count("\n| ") >= 3 + 3


def _many(tmp_path: Path, count: int, *, invalid: int = 0) -> Path:
    """``count`` records made from the examples, each with an organisation id of its own, one a line;
    then ``invalid`` lines that are no record, each with a long value its message quotes."""
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*/*.json"))]
    lines = []
    for number in range(count):
        record = json.loads(json.dumps(examples[number % len(examples)]))
        record["organisation"]["id"] += f"-{number:04d}"
        lines.append(json.dumps(record, ensure_ascii=False))
    lines += [json.dumps({"organisation": {"id": "x" * 2000}}) for _ in range(invalid)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("summary", [["--summary"], []], ids=["summary", "full"])
def test_the_markdown_overview_of_many_records_fits_a_github_comment(
    lang: str, summary: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 600 organisations made an overview of 85,183 characters, over GitHub's 65,536.
    many = str(_many(tmp_path, 600))
    argv = [many, *AS_OF, "--format", "markdown", "--lang", lang, *summary]
    assert check(*argv) == 1
    out = capsys.readouterr().out
    assert len(out) <= 65_536
    # The totals of all 600, the 600 encouragements not done counted apart from the 2,300 duties overdue.
    assert "| 48500 | 600 | 2300 | 400 | 9600 | 900 | 7600 | 26500 | 600 |" in out
    ranks = [int(m[1]) for m in re.finditer(r"^\| (\d+) \| .* \(`", out, flags=re.MULTILINE)]
    assert ranks == list(range(1, len(ranks) + 1))  # the worst first, none skipped
    assert 300 < len(ranks) < 600
    shown, cut = (f"{len(ranks):,}", f"{600 - len(ranks):,}")
    if lang == "en":
        assert out.endswith(
            f"\n\n_Only the first {shown} organisations are shown; the {cut} after them are left out to keep "
            "within GitHub's limit of 65,536 characters for a comment. See the full table with --format html "
            "or --format csv._\n"
        )
    else:
        assert out.endswith(
            f"\n\n_Chỉ hiển thị {shown} cơ quan, đơn vị xếp đầu; đã lược bớt {cut} cơ quan, đơn vị xếp sau để "
            "không vượt giới hạn 65.536 ký tự của một bình luận trên GitHub. Xem bảng đầy đủ với --format html "
            "hoặc --format csv._\n"
        )
    assert check(*argv, "--jobs", "1") == 1
    assert capsys.readouterr().out == out  # the same cut, whoever checks the records


def test_the_markdown_overview_cuts_invalid_records_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = str(_many(tmp_path, 6, invalid=300))
    assert check(many, *AS_OF, "--format", "markdown", "--lang", "en") == 2
    out = capsys.readouterr().out
    assert len(out) <= 65_536
    assert "**Invalid records: 300**" in out
    listed = out.count("\n- `")
    assert 0 < listed < 300
    assert (
        f"- … and {300 - listed} more invalid records (their messages are on standard error and in --format json)."
        in out
    )
    assert "| 6 | " in out  # the organisations' rows are all kept
    assert "left out" not in out


def test_a_markdown_overview_that_fits_is_whole(capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(EXAMPLES), *AS_OF, "--format", "markdown", "--lang", "en") == 1
    out = capsys.readouterr().out
    assert "| 6 | " in out
    assert out.endswith("|\n\n")
    assert "left out" not in out


def test_the_widths_the_command_line_allows_are_the_text_renderers() -> None:
    """``--width`` is checked before the renderer is imported (start-up): its bounds are the renderer's."""
    from dancoso_rules.cli.check import WIDTHS
    from dancoso_rules.report.renderers.text import TEXT_WIDTHS

    assert WIDTHS == TEXT_WIDTHS
