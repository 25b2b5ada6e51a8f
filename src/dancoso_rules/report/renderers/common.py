"""What several renderers say the same way: a result's period, days, evidence; status colours."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dancoso_rules.evaluation.result import DutyResult, UsedInterpretation
from dancoso_rules.model.obligation import Modality
from dancoso_rules.report import messages
from dancoso_rules.report.messages import (
    STATUS_ORDER,
    citation,
    format_date,
    msg,
    period_label,
    status_label,
    value_label,
)
from dancoso_rules.report.model import (
    ComplianceReport,
    Counted,
    ObligationEntry,
    StatusCounts,
    is_enforceable,
    overdue_now,
)

#: Status colours (background, text) chosen for contrast; the status is always written too.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "missed": ("#b3261e", "#ffffff"),
    "overdue": ("#e8710a", "#1b1b1b"),
    "late": ("#f2c94c", "#1b1b1b"),
    "unverified": ("#8e7cc3", "#ffffff"),
    "upcoming": ("#4a86c5", "#ffffff"),
    "met": ("#2e7d32", "#ffffff"),
    "not_applicable": ("#c4c7c5", "#1b1b1b"),
}

#: A glyph beside each status name in the terminal: a hint only, the name is always written too.
STATUS_SYMBOLS: dict[str, str] = {
    "missed": "✗",
    "overdue": "!",
    "late": "~",
    "unverified": "?",
    "upcoming": "…",
    "met": "✓",
    "not_applicable": "–",
}

#: The glyph of the column that counts the results of requests and encouragements, apart from the duties'
#: columns by status (legal review, item 17: an encouragement is never counted "Quá hạn").
SOFT_SYMBOL = "◦"
#: Its background and text colours (a pale sand, apart from every status's: they are not duties).
SOFT_COLOURS = ("#ebe3cf", "#1b1b1b")

assert tuple(STATUS_COLOURS) == STATUS_ORDER


def due_text(result: DutyResult, lang: str) -> str:
    """A result's due date as stated ("—" if none), then in brackets what the reader must know of it: that a
    duty's deadline rests on an interpretation, not on the instrument ("31/12/2025 (theo diễn giải)", as
    the sentence says it), and the day it was counted to when it was moved off a day off."""
    if result.due is None:
        return "—"
    return format_date(result.due, lang) + result_due_notes(result, lang)


def result_due_notes(result: DutyResult, lang: str) -> str:
    """What :func:`due_text` says after the date (:func:`~dancoso_rules.report.messages.due_notes`). A
    request's or an encouragement's date is a reference date, never a deadline, and is not called interpreted."""
    if result.due is None:
        return ""
    interpreted = result.due_interpreted and is_enforceable(result.modality)
    return messages.due_notes(result.due, result.counted_due, interpreted, lang)


def worst_applying(counts: StatusCounts) -> str | None:
    """The worst status among the results of ``counts`` that apply (``None`` when none does)."""
    return next((s for s in STATUS_ORDER if s != "not_applicable" and counts.get(s)), None)


def worst_status(counts: StatusCounts, soft: StatusCounts) -> str | None:
    """The worst status among the duties that apply (never a request's or an encouragement's): what the
    dashboard's heat map and the workbook's assessment show of a khoản or an organisation."""
    return worst_applying(counts - soft)


def instance_name(result: DutyResult, lang: str) -> str | None:
    """Which instance a result is for: its period, or the event that triggered it; ``None`` for the
    obligation as a whole (e.g. one that does not apply), which a sentence then names no instance for."""
    parts = instance_parts(result, lang)
    if parts is None:
        return None
    name, day = parts
    return name if day is None else f"{name} ({day})"


def instance_parts(result: DutyResult, lang: str) -> tuple[str, str | None] | None:
    """:func:`instance_name` in its parts: the period, or the event's id and its date (for a format that
    keeps the date whole); ``None`` for the obligation as a whole."""
    if result.trigger is not None:
        return result.trigger.id, format_date(result.trigger.date, lang)
    if result.period is not None:
        return period_label(result.period.label, lang), None
    return None


def instance_label(result: DutyResult, lang: str) -> str:
    """:func:`instance_name` for a table cell, where an obligation as a whole shows "—"."""
    return instance_name(result, lang) or "—"


def instance_lead(result: DutyResult, lang: str) -> str:
    """:func:`instance_name` before a status ("quý I/2025: "), or nothing (never a bare "—: ")."""
    name = instance_name(result, lang)
    return f"{name}: " if name else ""


def days_text(result: DutyResult, lang: str) -> str:
    """Days left, overdue or late, in words, or an empty string."""
    if result.days_overdue is not None:
        return msg("days.overdue", lang, n=result.days_overdue)
    if result.days_late is not None:
        return msg("days.late", lang, n=result.days_late)
    if result.days_left is not None:
        return msg("days.left", lang, n=result.days_left)
    return ""


#: The words of the status of a request or an encouragement, which never fails and has no deadline of its
#: own (its due date is only the day it is looked at): not done, done, or before that day. It is never
#: said "overdue", "missed" or "late", nor with days overdue or late. Other statuses read as a duty's.
_SOFT_WORDS = {
    "overdue": "status.soft_open",
    "missed": "status.soft_open",
    "late": "status.soft_done",
    "met": "status.soft_done",
    "upcoming": "status.soft_upcoming",
}


def _soft_word(result: DutyResult) -> str | None:
    return None if is_enforceable(result.modality) else _SOFT_WORDS.get(result.status.value)


def soft_worst_word(soft: StatusCounts, lang: str) -> str | None:
    """The worst status of the requests' and encouragements' results that apply, in their words
    ("Chưa thực hiện (khuyến khích, đề nghị)"), for a line that has nothing else to say; ``None`` when
    none applies."""
    status = worst_applying(soft)
    if status is None:
        return None
    force = msg("report.soft_count", lang).lower()
    key = _SOFT_WORDS.get(status)
    return msg(key, lang, force=force) if key else f"{status_label(status, lang)} ({force})"


def status_key(result: DutyResult) -> str:
    """What a result's glyph and colour stand for: its status, or ``soft`` for a request's or an
    encouragement's done, not done or before its reference date, which is never shown as "Quá hạn" (!),
    "Không thực hiện" (✗) or their colours, only as the column they are counted in (◦)."""
    return "soft" if _soft_word(result) is not None else result.status.value


def status_symbol(result: DutyResult) -> str:
    """The glyph beside a result's status: :data:`SOFT_SYMBOL` for a request's or an encouragement's
    (see :func:`status_key`), else its status's."""
    key = status_key(result)
    return SOFT_SYMBOL if key == "soft" else STATUS_SYMBOLS[key]


