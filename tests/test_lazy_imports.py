"""The calendar, working-day and DOCX libraries are main dependencies but cost nothing until used:
``import dancoso_rules`` and ``dancoso check`` of a JSON record never import them. Nor does a check
import what only another format, another command or a problem needs (start-up counts in every CI job).
The working calendar (``holidays`` and the YAML file of decided days off) is built only when a record
has an event whose deadline is counted in working days (a complaint received)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from conftest import EXAMPLES
from dancoso_rules.load import load_rulebook

HEAVY = ("icalendar", "holidays", "docx")

#: What ``dancoso check RECORD --format text`` of a valid record does not use, given the precompiled
#: rule cache: the JSON Schema validator (the record is checked by the model), YAML and the rule
#: files' models (the rules come from the cache), the located messages and suggestions of problems,
#: the overview of many records and its tallies, and the other formats' renderers.
UNUSED_BY_A_TEXT_CHECK = (
    *HEAVY,
    "jsonschema",
    "yaml",
    "difflib",
    "dancoso_rules.load.yamlsafe",
    "dancoso_rules.load.validation",
    "dancoso_rules.model.files",
    "dancoso_rules.report.overview",
    "dancoso_rules.report.tally",
    "dancoso_rules.report.renderers.html",
    "dancoso_rules.report.renderers.json",
    "dancoso_rules.report.renderers.sarif",
    "dancoso_rules.report.renderers.docx",
)

PROBE = """
import sys
{body}
print(" ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def _imported_after(body: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body, heavy=heavy)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.split()


def test_importing_the_library_imports_none_of_them() -> None:
    assert _imported_after("import dancoso_rules; dancoso_rules.evaluate") == []


def test_a_warm_check_on_json_imports_none_of_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The first check in a cache folder computes the holidays (a deadline may fall on one) and keeps them
    # there; the next one imports none of the heavy packages.
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'json'])"
    )
    _imported_after(body)
    assert _imported_after(body) == []


def test_deadlines_counted_in_calendar_days_alone_build_no_working_calendar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A violation found is answered within days of the calendar (P30D), and with deadline-on-day-off
    # turned off no deadline is moved off a day off: no holiday is looked up. With an empty cache folder,
    # building the calendar would import the holidays package.
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    data = json.loads((EXAMPLES / "tra-vinh" / "so-noi-vu.json").read_text(encoding="utf-8"))
    data["events"] = [{"id": "vp-1", "type": "violation_found", "date": "2025-06-02", "title": "Vi phạm"}]
    record = tmp_path / "so-noi-vu.json"
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rulebook = load_rulebook()
    off = {**msgspec.to_builtins(rulebook.interpretation_by_id["deadline-on-day-off"]), "value": "no"}
    overrides = tmp_path / "overrides.json"
    overrides.write_text(json.dumps({"interpretations": [off]}, ensure_ascii=False), encoding="utf-8")
    body = (
        "import contextlib, io, json\n"
        "from dancoso_rules.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'json',"
        f" '--interpretations', {str(overrides)!r}])\n"
        "triggered = [r for r in json.loads(out.getvalue())['results'] if (r.get('trigger') or {}).get('id') == 'vp-1']\n"
        "assert triggered, 'the event must give a duty for this test to mean anything'"
    )
    assert _imported_after(body) == []


def test_a_complaint_counted_in_working_days_builds_the_working_calendar_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The first check of a record with a complaint computes the holidays with the package and keeps them
    # in the cache folder; the next process reads them from there and never imports the package.
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'json'])"
    )
    assert _imported_after(body) == ["holidays"]
    assert _imported_after(body) == []


def test_check_on_json_with_the_text_format_imports_nothing_it_does_not_use(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DANCOSO_NO_CACHE", raising=False)
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'text'])\n"
        "assert 'dancoso_rules.report.renderers.text' in sys.modules"
    )
    # the caches (rules, holidays), as every run after the first finds them
    _imported_after(body, UNUSED_BY_A_TEXT_CHECK)
    assert _imported_after(body, UNUSED_BY_A_TEXT_CHECK) == []


def test_the_probe_sees_an_import_when_there_is_one() -> None:
    assert _imported_after("import icalendar") == ["icalendar"]


#: What a one-record check with an HTML report does not need once the caches are warm: no pydantic
#: validator is built (the clean record is read on the fast path, the rules come from the rule cache,
#: results and reports are built from trusted values), so pydantic's plugin loader and the
#: importlib.metadata and email it imports are never loaded; nor is YAML (the days off are cached), nor
#: what writes a file (the report goes to standard output).
UNUSED_BY_AN_HTML_CHECK = (
    "pydantic.plugin._loader",
    "importlib.metadata",
    "email",
    "yaml",
    "holidays",
    "tempfile",
    "signal",
)


def test_check_of_a_clean_record_builds_no_validator(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"  # with a complaint, counted in working days
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'html'])\n"
        "assert 'dancoso_rules.report.renderers.html' in sys.modules"
    )
    assert "yaml" in _imported_after(body, UNUSED_BY_AN_HTML_CHECK)  # the first run fills the caches
    assert _imported_after(body, UNUSED_BY_AN_HTML_CHECK) == []


#: What a warm check of a clean record never imports: pydantic itself. The rulebook, the results and
#: the reports are msgspec structs; the pydantic models that validate rule files and records that are
#: not clean, and that make the JSON Schemas, are loaded (and derived from the structs) only then.
PYDANTIC = ("pydantic", "pydantic_core", "dancoso_rules.record.model", "dancoso_rules.model.derive")


def _check_body(record: Path, fmt: str, output: Path) -> str:
    argv = [
        str(record),
        "--as-of",
        "2026-01-15",
        "--format",
        fmt,
        "--fail-on",
        "none",
        "--output",
        str(output),
    ]
    return (
        "from dancoso_rules.cli.main import main\n"
        "try:\n"
        f"    main(['check', *{argv!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"assert __import__('pathlib').Path({str(output)!r}).stat().st_size > 0\n"
    )


@pytest.mark.parametrize("fmt", ["html", "text", "json"])
def test_a_warm_check_never_imports_pydantic(
    fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 16's start-up target needs it: importing pydantic alone costs more than 0.4× check-jsonschema."""
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    body = _check_body(EXAMPLES / "tra-vinh" / "so-noi-vu.json", fmt, tmp_path / f"report.{fmt}")
    assert "pydantic" in _imported_after(body, PYDANTIC)  # the first run validates the rule files
    assert _imported_after(body, PYDANTIC) == []


def test_an_invalid_record_still_gets_the_messages_pydantic_makes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    data = json.loads((EXAMPLES / "tra-vinh" / "so-noi-vu.json").read_text(encoding="utf-8"))
    data["period"]["start"] = 20250101
    data["organisation"]["nme"] = "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    good = _check_body(EXAMPLES / "tra-vinh" / "so-noi-vu.json", "text", tmp_path / "report.txt")
    assert _imported_after(good, PYDANTIC) != []  # fills the caches
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "errors = io.StringIO()\n"
        "with contextlib.redirect_stderr(errors):\n"
        "    try:\n"
        f"        main(['--lang', 'en', 'check', {str(bad)!r}, '--as-of', '2026-01-15', '--format', 'text'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "text = errors.getvalue()\n"
        "assert \"/organisation/nme: unknown field 'nme'; did you mean 'name'?\" in text, text\n"
        "assert '/period/start: expected a date written YYYY-MM-DD, as a string (got 20250101)' in text, text\n"
    )
    assert _imported_after(body, PYDANTIC) == sorted(PYDANTIC)  # the record's models, for its messages
