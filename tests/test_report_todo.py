"""Reports an official acts on in one minute: "Việc cần làm" first, --summary, compact Markdown, lean SARIF."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from msgspec.structs import replace

from conftest import EXAMPLES
from dancoso_rules.cli.main import main
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model.derive import validate
from dancoso_rules.model.obligation import Modality
from dancoso_rules.report.messages import format_date, msg
from dancoso_rules.report.model import TODO_HORIZON_DAYS, is_enforceable, is_failing, todo_order
from dancoso_rules.report.renderers import markdown as markdown_renderer

RECORDS = sorted(EXAMPLES.glob("*/*.json"))
MY_YEN = EXAMPLES / "long-an" / "ubnd-xa-my-yen.json"
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "json": "json", "csv": "csv", "sarif": "sarif"}
#: Dates at which the commune's record has overdue duties of different ages and duties coming due.
AS_OF = ("2026-01-15", "2025-12-10")


def render(tmp_path: Path, record: Path, fmt: str, *extra: str, as_of: str = "2026-01-15") -> str:
    out = tmp_path / f"{record.stem}-{fmt}-{'-'.join(extra) or 'full'}-{as_of}.{EXTENSIONS[fmt]}"
    argv = [
        "check",
        str(record),
        "--as-of",
        as_of,
        "--format",
        fmt,
        "--width",
        "1000",
        "--output",
        str(out),
    ]
    assert main([*argv, *extra]) in (0, 1)
    return out.read_bytes().decode("utf-8-sig")


def ranked(tmp_path: Path, record: Path, as_of: str) -> list[dict[str, object]]:
    """The JSON report's results that are to-dos, in the order of their ``todo_rank``."""
    results = json.loads(render(tmp_path, record, "json", as_of=as_of))["results"]
    return sorted((r for r in results if r["todo_rank"] is not None), key=lambda r: r["todo_rank"])


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: f"{p.parent.name}-{p.stem}")
@pytest.mark.parametrize("as_of", AS_OF)
def test_the_json_ranks_exactly_the_to_dos_in_order(tmp_path: Path, record: Path, as_of: str) -> None:
    report = json.loads(render(tmp_path, record, "json", as_of=as_of))
    day = dt.date.fromisoformat(as_of)
    horizon = (day + dt.timedelta(days=TODO_HORIZON_DAYS)).isoformat()
    # overdue duties, and the cases still unresolved past their late window (missed, yet still to resolve)
    expected_overdue = [
        r
        for r in report["results"]
        if (r["status"] == "overdue" or r["unresolved"]) and r["modality"] in ("duty", "study")
    ]
    expected_upcoming = [
        r
        for r in report["results"]
        if r["status"] == "upcoming"
        and r["modality"] in ("duty", "study")
        and r["due"]
        and r["due"] <= horizon
    ]
    todo = sorted((r for r in report["results"] if r["todo_rank"] is not None), key=lambda r: r["todo_rank"])
    assert [r["todo_rank"] for r in todo] == list(range(1, len(todo) + 1))
    assert len(todo) == len(expected_overdue) + len(expected_upcoming)
    overdue, upcoming = todo[: len(expected_overdue)], todo[len(expected_overdue) :]
    assert all(r["status"] == "overdue" or (r["status"] == "missed" and r["unresolved"]) for r in overdue)
    assert all(r["status"] == "upcoming" for r in upcoming)
    # an unresolved case's days past due, as an overdue duty's
    days = [r["days_overdue"] for r in overdue]
    assert all(isinstance(d, int) for d in days)
    assert days == sorted(days, reverse=True)  # most days overdue first
    dues = [r["due"] for r in upcoming]
    assert dues == sorted(dues)  # earliest due date first
    assert all(r["modality"] in ("duty", "study") for r in todo)  # never a request or an encouragement