def _shows_days(result: DutyResult) -> bool:
    """Whether a result's words carry its days: a duty's always; a request's or an encouragement's only
    before its reference date (it has no days overdue or late)."""
    return _soft_word(result) in (None, "status.soft_upcoming")


def status_word(result: DutyResult, lang: str) -> str:
    """The status of one result in words, without its days: a duty's "Quá hạn"; a request's or an
    encouragement's "Chưa thực hiện (khuyến khích)", "Đã thực hiện (đề nghị)" (see :data:`_SOFT_WORDS`)."""
    key = _soft_word(result)
    if key is None:
        if result.unresolved:  # missed, and still to be resolved: the case is open
            return msg("status.missed_unresolved", lang)
        if result.status.value == "met" and result.due is None:
            # a qualitative duty (no deadline in the text), or one that fell due before the instrument took
            # effect and was done while it was in force: done, with no deadline to have been on time for
            return msg("status.met_untimed", lang)
        return status_label(result.status.value, lang)
    return msg(key, lang, force=modality_label(result.modality, lang).lower())


def status_text(result: DutyResult, lang: str) -> str:
    """The status in words with its days: "Quá hạn (15 ngày)", "Upcoming (30 days left)"; a request or an
    encouragement done or not done has no days overdue or late (see :func:`status_word`)."""
    if result.unresolved and result.days_overdue is not None:  # the days said inside its own brackets
        return msg("status.missed_unresolved_days", lang, n=result.days_overdue)
    days = days_text(result, lang) if _shows_days(result) else ""
    label = status_word(result, lang)
    return f"{label} ({days})" if days else label


