"""Whatever records, override files and strings it is given, the command line answers safely (issue 13).

Hypothesis feeds mutated records (with hostile strings planted in names, titles and keys) and
override files (with malformed scalars and durations evaluation cannot add) to every command and
format, in process, and checks each run: no exception escapes (a traceback), the exit code is one
the CLI documents (0, 1 or 2), the inputs are byte for byte what they were, and no control
character reaches standard output, standard error or a written report (line breaks, tabs, and
CSV's ``\\r\\n`` aside), nor any line that GitHub Actions would run as a workflow command.

Bounded: a fixed number of examples, derandomized, so the suite stays fast and repeatable.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dancoso_rules.cli.main import main
from test_record_hypothesis import containers, mutated_records

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE = st.sampled_from(
    [
        "\x1b]0;pwned\x07",
        "\x1b[2J\x1b[H",
        "\u202etxt.exe",
        "\u2066@octocat\u2069",
        "x\n::error file=evil.py::pwned",
        "\r::warning::x",
        "#12 @team",
        "\x00\x85\x9b31m",
        "9999-12-31",
        "0001-01-01",
        "P10000Y",
    ]
) | st.text(max_size=12)
DURATIONS = st.sampled_from(
    ["P3M", "P100Y", "P10000Y", "P" + "9" * 40 + "D", "!!float x", "2025-02-30", "9" * 4400, '"\\e[2J"']
)
RECORD_FORMATS = ("text", "markdown", "html", "json", "junit", "sarif", "csv")
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json", "junit": "xml"}
EXTENSIONS |= {"sarif": "sarif", "csv": "csv"}


@st.composite
def hostile_records(draw: st.DrawFn) -> Any:
    """A mutated record with hostile strings planted as values and as keys."""
    record = draw(mutated_records())
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        objects = [c for c in containers(record) if isinstance(c, dict)]
        if not objects:
            break
        target = draw(st.sampled_from(objects))
        if target and draw(st.booleans()):
            target[draw(st.sampled_from(sorted(target)))] = draw(HOSTILE)
        else:
            target[draw(HOSTILE)] = draw(HOSTILE)
    return record


def override_text(value: str, title: str) -> str:
    return (
        "interpretations:\n"
        "  - id: late-window-yearly\n"
        "    kind: duration\n"
        f"    value: {value}\n"
        "    basis: project_default\n"
        f"    title: {{vi: {json.dumps(title)}, en: Deadline}}\n"
        "    rationale: {vi: Thử nghiệm., en: A test.}\n"
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


#: The only workflow commands `validate --format github` writes: one annotation a line, its own.
OWN_ANNOTATION = re.compile(r"::(error|warning) file=[^:,]*(,line=\d+)?(,col=\d+)?,title=dancoso validate::")


def assert_safe(text: str, where: str, *, annotations: bool = False) -> None:
    found = CONTROL.search(text.replace("\r\n", "\n"))
    assert found is None, (
        f"{where}: control character {found[0]!r} at {found.start()}: {text[max(0, found.start() - 60) : found.start() + 20]!r}"
    )
    commands = [
        line
        for line in text.splitlines()
        if line.lstrip().startswith("::") and not (annotations and OWN_ANNOTATION.match(line))
    ]
    assert not commands, f"{where}: a workflow command: {commands[0][:80]!r}"


def run(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's usage errors
        return exc.code if isinstance(exc.code, int) else 2


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    record=hostile_records(),
    ascii_only=st.booleans(),
    command=st.sampled_from(
        [("validate", f) for f in ("text", "json", "github")] + [("check", f) for f in RECORD_FORMATS]
    ),
    to_file=st.booleans(),
    overrides=st.none() | st.tuples(DURATIONS, HOSTILE),
)
def test_every_command_answers_any_input_safely(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    record: Any,
    ascii_only: bool,
    command: tuple[str, str],
    to_file: bool,
    overrides: tuple[str, str] | None,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "hồ sơ.json"
    source.write_text(json.dumps(record, ensure_ascii=ascii_only, indent=1), encoding="utf-8")
    inputs = [source]
    name, fmt = command
    argv = [name, str(source), "--format", fmt]
    if name == "check":
        argv += ["--as-of", "2026-01-15", "--fail-on", "missed,overdue"]
        if overrides is not None:
            override = folder / "overrides.yaml"
            override.write_text(override_text(*overrides), encoding="utf-8")
            inputs.append(override)
            argv += ["--interpretations", str(override)]
    output = folder / f"report.{EXTENSIONS.get(fmt, 'txt')}"
    if name == "check" and to_file:
        argv += ["--output", str(output)]
    before = {path: digest(path) for path in inputs}
    capsys.readouterr()

    code = run(argv)

    out, err = capsys.readouterr()
    assert code in (0, 1, 2), f"exit code {code}; stderr: {err[-500:]}"
    assert {path: digest(path) for path in inputs} == before, "an input was changed"
    assert "Traceback" not in err
    assert_safe(out, "stdout", annotations=fmt == "github")
    assert_safe(err, "stderr")
    if output.exists():
        assert_safe(output.read_text(encoding="utf-8-sig"), output.name)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(word=HOSTILE)
def test_rules_show_answers_any_id_safely(capsys: pytest.CaptureFixture[str], word: str) -> None:
    capsys.readouterr()
    code = run(["rules", "show", word])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert_safe(out, "stdout")
    assert_safe(err, "stderr")
