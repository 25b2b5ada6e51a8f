"""The duty calendar as an iCalendar file (RFC 5545), written with ``icalendar``.

Each :class:`~dancoso_rules.report.calendar.CalendarEntry` is an all-day ``VEVENT`` on its stated due
date, with the duty in ``SUMMARY``, its citation, status, counted due date and evidence in
``DESCRIPTION``, and two ``VALARM`` reminders, 30 and 7 days before. ``UID`` comes from the entry
(organisation, obligation, instance), so that importing a newer calendar updates the events; ``DTSTAMP``
is the evaluation date, never the clock, so that the same inputs give the same bytes. Text is written with
its control characters written out (``\\x1b``): RFC 5545 allows none in a TEXT value but the tab, and
a calendar program shows the rest, or stops at them.

``icalendar`` is imported only when a calendar is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dancoso_rules.report.calendar import REMINDER_DAYS, CalendarEntry
from dancoso_rules.report.messages import due_notes, format_date, msg, status_label
from dancoso_rules.text import visible

PRODID = "-//dancoso-rules//Lich nhac viec dan chu o co so//VI"

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "calendar": "Lịch nhắc việc dân chủ ở cơ sở",
        "status": "Trạng thái",
        "instance": "Kỳ",
        "due": "Hạn",
        "counted": "Hạn lùi đến ngày làm việc tiếp theo",
        "remind": "Nhắc việc: còn {n} ngày đến hạn",
    },
    "en": {
        "calendar": "Grassroots democracy duties",
        "status": "Status",
        "instance": "Instance",
        "due": "Due",
        "counted": "Due moved to the next working day",
        "remind": "Reminder: due in {n} days",
    },
}


def render_ics(
    entries: Sequence[CalendarEntry], *, organisation: str, as_of: dt.date, lang: str = "vi"
) -> bytes:
    """The iCalendar file of ``entries`` for ``organisation``, stamped with ``as_of``."""
    from icalendar import Alarm, Calendar, Event

    words = _WORDS["en" if lang == "en" else "vi"]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visible(f"{words['calendar']}: {organisation}"))
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.due)
        event.add("dtend", entry.due + dt.timedelta(days=1))
        event.add("summary", visible(entry.title.get(lang)))
        event.add("description", _description(entry, lang, words))
        event.add("categories", [status_label(entry.status, lang)])
        event.add("transp", "TRANSPARENT")
        for days in REMINDER_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", dt.timedelta(days=-days))
            alarm.add("description", words["remind"].format(n=days))
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _description(entry: CalendarEntry, lang: str, words: dict[str, str]) -> str:
    citation = entry.citation.get(lang)
    lines = [
        citation[:1].upper() + citation[1:],  # the description's first line: "Điểm a khoản 5 Điều 2 ..."
        f"{words['instance']}: {entry.instance.get(lang)}",
        f"{words['status']}: {status_label(entry.status, lang)}",
        # the stated due date and whether it is an interpretation; the counted one has its own line below
        f"{words['due']}: {format_date(entry.due, lang)}{due_notes(entry.due, None, entry.due_interpreted, lang)}",
    ]
    if entry.counted_due != entry.due or entry.counted_basis:
        basis = f" ({entry.counted_basis})" if entry.counted_basis else ""
        lines.append(f"{words['counted']}: {format_date(entry.counted_due, lang)}{basis}")
    lines.append(
        f"{msg('todo.evidence', lang)}: {entry.evidence.get(lang)}"
    )  # as the reports' "Việc cần làm"
    return "\n".join(visible(line) for line in lines)


__all__ = ["PRODID", "render_ics"]