def status_days(result: DutyResult) -> int | None:
    """The days a result's status counts (overdue, late or left), as :func:`status_text` writes them."""
    if not _shows_days(result):
        return None
    if result.days_overdue is not None:
        return result.days_overdue
    return result.days_late if result.days_late is not None else result.days_left


def due_heading(results: Iterable[DutyResult], lang: str) -> str:
    """The heading of a column of due dates: "Mốc đối chiếu" when every result is a request's or an
    encouragement's (see :func:`due_label`), else "Hạn"."""
    soft = all(not is_enforceable(result.modality) for result in results)
    return msg("col.reference_date" if soft else "col.due", lang)


def due_label(result: DutyResult, lang: str) -> str:
    """What a result's due date is called: "Hạn" for a duty; "Mốc đối chiếu" (the day it is looked at) for a
    request or an encouragement, which has no deadline."""
    return msg("col.due" if is_enforceable(result.modality) else "col.reference_date", lang)


def evidence_text(result: DutyResult, lang: str, titles: Mapping[str, str] | None = None) -> str:
    """The evidence relied on ("Hội nghị CBCCVC năm 2025 (hn-2025, /activities/3)"), or why there is none."""
    if result.evidence:
        titles = titles or {}
        return "; ".join(
            f"{titles[e.pointer]} ({e.id}, {e.pointer})"
            if e.pointer in titles
            else f"{msg('evidence.resolution', lang, id=e.id)} ({e.pointer})"
            if e.kind == "resolution"
            else f"{e.id} ({e.pointer})"
            for e in result.evidence
        )
    if result.status.value in ("not_applicable", "upcoming"):
        return msg("evidence.none", lang)
    return msg("evidence.missing", lang)


def explanation(result: DutyResult, lang: str) -> str:
    """The evaluator's one-sentence explanation in ``lang``, with the reason when it does not apply."""
    text = result.explanation.get(lang)
    if result.reason is not None:
        reason = result.reason.text.get(lang)
        if reason not in text:
            text = f"{text} {reason}"
    return text


def modality_label(modality: Modality, lang: str) -> str:
    """The force of an obligation in words: "Khuyến khích" / "Encouragement"."""
    return msg(f"modality.{modality.value}", lang)


def counts_apart(node: Counted) -> tuple[StatusCounts, int]:
    """What a person reads in the count columns (legal review, item 17: "Quá hạn 7" where 2 are
    encouragements read as 7 duties overdue): the duties' results and every result that does not
    apply, by status; and, apart, how many results of requests and encouragements apply. The two add
    up to ``node.totals.total``. Machines keep ``totals`` and ``soft``."""
    soft = node.soft
    if not soft.applicable:
        return node.totals, 0
    return node.totals - soft + StatusCounts.of(["not_applicable"] * soft.not_applicable), soft.applicable


def count_cells(node: Counted, order: Iterable[str] = STATUS_ORDER) -> list[int]:
    """The count columns of ``node`` (:func:`counts_apart`): one a status in ``order``, then the requests'
    and encouragements' results that apply."""
    shown, soft = counts_apart(node)
    return [*(shown.get(s) for s in order), soft]


def count_titles(lang: str, order: Iterable[str] = STATUS_ORDER) -> list[str]:
    """The headings of :func:`count_cells`: each status's name, then "Khuyến khích, đề nghị"."""
    return [*(status_label(s, lang) for s in order), msg("report.soft_count", lang)]


