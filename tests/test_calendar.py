"""The duty calendar: the .ics read back with icalendar (UIDs, all-day dates, reminders, stable bytes),
imported into a real calendar program when one is installed, and the agenda in text and Markdown."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import EXAMPLES
from dancoso_rules import evaluate, load_record
from dancoso_rules.cli.main import main
from dancoso_rules.evaluation.workdays import ROLL_FORWARD, working_calendar
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.report.build import build_report
from dancoso_rules.report.calendar import CALENDAR_STATUSES, CalendarEntry, calendar_entries, render_agenda
from dancoso_rules.report.ics import render_ics
from dancoso_rules.report.model import is_enforceable

COMMUNE = EXAMPLES / "long-an" / "ubnd-xa-my-yen.json"
AS_OF = dt.date(2025, 10, 1)
RECORDS = sorted(EXAMPLES.rglob("*.json"))


def _entries(
    rulebook: Rulebook,
    as_of: dt.date = AS_OF,
    until: dt.date | None = None,
    record: ActivityRecord | None = None,
) -> tuple[CalendarEntry, ...]:
    loaded = record or load_record(COMMUNE)
    report = build_report(evaluate(loaded, packs=rulebook, as_of=as_of), rulebook, record=loaded)
    return calendar_entries(report, rulebook, until=until, record=loaded)


def _ics(rulebook: Rulebook, as_of: dt.date = AS_OF) -> bytes:
    return render_ics(_entries(rulebook, as_of), organisation="UBND xã Mỹ Yên", as_of=as_of)


def _events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_every_overdue_and_upcoming_instance_is_an_event(rulebook: Rulebook) -> None:
    record = load_record(COMMUNE)
    report = evaluate(record, packs=rulebook, as_of=AS_OF)
    wanted = [r for r in report.results if r.status.value in ("overdue", "upcoming")]
    duties = [r for r in wanted if is_enforceable(r.modality)]
    events = _events(_ics(rulebook))
    assert duties
    assert len(duties) < len(wanted)  # the commune has encouragements not done
    assert len(events) >= len(duties)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for result in wanted:
        shown = any(f".{result.obligation}." in uid for uid in uids)
        # A request or an encouragement has no deadline: never an event, as it is never a to-do.
        assert shown == is_enforceable(result.modality), result.obligation


def test_each_events_description_says_whether_its_deadline_is_an_interpretation(rulebook: Rulebook) -> None:
    """The .ics description's "Hạn" line says "(theo diễn giải)" exactly for the entries whose due date rests on
    an interpretation, as the reports do; the commune's calendar has both kinds."""
    entries = {entry.uid: entry for entry in _entries(rulebook)}
    seen = set()
    for event in _events(_ics(rulebook)):
        entry = entries[str(event["UID"])]
        [due_line] = [line for line in str(event["DESCRIPTION"]).splitlines() if line.startswith("Hạn: ")]
        assert due_line.endswith("(theo diễn giải)") is entry.due_interpreted, due_line
        seen.add(entry.due_interpreted)
    assert seen == {True, False}


def test_events_are_all_day_with_reminders_30_and_7_days_before(rulebook: Rulebook) -> None:
    calendar = Calendar.from_ical(_ics(rulebook))
    assert str(calendar["VERSION"]) == "2.0"
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        assert type(start) is dt.date
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
        triggers = sorted(alarm.decoded("TRIGGER") for alarm in event.walk("VALARM"))
        assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7)]
        assert str(event["SUMMARY"]).strip()
        assert "Tài liệu kiểm chứng cần có:" in str(event["DESCRIPTION"])
    assert b"TRIGGER:-P30D" in _ics(rulebook)
    assert b"TRIGGER:-P7D" in _ics(rulebook)


def test_same_inputs_give_the_same_bytes(rulebook: Rulebook) -> None:
    assert _ics(rulebook) == _ics(rulebook)


def test_uids_are_stable_across_as_of_dates(rulebook: Rulebook) -> None:
    early = {str(e["UID"]): e.decoded("DTSTART") for e in _events(_ics(rulebook, dt.date(2025, 7, 1)))}
    late = {str(e["UID"]): e.decoded("DTSTART") for e in _events(_ics(rulebook, dt.date(2025, 10, 1)))}
    shared = set(early) & set(late)
    assert len(shared) >= 5
    # the same instance keeps its uid and its due date, whatever the evaluation date
    assert all(early[uid] == late[uid] for uid in shared)


def test_until_leaves_out_later_upcoming_duties_but_keeps_overdue_ones(rulebook: Rulebook) -> None:
    every = _entries(rulebook)
    near = _entries(rulebook, until=dt.date(2025, 10, 31))
    assert {e.uid for e in near} < {e.uid for e in every}
    assert all(e.due <= dt.date(2025, 10, 31) for e in near if e.status == "upcoming")
    assert {e.uid for e in every if e.status == "overdue"} <= {e.uid for e in near}


