"""Keeping the instrument's force: only duties (and duties to study) fail.

A request ("đề nghị") or an encouragement ("khuyến khích", "quan tâm, tạo điều kiện") keeps its true
status, overdue or missed, but never counts as failing: not in the exit code, not in the verdicts and
totals, not as a JUnit failure, not as a SARIF error, not in the "cần chú ý" list. The evaluator is
replaced here by one that returns chosen results, so that a record can hold an overdue encouragement
and nothing else that fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace
from openpyxl import load_workbook

from conftest import EXAMPLES
from dancoso_rules.cli.main import main
from dancoso_rules.evaluation.engine import evaluate
from dancoso_rules.evaluation.result import DutyResult, Report
from dancoso_rules.evaluation.status import Status
from dancoso_rules.model import Rulebook
from dancoso_rules.model.obligation import Modality
from dancoso_rules.report.build import build_report
from dancoso_rules.report.messages import status_label
from dancoso_rules.report.model import STATUSES, ComplianceReport, Counted, is_failing
from dancoso_rules.report.overview import OverviewBuilder
from dancoso_rules.report.renderers import RenderOptions, get_renderer
from dancoso_rules.report.renderers.common import counts_apart
from dancoso_rules.report.tally import Tally, tally_report
from report_samples import sample_report

SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
AS_OF = ["--as-of", "2026-01-15"]
# điểm a khoản 1 Điều 2: "Quan tâm, tạo điều kiện, cử cán bộ ... tham gia các lớp đào tạo"
ENCOURAGEMENT = "tra-vinh-2024.art_2__cl_1__pt_a.send-staff-to-training"
# điểm b khoản 1 Điều 2: "Tổ chức các lớp bồi dưỡng, tập huấn ..."
DUTY = "tra-vinh-2024.art_2__cl_1__pt_b.training-courses"
# khoản 2 Điều 4: "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ..."
REQUEST = "tra-vinh-2024.art_4__cl_2.front-supervision"
_EVALUATE = evaluate  # the real one


def _result(template: DutyResult, status: Status) -> DutyResult:
    return replace(
        template,
        status=status,
        days_overdue=15 if status is Status.OVERDUE else None,
        days_late=3 if status is Status.LATE else None,
        days_left=None,
        evidence=(),
        reason=None,
    )


def _only(chosen: dict[str, Status]) -> Callable[..., Report]:
    """An evaluator that evaluates for real, then keeps only the ``chosen`` obligations, with the chosen statuses."""

    def chosen_only(*args: Any, **kwargs: Any) -> Report:
        report = _EVALUATE(*args, **kwargs)
        kept = {}
        for result in report.results:
            if result.obligation in chosen and result.obligation not in kept:
                kept[result.obligation] = _result(result, chosen[result.obligation])
        assert set(kept) == set(chosen)
        return replace(report, results=tuple(kept.values()))

    return chosen_only


def check(*argv: str) -> int:
    return main(["check", *argv])


@pytest.fixture
def only(monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, Status]], None]:
    def choose(chosen: dict[str, Status]) -> None:
        evaluator = _only(chosen)

        def tally(assessment: Any, rulebook: Rulebook) -> Tally:
            # Many records are counted from their assessments: count the chosen results instead.
            report = evaluator(assessment.record, packs=rulebook, as_of=assessment.as_of)
            return tally_report(build_report(report, rulebook))

        monkeypatch.setattr("dancoso_rules.report.batch.evaluate", evaluator)
        monkeypatch.setattr("dancoso_rules.report.tally.tally_assessment", tally)  # imported when first used

    return choose


def test_the_chosen_obligations_have_the_modalities_this_file_is_about(rulebook: Rulebook) -> None:
    modality = {p.uid: p.obligation.modality for p in rulebook.pack_by_id["tra-vinh-2024"].obligations()}
    assert modality[ENCOURAGEMENT] is Modality.ENCOURAGEMENT
    assert modality[DUTY] is Modality.DUTY
    assert modality[REQUEST] is Modality.REQUEST


@pytest.mark.parametrize("status", [Status.OVERDUE, Status.MISSED])
def test_an_overdue_or_missed_encouragement_does_not_fail_the_check(
    only: Callable[[dict[str, Status]], None], status: Status, capsys: pytest.CaptureFixture[str]
) -> None:
    only({ENCOURAGEMENT: status})
    assert check(str(SO_NOI_VU), *AS_OF, "--width", "100") == 0
    out = capsys.readouterr().out
    assert "Không có nghĩa vụ nào không đạt." in out
    assert (
        "Ngoài ra, 1 kết quả thuộc nội dung văn bản chỉ khuyến khích hoặc đề nghị chưa được thực hiện" in out
    )
    # Its modality, and a cadence its text does not state (legal review, item 17).
    assert "[Khuyến khích · Hằng năm (diễn giải)]" in out
    # Its status is counted as it is, but said without a deadline it never had (legal review, item 17).
    assert "năm 2025: Chưa thực hiện (khuyến khích) · Mốc đối chiếu 31/12/2025" in out
    assert "Quá hạn (15 ngày)" not in out
    assert "· Hạn 31/12/2025" not in out
    # Counted apart from the duties, never as one "Quá hạn" or "Không thực hiện" (legal review, item 17).
    summary = out.split("Tổng hợp (", 1)[1].split("\n\n", 1)[0]
    assert "◦ Khuyến khích, đề nghị 1" in summary.replace("\n  ", " ")
    assert status_label(status.value) not in summary


@pytest.mark.parametrize("status", [Status.OVERDUE, Status.MISSED])
def test_an_overdue_or_missed_duty_fails_the_check(
    only: Callable[[dict[str, Status]], None], status: Status, capsys: pytest.CaptureFixture[str]
) -> None:
    only({DUTY: status})
    assert check(str(SO_NOI_VU), *AS_OF) == 1
    out = capsys.readouterr().out
    assert "Có 1 kết quả không đạt." in out
    assert "khuyến khích, đề nghị, chưa đạt" not in out


def test_a_request_does_not_fail_either(
    only: Callable[[dict[str, Status]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    only({REQUEST: Status.MISSED})
    assert check(str(SO_NOI_VU), *AS_OF, "--lang", "en", "--width", "100") == 0
    out = capsys.readouterr().out
    assert "No duty is failing." in out
    assert "[Request · Periodic (interpretation)]" in out  # its result relied on no value: it binds no one
    assert "◦ Not done (request)\n" in out  # never ✗: the legend reads ✗ as "Missed"
    assert "Missed" not in out.partition("[Request · Periodic (interpretation)]")[2]


@pytest.mark.parametrize(
    ("fail_on", "chosen", "code"),
    [
        (None, {DUTY: Status.OVERDUE, ENCOURAGEMENT: Status.OVERDUE}, 1),
        ("none", {DUTY: Status.OVERDUE}, 0),
        ("missed", {DUTY: Status.OVERDUE}, 0),
        ("late", {DUTY: Status.LATE}, 1),
        ("late", {ENCOURAGEMENT: Status.LATE, REQUEST: Status.LATE}, 0),
        ("upcoming,met", {DUTY: Status.MET}, 1),
        ("upcoming,met", {ENCOURAGEMENT: Status.MET}, 0),
    ],
)
def test_fail_on_is_unchanged_for_duties(
    only: Callable[[dict[str, Status]], None],
    fail_on: str | None,
    chosen: dict[str, Status],
    code: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    only(chosen)
    extra = [] if fail_on is None else [f"--fail-on={fail_on}"]
    assert check(str(SO_NOI_VU), *AS_OF, "--format", "json", *extra) == code
    capsys.readouterr()


def test_junit_sarif_and_markdown_keep_an_encouragement_apart(
    only: Callable[[dict[str, Status]], None], capsys: pytest.CaptureFixture[str]
) -> None:
    only({ENCOURAGEMENT: Status.OVERDUE, DUTY: Status.MISSED})

    assert check(str(SO_NOI_VU), *AS_OF, "--format", "junit") == 1
    root = ET.fromstring(capsys.readouterr().out)
    assert root.get("failures") == "1"
    assert root.get("tests") == "2"
    cases = {c.get("name", "").split()[0]: c for c in root.iter("testcase")}
    assert cases["training-courses"].find("failure") is not None
    encouraged = cases["send-staff-to-training"]
    assert encouraged.find("failure") is None
    assert encouraged.find("skipped") is None
    note = encouraged.findtext("system-out") or ""
    assert "Trạng thái: Chưa thực hiện (khuyến khích)" in note
    assert "Quá hạn" not in note
    assert "Tính chất: Khuyến khích" in note
    assert "không tính vào số không đạt" in note

    assert check(str(SO_NOI_VU), *AS_OF, "--format", "sarif") == 1
    results = {r["ruleId"]: r for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]}
    assert (results[DUTY]["kind"], results[DUTY]["level"]) == ("fail", "error")
    assert ENCOURAGEMENT not in results  # by default a log holds the failing results only
    assert check(str(SO_NOI_VU), *AS_OF, "--format", "sarif", "--sarif-all") == 1
    results = {r["ruleId"]: r for r in json.loads(capsys.readouterr().out)["runs"][0]["results"]}
    assert (results[DUTY]["kind"], results[DUTY]["level"]) == ("fail", "error")
    assert (results[ENCOURAGEMENT]["kind"], results[ENCOURAGEMENT]["level"]) == ("fail", "note")
    assert results[ENCOURAGEMENT]["properties"]["modality"] == "encouragement"
    assert results[ENCOURAGEMENT]["properties"]["status"] == "overdue"  # the code, for machines
    assert results[ENCOURAGEMENT]["properties"]["status_label"] == "Chưa thực hiện (khuyến khích)"

    assert check(str(SO_NOI_VU), *AS_OF, "--format", "markdown") == 1
    markdown = capsys.readouterr().out
    attention, _, rest = markdown.partition("### Cần chú ý")[2].partition(
        "### Khuyến khích, đề nghị chưa thực hiện"
    )
    assert "`training-courses`" in attention
    assert "send-staff-to-training" not in attention
    # Each named in words, as "Việc cần làm" names it, then its force and its id.
    assert (
        "| Tổ chức các lớp bồi dưỡng, tập huấn cho cán bộ, công chức, viên chức, người lao động · `training-courses` |"
        in attention
    )
    assert (
        "| Tạo điều kiện, cử cán bộ, công chức, viên chức, người lao động đi đào tạo, bồi dưỡng, tập huấn về thực hiện"
        " dân chủ ở cơ sở (Khuyến khích) · `send-staff-to-training` |"
    ) in rest.partition("### ")[0]
    assert "**Có 1 kết quả không đạt.**" in markdown

    assert check(str(SO_NOI_VU), *AS_OF, "--format", "csv") == 1
    rows = {row[5].rsplit(".", 1)[-1]: row for row in csv.reader(io.StringIO(capsys.readouterr().out))}
    # The status code stays for machines; the words and days are those of an encouragement.
    assert rows["send-staff-to-training"][7] == "Khuyến khích"
    assert rows["send-staff-to-training"][15:18] == ["overdue", "Chưa thực hiện (khuyến khích)", ""]
    assert rows["training-courses"][15:17] == ["missed", "Không thực hiện"]


def test_many_records_count_only_failing_duties(
    only: Callable[[dict[str, Status]], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("a.json", "b.json"):
        shutil.copy(SO_NOI_VU, folder / name)
    only({ENCOURAGEMENT: Status.OVERDUE})
    assert check(str(folder), *AS_OF, "--format", "junit") == 0
    captured = capsys.readouterr()
    assert "2 đã đánh giá, 0 không hợp lệ; 0 có nhiệm vụ" in captured.err
    root = ET.fromstring(captured.out)
    assert root.get("failures") == "0"
    assert not list(root.iter("failure"))
    assert "không tính vào số không đạt" in (root.findtext(".//system-out") or "")

    assert check(str(folder), *AS_OF, "--format", "sarif") == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []

    assert check(str(folder), *AS_OF, "--format", "json") == 0
    overview = json.loads(capsys.readouterr().out)
    assert overview["totals"]["overdue"] == overview["soft"]["overdue"] == 2
    assert all(row["soft"]["overdue"] == 1 for row in overview["rows"])

    # The counts people read put it apart, never under "Quá hạn" (legal review, item 17).
    assert check(str(folder), *AS_OF, "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [(r["Khoản"], r["Quá hạn"], r["Khuyến khích, đề nghị"]) for r in rows] == [
        ("Khoản 1 Điều 2", "0", "1")
    ] * 2
    assert check(str(folder), *AS_OF, "--format", "text") == 0
    text = capsys.readouterr().out
    assert "Tổng hợp: ◦ Khuyến khích, đề nghị 2" in text
    assert "khoản 1 Điều 2" not in text.lower()  # a khoản with no duty to act on is no weak khoản
    assert check(str(folder), *AS_OF, "--format", "xlsx", "--output", str(tmp_path / "books")) == 0
    capsys.readouterr()
    sheet = load_workbook(tmp_path / "books" / "overview.xlsx")["Theo khoản"]
    assessments = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert assessments == ["Chưa thực hiện (khuyến khích, đề nghị)"] * 2  # not "Quá hạn", not coloured

    only({ENCOURAGEMENT: Status.OVERDUE, DUTY: Status.OVERDUE})
    assert check(str(folder), *AS_OF, "--format", "markdown") == 1
    captured = capsys.readouterr()
    assert "2 đã đánh giá, 0 không hợp lệ; 2 có nhiệm vụ" in captured.err
    assert "| Khoản 1 Điều 2 (1) |" in captured.out  # the khoản's failing count: the duty alone
    assert check(str(folder), *AS_OF, "--format", "junit") == 1
    failures = ET.fromstring(capsys.readouterr().out).findall(".//failure")
    assert [f.get("message") for f in failures] == [
        "khoản 1 Điều 2: Quá hạn: 1, Khuyến khích, đề nghị: 1"
    ] * 2


def test_the_counts_people_read_add_up_with_requests_and_encouragements_apart(rulebook: Rulebook) -> None:
    """Every node's count columns (:func:`counts_apart`): the statuses count the duties and whatever does not
    apply, the last column the requests and encouragements that apply; none below zero, all adding up."""
    report = build_report(sample_report(rulebook), rulebook, record_file="sample.json")
    assert report.soft.applicable > 0
    builder = OverviewBuilder(dt.date(2026, 1, 15))
    builder.add(report, "sample.json")
    overview = builder.build()
    nodes: list[Counted] = [report, overview, *report.instruments, *report.clause_totals(), *overview.rows()]
    nodes += [provision for section in report.instruments for provision, _ in section.walk()]
    nodes += [clause for row in overview.rows() for clause in row.clauses]
    for node in nodes:
        shown, soft = counts_apart(node)
        assert all(shown.get(s) >= 0 for s in STATUSES)
        assert shown.total + soft == node.totals.total
        assert soft == node.soft.applicable
        for status in ("missed", "overdue", "late", "met", "upcoming", "unverified"):
            assert shown.get(status) == node.totals.get(status) - node.soft.get(status)
        assert shown.not_applicable == node.totals.not_applicable


def _fail_ons() -> Iterable[frozenset[str]]:
    for size in range(len(STATUSES) + 1):
        for combination in itertools.combinations(STATUSES, size):
            yield frozenset(combination)


def test_every_failing_count_is_the_one_rule(rulebook: Rulebook) -> None:
    """Each node's ``failing`` counts exactly the results :func:`is_failing` is true of, for every --fail-on."""
    report: ComplianceReport = build_report(sample_report(rulebook), rulebook, record_file="sample.json")
    assert report.soft.total > 0  # the sample has requests and encouragements with every status
    builder = OverviewBuilder(dt.date(2026, 1, 15))
    builder.add(report, "sample.json")
    overview = builder.build()
    (row,) = overview.rows()
    clauses = {(c.pack, c.provision): c for c in report.clause_totals()}
    for fail_on in _fail_ons():
        expected = sum(is_failing(r, fail_on) for r in report.results)
        assert report.failing(fail_on) == expected
        assert sum(s.failing(fail_on) for s in report.instruments) == expected
        assert overview.failing(fail_on) == row.failing(fail_on) == expected
        assert sum(c.failing(fail_on) for c in clauses.values()) == expected
        for clause in row.clauses:
            assert clause.failing(fail_on) == clauses[(clause.pack, clause.provision)].failing(fail_on)
        soft = sum(r.status.value in fail_on and not is_failing(r, fail_on) for r in report.results)
        assert report.soft_failing(fail_on) == soft
        assert report.failing(fail_on) + report.soft_failing(fail_on) == report.totals.among(fail_on)


