"""``dancoso`` as a gate: exit codes that never lie, inputs never written over, output written safely.

Each test is one failure a fuzzing campaign found (issue 13); most run the command in a subprocess,
as CI does, so that standard input, signals, the locale and the umask are the real ones.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main

AS_OF = ["--as-of", "2026-01-15"]
SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
LONG_AN = EXAMPLES / "long-an" / "so-noi-vu.json"
#: One interpretation override, as an override file lists it.
OVERRIDE = {
    "id": "late-window-yearly",
    "kind": "duration",
    "value": "P6M",
    "basis": "project_default",
    "title": {
        "vi": "Thời hạn chấp nhận thực hiện chậm",
        "en": "How long a yearly duty can still be done late",
    },
    "rationale": {"vi": "Quy chế của cơ quan.", "en": "The agency's own regulation."},
}


def dancoso(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dancoso_rules", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={**os.environ, "LC_MESSAGES": "en_US.UTF-8", **(env or {})},  # English messages, as asserted
        cwd=cwd,
    )


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")


# --- 1: standard input ---------------------------------------------------------------------------


def test_check_reads_a_record_from_standard_input() -> None:
    done = dancoso("check", "-", *AS_OF, "--format", "json", stdin=SO_NOI_VU.read_bytes())
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["organisation"]["id"] == "so-noi-vu-tra-vinh"
    assert report["record"]["file"] == "<stdin>"


def test_check_reads_json_lines_from_standard_input() -> None:
    lines = b"".join(
        json.dumps(json.loads(p.read_bytes()), ensure_ascii=False).encode() + b"\n"
        for p in (SO_NOI_VU, LONG_AN)
    )
    done = dancoso("check", "-", *AS_OF, "--format", "json", stdin=lines)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["organisations"] == 2


def test_an_empty_standard_input_is_an_error_never_a_pass() -> None:
    done = dancoso("check", "-", *AS_OF, stdin=b"")
    assert done.returncode == 2
    assert b"<stdin>" in done.stderr
    no_traceback(done)


# --- 2: never over an input ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n\n  \r\n"])
def test_a_json_lines_file_with_no_record_is_an_error_never_a_pass(tmp_path: Path, content: bytes) -> None:
    """A JSON Lines file that is empty or blank holds nothing to check: named alone, in a folder, or beside
    a record, it is an invalid input (exit 2), as ``validate`` says, never a run that passed."""
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "blank.jsonl").write_bytes(content)
    for args in (["records/blank.jsonl"], ["records"], [str(SO_NOI_VU), "records"]):
        done = dancoso("check", *args, *AS_OF, "--fail-on", "none", "--format", "json", cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 2, (args, done.stderr)
        assert b"records/blank.jsonl: the file is empty; expected one record per line" in done.stderr
        overview = json.loads(done.stdout)
        assert overview["invalid"] == [
            {
                "file": "records/blank.jsonl",
                "problems": ["records/blank.jsonl: the file is empty; expected one record per line"],
            }
        ]
        assert overview["organisations"] == (1 if len(args) == 2 else 0)


def test_a_record_that_names_no_pack_is_invalid_never_checked_against_nothing(tmp_path: Path) -> None:
    """``"packs": []`` would check nothing and pass: the record must name a pack, or leave ``packs`` out to
    be checked against every pack of its territory."""
    record = json.loads(SO_NOI_VU.read_bytes())
    record["organisation"]["packs"] = []
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    lines = tmp_path / "records.jsonl"
    lines.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    for target in (path, lines):
        done = dancoso("check", str(target), *AS_OF, "--fail-on", "none")
        no_traceback(done)
        assert done.returncode == 2, done.stderr
        assert b"/organisation/packs: expected at least one item" in done.stderr
    assert dancoso("validate", str(path)).returncode == 1
    del record["organisation"]["packs"]
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert dancoso("check", str(path), *AS_OF).returncode == 1  # its territory's packs: failing duties


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_folder_never_leaves_out_silently_a_record_it_cannot_read(tmp_path: Path) -> None:
    """A broken link or a pipe named like a record in a folder is an I/O problem (exit 2), not a file less to
    check; hidden folders are still skipped, and a link back up the tree is walked once."""
    folder = tmp_path / "records"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "sub" / "a.json").write_bytes(SO_NOI_VU.read_bytes())
    (folder / ".hidden" / "b.json").write_bytes(b"not json")
    (folder / "sub" / "up").symlink_to("..")
    done = dancoso("check", "records", *AS_OF, "--fail-on", "none", cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # one record, checked once; the hidden folder skipped
    assert b"1 record(s) checked" in done.stderr
    (folder / "broken.json").symlink_to(tmp_path / "nowhere.json")
    os.mkfifo(folder / "pipe.json")
    for command in ("check", "validate"):
        done = (
            dancoso(command, "records", *AS_OF, cwd=tmp_path)
            if command == "check"
            else dancoso(command, "records", cwd=tmp_path)
        )
        no_traceback(done)
        assert done.returncode == 2, (command, done.stderr)
        for name in ("broken.json", "pipe.json"):
            assert f"records/{name}: not a regular file".encode() in done.stdout + done.stderr


def test_a_folder_that_cannot_be_read_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder below that cannot be read (mode 000 for another user) is named, never skipped."""
    from dancoso_rules.record import inputs

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.json").write_bytes(b"{}")
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found, problems = inputs.find_record_files([str(tmp_path)])
    assert found == [tmp_path / "a.json"]
    assert [(p.location.file, p.code) for p in problems] == [(str(tmp_path / "sub"), "io")]
    assert "Permission denied" in problems[0].message


