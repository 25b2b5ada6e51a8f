"""Which obligations bind whom: kinds, bodies, functions, levels, territory, and the end of the district level."""

from __future__ import annotations

import pytest

from dancoso_rules.errors import UsageError
from dancoso_rules.evaluation import Status, assess, evaluate, matching
from dancoso_rules.i18n import using_lang
from dancoso_rules.model import Modality
from dancoso_rules.record.model import ActivityRecord
from evaluate_helpers import (
    BOARD,
    COMPLAINTS,
    DISTRICT,
    FRONT,
    INSPECTION,
    REPORT,
    SELF_STUDY,
    STAFF,
    activity,
    day,
    event,
    fixture_rulebook,
    make_record,
    one,
    results,
)


def run(record: ActivityRecord, as_of: str = "2025-12-31") -> list[tuple[str, str, str | None]]:
    report = evaluate(record, packs=fixture_rulebook(), as_of=day(as_of))
    return [(r.obligation, r.status.value, r.reason.code if r.reason else None) for r in report.results]


def test_an_organisation_kind_the_obligation_does_not_bind_gets_one_reasoned_result() -> None:
    report = evaluate(make_record(kind="enterprise"), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    [district] = results(report, DISTRICT)
    assert (district.status, district.reason and district.reason.code) == (
        Status.NOT_APPLICABLE,
        "not_bearer",
    )
    assert (district.period, district.due, district.window) == (None, None, None)
    assert district.reason is not None
    assert "Ủy ban nhân dân cấp huyện" in district.reason.text.vi
    assert "còn hồ sơ là của doanh nghiệp" in district.explanation.vi
    assert "(enterprise)" not in district.explanation.vi  # no English code in Vietnamese
    assert "“Enterprise” (enterprise)" in district.explanation.en
    # ... while what an employer must do binds an enterprise through is_a.
    assert [r.status for r in results(report, STAFF)] == [Status.OVERDUE, Status.UPCOMING]


def test_every_obligation_of_the_selected_packs_has_a_result() -> None:
    report = evaluate(make_record(kind="hamlet"), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    uids = {placed.uid for placed in fixture_rulebook().pack_by_id["fix-tra-vinh"].obligations()}
    assert {r.obligation for r in report.results} == uids
    assert {r.status for r in report.results} == {Status.NOT_APPLICABLE}


def test_bodies_and_people_answer_through_their_organisation() -> None:
    found = {uid: code for uid, _, code in run(make_record())}
    assert found[INSPECTION] is None  # head_of_unit is part of every employer
    assert found[BOARD] is None  # the People's Inspection Board is part of a state agency
    assert found[SELF_STUDY] is None  # staff are part of every employer


def test_a_record_that_lists_its_bodies_answers_only_for_those() -> None:
    found = {uid: code for uid, _, code in run(make_record(bodies=["head_of_unit"]))}
    assert found[INSPECTION] is None
    assert found[BOARD] == "not_bearer"


def test_external_bearers_bind_only_an_organisation_that_declares_them() -> None:
    assert {uid: code for uid, _, code in run(make_record())}[FRONT] == "not_bearer"
    front = make_record(kind="employer", functions=["fatherland_front"])
    report = evaluate(front, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    request = one(report, FRONT)
    assert (request.status, request.modality) == (Status.UNVERIFIED, Modality.REQUEST)
    assert request.explanation.vi.startswith("Khoản 9 Điều 1 đề nghị Ủy ban Mặt trận")


def test_a_level_outside_the_instrument_s_scope() -> None:
    found = run(make_record(level="commune"))
    assert {code for _, _, code in found} == {"level_out_of_scope"}


def test_a_district_duty_after_1_july_2025_has_no_addressee() -> None:
    record = make_record(kind="district_peoples_committee", level="district")
    report = evaluate(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
    h1, h2 = results(report, DISTRICT)
    # Owed before the district ceased, and it can no longer be done late: missed, closed on its last day.
    assert (h1.period and h1.period.label, h1.due, h1.close, h1.status) == (
        "2025-H1",
        day("2025-06-30"),
        day("2025-06-30"),
        Status.MISSED,
    )
    assert (h2.period and h2.period.label, h2.status, h2.reason and h2.reason.code) == (
        "2025-H2",
        Status.NOT_APPLICABLE,
        "no_addressee",
    )
    assert "từ ngày 01/7/2025 không còn chủ thể thực hiện" in h2.explanation.vi
    # The district committee itself is gone: its other duties falling due after 01/7/2025 go too.
    assert one(report, STAFF, "2025").reason.code == "no_addressee"  # type: ignore[union-attr]
    # Owed before 01/7/2025, never done while the committee existed: missed, not overdue.
    assert one(report, STAFF, "2024").status is Status.MISSED
    study = one(report, SELF_STUDY)
    assert study.window is not None
    assert (study.window.start, study.window.end) == (day("2025-01-01"), day("2025-06-30"))


def _ceased(**record: object) -> ActivityRecord:
    return make_record(kind="district_peoples_committee", level="district", **record)  # type: ignore[arg-type]


@pytest.mark.parametrize("stretched", [4, -1], ids=["stretches", "heaps"])
def test_a_duty_due_after_the_district_ceased_counts_what_it_did_before_and_nothing_after(
    stretched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The report of Q2 2025 is due 15/7/2025, after the district committee ceased on 01/7/2025.
    monkeypatch.setattr(matching, "_STRETCHED", stretched)
    found = {}
    for label, done in {
        "before": ["2025-06-30"],
        "nothing": [],
        "after": ["2025-07-01", "2025-07-10"],
    }.items():
        record = _ceased(activities=[activity(f"bc-{n}", "democracy_report", d) for n, d in enumerate(done)])
        assessment = assess(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
        report = assessment.report()
        # The fast path and the written report agree, result by result.
        assert assessment.statuses() == [r.status for r in report.results]
        assert assessment.counts() == report.counts()
        found[label] = one(report, REPORT, "2025-Q2")
    before, nothing, after = found["before"], found["nothing"], found["after"]
    # Done on its last day: done before the due date, met; the sentence keeps the due date the law set.
    assert (before.status, before.due, before.close) == (Status.MET, day("2025-07-15"), day("2025-06-30"))
    assert [e.id for e in before.evidence] == ["bc-0"]
    assert before.explanation.vi.endswith("hồ sơ có hoạt động bc-0 ngày 30/6/2025: đã thực hiện đúng hạn.")
    # Nothing done, or done only once the committee had ceased: not applicable, as before, never a failure.
    assert nothing == after
    assert (nothing.status, nothing.reason and nothing.reason.code) == (Status.NOT_APPLICABLE, "no_addressee")
    assert "từ ngày 01/7/2025 không còn chủ thể thực hiện" in nothing.explanation.vi
    # A window opening on the day it ceased is not its at all.
    assert one(report, REPORT, "2025-Q3").status is Status.NOT_APPLICABLE


def test_a_complaint_due_after_the_district_ceased_counts_a_resolution_before_and_nothing_after() -> None:
    # A complaint of 20/6/2025 is due 30 days later, 20/7/2025, after the committee ceased on 01/7/2025.
    statuses = {}
    for resolved in ("2025-06-25", "2025-07-05", None):
        record = _ceased(events=[event("kn", "complaint_received", "2025-06-20", resolved)])
        assessment = assess(record, packs=fixture_rulebook(), as_of=day("2025-12-31"))
        report = assessment.report()
        assert assessment.statuses() == [r.status for r in report.results]
        [complaint] = results(report, COMPLAINTS)
        statuses[resolved] = (complaint.status, complaint.reason and complaint.reason.code)
        if resolved == "2025-06-25":
            assert complaint.explanation.vi.endswith("ngày 25/6/2025: đã thực hiện đúng hạn.")
    assert statuses == {
        "2025-06-25": (Status.MET, None),
        "2025-07-05": (Status.NOT_APPLICABLE, "no_addressee"),
        None: (Status.NOT_APPLICABLE, "no_addressee"),
    }


def test_a_qualitative_duty_of_a_district_counts_only_what_was_done_before_it_ceased() -> None:
    # Consistently with dated duties: evidence from after 01/7/2025 is not the committee's.
    def studied(on: str) -> Status:
        done = activity("hoc", "law_study", on, evidence=[{"number": "01/BC"}])
        report = evaluate(_ceased(activities=[done]), packs=fixture_rulebook(), as_of=day("2025-12-31"))
        return one(report, SELF_STUDY).status

    assert studied("2025-06-30") is Status.MET
    assert studied("2025-07-01") is Status.UNVERIFIED


def test_a_duty_held_by_several_bearers_survives_while_one_remains() -> None:
    report = evaluate(
        make_record(kind="provincial_department", functions=["district_peoples_committee"]),
        packs=fixture_rulebook(),
        as_of=day("2025-12-31"),
    )
    assert one(report, STAFF, "2025").status is Status.UPCOMING  # bound as an employer, which remains


def test_the_former_territory_keeps_its_instrument_after_the_merger() -> None:
    record = make_record(
        start="2026-01-01", end="2026-12-31", activities=[activity("hn", "staff_conference", "2026-02-01")]
    )
    report = evaluate(record, packs=fixture_rulebook(), as_of=day("2026-06-30"))
    assert [p.id for p in report.packs] == ["fix-tra-vinh"]
    assert one(report, STAFF, "2025").status is Status.MET


def test_the_record_names_its_packs() -> None:
    report = evaluate(
        make_record(packs=["fix-long-an", "fix-tra-vinh"]), packs=fixture_rulebook(), as_of=day("2025-12-31")
    )
    assert [p.id for p in report.packs] == ["fix-long-an", "fix-tra-vinh"]
    assert report.results[0].pack == "fix-long-an"


def test_an_unknown_pack_or_territory_is_a_located_error() -> None:
    with pytest.raises(
        UsageError,
        match=r"/organisation/packs/0: unknown rule pack 'fix-tra-vin'; did you mean 'fix-tra-vinh'",
    ):
        evaluate(make_record(packs=["fix-tra-vin"]), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    with pytest.raises(
        UsageError, match=r"/organisation/territory: no rule pack governs territory 'vinh-long'"
    ):
        evaluate(make_record(territory="vinh-long"), packs=fixture_rulebook(), as_of=day("2025-12-31"))


def test_an_unknown_pack_or_territory_is_said_in_the_caller_s_language() -> None:
    # Both were English f-strings: a Vietnamese run (`using_lang("vi")`, as the command line sets it) got
    # "unknown rule pack 'x'; có phải là 'y'? (known: ...)", half in each language.
    with using_lang("vi"), pytest.raises(UsageError) as unknown:
        evaluate(make_record(packs=["fix-tra-vin"]), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert str(unknown.value) == (
        "<record> /organisation/packs/0: không có bộ quy tắc 'fix-tra-vin'; có phải là 'fix-tra-vinh'? "
        "(các bộ hiện có: 'fix-long-an', 'fix-tra-vinh')"
    )
    with using_lang("vi"), pytest.raises(UsageError) as territory:
        evaluate(make_record(territory="vinh-long"), packs=fixture_rulebook(), as_of=day("2025-12-31"))
    assert str(territory.value).startswith(
        "<record> /organisation/territory: không có bộ quy tắc nào áp dụng cho địa bàn 'vinh-long'; có phải là "
        "'tra-vinh', địa bàn trước sắp xếp? (các địa bàn: "
    ), str(territory.value)
    assert str(territory.value).endswith("); hồ sơ ghi tỉnh trước sắp xếp")


def test_results_follow_the_instruments_order() -> None:
    report = evaluate(
        make_record(packs=["fix-long-an", "fix-tra-vinh"]), packs=fixture_rulebook(), as_of=day("2025-12-31")
    )
    order = [placed.uid for placed in fixture_rulebook().obligations()]
    seen = list(dict.fromkeys(r.obligation for r in report.results))
    assert seen == order  # every obligation has a result, none is silently left out
    [complaints] = results(report, COMPLAINTS)
    assert (complaints.status, complaints.reason and complaints.reason.code) == (
        Status.NOT_APPLICABLE,
        "no_event",
    )