@pytest.mark.parametrize("fail_on", [frozenset({"missed", "overdue"}), frozenset({"late", "unverified"})])
def test_renderers_on_the_sample_fail_exactly_the_failing_results(
    rulebook: Rulebook, fail_on: frozenset[str]
) -> None:
    report = build_report(sample_report(rulebook), rulebook, record_file="sample.json")
    failing = sum(is_failing(r, fail_on) for r in report.results)
    options = RenderOptions(fail_on=fail_on)
    root = ET.fromstring(get_renderer("junit").render(report, options))
    assert len(root.findall(".//failure")) == failing == int(root.get("failures", "-1"))
    log = json.loads(get_renderer("sarif").render(report, options))
    assert sum(r["level"] == "error" for r in log["runs"][0]["results"]) == failing
    for result in log["runs"][0]["results"]:
        if result["properties"]["modality"] in ("request", "encouragement"):
            assert result["level"] in ("note", "none")
    for name in ("markdown", "html", "text"):
        text = get_renderer(name).render(report, options)
        assert f"Có {failing} kết quả không đạt." in text


def test_the_overview_puts_missed_duties_before_missed_requests(rulebook: Rulebook) -> None:
    """Requests and encouragements never fail, so they only break ties in the worst-first order."""
    from dancoso_rules.record.model import ActivityRecord

    record = ActivityRecord.model_validate_json(SO_NOI_VU.read_bytes())
    full = _EVALUATE(record, packs=rulebook, as_of=dt.date(2026, 1, 15))

    def report_of(organisation: str, chosen: dict[str, Status]) -> ComplianceReport:
        kept = {}
        for result in full.results:
            if result.obligation in chosen and result.obligation not in kept:
                kept[result.obligation] = _result(result, chosen[result.obligation])
        narrowed = replace(
            full, results=tuple(kept.values()), organisation=replace(full.organisation, id=organisation)
        )
        return build_report(narrowed, rulebook, record_file=f"{organisation}.json")

    builder = OverviewBuilder(dt.date(2026, 1, 15))
    # "a-requests" has two missed, both soft; "b-duty" one missed duty. By totals alone, "a" came first.
    builder.add(
        report_of("a-requests", {ENCOURAGEMENT: Status.MISSED, REQUEST: Status.MISSED, DUTY: Status.MET}), "a"
    )
    builder.add(report_of("b-duty", {DUTY: Status.MISSED}), "b")
    builder.add(report_of("c-clean", {DUTY: Status.MET}), "c")
    rows = list(builder.build().rows())
    assert [row.organisation for row in rows] == ["b-duty", "a-requests", "c-clean"]
    assert rows[1].totals.missed == rows[1].soft.missed == 2


