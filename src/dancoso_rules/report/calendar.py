"""The duty calendar: every upcoming and overdue duty instance as a dated entry, and the agenda of the next days.

:func:`calendar_entries` turns a :class:`~dancoso_rules.report.model.ComplianceReport` into
:class:`CalendarEntry` values, one per instance that is ``overdue`` or ``upcoming`` (due by
``until``), with what a person needs to plan it: the duty in words, its citation, the stated due
date and the one the evaluation judged it by (the result's ``counted_due``: moved off a day off, Bộ
luật Dân sự 2015 Điều 148 khoản 5, as the interpretation ``deadline-on-day-off`` says), and the evidence that would show it done. A complaint or a
denunciation in the record that is still open also gives the statutory first step counted in working
days (accepting a complaint, logging a denunciation) while its deadline is still ahead: the record
cannot show the step taken. Every entry has a ``uid`` made of the organisation, the obligation and
the instance only, so that a calendar imported again updates its events instead of duplicating them.

:func:`render_agenda` writes the entries of the next days in text or Markdown;
:mod:`dancoso_rules.report.ics` writes them as an iCalendar file. Text from the record (the
organisation's name, an event's title) has its control characters written out (``\\x1b``) in both, as
in every report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

import msgspec

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.evaluation.workdays import ROLL_FORWARD, WorkingCalendar, working_calendar
from dancoso_rules.model import Rulebook
from dancoso_rules.model.common import Labels
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.report.messages import citation, due_notes, format_date, msg, period_label, status_label
from dancoso_rules.report.model import ComplianceReport, is_enforceable, overdue_now
from dancoso_rules.text import visible, visible_lines

#: The statuses a calendar shows: what is still to be done.
CALENDAR_STATUSES: frozenset[str] = frozenset({"overdue", "upcoming"})

#: Reminders before the stated due date, in days.
REMINDER_DAYS: tuple[int, ...] = (30, 7)


class StatutoryStep(msgspec.Struct, frozen=True):
    """A first step the law states in working days, counted from the day an event was received."""

    event_type: str
    key: str
    working_days: int
    title: Labels
    source: Labels


#: The steps counted in working days from a complaint or a denunciation received.
STATUTORY_STEPS: tuple[StatutoryStep, ...] = (
    StatutoryStep(
        "complaint_received",
        "accept",
        10,
        Labels(vi="Thụ lý giải quyết khiếu nại", en="Accept the complaint for resolution"),
        Labels(
            vi="Luật Khiếu nại 2011, Điều 27; Nghị định 124/2020/NĐ-CP, Điều 16 (10 ngày làm việc)",
            en="Law on Complaints 2011, Article 27; Decree 124/2020/NĐ-CP, Article 16 (10 working days)",
        ),
    ),
    StatutoryStep(
        "denunciation_received",
        "log",
        7,
        Labels(vi="Vào sổ, kiểm tra, phân loại tố cáo", en="Log, check and classify the denunciation"),
        Labels(
            vi="Luật Tố cáo 2018, Điều 24 (07 ngày làm việc)",
            en="Law on Denunciations 2018, Article 24 (7 working days)",
        ),
    ),
)


class CalendarEntry(msgspec.Struct, frozen=True):
    """One dated thing to do: a duty instance (or a statutory step), with its stated and counted due dates.

    ``source`` is the rule pack of a duty, or ``law`` for a statutory step (then ``obligation`` is ``None``).
    """

    uid: str
    title: Labels
    citation: Labels
    status: str
    instance: Labels
    due: dt.date
    counted_due: dt.date
    counted_basis: str | None
    evidence: Labels
    source: str
    obligation: str | None = None
    #: Whether ``due`` rests on an interpretation, not on the instrument's words (the result's
    #: ``due_interpreted``); a statutory step's date is the law's, never interpreted.
    due_interpreted: bool = False


def calendar_entries(
    report: ComplianceReport,
    rulebook: Rulebook,
    *,
    until: dt.date | None = None,
    record: ActivityRecord | None = None,
    workdays: WorkingCalendar | None = None,
) -> tuple[CalendarEntry, ...]:
    """Every overdue instance of a duty (a case still unresolved past its late window among them: see
    :attr:`~dancoso_rules.evaluation.result.DutyResult.unresolved`), and every upcoming one due by ``until``
    (all when ``None``), by due date; never a request's or an encouragement's, which has no deadline (as it is
    never a to-do).

    With ``record``, open complaints and denunciations also give their statutory first step in
    working days (:data:`STATUTORY_STEPS`).
    """
    entries: list[CalendarEntry] = []
    organisation = report.organisation.id
    for result in report.results:
        overdue = overdue_now(result)
        if (not overdue and result.status.value not in CALENDAR_STATUSES) or result.due is None:
            continue
        if not is_enforceable(result.modality):  # a request or an encouragement has no deadline to keep
            continue
        if result.status.value == "upcoming" and until is not None and result.due > until:
            continue
        entries.append(_duty_entry(organisation, result, report, rulebook))
    if record is not None:
        days = workdays or working_calendar()  # built only for the steps counted in working days
        entries.extend(_step_entries(organisation, report.as_of, record, days, until))
    entries.sort(key=lambda e: (e.due, e.uid))
    return tuple(entries)


def _duty_entry(
    organisation: str,
    result: DutyResult,
    report: ComplianceReport,
    rulebook: Rulebook,
) -> CalendarEntry:
    assert result.due is not None
    placed = rulebook.obligation_by_uid.get(result.obligation)
    summary = placed.obligation.summary if placed else Labels(vi=result.obligation, en=result.obligation)
    counted_due = result.counted_due or result.due  # the deadline the evaluation judged the duty by
    pack = report.pack(result.pack)
    instance_key = result.trigger.id if result.trigger else (result.period.label if result.period else "once")
    return CalendarEntry(
        uid=f"{organisation}.{result.obligation}.{instance_key}@dancoso-rules",
        title=summary,
        citation=Labels(
            vi=f"{citation(result.provision, result.citation, 'vi')} {pack.cited('vi')}",
            en=f"{citation(result.provision, result.citation, 'en')}, {pack.cited('en')}",
        ),
        # a case still unresolved past its late window is overdue to the person who must resolve it
        status="overdue" if overdue_now(result) else result.status.value,
        instance=Labels(vi=_instance(result, "vi"), en=_instance(result, "en")),
        due=result.due,
        counted_due=counted_due,
        counted_basis=ROLL_FORWARD if counted_due != result.due else None,
        evidence=_evidence(result, rulebook),
        source=result.pack,
        obligation=result.obligation,
        due_interpreted=result.due_interpreted,
    )


def _step_entries(
    organisation: str,
    as_of: dt.date,
    record: ActivityRecord,
    days: WorkingCalendar,
    until: dt.date | None,
) -> Iterable[CalendarEntry]:
    steps = {step.event_type: step for step in STATUTORY_STEPS}
    for event in record.events:
        step = steps.get(event.type)
        if step is None or event.resolution is not None or event.date > as_of:
            continue
        due = days.add_working_days(event.date, step.working_days)
        # The record cannot show the step taken, so a step already past is not shown (never a false "overdue").
        if due < as_of or (until is not None and due > until):
            continue
        yield CalendarEntry(
            uid=f"{organisation}.event.{event.id}.{step.key}@dancoso-rules",
            title=step.title,
            citation=step.source,
            status="upcoming",
            instance=Labels(
                vi=f"{event.title} (nhận ngày {format_date(event.date, 'vi')})",
                en=f"{event.title} (received {format_date(event.date, 'en')})",
            ),
            due=due,
            counted_due=due,
            counted_basis=f"{step.working_days} ngày làm việc kể từ ngày {format_date(event.date, 'vi')}",
            evidence=Labels(vi="Sổ theo dõi, văn bản thụ lý", en="Register, notice of acceptance"),
            source="law",
        )


def _instance(result: DutyResult, lang: str) -> str:
    if result.trigger is not None:
        return f"{result.trigger.id} ({format_date(result.trigger.date, lang)})"
    if result.period is not None:
        return period_label(result.period.label, lang)
    return "—"


def _evidence(result: DutyResult, rulebook: Rulebook) -> Labels:
    """The activity and the documents that would show the duty done, from the rule and the vocabulary."""
    vocabulary = rulebook.vocabulary
    activity = vocabulary.activity_by_id.get(result.activity)
    kinds = {kind.id: kind.label for kind in vocabulary.evidence_kinds}
    placed = rulebook.obligation_by_uid.get(result.obligation)
    wanted = placed.obligation.evidence if placed else ()
    parts: dict[str, list[str]] = {"vi": [], "en": []}
    for lang in ("vi", "en"):
        if activity is not None:
            parts[lang].append(activity.label.get(lang))
        documents = [kinds[k].get(lang) for k in wanted if k in kinds]
        if documents:
            parts[lang].append(", ".join(documents))
    return Labels(vi=": ".join(parts["vi"]) or "—", en=": ".join(parts["en"]) or "—")


# --- the agenda -------------------------------------------------------------------------------------

_AGENDA: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Lịch nhắc việc",
        "window": "từ {start} đến {end}",
        "overdue": "Quá hạn",
        "upcoming": "Sắp đến hạn",
        "due": "Hạn",
        "none": "Không có việc nào.",
        "as_of": "Tính đến ngày",
    },
    "en": {
        "title": "Agenda",
        "window": "from {start} to {end}",
        "overdue": "Overdue",
        "upcoming": "Coming up",
        "due": "Due",
        "none": "Nothing to do.",
        "as_of": "As of",
    },
}


def agenda_entries(
    entries: Sequence[CalendarEntry], as_of: dt.date, days: int
) -> tuple[list[CalendarEntry], list[CalendarEntry]]:
    """The overdue entries, and the upcoming ones due within ``days`` days of ``as_of``."""
    end = as_of + dt.timedelta(days=days)
    overdue = [e for e in entries if e.status == "overdue"]
    upcoming = [e for e in entries if e.status == "upcoming" and e.due <= end]
    return overdue, upcoming


def render_agenda(
    entries: Sequence[CalendarEntry],
    *,
    organisation: str,
    as_of: dt.date,
    days: int,
    lang: str = "vi",
    markdown: bool = False,
) -> str:
    """The agenda of the next ``days`` days (and everything overdue), in text or Markdown."""
    words = _AGENDA["en" if lang == "en" else "vi"]
    end = as_of + dt.timedelta(days=days)
    overdue, upcoming = agenda_entries(entries, as_of, days)
    lines: list[str] = []
    show = _shown(markdown=markdown)
    heading = f"{words['title']}: {show(organisation)}"
    window = words["window"].format(start=format_date(as_of, lang), end=format_date(end, lang))
    if markdown:
        lines += [f"# {heading}", "", f"{words['as_of']} {format_date(as_of, lang)}; {window}.", ""]
    else:
        lines += [heading, f"{words['as_of']} {format_date(as_of, lang)}; {window}.", ""]
    for key, group in (("overdue", overdue), ("upcoming", upcoming)):
        title = f"{words[key]} ({len(group)})"
        lines += [f"## {title}" if markdown else title, ""]
        if not group:
            lines += [words["none"], ""]
            continue
        for entry in group:
            lines += _agenda_item(entry, lang, words, markdown=markdown)
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text if markdown else visible_lines(text)


def _opening(text: str) -> str:
    """A citation that opens a line: "Điểm a khoản 5 Điều 2 ...", with the capital of a line's first word."""
    return text[:1].upper() + text[1:]


