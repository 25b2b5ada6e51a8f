"""Plain text for a terminal: wrapped to the width asked for, coloured only when asked for.

The caller decides colour (never when ``NO_COLOR`` is set or the output is not a terminal) and
width (``--width``, else ``COLUMNS``, else the terminal's). A status is always written as a word;
colour and the glyph beside it are only hints.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.report.messages import STATUS_ORDER, citation, format_date, msg, status_label, value_label
from dancoso_rules.report.model import (
    TODO_HORIZON_DAYS,
    ComplianceReport,
    Counted,
    ObligationEntry,
    ProvisionSection,
)
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    SOFT_SYMBOL,
    STATUS_SYMBOLS,
    applied_texts,
    counts_apart,
    due_label,
    due_text,
    evidence_text,
    explanation,
    instance_lead,
    schedule_label,
    status_key,
    status_symbol,
    status_text,
    todo_citation,
    todo_groups,
    todo_title,
    verdict,
    wanted_text,
)
from dancoso_rules.text import visible, visible_lines

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

_ANSI = {
    "missed": "1;31",
    "overdue": "31",
    "late": "33",
    "unverified": "35",
    "upcoming": "36",
    "met": "32",
    "not_applicable": "2",
    "soft": "0",
    "bold": "1",
    "dim": "2",
}
#: The narrowest and widest text it wraps to, as ``dancoso check --width`` allows: ``render(width=...)`` of
#: billions would exhaust memory drawing one rule line.
TEXT_WIDTHS = (40, 1000)
_MIN_WIDTH, _MAX_WIDTH = TEXT_WIDTHS


def _wrap(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """Greedy word wrap (what ``textwrap.wrap`` does here, at a fraction of its cost); long words are cut."""
    lines: list[str] = []
    line, room = first, width - len(first)
    empty = True
    for word in words:
        while len(word) > width - len(rest):  # a word longer than a line: cut it
            if not empty:
                lines.append(line)
                line, room, empty = rest, width - len(rest), True
            lines.append(line + word[:room])
            word = word[room:]
            line, room = rest, width - len(rest)
        if empty:
            line, room, empty = line + word, room - len(word), False
        elif len(word) + 1 <= room:
            line, room = f"{line} {word}", room - len(word) - 1
        else:
            lines.append(line)
            line, room = rest + word, width - len(rest) - len(word)
    if not empty or not lines:
        lines.append(line)
    return lines


class _Writer:
    """Lines wrapped to a width, with optional ANSI colour."""

    def __init__(self, options: RenderOptions) -> None:
        self.width = min(max(_MIN_WIDTH, options.width), _MAX_WIDTH)
        self.color = options.color
        self.lang = options.lang
        self.lines: list[str] = []

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if self.color else text

    def wrap(
        self, text: str, indent: int = 0, *, style: str | None = None, hanging: int = 0, painted: bool = False
    ) -> None:
        """Add ``text`` wrapped. Its control characters are written out first (it may hold a record's
        words), unless it is ``painted``: made only of this writer's colours and the library's words."""
        if not painted:
            text = visible(text)
        first = " " * indent
        rest = " " * (indent + hanging)
        for line in _wrap(text.split(), self.width, first, rest):
            self.lines.append(self.paint(line, style) if style else line)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def rule(self, char: str = "─") -> None:
        self.lines.append(char * self.width)

    def status(self, status: str, text: str | None = None) -> str:
        return self.paint(f"{STATUS_SYMBOLS[status]} {text or status_label(status, self.lang)}", status)

    def counts(self, node: Counted) -> str:
        """The counts by status, then the requests' and encouragements' results apart (:func:`counts_apart`)."""
        shown, soft = counts_apart(node)
        terms = [
            self.status(s, f"{status_label(s, self.lang)} {shown.get(s)}")
            for s in STATUS_ORDER
            if shown.get(s)
        ]
        if soft:
            terms.append(f"{SOFT_SYMBOL} {msg('report.soft_count', self.lang)} {soft}")
        return " · ".join(terms)

    def text(self) -> str:
        # Text from a record or a file name never drives the terminal: what `wrap` is given has its
        # control characters written out (``\\x1b``) before this writer adds its own colours.
        text = "\n".join(line.rstrip() for line in self.lines).rstrip("\n") + "\n"
        return text if self.color else visible_lines(text)


class TextRenderer:
    """Renders a report for a terminal."""

    extension = "txt"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """The report: header, what to do, totals, totals by khoản, then each instrument clause by clause
        (with ``options.summary``, the header, what to do and the totals only)."""
        out = _Writer(options)
        lang = options.lang
        out.wrap(msg("report.title", lang).upper(), style="bold")
        out.wrap(msg("report.subtitle", lang))
        out.rule("═")
        org = report.organisation
        out.wrap(f"{msg('report.organisation', lang)}: {org.name} ({org.id})", hanging=2)
        period = f"{format_date(report.period.start, lang)} – {format_date(report.period.end, lang)}"
        out.wrap(f"{msg('report.period', lang)}: {period}")
        out.wrap(f"{msg('report.as_of', lang)}: {format_date(report.as_of, lang)}")
        if report.record is not None:
            out.wrap(f"{msg('report.record', lang)}: {report.record.file}", hanging=2)
        for pack in report.packs:
            out.wrap(
                f"{msg('report.instruments', lang)}: {pack.named(lang)} "
                f"({pack.id} {pack.version}, sha256 {pack.source_sha256[:12]}…)",
                hanging=2,
            )
        out.blank()
        self._todo(out, report)
        out.blank()
        out.wrap(
            f"{msg('report.summary', lang)} ({report.totals.total}): {out.counts(report)}",
            hanging=2,
            painted=True,
        )
        main, soft = verdict(report, options.fail_on, lang, options.blocking)
        out.wrap(main, style="missed" if report.failing(options.fail_on) else "met")
        if soft is not None:
            out.wrap(soft, hanging=2)
        if options.summary:
            return out.text()
        out.blank()
        out.wrap(msg("report.by_clause", lang), style="bold")
        self._clause_table(out, report)
        for section in report.instruments:
            out.blank()
            out.rule()
            pack = report.pack(section.pack)
            out.wrap(f"{pack.title} ({pack.id})", style="bold")
            out.rule()
            for provision, depth in section.walk():
                self._provision(out, report, provision, depth)
        out.blank()
        self._interpretations(out, report)
        return out.text()

    def _todo(self, out: _Writer, report: ComplianceReport) -> None:
        """The list "Việc cần làm": the overdue duties, most days overdue first, then those due within
        :data:`TODO_HORIZON_DAYS` days by due date, each with its provision, due date and evidence."""
        lang = out.lang
        out.wrap(msg("todo.title", lang).upper(), style="bold")
        overdue, upcoming = todo_groups(report)
        if not overdue and not upcoming:
            out.wrap(msg("todo.none", lang, days=TODO_HORIZON_DAYS), 2)
            return
        entries = report.obligation_entries()
        groups = (
            (msg("todo.overdue", lang, n=len(overdue)), overdue),
            (msg("todo.upcoming", lang, n=len(upcoming), days=TODO_HORIZON_DAYS), upcoming),
        )
        for title, group in groups:
            if not group:
                continue
            out.wrap(title, 2, hanging=2)
            for result in group:
                status = status_key(result)
                due = f" · {due_label(result, lang)} {due_text(result, lang)}" if result.due else ""
                out.wrap(f"{result.todo_rank}. {todo_title(entries, result, lang)}", 4, hanging=4)
                out.wrap(
                    f"{status_symbol(result)} {instance_lead(result, lang)}{status_text(result, lang)}{due}",
                    8,
                    style=status,
                    hanging=2,
                )
                out.wrap(f"{msg('col.citation', lang)}: {todo_citation(report, result, lang)}", 8, hanging=2)
                out.wrap(f"{msg('todo.evidence', lang)}: {wanted_text(entries, result, lang)}", 8, hanging=2)

    def _clause_table(self, out: _Writer, report: ComplianceReport) -> None:
        lang = out.lang
        legend = " · ".join(
            [*(out.status(s) for s in STATUS_ORDER), f"{SOFT_SYMBOL} {msg('report.soft_count', lang)}"]
        )
        out.wrap(legend, 2, hanging=2, painted=True)
        cells = "".join(
            f"{symbol:>4}" for symbol in [*(STATUS_SYMBOLS[s] for s in STATUS_ORDER), SOFT_SYMBOL]
        )
        label_width = max(6, out.width - 4 * (len(STATUS_ORDER) + 1) - 2)  # within --width, even 40
        out.lines.append(f"  {msg('col.clause', lang):<{label_width}}{cells}")
        for row in report.clause_totals():
            label = citation(row.provision, row.citation, lang, heading=True)
            if len(report.packs) > 1:
                label = f"{label} ({row.pack})"
            if len(label) > label_width - 1:
                label = label[: label_width - 2] + "…"
            shown, soft = counts_apart(row)
            counts = "".join(
                out.paint(f"{shown.get(s):>4}", s) if shown.get(s) else f"{'·':>4}" for s in STATUS_ORDER
            )
            out.lines.append(f"  {label:<{label_width}}{counts}{soft or '·':>4}")

    def _provision(
        self, out: _Writer, report: ComplianceReport, provision: ProvisionSection, depth: int
    ) -> None:
        lang = out.lang
        indent = 2 * depth
        if depth == 0:
            out.blank()
        head = citation(provision.id, provision.citation, lang, heading=True)
        if provision.heading:
            head = f"{head}. {provision.heading}"
        out.wrap(head, indent, style="bold")
        if provision.text:
            out.wrap(provision.text, indent + 2, style="dim")
        if provision.non_operative is not None:
            # With why, as the HTML says it: a lead-in's "Không đặt ra nghĩa vụ" alone reads as if the whole
            # article imposed nothing.
            why = provision.non_operative.get(lang).strip().rstrip(".")
            out.wrap(f"({msg('report.non_operative', lang)}: {why})", indent + 2, style="dim")
        for obligation in provision.obligations:
            self._obligation(out, report, obligation, indent + 2)

    def _obligation(
        self, out: _Writer, report: ComplianceReport, obligation: ObligationEntry, indent: int
    ) -> None:
        lang = out.lang
        kinds = f"{msg('modality.' + obligation.modality.value, lang)} · {schedule_label(obligation, lang)}"
        out.wrap(f"• {obligation.summary.get(lang)} [{kinds}]", indent, hanging=2)
        out.wrap(obligation.uid, indent + 2, style="dim")
        for result in report.results_of(obligation):
            self._result(out, result, indent + 4, report.titles)

    def _result(self, out: _Writer, result: DutyResult, indent: int, titles: dict[str, str]) -> None:
        lang = out.lang
        status = status_key(result)
        due = f"{due_label(result, lang)} {due_text(result, lang)}" if result.due else ""
        line = f"{status_symbol(result)} {instance_lead(result, lang)}{status_text(result, lang)}"
        out.wrap(line + (f" · {due}" if due else ""), indent, style=status, hanging=2)
        out.wrap(f"{msg('col.evidence', lang)}: {evidence_text(result, lang, titles)}", indent + 2, hanging=2)
        out.wrap(explanation(result, lang), indent + 2, hanging=2)

    def _interpretations(self, out: _Writer, report: ComplianceReport) -> None:
        lang = out.lang
        out.wrap(msg("report.interpretations", lang), style="bold")
        if not report.interpretations:
            out.wrap(msg("report.no_interpretations", lang), 2)
        for item in report.interpretations:
            # words for people ("Tần suất tối thiểu ...: hằng tháng"), the id last, for reference
            title = f"{item.title.get(lang)}: " if item.title else ""
            overridden = f", {msg('report.overridden', lang)}" if item.overridden else ""
            basis = msg(f"report.basis.{item.basis}", lang)
            value = value_label(item.value, lang)
            out.wrap(f"{title}{value} ({basis}{overridden}) [{item.id}]", 2, hanging=2)
            for line in applied_texts(item, lang):
                out.wrap(line, 4, hanging=2)

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """The overview: totals, invalid records, then each organisation worst first with its weak khoản."""
        out = _Writer(options)
        lang = options.lang
        out.wrap(msg("overview.title", lang).upper(), style="bold")
        out.wrap(msg("overview.subtitle", lang))
        out.rule("═")
        out.wrap(f"{msg('report.as_of', lang)}: {format_date(overview.as_of, lang)}")
        out.wrap(f"{msg('overview.organisations', lang)}: {overview.organisations}")
        out.wrap(f"{msg('report.summary', lang)}: {out.counts(overview)}", hanging=2, painted=True)
        if overview.invalid:
            out.wrap(f"{msg('overview.invalid', lang)}: {len(overview.invalid)}", style="missed")
            for item in overview.invalid:
                out.wrap(item.file, 2)
        out.blank()
        yield out.text()
        for rank, row in enumerate(overview.rows(), start=1):
            out = _Writer(options)
            where = f"{row.file}:{row.line}" if row.line else row.file
            out.wrap(f"{rank}. {row.name} ({row.organisation}) — {where}", style="bold", hanging=3)
            out.wrap(out.counts(row), 3, hanging=2, painted=True)
            for clause in row.clauses:
                if clause.enforceable().severity()[:4] == (0, 0, 0, 0):
                    continue
                label = citation(clause.provision, clause.citation, lang, heading=True)
                out.wrap(f"{label} ({clause.pack}): {out.counts(clause)}", 5, hanging=2, painted=True)
            yield out.text()