_WORDS = {
    # status: (a duty's words, an encouragement's, a request's), in Vietnamese then in English
    Status.OVERDUE: (
        ("Quá hạn (15 ngày)", "Chưa thực hiện (khuyến khích)", "Chưa thực hiện (đề nghị)"),
        ("Overdue (15 days)", "Not done (encouragement)", "Not done (request)"),
    ),
    Status.MISSED: (
        ("Không thực hiện", "Chưa thực hiện (khuyến khích)", "Chưa thực hiện (đề nghị)"),
        ("Missed", "Not done (encouragement)", "Not done (request)"),
    ),
    Status.LATE: (
        ("Thực hiện chậm (3 ngày)", "Đã thực hiện (khuyến khích)", "Đã thực hiện (đề nghị)"),
        ("Late (3 days)", "Done (encouragement)", "Done (request)"),
    ),
    Status.MET: (
        ("Đã thực hiện đúng hạn", "Đã thực hiện (khuyến khích)", "Đã thực hiện (đề nghị)"),
        ("Met", "Done (encouragement)", "Done (request)"),
    ),
    Status.UNVERIFIED: (("Chưa xác minh",) * 3, ("Unverified",) * 3),
    Status.NOT_APPLICABLE: (("Không áp dụng",) * 3, ("Not applicable",) * 3),
}