def test_the_commune_has_to_dos_of_both_kinds(tmp_path: Path) -> None:
    """The ordering tests below prove something only if the example has both parts, with different ages."""
    for as_of in AS_OF:
        todo = ranked(tmp_path, MY_YEN, as_of)
        assert {r["status"] for r in todo} - {"missed"} == {"overdue", "upcoming"}
        assert all(r["unresolved"] for r in todo if r["status"] == "missed")
        assert len({r["days_overdue"] for r in todo if r["status"] == "overdue"}) > 1 or as_of != AS_OF[0]
    assert len({r["due"] for r in ranked(tmp_path, MY_YEN, AS_OF[1]) if r["status"] == "upcoming"}) > 1


def _section(text: str, start: str, end: str) -> str:
    assert start in text
    assert end in text
    assert text.index(start) < text.index(end), f"{start!r} does not come before {end!r}"
    return text[text.index(start) : text.index(end)]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("as_of", AS_OF)
def test_what_to_do_comes_first_and_in_order_in_every_human_format(
    tmp_path: Path, lang: str, as_of: str
) -> None:
    todo = ranked(tmp_path, MY_YEN, as_of)
    title, summary = msg("todo.title", lang), msg("report.summary", lang)
    dues = [format_date(dt.date.fromisoformat(str(r["due"])), lang) for r in todo]
    # as the date is shown: every to-do is a duty, and one whose deadline is the project's reading says so
    notes = [f" ({msg('report.due_interpreted', lang)}" if r["due_interpreted"] else "" for r in todo]
    assert any(notes)

    text = render(tmp_path, MY_YEN, "text", "--lang", lang, as_of=as_of)
    section = _section(text, title.upper(), f"{summary} (")
    for other in (msg("report.by_clause", lang), msg("report.interpretations", lang)):
        assert text.index(other) > text.index(section)
    found = re.findall(r"^ {4}(\d+)\. ", section, flags=re.M)
    assert found == [str(n) for n in range(1, len(todo) + 1)]
    items = re.split(r"^ {4}\d+\. ", section, flags=re.M)[1:]
    assert len(items) == len(dues)
    for item, due in zip(items, dues, strict=True):
        assert f"{msg('col.due', lang)} {due}" in item

    markdown = render(tmp_path, MY_YEN, "markdown", "--lang", lang, as_of=as_of)
    section = _section(markdown, f"### {title}", f"### {summary}")
    rows = re.findall(r"^\| (\d+) \|.*\| ([^|]+) \| [^|]+ \| [^|]+ \|$", section, flags=re.M)
    assert [int(rank) for rank, _ in rows] == list(range(1, len(todo) + 1))
    assert len(rows) == len(dues)
    for (_, due), date, note in zip(rows, dues, notes, strict=True):
        assert due.startswith(date + note)
        assert note or not due.startswith(f"{date} ({msg('report.due_interpreted', lang)}")

    html = render(tmp_path, MY_YEN, "html", "--lang", lang, as_of=as_of)
    body = html[html.index("<body>") :]
    section = _section(body, f"<h2>{title}</h2>", f"<h2>{summary}</h2>")
    assert body.index('<section class="todo"') < body.index(f"<h2>{summary}</h2>")
    ranks = re.findall(r'<tr><td class="n">(\d+)</td>', section)
    assert [int(rank) for rank in ranks] == list(range(1, len(todo) + 1))
    shown = re.findall(
        r'<td><span class="due">([^<]+)</span>(?:<span class="due-note">([^<]+)</span>)?</td>', section
    )
    assert [date for date, _ in shown] == dues
    assert [bool(note) for _, note in shown] == [bool(n) for n in notes]


def test_a_to_do_says_what_would_show_it_done(tmp_path: Path) -> None:
    html = render(tmp_path, MY_YEN, "html")
    section = html[html.index('<section class="todo"') : html.index("</section>")]
    assert msg("todo.evidence", "vi") in section
    # the conference's resolution check: its activity and the documents of its rule, in words
    assert "Kiểm tra, đánh giá kết quả thực hiện Nghị quyết hội nghị cán bộ" in section
    assert "Biên bản, Báo cáo" in section