def _shown(*, markdown: bool) -> Callable[[str], str]:
    """How the agenda writes a text that may come from the record (an organisation's name, an event's
    title), as the reports do: control characters written out, and in Markdown no markup, mention or
    issue link either."""
    if markdown:
        from dancoso_rules.report.renderers.markdown import md

        return md
    return visible


def _agenda_item(entry: CalendarEntry, lang: str, words: dict[str, str], *, markdown: bool) -> list[str]:
    show = _shown(markdown=markdown)
    date = format_date(entry.due, lang)
    notes = due_notes(entry.due, entry.counted_due, entry.due_interpreted, lang)  # as the reports say it
    title = show(entry.title.get(lang))
    status = show(status_label(entry.status, lang))
    details = [
        f"{show(_opening(entry.citation.get(lang)))}; {show(entry.instance.get(lang))}",
        f"{msg('todo.evidence', lang)}: {show(entry.evidence.get(lang))}",
    ]
    if markdown:
        return [f"- **{date}**{notes} — {title} ({status})  ", *(f"  {line}  " for line in details)]
    return [f"{date}{notes}  {title} [{status}]", *(f"    {line}" for line in details)]


__all__ = [
    "CALENDAR_STATUSES",
    "REMINDER_DAYS",
    "STATUTORY_STEPS",
    "CalendarEntry",
    "StatutoryStep",
    "agenda_entries",
    "calendar_entries",
    "render_agenda",
]
