"""``dancoso validate``: paths, formats, exit codes, strictness, and that it never writes to its input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES, REPO
from dancoso_rules.cli.main import main

VALID = FIXTURES / "records" / "valid"
INVALID = FIXTURES / "records" / "invalid"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``dancoso validate ARGS`` with English messages (the default language is the locale's)."""
    code = main(["validate", "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def outside_period(tmp_path: Path) -> Path:
    data = json.loads((VALID / "small.json").read_text(encoding="utf-8"))
    data["activities"][0]["date"] = "2024-12-30"
    path = tmp_path / "outside.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_valid_files_exit_0_and_print_no_problem(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(VALID / "small.json"), str(VALID / "full.json"))
    assert (code, out) == (0, "")
    assert "2 file(s) checked: 2 valid, 0 invalid" in err


def test_every_problem_of_every_file_is_reported_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    bad = [INVALID / "bad-date.json", INVALID / "duplicate-key.json", INVALID / "unknown-activity-type.json"]
    code, out, _ = run(capsys, *map(str, bad), str(VALID / "small.json"))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert [Path(line.split(":")[0]).name for line in lines] == [p.name for p in bad]


def test_a_file_with_several_defects_gets_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((VALID / "small.json").read_text(encoding="utf-8"))
    data["activities"][0]["date"] = "2025-13-01"
    data["activities"][1]["type"] = "training_cours"
    data["events"][0]["type"] = "complaint"
    data["organisation"]["territory"] = "vinh-long"
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1
    pointers = [line.split(" ")[1].rstrip(":") for line in out.splitlines()]
    assert pointers == [
        "/organisation/territory",
        "/activities/0/date",
        "/activities/1/type",
        "/events/0/type",
    ]


def test_folders_and_globs_are_expanded(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(VALID))
    assert code == 0
    assert f"{len(list(VALID.glob('*.json')))} file(s) checked" in err
    code, _, err = run(capsys, str(VALID / "*.json"), str(VALID / "small.json"))
    assert code == 0
    assert f"{len(list(VALID.glob('*.json')))} file(s) checked" in err  # each file once


def test_missing_files_and_empty_patterns_are_io_errors_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, str(tmp_path / "nope.json"), str(tmp_path / "*.json"), str(INVALID / "bad-date.json")
    )
    assert code == 2
    assert "nope.json: cannot read: No such file or directory" in out
    assert "*.json: no file matches this pattern" in out
    assert "/activities/0/date" in out  # the readable file is still checked


def test_an_empty_folder_is_an_io_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 2
    assert "no *.json files in this folder" in out


def test_unknown_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate", "--format", "xml", "x.json"])
    assert caught.value.code == 2


def test_warnings_pass_unless_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = outside_period(tmp_path)
    code, out, _ = run(capsys, str(path))
    assert code == 0
    assert ": warning: the activity (2024-12-30) lies outside the record's period" in out
    code, out, _ = run(capsys, "--strict", str(path))
    assert code == 1
    assert "/activities/0/date: the activity (2024-12-30) lies outside" in out


def test_json_format_is_one_document_with_located_problems(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json", str(INVALID / "bad-date.json"), str(VALID / "small.json"))
    document = json.loads(out)
    assert code == 1
    assert document["valid"] is False
    bad, good = document["files"]
    assert (bad["valid"], good["valid"], good["problems"]) == (False, True, [])
    assert bad["problems"][0] | {"message": ""} == {
        "file": bad["file"],
        "line": 18,
        "column": 7,
        "pointer": "/activities/0/date",
        "severity": "error",
        "code": "value_error",
        "message": "",
    }


def test_github_format_annotates_the_offending_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "github", str(INVALID / "unknown-activity-type.json"))
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith("::error file=")
    assert (
        ",line=17,col=7,title=dancoso validate::/activities/0/type: unknown activity type 'staff_conferense'"
        in line
    )


def test_github_format_escapes_what_would_break_a_command() -> None:
    from dancoso_rules.errors import Location, Problem
    from dancoso_rules.record.reporters import github_report
    from dancoso_rules.record.validate import RecordResult

    problem = Problem(Location("a,b:c.json", 1, 2, "/x"), "50%\nnext", severity="warning")
    text = github_report([RecordResult("a,b:c.json", None, (problem,))])
    assert text == "::warning file=a%2Cb%3Ac.json,line=1,col=2,title=dancoso validate::/x: 50%25%0Anext\n"


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dancoso_rules", "validate", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def test_stdin_is_read_with_a_dash() -> None:
    done = cli("-", stdin=(INVALID / "bad-date.json").read_bytes())
    assert done.returncode == 1
    assert done.stdout.decode().startswith("<stdin>:18:7 /activities/0/date: ")
    assert cli("-", stdin=(VALID / "small.json").read_bytes()).returncode == 0


def test_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # 50 MB, sparse: the size alone must refuse it
        handle.truncate(50 * 1024 * 1024)
    done = cli("--lang", "en", str(huge), str(INVALID), "-", stdin=b"[" * 1_000_000)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr + done.stdout
    assert b"huge.json: the file is 52,428,800 bytes; a record may be at most 20,971,520 bytes" in done.stdout
    assert b"<stdin>:1:33: nested deeper than 32 levels" in done.stdout
    done = cli("--lang", "vi", str(huge), "-", stdin=b"[" * 1_000_000)
    out = done.stdout.decode()
    assert "huge.json: tệp có dung lượng 52.428.800 byte; mỗi hồ sơ tối đa 20.971.520 byte" in out
    assert "<stdin>:1:33: dữ liệu lồng nhau quá 32 cấp" in out


def test_validation_never_modifies_its_input(tmp_path: Path) -> None:
    files = [tmp_path / p.name for p in [*INVALID.glob("*.json"), VALID / "nfd.json", VALID / "small.json"]]
    sources = {f: (INVALID if (INVALID / f.name).exists() else VALID) / f.name for f in files}
    for target, source in sources.items():
        shutil.copyfile(source, target)
        os.utime(target, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    for output_format in ("text", "json", "github"):
        cli("--format", output_format, str(tmp_path))
    assert {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in files)


def test_examples_validate_with_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--strict", str(EXAMPLES))
    assert (code, out) == (0, "")


def test_pre_commit_hook_runs_the_validate_command() -> None:
    import yaml

    from dancoso_rules.cli.main import COMMANDS

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "dancoso-validate"
    assert hook["language"] == "python"
    program, command = hook["entry"].split()
    assert (program, command in COMMANDS) == ("dancoso", True)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_python_blocks_of_the_records_page_run(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    page = (REPO / "docs" / lang / "records.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in page.split("```python\n")[1:]]
    assert blocks
    monkeypatch.chdir(REPO)
    for block in blocks:
        exec(compile(block, f"docs/{lang}/records.md", "exec"), {})


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_json_blocks_of_the_records_page_are_valid_records(lang: str, tmp_path: Path) -> None:
    page = (REPO / "docs" / lang / "records.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in page.split("```json\n")[1:]]
    assert blocks
    for index, block in enumerate(blocks):
        (tmp_path / f"block-{index}.json").write_text(block, encoding="utf-8")
    assert cli(str(tmp_path)).returncode == 0