def test_requests_and_encouragements_are_never_to_dos(tmp_path: Path) -> None:
    day = dt.date(2026, 1, 15)
    base = validate(DutyResult, json.loads(render(tmp_path, MY_YEN, "json"))["results"][0])
    overdue = replace(base, status=Status.OVERDUE, days_overdue=40, due=day - dt.timedelta(40))
    soon = replace(base, status=Status.UPCOMING, days_left=3, due=day + dt.timedelta(3))
    results: list[DutyResult] = []
    for modality in Modality:
        results += [
            replace(overdue, modality=modality),
            replace(soon, modality=modality),
        ]
    order = todo_order(results, day)
    assert order
    assert all(is_enforceable(results[i].modality) for i in order)
    assert {results[i].modality for i in order} == {Modality.DUTY, Modality.STUDY}
    far = replace(soon, due=day + dt.timedelta(TODO_HORIZON_DAYS + 1))
    missed = replace(overdue, status=Status.MISSED, days_overdue=None)
    assert todo_order([far, missed], day) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_example_summary_in_markdown_fits_a_github_comment(tmp_path: Path, lang: str) -> None:
    for record in RECORDS:
        summary = render(tmp_path, record, "markdown", "--summary", "--lang", lang)
        assert len(summary) < markdown_renderer.COMMENT_LIMIT
        assert summary.index(f"### {msg('todo.title', lang)}") < summary.index(
            f"### {msg('report.summary', lang)}"
        )
        assert msg("report.compact.summary", lang).split(":")[0] in summary


def test_a_markdown_report_over_the_limit_becomes_the_compact_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = EXAMPLES / "long-an" / "ap-3-my-yen.json"
    full = render(tmp_path, small, "markdown")
    assert len(full) <= markdown_renderer.COMMENT_LIMIT
    assert "Bản rút gọn" not in full
    limit = len(full) // 2
    monkeypatch.setattr(markdown_renderer, "COMMENT_LIMIT", limit)
    compact = render(tmp_path, small, "markdown", "--lang", "vi", as_of="2026-01-15")
    assert len(compact) <= limit
    assert f"báo cáo đầy đủ dài {len(full):,}".replace(",", ".") in compact
    assert re.search(r"_Đã lược bớt \d+ mục do giới hạn độ dài( \(Điều [^)]+\))?\._", compact)
    assert compact.index("### Việc cần làm") < compact.index("### Tổng hợp\n") < compact.index("<details>")


def test_the_examples_over_the_limit_are_written_compact(tmp_path: Path) -> None:
    for record in RECORDS:
        for lang in ("vi", "en"):
            text = render(tmp_path, record, "markdown", "--lang", lang)
            assert len(text) <= markdown_renderer.COMMENT_LIMIT


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_summary_prints_what_to_do_and_the_totals_only(tmp_path: Path, fmt: str) -> None:
    full = render(tmp_path, MY_YEN, fmt)
    summary = render(tmp_path, MY_YEN, fmt, "--summary")
    failing = sum(_failing(r) for r in json.loads(render(tmp_path, MY_YEN, "json"))["results"])
    title = msg("todo.title", "vi")
    for present in (title.upper() if fmt == "text" else title, msg("report.verdict.fail", "vi", n=failing)):
        assert present in summary
    for absent in (msg("report.by_clause", "vi"), msg("report.interpretations", "vi")):
        assert absent in full
        assert absent not in summary
    assert len(summary) < len(full) / 3


def test_the_csv_carries_the_same_ordering_key(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(render(tmp_path, MY_YEN, "csv"))))
    results = json.loads(render(tmp_path, MY_YEN, "json"))["results"]
    assert len(rows) == len(results)
    for row, result in zip(rows, results, strict=True):
        assert row["obligation"] == result["obligation"]
        assert row["todo_rank"] == ("" if result["todo_rank"] is None else str(result["todo_rank"]))
    assert any(row["todo_rank"] for row in rows)


