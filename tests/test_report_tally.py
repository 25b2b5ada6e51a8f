"""The overview counted from assessments is the overview made from full reports, byte for byte.

``dancoso check`` over many records counts each record's results per khoản straight from its
assessment (:func:`dancoso_rules.report.tally.tally_assessment`) and builds a report only when one
is written. Here every example record, on several days and with and without an override file, is
checked both ways, and the JSON, text and HTML overviews compared.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dancoso_rules.evaluation.interpretations import load_overrides
from dancoso_rules.load import load_rulebook
from dancoso_rules.model import Interpretation
from dancoso_rules.report.batch import RecordSource, assess_source, check_source
from dancoso_rules.report.overview import OverviewBuilder
from dancoso_rules.report.renderers import RenderOptions, get_renderer
from dancoso_rules.report.tally import tally_report

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*/*.json"))
DAYS = ("2025-01-15", "2025-07-01", "2026-01-15", "2026-04-15", "2027-06-30")
OVERRIDE = """\
interpretations:
  - id: late-window-yearly
    kind: duration
    value: P1M
    basis: project_default
    title: {vi: Hạn theo quy chế của cơ quan, en: The agency's own deadline}
    rationale: {vi: Quy chế của cơ quan quy định 1 tháng., en: The agency's regulation says 1 month.}
"""


def _overrides(tmp_path: Path, overridden: bool) -> tuple[Interpretation, ...] | None:
    if not overridden:
        return None
    path = tmp_path / "overrides.yaml"
    path.write_text(OVERRIDE, encoding="utf-8")
    return load_overrides(path)[0]


def _sources() -> list[RecordSource]:
    # Each example as a file, and as a line of JSON Lines (the fast path reads both).
    sources = [RecordSource(path, path.name) for path in EXAMPLES]
    sources += [
        RecordSource(path, f"lines-{path.name}", n, path.read_bytes().replace(b"\n", b""))
        for n, path in enumerate(EXAMPLES, start=3)
    ]
    return sources


def test_examples_are_checked_both_ways() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("overridden", [False, True], ids=["rulebook", "override"])
@pytest.mark.parametrize("day", DAYS)
def test_the_overview_from_assessments_is_the_overview_from_reports(
    tmp_path: Path, day: str, overridden: bool
) -> None:
    rulebook = load_rulebook(None)
    as_of = dt.date.fromisoformat(day)
    overrides = _overrides(tmp_path, overridden)
    from_reports, from_assessments = OverviewBuilder(as_of), OverviewBuilder(as_of)
    for source in _sources():
        checked = check_source(source, rulebook, as_of=as_of, interpretations=overrides)
        assessed = assess_source(source, rulebook, as_of=as_of, interpretations=overrides)
        assert checked.report is not None
        assert assessed.tally is not None
        assert tally_report(checked.report) == assessed.tally
        from_reports.add(checked.report, source.name, source.line)
        from_assessments.add_tally(assessed.tally, source.name, source.line)
    options = RenderOptions(lang="vi")
    for fmt in ("json", "text", "html"):
        renderer = get_renderer(fmt)
        expected = "".join(map(str, renderer.render_overview(from_reports.build(), options)))
        found = "".join(map(str, renderer.render_overview(from_assessments.build(), options)))
        assert found == expected, fmt
        assert '"organisations": 0' not in found


@pytest.mark.parametrize("overridden", [False, True], ids=["rulebook", "override"])
def test_a_report_asked_for_on_the_fast_path_is_the_full_one(tmp_path: Path, overridden: bool) -> None:
    rulebook = load_rulebook(None)
    as_of = dt.date(2026, 1, 15)
    overrides = _overrides(tmp_path, overridden)
    for source in _sources():
        for locate in (False, True):
            checked = check_source(source, rulebook, as_of=as_of, interpretations=overrides, locate=locate)
            assessed = assess_source(
                source, rulebook, as_of=as_of, interpretations=overrides, report=True, locate=locate
            )
            assert checked.report is not None
            assert assessed.report is not None
            assert assessed.report.to_json() == checked.report.to_json()


def test_an_invalid_record_has_the_validators_messages(tmp_path: Path) -> None:
    rulebook = load_rulebook(None)
    as_of = dt.date(2026, 1, 15)
    line = EXAMPLES[0].read_bytes().replace(b"\n", b"").replace(b'"period"', b'"periode"', 1)
    source = RecordSource(tmp_path / "r.jsonl", "r.jsonl", 7, line)
    checked = check_source(source, rulebook, as_of=as_of)
    assessed = assess_source(source, rulebook, as_of=as_of)
    assert checked.report is None
    assert assessed.tally is None
    assert assessed.problems == checked.problems
    assert assessed.problems
    assert all(p.location.line == 7 for p in assessed.problems)
