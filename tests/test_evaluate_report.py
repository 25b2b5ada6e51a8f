"""The report: overrides echoed, errors located, canonical JSON, and the thin `dancoso check` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from msgspec.structs import replace

from dancoso_rules.cli.main import main
from dancoso_rules.errors import RuleError
from dancoso_rules.evaluation import Report, Status, evaluate
from dancoso_rules.model import Interpretation
from dancoso_rules.model.derive import validate
from evaluate_helpers import RULES, STAFF, activity, day, fixture_rulebook, make_record, one

OVERRIDE = """\
interpretations:
  - id: staff-conference-deadline
    kind: duration
    value: P2M
    basis: project_default
    title: {vi: Hạn hội nghị theo quy chế của cơ quan, en: The agency's own deadline}
    rationale: {vi: Quy chế của cơ quan quy định 2 tháng., en: The agency's regulation says 2 months.}
"""


def test_an_override_changes_the_due_date_and_is_echoed(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(OVERRIDE, encoding="utf-8")
    report = evaluate(make_record(), packs=fixture_rulebook(), as_of=day("2026-03-15"), interpretations=path)
    result = one(report, STAFF, "2025")
    assert (result.due, result.status, result.days_overdue) == (day("2026-02-28"), Status.OVERDUE, 15)
    echoed = {i.id: i for i in report.interpretations}
    assert (echoed["staff-conference-deadline"].value, echoed["staff-conference-deadline"].overridden) == (
        "P2M",
        True,
    )
    assert echoed["late-window-yearly"].overridden is False
    assert echoed["staff-conference-deadline"].basis == "project_default"


def test_without_override_the_legal_deadline_is_echoed_with_its_source() -> None:
    report = evaluate(make_record(), packs=fixture_rulebook(), as_of=day("2026-03-15"))
    echoed = {i.id: i for i in report.interpretations}["staff-conference-deadline"]
    assert (echoed.value, echoed.basis, echoed.overridden) == ("P3M", "legal_source", False)
    assert echoed.source == "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 51 khoản 1"


def test_an_unknown_override_is_a_located_error_with_a_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        OVERRIDE.replace("staff-conference-deadline", "staff-conference-dedline"), encoding="utf-8"
    )
    with pytest.raises(RuleError) as caught:
        evaluate(make_record(), packs=fixture_rulebook(), interpretations=path)
    [problem] = caught.value.problems
    assert str(problem).endswith(
        "mine.yaml:2:5 /interpretations/0/id: unknown interpretation 'staff-conference-dedline' "
        "(an override must name one the rules have); did you mean 'staff-conference-deadline'?"
    )


def test_an_override_of_another_kind_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(OVERRIDE.replace("value: P2M", "value: P2M").replace("kind: duration", "kind: frequency"))
    with pytest.raises(RuleError, match="frequency interpretation's value must be one of"):
        evaluate(make_record(), packs=fixture_rulebook(), interpretations=path)
    frequency = fixture_rulebook().interpretation_by_id["regular-frequency"]
    wrong = replace(frequency, id="late-window-yearly")
    with pytest.raises(RuleError, match="'late-window-yearly' is a duration; the override gives a frequency"):
        evaluate(make_record(), packs=fixture_rulebook(), interpretations={"late-window-yearly": wrong})


def test_an_invalid_override_file_is_validated_like_a_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(OVERRIDE.replace("value: P2M", "value: two months"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"mine.yaml:2:5 /interpretations/0: expected an ISO 8601 duration"):
        evaluate(make_record(), packs=fixture_rulebook(), interpretations=path)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("{}\n", "mine.yaml:1:1 /"),
        ("interpretations: []\n", "mine.yaml:1:1 /interpretations"),
        ('{\n  "interpretations": []\n}\n', "mine.yaml:2:3 /interpretations"),
        ("# to do: the agency's deadline\n{}\n", "mine.yaml:2:1 /"),
    ],
)
def test_an_override_file_that_overrides_nothing_is_a_located_error(
    text: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It was accepted silently: the run used the rules' own readings while the user believed theirs applied.
    # Refused as an empty file is ("the file is empty"), with the usage exit code of a bad input.
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match="the override file overrides nothing") as raised:
        evaluate(make_record(), packs=fixture_rulebook(), interpretations=path)
    assert f"{where}: the override file overrides nothing" in str(raised.value)
    record = write_record(tmp_path)
    argv = [
        "check",
        str(record),
        "--as-of",
        "2026-04-15",
        "--rules",
        str(RULES),
        "--interpretations",
        str(path),
    ]
    assert main(["--lang", "vi", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "tệp diễn giải không thay thế nội dung diễn giải nào" in captured.err
    assert main(["calendar", str(record), "--rules", str(RULES), "--interpretations", str(path)]) == 2


def test_a_mapping_override_must_be_keyed_by_its_id() -> None:
    item: Interpretation = fixture_rulebook().interpretation_by_id["late-window-yearly"]
    with pytest.raises(RuleError, match="the key 'other' differs"):
        evaluate(make_record(), packs=fixture_rulebook(), interpretations={"other": item})


@pytest.mark.parametrize("shape", ["mapping", "sequence"])
def test_an_override_that_is_no_interpretation_is_a_located_error(shape: str) -> None:
    # A dict read from JSON, say: a located RuleError, never an AttributeError from inside.
    item = msgspec.structs.asdict(fixture_rulebook().interpretation_by_id["late-window-yearly"])
    overrides: Any = {"late-window-yearly": item} if shape == "mapping" else [item]
    with pytest.raises(RuleError, match="expected an Interpretation") as raised:
        evaluate(make_record(), packs=fixture_rulebook(), interpretations=overrides)
    pointer = "/late-window-yearly" if shape == "mapping" else "/0/id"
    assert f"<interpretations> {pointer}: expected an Interpretation" in str(raised.value)


def test_the_json_is_canonical_and_reads_back() -> None:
    record = make_record(activities=[activity("hn", "staff_conference", "2025-02-01")])
    report = evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    text = report.to_json()
    assert text == evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31")).to_json()
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["as_of"] == "2025-12-31"
    assert data["packs"] == [
        {
            "id": "fix-tra-vinh",
            "source_sha256": "5ece80ca23d8416059525b11c36075116df83dd16de0e388df07459bfc15a7b4",
            "title": "Nghị quyết thử nghiệm",
            "version": "test.1",
        }
    ]
    first = data["results"][0]
    assert {
        "obligation",
        "provision",
        "citation",
        "period",
        "due",
        "status",
        "window",
        "close",
        "evidence",
    } <= set(first)
    assert first["period"] == {"label": "2024", "start": "2024-01-01", "end": "2024-12-31"}
    assert first["evidence"] == [
        {"kind": "activity", "id": "hn", "pointer": "/activities/0", "date": "2025-02-01"}
    ]
    assert validate(Report, json.loads(text)) == report
    assert report.counts()["met"] == 1


def test_the_report_never_changes_its_inputs() -> None:
    record = make_record(activities=[activity("hn", "staff_conference", "2025-02-01")])
    before = record.model_dump_json()
    evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert record.model_dump_json() == before


# --- the command line ---------------------------------------------------------------------------------


def write_record(tmp_path: Path, **organisation: object) -> Path:
    record = make_record(activities=[activity("hn", "staff_conference", "2025-02-01")], **organisation)
    path = tmp_path / "record.json"
    path.write_text(record.model_dump_json(by_alias=True, exclude_none=True), encoding="utf-8")
    return path


def test_check_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_record(tmp_path)
    assert (
        main(
            [
                "check",
                str(path),
                "--as-of",
                "2026-04-15",
                "--rules",
                str(RULES),
                "--format",
                "json",
                "--fail-on",
                "none",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    staff = [r for r in data["results"] if r["obligation"] == STAFF]
    assert [(r["period"]["label"], r["due"], r["status"]) for r in staff] == [
        ("2024", "2025-03-31", "met"),
        ("2025", "2026-03-31", "overdue"),
    ]
    assert all(
        {"obligation", "provision", "citation", "period", "due", "status"} <= set(r) for r in data["results"]
    )


def test_check_echoes_an_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_record(tmp_path)
    override = tmp_path / "mine.yaml"
    override.write_text(OVERRIDE, encoding="utf-8")
    argv = [
        "check",
        str(path),
        "--as-of",
        "2026-04-15",
        "--rules",
        str(RULES),
        "--interpretations",
        str(override),
    ]
    assert main([*argv, "--format", "json"]) == 1  # the 2025 conference is overdue: --fail-on by default
    data = json.loads(capsys.readouterr().out)
    assert {"id": "staff-conference-deadline", "overridden": True}.items() <= next(
        i for i in data["interpretations"] if i["id"] == "staff-conference-deadline"
    ).items()


def test_check_exits_2_with_located_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_record(tmp_path, territory="vinh-long")
    assert main(["check", "--lang", "en", str(path), "--as-of", "2026-04-15", "--rules", str(RULES)]) == 2
    err = capsys.readouterr().err
    # Vĩnh Long is the province the former Trà Vinh was merged into: the hint is the former territory.
    assert "record.json:1:133 /organisation/territory: 'vinh-long' is the province since" in err
    assert "did you mean 'tra-vinh'? Keep 'vinh-long' in 'province'" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"organisation": {}}', encoding="utf-8")
    assert main(["check", str(broken), "--as-of", "2026-04-15", "--rules", str(RULES)]) == 2
    assert "broken.json:1:" in capsys.readouterr().err


def test_check_rejects_a_date_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", str(write_record(tmp_path)), "--as-of", "2026-02-30", "--lang", "en"])
    assert caught.value.code == 2
    assert "expected a date that exists, written YYYY-MM-DD; got '2026-02-30'" in capsys.readouterr().err