def test_sarif_holds_the_failing_results_once_cited_with_the_tool_version(tmp_path: Path) -> None:
    report = json.loads(render(tmp_path, MY_YEN, "json"))
    failing = [r for r in report["results"] if validate(DutyResult, r) and _failing(r)]
    run = json.loads(render(tmp_path, MY_YEN, "sarif"))["runs"][0]
    assert run["tool"]["driver"]["version"] == version("dancoso-rules")
    assert len(run["results"]) == len(failing) > 0
    assert {r["properties"]["status"] for r in run["results"]} <= {"missed", "overdue"}
    assert all((r["kind"], r["level"]) == ("fail", "error") for r in run["results"])
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in run["results"]}
    for rule in run["tool"]["driver"]["rules"]:
        cite = rule["properties"]["citation"]
        shown = rule["shortDescription"]["text"] + "\n" + rule["help"]["text"]
        assert shown.count(cite) == 1, rule["id"]

    everything = json.loads(render(tmp_path, MY_YEN, "sarif", "--sarif-all"))["runs"][0]
    assert len(everything["results"]) == len(report["results"])
    assert {"pass", "notApplicable"} <= {r["kind"] for r in everything["results"]}


def test_sarif_follows_fail_on(tmp_path: Path) -> None:
    run = json.loads(render(tmp_path, MY_YEN, "sarif", "--fail-on", "late,unverified,missed,overdue"))[
        "runs"
    ][0]
    assert "unverified" in {r["properties"]["status"] for r in run["results"]}


def _failing(result: dict[str, object]) -> bool:
    return is_failing(validate(DutyResult, result))


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_an_interpreted_deadline_is_called_one_in_every_format(tmp_path: Path, record: Path) -> None:
    """A deadline the instrument does not state is never shown as the instrument's: the result says
    ``due_interpreted`` exactly when its sentence says "theo diễn giải", and the to-do list, the detail and
    the CSV say it beside the date, for duties; a request's reference date is never called a deadline."""
    results = json.loads(render(tmp_path, record, "json"))["results"]
    dated = [r for r in results if r["due"] is not None]
    assert dated
    for result in dated:
        sentence = result["explanation"]["vi"]
        duty = is_enforceable(Modality(result["modality"]))
        if duty and "chậm nhất ngày" in sentence:
            assert result["due_interpreted"] is False, sentence
        if duty and "theo diễn giải, hạn" in sentence:
            assert result["due_interpreted"] is True, sentence
    assert {r["due_interpreted"] for r in results if r["due"] is None} <= {False}
    # each duty's own rows in the HTML (its detail, and its to-do or "Cần chú ý" rows), found by its sentence
    page = render(tmp_path, record, "html").split("<tr>")
    note = f'<span class="due-note">({msg("report.due_interpreted", "vi")}'
    duties = [r for r in dated if is_enforceable(Modality(r["modality"]))]
    assert any(r["due_interpreted"] for r in duties)
    for result in duties:
        rows = [row for row in page if f"<td>{html.escape(result['explanation']['vi'])}</td>" in row]
        assert rows, result["explanation"]["vi"]
        assert all((note in row) is result["due_interpreted"] for row in rows), result["explanation"]["vi"]
    rows = list(csv.DictReader(io.StringIO(render(tmp_path, record, "csv"))))
    assert [row["due_interpreted"] for row in rows] == [
        "true" if r["due_interpreted"] else "false" for r in results
    ]


def test_the_commune_to_dos_call_their_interpreted_deadlines_so(tmp_path: Path) -> None:
    """The commune's "thường xuyên" duties are overdue against 31/12/2025, a date the decision does not set:
    its to-dos say so beside the date, in text, Markdown and HTML."""
    marker = msg("report.due_interpreted", "vi")
    for fmt in ("text", "markdown"):
        assert f"31/12/2025 ({marker})" in render(tmp_path, MY_YEN, fmt, "--summary"), fmt
    html = render(tmp_path, MY_YEN, "html", "--summary")
    assert f'<span class="due">31/12/2025</span><span class="due-note">({marker})</span>' in html