@pytest.mark.parametrize("status", list(_WORDS))
def test_a_request_or_an_encouragement_is_never_said_overdue_missed_or_late(
    rulebook: Rulebook, status: Status
) -> None:
    """Legal review, item 17: an encouragement (or a request) has no deadline of its own, so its result is said
    "not done" or "done", with no days overdue or late, beside a "reference date"; a duty's as before."""
    from dancoso_rules.report.renderers.common import due_heading, due_label, status_days, status_text

    template = next(
        r for r in _EVALUATE(SO_NOI_VU, packs=rulebook, as_of=dt.date(2026, 1, 15)).results if r.due
    )
    modalities = (Modality.DUTY, Modality.ENCOURAGEMENT, Modality.REQUEST)
    for lang, words in zip(("vi", "en"), _WORDS[status], strict=True):
        for modality, expected in zip(modalities, words, strict=True):
            result = replace(_result(template, status), modality=modality)
            assert status_text(result, lang) == expected
            duty = modality is Modality.DUTY
            assert status_days(result) == (result.days_overdue or result.days_late if duty else None)
            label = due_label(result, lang)
            assert label == (
                ("Hạn" if duty else "Mốc đối chiếu")
                if lang == "vi"
                else ("Due" if duty else "Reference date")
            )
            assert due_heading([result], lang) == label
    soft = replace(_result(template, Status.UPCOMING), modality=Modality.ENCOURAGEMENT, days_left=16)
    assert status_text(soft, "vi") == "Chưa đến mốc đối chiếu (còn 16 ngày)"
    assert status_days(soft) == 16
    duty = replace(soft, modality=Modality.DUTY)
    assert due_heading([soft, duty], "vi") == "Hạn"  # a column that holds a duty's date keeps its heading


def test_the_signed_report_counts_an_encouragement_apart_from_overdue_duties(
    only: Callable[[dict[str, Status]], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = pytest.importorskip("docx")
    only({ENCOURAGEMENT: Status.OVERDUE, DUTY: Status.OVERDUE})
    out = tmp_path / "bao-cao.docx"
    assert check(str(SO_NOI_VU), *AS_OF, "--format", "docx", "--output", str(out)) == 1
    capsys.readouterr()
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2 nội dung (1 quá hạn, 1 nội dung khuyến khích chưa thực hiện)" in text
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    encouraged = [row for row in rows if "Chưa thực hiện (khuyến khích)" in row]
    assert encouraged
    assert all(
        "mốc đối chiếu 31/12/2025" in row[2] and "hạn" not in row[2].replace("mốc", "") for row in encouraged
    )
    assert any("hạn 31/12/2025" in row[2] for row in rows if "Quá hạn (15 ngày)" in row)
