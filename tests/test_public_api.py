"""The names documented as the public API are importable from ``dancoso_rules`` and are what they say."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import dancoso_rules

REPO_EXAMPLE = "examples/tra-vinh/so-noi-vu.json"


def test_every_public_name_resolves() -> None:
    for name in dancoso_rules.__all__:
        assert getattr(dancoso_rules, name) is not None, name


def test_evaluate_is_the_function_even_after_its_package_is_imported() -> None:
    code = (
        "import dancoso_rules.evaluation.engine\n"
        "from dancoso_rules import evaluate, load_record\n"
        "assert callable(evaluate), evaluate\n"
        "print(evaluate.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "dancoso_rules.evaluation.engine"


def test_the_readme_example_runs(rulebook: object) -> None:
    from pathlib import Path

    from dancoso_rules import evaluate, load_record

    example = Path(__file__).resolve().parent.parent / REPO_EXAMPLE
    report = evaluate(load_record(example), as_of=dt.date(2026, 1, 15))
    counts = report.counts()
    assert sum(counts.values()) == len(report.results) > 0
    assert counts["missed"] > 0
    assert counts["met"] > 0


def test_the_cli_knows_the_same_statuses_and_default_as_the_library() -> None:
    """The CLI keeps its own copies so that parsing arguments imports nothing heavy; they must agree."""
    from dancoso_rules.cli import check
    from dancoso_rules.evaluation.status import Status
    from dancoso_rules.report.model import DEFAULT_FAIL_ON

    assert set(check.STATUSES) == {s.value for s in Status}
    assert frozenset(check.DEFAULT_FAIL_ON.split(",")) == DEFAULT_FAIL_ON


def test_the_fast_path_reads_and_assesses_the_readme_example() -> None:
    from pathlib import Path

    from dancoso_rules import Assessment, assess, decode_clean, evaluate, load_record

    example = Path(__file__).resolve().parent.parent / REPO_EXAMPLE
    record = decode_clean(example.read_bytes())
    assert record is not None
    assessment = assess(record, as_of=dt.date(2026, 1, 15))
    assert isinstance(assessment, Assessment)
    report = evaluate(load_record(example), as_of=dt.date(2026, 1, 15))
    assert assessment.counts() == report.counts()
    assert assessment.report() == report


# --- evaluate from any source, render any format (issue 14, item 7) ---------------------------------

AS_OF = dt.date(2026, 1, 15)


def _example() -> Path:
    return Path(__file__).resolve().parent.parent / REPO_EXAMPLE


def test_evaluate_reads_a_path_bytes_a_mapping_or_a_record_alike() -> None:
    from dancoso_rules import evaluate, load_record

    path = _example()
    raw = path.read_bytes()
    reports = [
        evaluate(source, as_of=AS_OF) for source in (str(path), path, raw, json.loads(raw), load_record(path))
    ]
    assert all(report == reports[0] for report in reports)
    assert reports[0].organisation.id == json.loads(raw)["organisation"]["id"]


def test_an_invalid_mapping_raises_the_validators_message_located_by_pointer(tmp_path: Path) -> None:
    from dancoso_rules import RecordError, evaluate, validate_record

    data = json.loads(_example().read_bytes())
    data["activities"][0]["date"] = "2025-13-01"
    with pytest.raises(RecordError) as raised:
        evaluate(data, as_of=AS_OF)
    (problem,) = raised.value.problems
    assert str(problem).startswith("<dict> /activities/0/date: ")
    # The same message as `dancoso validate` gives for the same record in a file, less the line and column.
    written = tmp_path / "record.json"
    written.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (in_file,) = validate_record(written).errors
    assert problem.message == in_file.message
    assert problem.location.pointer == in_file.location.pointer


def test_invalid_bytes_and_non_json_values_are_located_errors_not_tracebacks() -> None:
    from dancoso_rules import RecordError, evaluate

    with pytest.raises(RecordError, match=r"^<bytes>:1:2: not valid JSON"):
        evaluate(b"{", as_of=AS_OF)
    data = json.loads(_example().read_bytes())
    data["period"]["start"] = dt.date(2025, 1, 1)
    with pytest.raises(RecordError, match=r"^<dict> /: the record is not JSON data"):
        evaluate(data, as_of=AS_OF)
    with pytest.raises(RecordError, match="expected a record as a path, bytes, a mapping"):
        evaluate(42, as_of=AS_OF)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "junit", "csv", "sarif"])
def test_render_gives_what_the_cli_prints(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    from dancoso_rules import evaluate, load_record, render
    from dancoso_rules.cli.main import main
    from dancoso_rules.paths import display_path

    path = _example()
    argv = [
        "check",
        str(path),
        "--as-of",
        AS_OF.isoformat(),
        "--format",
        fmt,
        "--lang",
        "en",
        "--width",
        "100",
    ]
    code = main(argv)
    printed = capsys.readouterr().out
    assert code == 1  # the example has missed duties
    rendered = render(
        evaluate(path, as_of=AS_OF), fmt, lang="en", record=load_record(path), record_file=display_path(path)
    )
    assert isinstance(rendered, str)
    if fmt == "sarif":  # the CLI also looks up the line of every JSON Pointer; the findings are the same
        cli, api = json.loads(printed), json.loads(rendered)
        assert [r["ruleId"] for r in cli["runs"][0]["results"]] == [
            r["ruleId"] for r in api["runs"][0]["results"]
        ]
    else:
        assert rendered == printed


@pytest.mark.parametrize(
    ("fmt", "flag", "keyword"), [("text", "--summary", "summary"), ("sarif", "--sarif-all", "sarif_all")]
)
def test_render_takes_the_options_the_cli_takes(
    fmt: str, flag: str, keyword: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from dancoso_rules import evaluate, load_record, render
    from dancoso_rules.cli.main import main
    from dancoso_rules.paths import display_path

    path = _example()
    argv = ["check", str(path), "--as-of", AS_OF.isoformat(), "--format", fmt, "--width", "100", flag]
    assert main(argv) == 1
    printed = capsys.readouterr().out
    report = evaluate(path, as_of=AS_OF)
    rendered = render(
        report, fmt, record=load_record(path), record_file=display_path(path), **{keyword: True}
    )
    plain = render(report, fmt, record=load_record(path), record_file=display_path(path))
    assert rendered != plain  # the option changes what is written
    if fmt == "sarif":
        cli, api = json.loads(printed), json.loads(str(rendered))
        assert [r["ruleId"] for r in cli["runs"][0]["results"]] == [
            r["ruleId"] for r in api["runs"][0]["results"]
        ]
    else:
        assert rendered == printed


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("xlsx", b"PK")])
def test_render_gives_bytes_for_the_office_formats(fmt: str, magic: bytes) -> None:
    from dancoso_rules import evaluate, render

    rendered = render(evaluate(_example(), as_of=AS_OF), fmt)
    assert isinstance(rendered, bytes)
    assert rendered.startswith(magic)


def test_render_in_each_language_and_refuses_an_unknown_format() -> None:
    from dancoso_rules import DancosoError, evaluate, render

    report = evaluate(_example(), as_of=AS_OF)
    vi, en = render(report, "markdown", lang="vi"), render(report, "markdown", lang="en")
    assert vi != en
    with pytest.raises(DancosoError, match=r"unknown format 'htm'; did you mean 'html'\?"):
        render(report, "htm")
    with pytest.raises(DancosoError, match=r"unknown lang 'fr'"):
        render(report, "text", lang="fr")
    from dancoso_rules.i18n import using_lang

    # It was English whatever the language of the messages, the suggestion alone in Vietnamese.
    with using_lang("vi"), pytest.raises(DancosoError) as raised:
        render(report, "htm")
    assert str(raised.value) == (
        "<options>: giá trị 'htm' của format không hợp lệ; có phải là 'html'? (cần một trong các giá trị: "
        "text, markdown, html, json, junit, sarif, csv, docx, xlsx)"
    )


def test_render_refuses_an_unknown_status_to_fail_on_as_the_cli_does() -> None:
    # It raised AttributeError ('StatusCounts' object has no attribute 'overdued') from the renderer.
    from dancoso_rules import DancosoError, evaluate, render

    report = evaluate(_example(), as_of=AS_OF)
    for fmt in ("text", "junit", "xlsx"):
        with pytest.raises(DancosoError, match=r"unknown status 'overdued'"):
            render(report, fmt, fail_on=["late", "overdued"])
    # A string is a comma-separated list of statuses, as --fail-on takes them; not its letters.
    assert render(report, "junit", fail_on="late, unverified") == render(
        report, "junit", fail_on=["late", "unverified"]
    )
    assert render(report, "junit", fail_on="none") == render(report, "junit", fail_on=())