def test_a_batch_never_writes_a_report_over_an_input(tmp_path: Path) -> None:
    """Another organisation's record reached through a link in the output folder, named as this run's
    report would be: the report takes the next name, the record is left as it was."""
    out = tmp_path / "out"
    out.mkdir()
    record = tmp_path / "long-an.json"
    record.write_bytes(LONG_AN.read_bytes())
    (out / "so-noi-vu-tra-vinh.json").symlink_to(record)  # named like the report of SO_NOI_VU
    done = dancoso("check", str(record), str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", f"{out}/")
    no_traceback(done)
    assert record.read_bytes() == LONG_AN.read_bytes()
    assert done.returncode == 1, done.stderr
    assert (out / "so-noi-vu-tra-vinh-2.json").is_file()
    # The record itself in the output folder: refused before anything is written.
    (out / "so-noi-vu-tra-vinh.json").unlink()
    inside = out / "so-noi-vu-tra-vinh.json"
    inside.write_bytes(LONG_AN.read_bytes())
    done = dancoso("check", str(inside), str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", f"{out}/")
    assert done.returncode == 2, done.stderr
    assert inside.read_bytes() == LONG_AN.read_bytes()


@pytest.mark.parametrize("command", ["check", "validate"])
def test_an_empty_record_argument_is_an_error_never_the_current_folder(tmp_path: Path, command: str) -> None:
    # `dancoso check "$RECORDS"` with RECORDS unset checked every record of the current folder, exit 0.
    shutil.copy(SO_NOI_VU, tmp_path / "so-noi-vu.json")
    done = dancoso(command, "", *(AS_OF if command == "check" else []), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    said = (done.stdout if command == "validate" else done.stderr).decode()  # validate reports on stdout
    assert said.startswith('"": an empty path names no record (it would be the current folder)'), said
    assert "so-noi-vu" not in (done.stdout + done.stderr).decode()


# --- 3 and 4: where output may go --------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(SO_NOI_VU), *AS_OF],
        ["check", str(SO_NOI_VU), str(LONG_AN), *AS_OF],
        ["calendar", str(SO_NOI_VU), *AS_OF],
        ["template"],
        ["import", "WORKBOOK"],
    ],
    ids=["check", "check-many", "calendar", "template", "import"],
)
def test_an_empty_output_is_a_usage_error_never_the_current_folder(tmp_path: Path, argv: list[str]) -> None:
    # `--output "$OUT"` with OUT unset wrote the report, the calendar, the workbook or the record into the
    # current folder (Path("") is "."), exit 0.
    if "WORKBOOK" in argv:
        workbook = tmp_path / "record.xlsx"
        assert dancoso("template", "--from", str(SO_NOI_VU), "--output", str(workbook)).returncode == 0
        argv = [str(workbook) if a == "WORKBOOK" else a for a in argv]
    here = tmp_path / "here"
    here.mkdir()
    done = dancoso(*argv, "--output", "", cwd=here)
    assert done.returncode == 2, done.stderr
    last = done.stderr.decode().splitlines()[-1]
    assert last.endswith(
        "argument --output" + ("/-o" if argv[0] in ("template", "import") else "") + ": expected a file, a "
        "folder (PATH/) or - for standard output; got an empty path, which would name the current folder"
    ), last
    assert done.stdout == b""
    assert list(here.iterdir()) == []


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = dancoso("check", str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", str(fifo))
    if not received and stat.S_ISFIFO(fifo.lstat().st_mode):
        reader.join(timeout=30)
    if reader.is_alive():  # nothing was written into the FIFO: let the reader go
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(timeout=30)
    assert done.returncode == 1, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["organisation"]["id"] == "so-noi-vu-tra-vinh"
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_written_in_place(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, Path("/dev/null").stat().st_rdev)
    done = dancoso("check", str(SO_NOI_VU), *AS_OF, "--output", str(null))
    assert done.returncode == 1, done.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, Path("/dev/full").stat().st_rdev)
    done = dancoso("check", str(SO_NOI_VU), *AS_OF, "--output", str(full))
    assert done.returncode == 2
    assert stat.S_ISCHR(full.lstat().st_mode)
    assert done.stderr.decode().startswith(f"{full}: cannot write the report: No space left on device")
    no_traceback(done)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
@pytest.mark.parametrize("command", ["check", "calendar"])
def test_dev_stdout_appended_to_a_file_keeps_what_the_file_held(tmp_path: Path, command: str) -> None:
    """``--output /dev/stdout >> log``: the shell appends; opening /dev/stdout again would empty the log."""
    log = tmp_path / "log.txt"
    log.write_bytes(b"OLD\n")
    extra = ["--format", "json"] if command == "check" else []
    with log.open("ab") as appended:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "dancoso_rules",
                command,
                str(SO_NOI_VU),
                *AS_OF,
                *extra,
                "--output",
                "/dev/stdout",
            ],
            stdout=appended,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    assert done.returncode in (0, 1), done.stderr
    text = log.read_bytes()
    assert text.startswith(b"OLD\n")
    assert len(text) > 100