def test_a_deadline_the_evaluation_moved_off_a_day_off_shows_both_dates(rulebook: Rulebook) -> None:
    # The complaint received on 02/4/2025 is due, counted in working days, on Saturday 17/5/2025: the
    # evaluation judges it by Monday 19/5/2025, and so does the calendar.
    as_of = dt.date(2025, 5, 1)
    entries = _entries(rulebook, as_of=as_of, record=load_record(EXAMPLES / "tra-vinh" / "so-noi-vu.json"))
    moved = [e for e in entries if e.counted_due != e.due]
    assert [(e.due, e.counted_due, e.counted_basis) for e in moved] == [
        (dt.date(2025, 5, 17), dt.date(2025, 5, 19), ROLL_FORWARD)
    ]
    text = render_agenda(moved, organisation="x", as_of=as_of, days=30)
    # the 30 days come from Luật Khiếu nại, not from the resolution: an interpretation, and said to be one
    assert "17/5/2025 (theo diễn giải; lùi đến ngày làm việc tiếp theo: 19/5/2025)" in text
    assert all(e.due_interpreted for e in moved)


def test_the_last_day_of_a_period_on_a_day_off_is_not_moved(rulebook: Rulebook) -> None:
    # 31/08/2025 is a Sunday before the 2/9 holidays; the weekly citizen reception is done within its week,
    # whose last day the evaluation does not move: neither does the calendar.
    sunday = dt.date(2025, 8, 31)
    assert not working_calendar().is_working_day(sunday)
    entries = [e for e in _entries(rulebook, as_of=dt.date(2025, 8, 15)) if e.due == sunday]
    assert entries
    assert all(e.counted_due == sunday and e.counted_basis is None for e in entries)
    text = render_agenda(entries, organisation="x", as_of=dt.date(2025, 8, 15), days=30)
    assert "31/8/2025 (theo diễn giải)  Tiếp công dân định kỳ [Chưa đến hạn]" in text
    assert "lùi đến ngày làm việc tiếp theo" not in text


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_entry_shows_the_deadline_the_evaluation_judged(rulebook: Rulebook, path: Path) -> None:
    record = load_record(path)
    checked = 0
    for as_of in (dt.date(2025, 5, 1), dt.date(2025, 8, 15), dt.date(2026, 1, 15)):
        evaluated = evaluate(record, packs=rulebook, as_of=as_of)
        judged = sorted(
            (r.obligation, r.due, r.counted_due or r.due)
            for r in evaluated.results
            if (r.status.value in CALENDAR_STATUSES or r.unresolved)  # a case still to resolve is overdue
            and r.due is not None
            and is_enforceable(r.modality)
        )
        entries = calendar_entries(build_report(evaluated, rulebook, record=record), rulebook)
        assert sorted((e.obligation, e.due, e.counted_due) for e in entries if e.obligation) == judged
        checked += len(judged)
    assert checked


def test_an_open_complaint_gives_its_acceptance_step_in_working_days(rulebook: Rulebook) -> None:
    record = load_record(COMMUNE)
    complaint = next(e for e in record.events if e.type == "complaint_received" and e.resolution is None)
    as_of = complaint.date
    steps = [e for e in _entries(rulebook, as_of=as_of, record=record) if e.obligation is None]
    (step,) = [s for s in steps if complaint.id in s.uid]
    assert step.due == working_calendar().add_working_days(complaint.date, 10)
    assert "Luật Khiếu nại" in step.citation.vi
    # once its deadline has passed the record cannot show it done: it is not shown as overdue
    later = _entries(rulebook, as_of=step.due + dt.timedelta(days=1), record=record)
    assert not [e for e in later if e.uid == step.uid]


def test_agenda_text_and_markdown(rulebook: Rulebook) -> None:
    entries = _entries(rulebook)
    text = render_agenda(entries, organisation="UBND xã Mỹ Yên", as_of=AS_OF, days=31)
    assert text.startswith("Lịch nhắc việc: UBND xã Mỹ Yên\n")
    assert "Quá hạn (" in text
    assert "Sắp đến hạn (" in text
    upcoming = [e for e in entries if e.status == "upcoming"]
    within = [e for e in upcoming if e.due <= AS_OF + dt.timedelta(days=31)]
    beyond = [e for e in upcoming if e.due > AS_OF + dt.timedelta(days=31)]
    assert f"Sắp đến hạn ({len(within)})" in text
    assert beyond
    section = text.split("Sắp đến hạn (")[1].split("\n", 1)[1]
    shown = [
        dt.datetime.strptime(line[:10], "%d/%m/%Y").date()
        for line in section.splitlines()
        if line[:1].isdigit()
    ]
    assert len(shown) == len(within)
    assert shown == sorted(shown)
    assert all(AS_OF <= day <= AS_OF + dt.timedelta(days=31) for day in shown)
    markdown = render_agenda(
        entries, organisation="UBND xã Mỹ Yên", as_of=AS_OF, days=31, lang="en", markdown=True
    )
    assert markdown.startswith("# Agenda: UBND xã Mỹ Yên\n")
    assert "## Overdue (" in markdown
    # the check of the conference resolution of H1, due a month after it: the project's default
    assert "- **2025-07-31** (an interpretation) — " in markdown