def schedule_label(obligation: ObligationEntry, lang: str) -> str:
    """How often an obligation recurs, in words, saying when the instrument does not state it (legal
    review, item 17): "Hằng năm" (stated), "Hằng năm (diễn giải)", "Định kỳ (diễn giải)" (no one value:
    see :func:`~dancoso_rules.report.build.cadence`), "Thường xuyên (diễn giải: tối thiểu mỗi quý một
    lần)"; other schedules by kind."""
    frequency = msg(f"frequency.{obligation.frequency.value}", lang) if obligation.frequency else None
    if obligation.schedule == "periodic":
        stated = frequency or msg("schedule.periodic", lang)
        stated = stated[0].upper() + stated[1:]
        if obligation.frequency_interpretation is None:
            return stated
        return msg("schedule.interpreted", lang, cadence=stated)
    if obligation.schedule == "regular" and obligation.frequency is not None:
        return msg("schedule.regular_at_least", lang, once=msg(f"once.{obligation.frequency.value}", lang))
    return msg(f"schedule.{obligation.schedule}", lang)


def modality_note(modality: Modality, lang: str) -> str:
    """The force of an obligation in words when it is not a plain duty, else an empty string."""
    return "" if modality is Modality.DUTY else modality_label(modality, lang)


def verdict(
    counted: Counted, fail_on: frozenset[str], lang: str, blocking: frozenset[str] | None = None
) -> tuple[str, str | None]:
    """The verdict ("Có 37 kết quả không đạt.") and, when requests or encouragements have a status in
    ``fail_on``, the sentence saying that they are not counted; both from :meth:`Tallied.failing`.

    When the run's exit code fails on ``blocking`` (``--fail-on``) and some failing results do not
    block it, the verdict says so: the count stays true whatever the policy."""
    failing = counted.failing(fail_on)
    main = msg("report.verdict.fail", lang, n=failing) if failing else msg("report.verdict.pass", lang)
    if blocking is not None and failing > counted.failing(blocking & fail_on):
        policy = ",".join(sorted(blocking)) or "none"
        unblocked = failing - counted.failing(blocking & fail_on)
        main += " " + msg("report.verdict.not_blocking", lang, n=unblocked, policy=policy)
    soft = counted.soft_failing(fail_on)
    return main, (msg("report.verdict.soft", lang, n=soft) if soft else None)


def applied_texts(item: UsedInterpretation, lang: str) -> list[str]:
    """One phrase per dated value an interpretation applied: the value, for whom, from and until when, on what source."""
    found = []
    for dated in item.applied:
        value = value_label(dated.value, lang)  # in words, whatever its kind: never "P30D" or "yes"
        parts = [value]
        when = [msg(f"level.{level}", lang) for level in dated.levels]
        if dated.since is not None:
            when.append(msg("report.applied.since", lang).format(day=format_date(dated.since, lang)))
        if dated.until is not None:
            when.append(msg("report.applied.until", lang).format(day=format_date(dated.until, lang)))
        if when:
            parts.append(", ".join(when))
        if dated.source:
            parts.append(dated.source)
        if not dated.verified:
            parts.append(msg("report.applied.unverified", lang))
        found.append(f"{msg('report.applied', lang)}: {' — '.join(parts)}")
    return found


def todo_groups(report: ComplianceReport) -> tuple[list[DutyResult], list[DutyResult]]:
    """The two parts of "Việc cần làm", each in order: the overdue duties (and the cases still unresolved past
    their late window), then those coming due."""
    items = report.todo()
    return [r for r in items if overdue_now(r)], [r for r in items if not overdue_now(r)]


def todo_citation(report: ComplianceReport, result: DutyResult, lang: str) -> str:
    """A to-do's provision ("Khoản 3 Điều 2"), with its pack when the report applies several."""
    cite = citation(result.provision, result.citation, lang, heading=True)
    return f"{cite} ({result.pack})" if len(report.packs) > 1 else cite


def todo_title(entries: Mapping[str, ObligationEntry], result: DutyResult, lang: str) -> str:
    """A to-do in words: its obligation's summary (or its id when the rulebook has no entry)."""
    entry = entries.get(result.obligation)
    return entry.summary.get(lang) if entry is not None else result.obligation


def wanted_text(entries: Mapping[str, ObligationEntry], result: DutyResult, lang: str) -> str:
    """What would show a to-do done: the activity and the documents its rule asks for, or "—"."""
    entry = entries.get(result.obligation)
    if entry is None or entry.evidence_wanted is None:
        return "—"
    return entry.evidence_wanted.get(lang)
