"""The names documented as the public API are importable from ``dancoso_rules`` and are what they say."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

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