def test_cli_writes_the_ics_and_the_agenda(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "duties.ics"
    assert main(["calendar", str(COMMUNE), "--as-of", "2025-10-01", "--output", str(target)]) == 0
    first = target.read_bytes()
    assert main(["calendar", str(COMMUNE), "--as-of", "2025-10-01", "--output", str(target)]) == 0
    assert target.read_bytes() == first
    assert _events(first)
    assert (
        main(["calendar", str(COMMUNE), "--as-of", "2025-10-01", "--format", "markdown", "--days", "10"]) == 0
    )
    assert capsys.readouterr().out.startswith("# Lịch nhắc việc: Ủy ban nhân dân xã Mỹ Yên")


#: C0 controls but line break and tab, DEL, C1 and the bidi controls: none may reach a terminal.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", ["ics", "text", "markdown"])
def test_control_characters_from_a_record_are_written_out_in_every_calendar_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(COMMUNE.read_text(encoding="utf-8"))
    data["organisation"]["name"] = "UBND\x1b]0;pwned\x07\x1b[2J\u202exã @octocat"
    data["events"].append(
        {
            "id": "kn-new",
            "type": "complaint_received",
            "date": "2025-09-29",
            "title": "Đơn\x1b[1;31m\u202e #12",
        }
    )
    record = tmp_path / "hostile.json"
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["calendar", str(record), "--as-of", "2025-10-01", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out.replace("\r\n", "\n")), repr(CONTROL.search(out))
    if fmt == "ics":
        calendar = Calendar.from_ical(out)
        assert calendar["x-wr-calname"].endswith("UBND\\x1b]0;pwned\\x07\\x1b[2J\\u202exã @octocat")
        assert any("Đơn\\x1b[1;31m\\u202e #12" in str(e["description"]) for e in _events(out.encode()))
    elif fmt == "text":
        assert "UBND\\x1b]0;pwned\\x07\\x1b[2J\\u202exã @octocat" in out
        assert "Đơn\\x1b[1;31m\\u202e #12" in out
    else:  # as the Markdown report writes a record's text: no markup, mention or issue link
        assert "UBND\\\\x1b\\]0;pwned" in out
        assert "@octocat" not in out
        assert "#12" not in out


def test_cli_rejects_a_bad_record_with_a_located_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"organisation": {}}', encoding="utf-8")
    assert main(["calendar", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err
    assert "Traceback" not in err


def test_cli_reads_the_record_from_standard_input_as_check_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `calendar -` looked for a file named '-' ("cannot read: no such file"), where `check -` reads stdin.
    argv = ["calendar", "-", "--as-of", "2025-10-01", "--format", "markdown", "--days", "10"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(COMMUNE.read_bytes())))
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith("# Lịch nhắc việc: Ủy ban nhân dân xã Mỹ Yên")
    # Nothing on standard input is an error, as for `check -`: never an empty calendar that passes.
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["calendar", "--lang", "en", "-"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("<stdin>: the file is empty"), captured.err
    assert captured.out == ""


@pytest.mark.skipif(
    shutil.which("calcurse") is None, reason="calcurse is not installed (apt-get install calcurse)"
)
def test_a_real_calendar_program_imports_every_event(tmp_path: Path, rulebook: Rulebook) -> None:
    data = _ics(rulebook)
    ics = tmp_path / "duties.ics"
    ics.write_bytes(data)
    (tmp_path / "data").mkdir()
    (tmp_path / "conf").mkdir()
    done = subprocess.run(
        ["calcurse", "-D", str(tmp_path / "data"), "-C", str(tmp_path / "conf"), "-i", str(ics)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    events = len(_events(data))
    assert f"{events} events" in done.stdout
    assert "0 skipped" in done.stdout
    stored = (tmp_path / "data" / "apts").read_text(encoding="utf-8")
    assert "Thường xuyên tuyên truyền, quán triệt nội dung thực hiện dân chủ ở cơ sở" in stored