def test_no_output_is_ever_written_into_the_rule_folder(tmp_path: Path) -> None:
    """The rule files are inputs of every run: a report, a calendar, a template or a batch's folder of
    reports into the rule folder (``--rules DIR``, or the bundled one) is refused (exit 2), never written."""
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    before = {p: p.read_bytes() for p in rules.rglob("*") if p.is_file()}
    record = str(SO_NOI_VU)
    runs = [
        ["check", record, *AS_OF, "--output", str(rules / "vocabulary.yaml")],
        ["check", record, *AS_OF, "--output", str(rules / "new-report.html"), "--format", "html"],
        ["check", record, str(LONG_AN), *AS_OF, "--output", str(rules / "reports") + "/"],
        ["calendar", record, *AS_OF, "--output", str(rules / "calendar.ics")],
        ["template", "--output", str(rules / "template.xlsx")],
    ]
    for args in runs:
        done = dancoso(*args, "--rules", str(rules))
        no_traceback(done)
        assert done.returncode == 2, (args, done.stderr)
        assert f"refusing to write into the rule folder {rules.resolve()}".encode() in done.stderr, args
    assert {p: p.read_bytes() for p in rules.rglob("*") if p.is_file()} == before
    assert not (rules / "reports").exists()


def test_a_folder_given_to_calendar_template_or_import_is_written_into(tmp_path: Path) -> None:
    """``--output name/`` (or an existing folder) means a folder, as for ``check``: each command writes its
    file in it, under the name it would give it, instead of a file called ``name``."""
    record = str(SO_NOI_VU)
    assert dancoso("calendar", record, *AS_OF, "--output", "agenda/", cwd=tmp_path).returncode == 0
    assert (tmp_path / "agenda" / "so-noi-vu-tra-vinh.ics").is_file()
    (tmp_path / "books").mkdir()
    assert dancoso("template", "--from", record, "--output", "books", cwd=tmp_path).returncode == 0
    (book,) = (tmp_path / "books").iterdir()
    assert book.suffix == ".xlsx"
    done = dancoso("import", str(book), "--output", "json/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "json" / "so-noi-vu-tra-vinh.json").read_bytes())["organisation"]["id"] == (
        "so-noi-vu-tra-vinh"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda", "books", "json"]


def test_reports_are_never_written_among_the_records_of_the_run(tmp_path: Path) -> None:
    """``check recs/*.json --output recs/`` would leave reports where the next ``check recs`` reads them as
    records; and the overview of ``check b/overview.json b/x.json --output b/`` would be refused only after
    the reports were written. Both are refused before anything is written."""
    records = tmp_path / "recs"
    records.mkdir()
    for path in (SO_NOI_VU, LONG_AN):
        shutil.copy(path, records / path.name.replace(".json", f"-{path.parent.name}.json"))
    names = sorted(p.name for p in records.iterdir())
    both = [f"recs/{name}" for name in names]
    for output in ("recs/", "recs", "./recs/"):
        done = dancoso("check", *both, *AS_OF, "--format", "json", "--output", output, cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 2, done.stderr
        assert b"refusing to write reports into a folder that holds a record of this run" in done.stderr
    done = dancoso("check", both[0], *AS_OF, "--format", "json", "--output", "recs/", cwd=tmp_path)
    assert done.returncode == 2, done.stderr  # one record: the same refusal
    assert sorted(p.name for p in records.iterdir()) == names
    done = dancoso("check", *both, *AS_OF, "--format", "json", "--output", "reports/", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # beside the records, not among them: written
    # A folder above the records' own is not among them: the next run over recs/ never reads it.
    done = dancoso("check", "recs", *AS_OF, "--format", "json", "--output", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr


def test_dev_stdout_on_a_pipe_is_standard_output() -> None:
    done = dancoso("check", str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", "/dev/stdout")
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["organisation"]["id"] == "so-noi-vu-tra-vinh"


def test_one_record_into_an_existing_folder_or_a_new_one_with_a_slash(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--format", "html", "--output", str(existing)]) == 1
    assert [p.name for p in existing.iterdir()] == ["so-noi-vu-tra-vinh.html"]
    new = tmp_path / "new"
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--format", "csv", "--output", f"{new}/"]) == 1
    assert [p.name for p in new.iterdir()] == ["so-noi-vu-tra-vinh.csv"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("file/report.json", "cannot write the report: a parent folder is a file"),
        ("/proc/self/report.json", "cannot write the report:"),
    ],
)
def test_output_failures_are_located_messages_exit_2(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = dancoso("check", str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", target, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"{target}: {message}"), done.stderr
    no_traceback(done)


def _without_stdout(target: str) -> subprocess.CompletedProcess[bytes]:
    """``dancoso`` with its standard output on /dev/full, or closed, and the English catalogue."""
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        return subprocess.run(
            [sys.executable, "-m", "dancoso_rules", *ARGS_WITHOUT_STDOUT[target]],
            stdin=subprocess.DEVNULL,
            stdout=full if target == "full" else None,
            stderr=subprocess.PIPE,
            preexec_fn=None if target == "full" else lambda: os.close(1),
            timeout=300,
            env={**os.environ, "LC_MESSAGES": "en_US.UTF-8"},
            check=False,
        )


ARGS_WITHOUT_STDOUT = {
    "full": ["check", str(SO_NOI_VU), *AS_OF, "--format", "json"],
    "closed": ["check", str(SO_NOI_VU), *AS_OF],
}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("target", "reason"), [("full", "No space left on device"), ("closed", "Bad file descriptor")]
)
def test_standard_output_that_cannot_be_written_is_exit_2_not_a_bug(target: str, reason: str) -> None:
    """A report that cannot be written to standard output (a full disk, a closed descriptor) is output that
    cannot be written, as a file's would be: one line naming it, exit 2; never an internal error (exit 3),
    never a traceback when Python flushes at exit."""
    done = _without_stdout(target)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().splitlines() == [f"<stdout>: cannot write the output: {reason}"]


def test_an_overview_where_a_folder_is_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "overview.json").mkdir(parents=True)
    done = dancoso("check", str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--format", "json", "--output", str(out))
    assert done.returncode == 2
    assert f"{out / 'overview.json'}: is a folder; expected a file" in done.stderr.decode()
    no_traceback(done)


# --- 9: an internal error has its own code -------------------------------------------------------------


def test_an_internal_error_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dancoso_rules.report.batch as batch

    def broken(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(batch, "check_source", broken)
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("dancoso: internal error (ZeroDivisionError: a bug)")
    assert "report" in err


def test_an_internal_error_never_prints_a_control_character(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dancoso_rules.report.batch as batch

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("Sở \x1b]0;pwned\x07\x1b[2J\u202e cannot be used")  # as openpyxl quoted a name

    monkeypatch.setattr(batch, "check_source", broken)
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "ValueError: Sở \\x1b]0;pwned\\x07\\x1b[2J\\u202e cannot be used" in err
    assert "\x1b" not in err
    assert "\u202e" not in err


def test_a_file_name_in_an_io_error_is_said_without_its_control_characters(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dancoso_rules.report.batch as batch

    def unreadable_name(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "out\x1b[2J.json")

    monkeypatch.setattr(batch, "check_source", unreadable_name)
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "out\\x1b[2J.json" in err
    assert "\x1b" not in err


def test_a_file_that_cannot_be_read_mid_run_is_exit_2_not_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import dancoso_rules.report.batch as batch

    def unreadable(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "records.jsonl")

    monkeypatch.setattr(batch, "check_source", unreadable)
    assert main(["check", str(SO_NOI_VU), *AS_OF, "--lang", "en"]) == 2
    assert capsys.readouterr().err == "records.jsonl: cannot read or write: Permission denied\n"


#: What each command exits with for an invalid record: ``validate`` judges records, the others need one.
INVALID_RECORD_EXIT = {"validate": 1, "check": 2, "calendar": 2, "template": 2}


def test_an_invalid_record_exits_as_the_help_and_the_readme_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README listed an invalid record under exit 1 for every command; `check` exits 2 for it.
    bad = str(REPO / "tests" / "fixtures" / "records" / "invalid" / "bad-date.json")
    argv = {
        "validate": ["validate", bad],
        "check": ["check", bad, *AS_OF],
        "calendar": ["calendar", bad, *AS_OF],
        "template": ["template", "--from", bad, "--output", str(tmp_path / "t.xlsx")],
    }
    for command, code in INVALID_RECORD_EXIT.items():
        assert main([*argv[command], "--lang", "en"]) == code, command
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert "\nexit codes:\n  0    success\n" in out
    codes = out.split("exit codes:\n", 1)[1]
    one, two = (" ".join(codes.split("\n  2 ")[i].split()) for i in (0, 1))
    assert "an invalid record (validate, import)" in one
    assert "an invalid record or option (check, calendar, template)" in two
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert (
        "**1** the inputs were read but fail: an invalid record for `validate` and `import`, a duty with a "
        "status in `--fail-on` for `check`"
    ) in readme
    assert (
        "**2** usage errors, unreadable input, an invalid record or option for `check`, `calendar` and `template`"
        in readme
    )


# --- 10: --fail-on decides the exit code, never what the report says ----------------------------------


def test_fail_on_none_keeps_the_true_counts_in_the_report(tmp_path: Path) -> None:
    markdown = tmp_path / "r.md"
    junit = tmp_path / "r.xml"
    assert (
        main(
            [
                "check",
                str(SO_NOI_VU),
                *AS_OF,
                "--format",
                "markdown",
                "--fail-on",
                "none",
                "--output",
                str(markdown),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "check",
                str(SO_NOI_VU),
                *AS_OF,
                "--format",
                "junit",
                "--fail-on",
                "none",
                "--output",
                str(junit),
            ]
        )
        == 0
    )
    assert (
        main(["check", str(SO_NOI_VU), *AS_OF, "--format", "junit", "--output", str(tmp_path / "d.xml")]) == 1
    )
    text = markdown.read_text(encoding="utf-8")
    assert "✅" not in text.split("\n", 3)[0] + text.split("\n", 3)[1]
    assert "Không có nghĩa vụ nào không đạt" not in text
    assert "--fail-on" in text
    root = ET.parse(junit).getroot()
    default = ET.parse(tmp_path / "d.xml").getroot()
    assert int(root.get("failures", "0")) == int(default.get("failures", "0")) > 0


# --- 12: modes, signals, and two runs into one folder -----------------------------------------------------


def test_reports_respect_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.json"
        assert main(["check", str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", str(new)]) == 1
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        assert main(["check", str(SO_NOI_VU), *AS_OF, "--format", "json", "--output", str(kept)]) == 1
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from dancoso_rules.cli.output import atomic_file\n"
        "with atomic_file(Path(sys.argv[1])) as handle:\n"
        "    handle.write(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    time.sleep(30)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "report.txt")], capture_output=True, timeout=60
    )
    assert done.returncode in (128 + signal.SIGTERM, -signal.SIGTERM)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the workers' end is Linux's")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_a_batch_stopped_by_a_signal_leaves_no_worker_behind(tmp_path: Path, stop: int) -> None:
    """A CI job's timeout sends SIGTERM (or the shell's end SIGHUP, or a kill SIGKILL): the run's worker
    processes end with it, instead of waiting for chunks under init for good."""
    record = json.dumps(json.loads(SO_NOI_VU.read_bytes()), ensure_ascii=False)
    lines = tmp_path / "records.jsonl"
    lines.write_text((record + "\n") * 4000, encoding="utf-8")
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dancoso_rules",
            "check",
            str(lines),
            *AS_OF,
            "--format",
            "json",
            "--jobs",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children = Path(f"/proc/{run.pid}/task/{run.pid}/children")
    workers: list[int] = []
    try:
        for _ in range(600):  # until both workers run (at most a minute on a loaded machine)
            workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
            if len(workers) >= 2 or run.poll() is not None:
                break
            threading.Event().wait(0.1)
        assert len(workers) >= 2, "the run ended before its workers were seen"
        run.send_signal(stop)
        run.wait(timeout=60)
    finally:
        run.kill()
        run.wait()
    for _ in range(100):
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"]
        if not alive:
            break
        threading.Event().wait(0.1)
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_a_second_run_replaces_the_first_runs_reports_and_never_mixes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = [str(p) for p in sorted((EXAMPLES / "tra-vinh").glob("*.json"))]
    second = [str(p) for p in sorted((EXAMPLES / "long-an").glob("*.json"))]
    assert main(["check", *first, *AS_OF, "--format", "json", "--output", str(out)]) == 1
    assert main(["check", *second, *AS_OF, "--format", "json", "--output", str(out)]) == 1
    reports = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert reports == [
        "ap-3-xa-my-yen.json",
        "overview.json",
        "so-noi-vu-long-an.json",
        "ubnd-xa-my-yen.json",
    ]
    manifest = json.loads((out / ".dancoso-run.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == reports


def test_a_folder_holding_other_files_keeps_them_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["check", "--lang", "en", str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--output", str(out)]) == 1
    assert f"{out}: note: 1 file not written by this run (notes.txt)" in capsys.readouterr().err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    manifest = json.loads((out / ".dancoso-run.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == ["overview.txt", "so-noi-vu-long-an.txt", "so-noi-vu-tra-vinh.txt"]


# --- 13: UTF-8 whatever the locale -----------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["html", "text", "markdown"])
def test_reports_on_standard_output_are_utf8_whatever_the_locale(output_format: str) -> None:
    done = dancoso(
        "check",
        str(SO_NOI_VU),
        *AS_OF,
        "--format",
        output_format,
        env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C", "PYTHONUTF8": "0"},
    )
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")
    assert "Sở Nội vụ" in text
    assert "\\u" not in text


# --- 14: the overview counts what it holds, and sorts as it says -----------------------------------------


def test_junit_overview_root_counts_its_cases(tmp_path: Path) -> None:
    out = tmp_path / "overview.xml"
    files = [str(p) for p in sorted(EXAMPLES.glob("*/*.json"))]
    assert main(["check", *files, *AS_OF, "--format", "junit", "--output", str(tmp_path / "o")]) == 1
    root = ET.parse(tmp_path / "o" / "overview.xml").getroot()
    del out
    assert int(root.get("tests", "-1")) == len(root.findall(".//testcase"))
    assert int(root.get("failures", "-1")) == len(root.findall(".//failure"))


def test_overview_puts_organisations_with_more_failing_results_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("*/*.json"))]
    assert main(["check", *files, *AS_OF, "--format", "json"]) == 1
    rows = json.loads(capsys.readouterr().out)["rows"]
    failing = [
        r["totals"]["missed"] + r["totals"]["overdue"] - r["soft"]["missed"] - r["soft"]["overdue"]
        for r in rows
    ]
    assert failing == sorted(failing, reverse=True)
    assert len(set(failing)) > 1


# --- 15: what people's editors write --------------------------------------------------------------------


def test_a_utf8_bom_is_accepted_with_a_note(tmp_path: Path) -> None:
    record = tmp_path / "notepad.json"
    record.write_bytes(b"\xef\xbb\xbf" + SO_NOI_VU.read_bytes())
    done = dancoso("validate", str(record))
    assert done.returncode == 0, done.stdout
    assert b"byte-order mark" in done.stdout
    done = dancoso("validate", "--strict", str(record))
    assert done.returncode == 0, done.stdout  # a note on the file's form, never an error
    assert b"warning: the file starts with a UTF-8 byte-order mark (BOM), which is skipped" in done.stdout
    done = dancoso("check", str(record), *AS_OF, "--format", "json")
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["organisation"]["id"] == "so-noi-vu-tra-vinh"


def test_the_docs_say_a_utf8_bom_is_skipped_as_the_code_does() -> None:
    # docs/en/records.md said a record must have no byte-order mark, while the code skips one with a note.
    for page in ("README.md", "docs/en/records.md"):
        text = " ".join((REPO / page).read_text(encoding="utf-8").split())
        assert "UTF-8 without a byte-order mark" not in text, page
        assert "a warning even with `--strict`" in text, page
    text = " ".join((REPO / "docs/vi/records.md").read_text(encoding="utf-8").split())
    assert "được bỏ qua kèm ghi chú, ghi chú này vẫn là cảnh báo kể cả với `--strict`" in text


def test_validate_reads_json_lines(tmp_path: Path) -> None:
    lines = tmp_path / "records.jsonl"
    good = json.dumps(json.loads(SO_NOI_VU.read_bytes()), ensure_ascii=False)
    lines.write_text(f'{good}\n\n{{"organisation": 1}}\n', encoding="utf-8")
    done = dancoso("validate", "--lang", "en", str(lines))
    assert done.returncode == 1
    out = done.stdout.decode()
    assert "records.jsonl:3:" in out
    assert "records.jsonl:1:" not in out
    assert b"2 record(s) checked: 1 valid, 1 invalid" in done.stderr


# --- 17: the pre-commit hook checks records only ----------------------------------------------------------


def test_the_hook_skips_json_that_is_not_a_record(tmp_path: Path) -> None:
    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    package = tmp_path / "package.json"
    package.write_text('{"name": "site", "version": "1.0.0", "dependencies": {}}', encoding="utf-8")
    record = tmp_path / "record.json"
    record.write_bytes(SO_NOI_VU.read_bytes())
    english = {"LC_MESSAGES": "en_US.UTF-8"}
    done = dancoso(*hook["entry"].split()[1:], *hook.get("args", []), str(package), str(record), env=english)
    assert done.returncode == 0, done.stdout
    assert b"package.json: skipped: not an activity record" in done.stdout + done.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"organisation": {}, "activities": []}', encoding="utf-8")
    assert dancoso(*hook["entry"].split()[1:], *hook.get("args", []), str(broken)).returncode == 1


def test_reports_a_run_left_among_the_records_are_told_apart_from_records(tmp_path: Path) -> None:
    # `check a.json b.json --output recs/sub/` then `check recs/`: each report was read as a record, and said
    # nine times over that 'as_of', 'instruments', 'results', ... are unknown fields, and the overview
    # that 'organisation' and 'period' are missing.
    records = tmp_path / "recs"
    for source in (SO_NOI_VU, LONG_AN):
        shutil.copy(source, tmp_path / f"{source.parent.name}.json")
    argv = ["check", "tra-vinh.json", "long-an.json", *AS_OF, "--format", "json", "--output", "recs/sub/"]
    assert dancoso(*argv, cwd=tmp_path).returncode == 1
    shutil.copy(SO_NOI_VU, records / "record.json")
    written = sorted(p.name for p in (records / "sub").glob("[!.]*.json"))
    assert written == ["overview.json", "so-noi-vu-long-an.json", "so-noi-vu-tra-vinh.json"]
    done = dancoso("check", "recs", *AS_OF, "--format", "json", cwd=tmp_path)
    assert done.returncode == 2
    lines = [line for line in done.stderr.decode().splitlines() if line.startswith("recs/sub/")]
    assert [line.split(":")[0] for line in lines] == [f"recs/sub/{name}" for name in written]
    assert lines[0].endswith(
        " /overview_version: an overview written by dancoso check, not an activity record: it is not checked as "
        "one (write reports with --output outside the folders of records)"
    ), lines[0]
    assert all(" /report_version: a report written by dancoso check" in line for line in lines[1:]), lines
    assert json.loads(done.stdout)["organisations"] == 1  # the record beside them is checked
    validated = dancoso("validate", "recs", cwd=tmp_path)
    assert validated.returncode == 1
    assert validated.stdout.decode().count("written by dancoso check") == 3
    # The pre-commit hook's --skip-non-records skips them, saying what they are.
    skipped = dancoso("validate", "--skip-non-records", "recs", cwd=tmp_path)
    assert skipped.returncode == 0, skipped.stdout
    assert b"recs/sub/overview.json: skipped: an overview written by dancoso check" in skipped.stderr
    # A record that holds such a key beside its activities is a record, with an unknown field.
    data = json.loads(SO_NOI_VU.read_bytes())
    data["report_version"] = "1"
    (records / "record.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = dancoso("validate", "recs/record.json", cwd=tmp_path)
    assert done.returncode == 1
    assert b"/report_version: unknown field 'report_version'" in done.stdout


def test_the_docs_pin_a_revision_that_exists() -> None:
    for page in (REPO / ".pre-commit-hooks.yaml", REPO / "docs" / "recipes" / "pre-commit.md"):
        assert "rev: v0.1.0" not in page.read_text(encoding="utf-8"), page


def test_a_reader_that_leaves_early_never_makes_the_run_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # `dancoso check … | head` under `set -o pipefail`: the report was not read to its end, so the run
    # exits 141 (128 + SIGPIPE, as a shell reports it), never 0, whatever the duties.
    import dancoso_rules.cli.output as output

    def gone(content: str | bytes) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(output, "write_stdout", gone)
    record = str(EXAMPLES / "long-an" / "ap-3-my-yen.json")  # no failing duty: it would exit 0
    assert main(["check", record, "--as-of", "2026-01-15", "--fail-on", "none"]) == 141


# --- 10: the second audit (validate, calendar, template, import, rules, the office formats) ------------

#: A record's file name in a legacy Vietnamese encoding (as unzipped from an archive made on Windows):
#: not UTF-8, which Python holds as lone surrogates that no UTF-8 output can carry as they are.
LEGACY_NAME = os.fsdecode(b"h\xf4 s\xf5.json")


@pytest.mark.skipif(sys.platform == "win32", reason="file names are bytes on POSIX only")
@pytest.mark.parametrize(
    "output_format", ["text", "markdown", "html", "json", "junit", "sarif", "csv", "xlsx"]
)
def test_a_file_name_that_is_not_utf8_is_written_out_never_a_crash(
    tmp_path: Path, output_format: str
) -> None:
    record = tmp_path / LEGACY_NAME
    record.write_bytes(SO_NOI_VU.read_bytes())
    one = dancoso("check", str(record), *AS_OF, "--format", output_format)
    assert one.returncode == 1, one.stderr
    many = dancoso(
        "check",
        str(record),
        str(LONG_AN),
        *AS_OF,
        "--format",
        output_format,
        "--output",
        str(tmp_path / "out"),
    )
    assert many.returncode == 1, many.stderr
    shown = "h\\xf4 s\\xf5.json"  # the bytes that are not UTF-8 written out, as bash's $'h\xf4' would
    if output_format in ("text", "markdown", "html"):
        assert shown in one.stdout.decode("utf-8")
    if output_format == "json":
        assert json.loads(one.stdout)["record"]["file"].endswith(shown)
    manifest = json.loads((tmp_path / "out" / ".dancoso-run.json").read_bytes())
    assert any(shown in r for r in manifest["records"])


@pytest.mark.skipif(
    sys.platform == "win32", reason="file names are bytes, and a backslash a character, on POSIX only"
)
@pytest.mark.parametrize(
    ("name", "uri"), [(LEGACY_NAME, "in/h%F4%20s%F5.json"), ("Sở\\2025.json", "in/S%E1%BB%9F%5C2025.json")]
)
def test_sarif_names_a_record_by_the_bytes_of_its_name(tmp_path: Path, name: str, uri: str) -> None:
    # The URI was made from the name shown to people: 'in/h\xf4 s\xf5.json' gave 'in/h/xf4%20s/xf5.json',
    # a path of three folders; a backslash of a POSIX name was taken for a folder too.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(SO_NOI_VU.read_bytes())
    record = f"in/{name}"
    one = dancoso("check", record, *AS_OF, "--format", "sarif", cwd=tmp_path)
    assert one.returncode == 1, one.stderr
    run = json.loads(one.stdout)["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == uri
    found = {
        loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]
    }
    assert found == {uri}
    many = dancoso("check", record, str(LONG_AN), *AS_OF, "--format", "sarif", cwd=tmp_path)
    assert many.returncode == 1, many.stderr
    run = json.loads(many.stdout)["runs"][0]
    found = {
        loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]
    }
    assert uri in found
    assert not any("\\" in u or "/x" in u for u in found)
    # The URI is for SARIF only: the JSON report and overview keep their shape.
    report = json.loads(dancoso("check", record, *AS_OF, "--format", "json", cwd=tmp_path).stdout)
    assert "uri" not in report["record"]
    overview = json.loads(
        dancoso("check", record, str(LONG_AN), *AS_OF, "--format", "json", cwd=tmp_path).stdout
    )
    assert all("uri" not in row for row in overview["rows"])


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["--version"]])
def test_help_to_a_reader_that_left_exits_as_any_output_does(argv: list[str]) -> None:
    # The help is output like a report: a reader gone before it is written is 141 (--help exit codes),
    # not 2, which says that a file could not be written.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dancoso_rules", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141, done.stderr
    assert done.stderr == b""


@pytest.mark.parametrize("name", ["overview.json", ".dancoso-run.json"])
def test_a_batch_whose_overview_or_manifest_is_an_input_writes_nothing(tmp_path: Path, name: str) -> None:
    # An override file kept where the overview (or the manifest) goes: refused before any report is
    # written, as the other refusals of a folder are, not after every organisation's report.
    out = tmp_path / "out"
    out.mkdir()
    overrides = out / name
    kept = json.dumps({"interpretations": [OVERRIDE]}, ensure_ascii=False) + "\n"
    overrides.write_text(kept, encoding="utf-8")
    argv = ["check", str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--format", "json", "--output", str(out)]
    done = dancoso(*argv, "--interpretations", str(overrides))
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().startswith(f"{overrides}: refusing to write the report over an input file")
    assert sorted(p.name for p in out.iterdir()) == [name]
    assert overrides.read_text(encoding="utf-8") == kept


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_batch_output_that_is_a_file_says_a_folder_is_expected(tmp_path: Path, lang: str) -> None:
    # It said "cannot write the reports: File exists", the system's words, in English whatever --lang.
    report = tmp_path / "overview.csv"
    report.write_text("kept\n", encoding="utf-8")
    argv = ["check", str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--format", "csv", "--output", str(report)]
    done = dancoso("--lang", lang, *argv)
    assert done.returncode == 2
    expected = {"en": "is a file, not a folder", "vi": "là một tệp, không phải thư mục"}[lang]
    assert done.stderr.decode().startswith(f"{report}: {expected}"), done.stderr
    assert "File exists" not in done.stderr.decode()
    assert report.read_text(encoding="utf-8") == "kept\n"


def test_output_dash_over_many_records_is_standard_output_not_a_folder(tmp_path: Path) -> None:
    # `--output -` made a folder named '-' of every report and left standard output empty (a CI step's
    # `> junit.xml` was empty), where it means standard output for one record and for every other command.
    argv = ["check", str(SO_NOI_VU), str(LONG_AN), *AS_OF, "--format", "junit", "--output", "-"]
    done = dancoso(*argv, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert ET.fromstring(done.stdout).get("name") == "dancoso check"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("output_format", ["docx", "xlsx"])
def test_a_document_is_never_written_to_a_terminal(output_format: str) -> None:
    # `check --format docx` without --output poured the zip's bytes, escape sequences among them, onto the
    # terminal; `template` already refused to.
    leader, follower = os.openpty()
    shown = bytearray()

    def drain() -> None:  # a terminal is read as it is written to: a full one would block the writer
        try:
            while chunk := os.read(leader, 1 << 16):
                shown.extend(chunk)
        except OSError:  # the terminal's other end closed
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        argv = ["--lang", "en", "check", str(SO_NOI_VU), *AS_OF, "--format", output_format]
        done = subprocess.run(
            [sys.executable, "-m", "dancoso_rules", *argv],
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=300,
            check=False,
        )
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode() == (
        f"-: refusing to write a .{output_format} document to a terminal; give --output FILE.{output_format}\n"
    )
    assert b"PK" not in shown
