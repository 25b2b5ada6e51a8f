"""The record's organisation after issue 12: today's province, competences, bodies, and what old records are told.

Records written before bearers were told apart keep validating; where the new model needs a fact
they do not give, a located warning says exactly what to add.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from dancoso_rules.cli.main import main
from dancoso_rules.model import Rulebook
from dancoso_rules.record import validate_record


def record(activities: list[dict[str, Any]] | None = None, **organisation: Any) -> bytes:
    org = {
        "id": "so-noi-vu-tra-vinh",
        "name": "Sở Nội vụ tỉnh Trà Vinh",
        "kind": "provincial_department",
        "level": "province",
        "territory": "tra-vinh",
        **organisation,
    }
    data = {
        "record_version": "1",
        "organisation": org,
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "activities": activities or [],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def messages(data: bytes, rulebook: Rulebook) -> list[str]:
    return [str(p) for p in validate_record(data, rulebook, name="record.json").problems]


def test_an_old_record_of_a_state_agency_keeps_validating_without_warnings(rulebook: Rulebook) -> None:
    result = validate_record(record(kind="state_agency"), rulebook, name="record.json")
    assert result.valid(strict=True), [str(p) for p in result.problems]


def test_todays_province_as_territory_is_pointed_to_the_former_territory(rulebook: Rulebook) -> None:
    [problem] = messages(record(territory="tay-ninh"), rulebook)
    assert problem.startswith("record.json:8:")
    assert "/organisation/territory: 'tay-ninh' is the province since 2025-07-01" in problem
    assert "did you mean 'long-an'?" in problem
    assert "'tra-vinh'" not in problem
    assert "Keep 'tay-ninh' in 'province'" in problem


def test_a_record_names_both_its_province_and_its_former_territory(rulebook: Rulebook) -> None:
    assert messages(record(province="vinh-long"), rulebook) == []
    [problem] = messages(record(province="tay-ninh"), rulebook)
    assert (
        "/organisation/province: province 'tay-ninh' does not hold the former territory 'tra-vinh'" in problem
    )
    assert "'vinh-long'" in problem


def test_a_competence_is_declared_in_functions_not_as_a_kind(rulebook: Rulebook) -> None:
    [problem] = messages(record(kind="inspection_competence"), rulebook)
    assert (
        "/organisation/kind: 'inspection_competence' is a competence, not a kind of organisation" in problem
    )
    assert "add 'inspection_competence' to 'functions'" in problem
    assert messages(record(functions=["inspection_competence", "administrative_procedures"]), rulebook) == []


def test_a_body_in_functions_is_sent_to_bodies(rulebook: Rulebook) -> None:
    [problem] = messages(record(functions=["peoples_inspection_board"]), rulebook)
    assert "/organisation/functions/0: 'peoples_inspection_board' is a body: list it in 'bodies'" in problem


def test_an_enterprise_is_told_it_is_read_as_private(rulebook: Rulebook) -> None:
    [problem] = messages(record(kind="enterprise"), rulebook)
    assert "/organisation/kind: warning: kind 'enterprise' is read as a private enterprise" in problem
    assert '"kind": "state_owned_enterprise"' in problem
    assert messages(record(kind="private_enterprise"), rulebook) == []


@pytest.mark.parametrize("bodies", [None, ["head_of_unit"]])
def test_a_boards_work_the_record_shows_names_the_body_to_list(
    rulebook: Rulebook, bodies: list[str] | None
) -> None:
    plan = {
        "id": "kh-bttnd",
        "type": "inspection_board_plan",
        "date": "2025-02-10",
        "title": "Kế hoạch BTTND",
    }
    extra = {} if bodies is None else {"bodies": bodies}
    [problem] = messages(record([plan], **extra), rulebook)
    where = "/organisation/bodies" if bodies is not None else "/organisation"
    assert f"{where}: warning: activity /activities/0 is work of a 'peoples_inspection_board'" in problem
    assert "add 'peoples_inspection_board' to \"bodies\"" in problem
    assert messages(record([plan], bodies=["head_of_unit", "peoples_inspection_board"]), rulebook) == []


def test_rules_show_lists_every_interpretation_an_obligation_relies_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "show", "tra-vinh-2024.art_2__cl_3__pt_d.staff-conference"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["interpretations"] == [
        "staff-conference-deadline",
        "late-window-yearly",
        "deadline-on-day-off",
    ]
    # A duty of the provincial People's Committee relies on the merger reading too.
    assert main(["rules", "show", "tra-vinh-2024.art_2__cl_5__pt_c.inspection-plan"]) == 0
    assert json.loads(capsys.readouterr().out)["interpretations"] == [
        "yearly-plan-deadline",
        "late-window-yearly",
        "deadline-on-day-off",
        "merged-agency-successor",
    ]
    assert main(["rules", "show", "long-an-2025.art_1__cl_5__pt_d__ind_5.online-voting-study"]) == 0
    assert "online-voting-study-bearer" in json.loads(capsys.readouterr().out)["interpretations"]
