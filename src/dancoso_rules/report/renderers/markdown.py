"""GitHub-flavoured Markdown, readable as a pull-request comment.

"Việc cần làm" comes first (overdue duties by days overdue, then duties due in the next 30 days by
due date), then the totals, then what needs attention (the missed, overdue, late and unverified
results of duties in one table, those of requests and encouragements, which never fail, in another),
the totals by khoản, and each Điều in a collapsed ``<details>`` block with its verbatim words, its
obligations and their results. With ``--summary``, or when the whole would pass GitHub's 65,536
characters for a comment, a compact form: what to do, the totals, and as much of the rest as fits,
folded, with a note saying what was cut. The overview of many organisations keeps within the same
limit: its totals, then as many rows as fit, worst first, and a note on the rows cut. Every string from the record or the rules is escaped, so that a
title can neither break a table nor inject HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
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
    count_cells,
    counts_apart,
    due_heading,
    due_label,
    due_text,
    evidence_text,
    explanation,
    instance_label,
    instance_name,
    modality_label,
    modality_note,
    schedule_label,
    status_symbol,
    status_text,
    todo_citation,
    todo_groups,
    todo_title,
    verdict,
    wanted_text,
)
from dancoso_rules.text import visible

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

#: The most characters GitHub takes in a pull-request or issue comment (and shows in a job summary):
#: a longer Markdown report is written in its compact form instead.
COMMENT_LIMIT = 65_536

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# "@name" mentions (and notifies) a GitHub user or team, "#12" links an issue: in text from a record
# (or anywhere) a zero-width space, written as an HTML entity, keeps it plain text.
_PINGS = re.compile(r"([@#])(?=[A-Za-z0-9])")


def md(text: str) -> str:
    """``text`` safe in Markdown and in a table cell: HTML escaped, Markdown punctuation backslashed,
    control characters written out, and no ``@mention`` or ``#ref`` that GitHub would act on."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", visible(" ".join(text.split())))
    return _PINGS.sub("\\1&#8203;", text)


def code(text: str) -> str:
    """``text`` as a code span (a file name): on one line, control characters written out, no backtick
    to end the span early. GitHub neither mentions nor links inside a code span."""
    return "`" + visible(" ".join(text.split())).replace("`", "'") + "`"


def _status(status: str, lang: str, text: str | None = None) -> str:
    return f"{STATUS_SYMBOLS[status]} {md(text or status_label(status, lang))}"


def _result_status(result: DutyResult, lang: str) -> str:
    """One result's status with its glyph (a request's or an encouragement's: ◦, never "!")."""
    return f"{status_symbol(result)} {md(status_text(result, lang))}"


def _counts_row(node: Counted) -> str:
    """The cells of :func:`_header`: the counts by status, then the requests' and encouragements' apart."""
    return " | ".join(str(count or "·") for count in count_cells(node))


def _number(n: int, lang: str) -> str:
    """A count with its thousands marked: 65.536 in Vietnamese, 65,536 in English."""
    text = f"{n:,}"
    return text if lang == "en" else text.replace(",", ".")


def _flat(blocks: list[list[str]]) -> list[str]:
    return [line for block in blocks for line in block]


def _statuses(lang: str) -> str:
    """The headings of the count columns: each status, then the requests' and encouragements' results."""
    soft = f"{SOFT_SYMBOL} {md(msg('report.soft_count', lang))}"
    return " | ".join([*(_status(s, lang) for s in STATUS_ORDER), soft])


def _header(lang: str, first: str) -> list[str]:
    return [f"| {first} | {_statuses(lang)} |", "|---" + "|--:" * (len(STATUS_ORDER) + 1) + "|"]


class MarkdownRenderer:
    """Renders a report as GitHub-flavoured Markdown."""

    extension = "md"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """The whole report: what to do, the totals, what needs attention, then the details folded.

        With ``options.summary``, or when the whole report would be longer than a GitHub comment
        allows (:data:`COMMENT_LIMIT` characters), the compact form (:meth:`compact`) instead."""
        lang = options.lang
        head = self._head(report, options)
        totals = self._totals(report, options)
        entries = report.obligation_entries()
        blocks = [
            self._attention(report.attention(), entries, msg("report.attention", lang), lang),
            self._attention(
                report.soft_attention(),
                entries,
                msg("report.soft", lang),
                lang,
                note=msg("report.soft_note", lang),
            ),
            self._by_clause(report, lang),
        ]
        details: list[list[str]] = []
        #: what each block of the detail is called, when it is left out of the compact form
        names: dict[int, str] = {}
        for section in report.instruments:
            pack = report.pack(section.pack)
            details.append([f"### {md(pack.title)} (`{pack.id}`)", ""])
            for article in section.provisions:
                names[len(blocks) + len(details)] = citation(article.id, article.citation, lang, heading=True)
                details.append(self._article(report, article, lang))
        details.append(self._interpretations(report, lang))
        footer = self._footer(lang)
        if not options.summary:
            full = "\n".join(
                [*head, *self._todo(report, lang), *totals, *_flat(blocks), *_flat(details), *footer]
            )
            if len(full) <= COMMENT_LIMIT:
                return full
            note = msg(
                "report.compact.limit", lang, n=_number(len(full), lang), limit=_number(COMMENT_LIMIT, lang)
            )
        else:
            note = msg("report.compact.summary", lang)
        return self.compact(report, lang, head, totals, [*blocks, *details], footer, note, names)

    def compact(
        self,
        report: ComplianceReport,
        lang: str,
        head: list[str],
        totals: list[str],
        blocks: list[list[str]],
        footer: list[str],
        note: str,
        names: dict[int, str] | None = None,
    ) -> str:
        """The compact comment: what to do, the totals, then as many of ``blocks`` as fit folded in
        one ``<details>``, the rest cut with a note naming them (by ``names``, a block's index → its
        name); always within :data:`COMMENT_LIMIT` characters."""
        todo = self._todo(report, lang, budget=COMMENT_LIMIT // 2)
        lines = [*head, f"> {md(note)}", "", *todo, *totals]
        closing = ["</details>", "", *footer]
        used = len("\n".join([*lines, *closing])) + 200  # room for the summary line and the cut note
        kept: list[str] = []
        cut = 0
        left_out: list[str] = []
        for index, block in enumerate(blocks):
            if not block:
                continue
            size = len("\n".join(block)) + 1
            if used + size > COMMENT_LIMIT:  # left out; a smaller one after it may still fit
                cut += 1
                if names and index in names and len(left_out) < 20:
                    left_out.append(names[index])
                continue
            kept += block
            used += size
        opening = ["<details>", f"<summary><b>{md(msg('report.details', lang))}</b></summary>", ""]
        if not kept:
            opening = []
            closing = footer
        which = f" ({', '.join(left_out)})" if left_out else ""
        cut_note = [f"_{md(msg('report.compact.cut', lang, n=cut, which=which))}_", ""] if cut else []
        return "\n".join([*lines, *opening, *kept, *cut_note, *closing])

    def _head(self, report: ComplianceReport, options: RenderOptions) -> list[str]:
        lang = options.lang
        org = report.organisation
        mark = "❌" if report.failing(options.fail_on) else "✅"
        lines = [f"## {mark} {md(msg('report.title', lang))}: {md(org.name)}", ""]
        period = f"{format_date(report.period.start, lang)} – {format_date(report.period.end, lang)}"
        facts = [
            f"**{msg('report.organisation', lang)}:** {md(org.name)} (`{org.id}`)",
            f"**{msg('report.period', lang)}:** {period}",
            f"**{msg('report.as_of', lang)}:** {format_date(report.as_of, lang)}",
        ]
        if report.record is not None:
            facts.append(f"**{msg('report.record', lang)}:** {code(report.record.file)}")
        for pack in report.packs:
            facts.append(
                f"**{msg('report.instruments', lang)}:** {md(pack.named(lang))} "
                f"(`{pack.id}` {md(pack.version)}, sha256 `{pack.source_sha256[:12]}`)"
            )
        return [*lines, " · ".join(facts[:3]), "", *(f"- {fact}" for fact in facts[3:]), ""]

    def _totals(self, report: ComplianceReport, options: RenderOptions) -> list[str]:
        lang = options.lang
        main, soft = verdict(report, options.fail_on, lang, options.blocking)
        lines = [f"### {md(msg('report.summary', lang))}", "", f"**{md(main)}**", ""]
        if soft is not None:
            lines += [md(soft), ""]
        return [
            *lines,
            *_header(lang, msg("report.total", lang)),
            f"| {report.totals.total} | {_counts_row(report)} |",
            "",
        ]

    def _by_clause(self, report: ComplianceReport, lang: str) -> list[str]:
        lines = [f"### {md(msg('report.by_clause', lang))}", "", *_header(lang, msg("col.clause", lang))]
        for row in report.clause_totals():
            label = citation(row.provision, row.citation, lang, heading=True)
            lines.append(f"| {md(label)} | {_counts_row(row)} |")
        return [*lines, ""]

    def _footer(self, lang: str) -> list[str]:
        return [
            "---",
            f"<sub>{md(msg('report.generated_by', lang))}. {md(msg('report.disclaimer', lang))}</sub>",
            "",
        ]

    def _todo(self, report: ComplianceReport, lang: str, *, budget: int | None = None) -> list[str]:
        """The list "Việc cần làm": overdue duties by days overdue, then duties due within
        :data:`TODO_HORIZON_DAYS` days by due date; with ``budget``, rows past that many characters
        are cut with a note."""
        lines = [f"### {md(msg('todo.title', lang))}", ""]
        overdue, upcoming = todo_groups(report)
        if not overdue and not upcoming:
            return [*lines, md(msg("todo.none", lang, days=TODO_HORIZON_DAYS)), ""]
        entries = report.obligation_entries()
        cols = ["#", *(msg(k, lang) for k in ("col.obligation", "col.citation", "col.period", "col.due"))]
        cols += [msg("col.status", lang), msg("todo.evidence", lang)]
        used = 0
        cut = 0
        groups = (
            (msg("todo.overdue", lang, n=len(overdue)), overdue),
            (msg("todo.upcoming", lang, n=len(upcoming), days=TODO_HORIZON_DAYS), upcoming),
        )
        for title, group in groups:
            if not group:
                continue
            lines += [f"**{md(title)}**", "", "| " + " | ".join(md(c) for c in cols) + " |"]
            lines.append("|--:" + "|---" * (len(cols) - 1) + "|")
            for result in group:
                row = (
                    f"| {result.todo_rank} | {md(todo_title(entries, result, lang))} "
                    f"| {md(todo_citation(report, result, lang))} | {md(instance_label(result, lang))} "
                    f"| {due_text(result, lang)} "
                    f"| {_result_status(result, lang)} "
                    f"| {md(wanted_text(entries, result, lang))} |"
                )
                used += len(row) + 1
                if budget is not None and used > budget:
                    cut += 1
                    continue
                lines.append(row)
            lines.append("")
        if cut:
            lines += [md(msg("todo.cut", lang, n=cut)), ""]
        return lines

    def _attention(
        self,
        needing: list[DutyResult],
        entries: Mapping[str, ObligationEntry],
        title: str,
        lang: str,
        *,
        note: str | None = None,
    ) -> list[str]:
        """A table of results to look at: the duties' (:meth:`ComplianceReport.attention`) or the
        requests' and encouragements' (:meth:`ComplianceReport.soft_attention`), kept apart."""
        if not needing:
            return []
        cols = ("col.status", "col.citation", "col.obligation", "col.period", "col.due", "col.explanation")
        lines = [f"### {md(title)}", ""]
        if note is not None:
            lines += [md(note), ""]
        due = due_heading(needing, lang)
        heads = (due if c == "col.due" else msg(c, lang) for c in cols)
        lines += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(cols)]
        for result in needing:
            force = modality_note(result.modality, lang)
            # The duty in words, as "Việc cần làm" names it; its id after, for whoever looks it up in the rules.
            named = md(todo_title(entries, result, lang))
            lines.append(
                f"| {_result_status(result, lang)} | {md(citation(result.provision, result.citation, lang, heading=True))} "
                f"| {named}{f' ({md(force)})' if force else ''} · `{result.obligation.rsplit('.', 1)[-1]}` "
                f"| {md(instance_label(result, lang))} | {due_text(result, lang)} | {md(explanation(result, lang))} |"
            )
        return [*lines, ""]

    def _article(self, report: ComplianceReport, article: ProvisionSection, lang: str) -> list[str]:
        title = citation(article.id, article.citation, lang, heading=True)
        if article.heading:
            title = f"{title}. {article.heading}"
        shown, soft = counts_apart(article)
        counts = " · ".join(
            [
                *(f"{STATUS_SYMBOLS[s]} {shown.get(s)}" for s in STATUS_ORDER if shown.get(s)),
                *([f"{SOFT_SYMBOL} {soft}"] if soft else []),
            ]
        )
        lines = ["<details>", f"<summary><b>{md(title)}</b> {counts}</summary>", ""]
        for provision, depth in article.walk():
            lines += self._provision(report, provision, depth, lang)
        return [*lines, "</details>", ""]

    def _provision(
        self, report: ComplianceReport, provision: ProvisionSection, depth: int, lang: str
    ) -> list[str]:
        lines: list[str] = []
        if depth:
            head = citation(provision.id, provision.citation, lang, heading=True)
            if provision.heading:
                head = f"{head}. {provision.heading}"
            lines += [f"**{md(head)}**", ""]
        if provision.text:
            lines += [f"> {md(provision.text)}", ""]
        for obligation in provision.obligations:
            kinds = f"{modality_label(obligation.modality, lang)}, {schedule_label(obligation, lang)}"
            lines.append(f"- **{md(obligation.summary.get(lang))}** ({md(kinds)}) `{obligation.uid}`")
            results = list(report.results_of(obligation))
            if results and all(r.status.value == "not_applicable" for r in results):
                reasons = dict.fromkeys(r.reason.text.get(lang) for r in results if r.reason is not None)
                lines.append(f"  - {_status('not_applicable', lang)}: {md(' '.join(reasons))}")
            else:
                lines += [f"  - {self._result(result, lang, report.titles)}" for result in results]
            lines.append("")
        return lines

    def _result(self, result: DutyResult, lang: str, titles: dict[str, str]) -> str:
        name = instance_name(result, lang)
        lead = f"{md(name)}: " if name else ""  # md() folds white space, so the space is added after it
        parts = [f"{lead}**{_result_status(result, lang)}**"]
        if result.due:
            parts.append(f"{due_label(result, lang)} {due_text(result, lang)}")
        parts.append(f"{msg('col.evidence', lang)}: {md(evidence_text(result, lang, titles))}")
        if result.reason is not None:
            parts.append(md(result.reason.text.get(lang)))
        return " · ".join(parts)

    def _interpretations(self, report: ComplianceReport, lang: str) -> list[str]:
        lines = [f"### {md(msg('report.interpretations', lang))}", ""]
        if not report.interpretations:
            return [*lines, md(msg("report.no_interpretations", lang)), ""]
        for item in report.interpretations:
            title = f"{md(item.title.get(lang))}: " if item.title else ""
            overridden = f" **{md(msg('report.overridden', lang))}**" if item.overridden else ""
            lines.append(
                f"- {title}**{md(value_label(item.value, lang))}** "
                f"({md(msg('report.basis.' + item.basis, lang))}){overridden} `{item.id}`"
            )
            lines += [f"  - {md(line)}" for line in applied_texts(item, lang)]
        return [*lines, ""]

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """The overview: the totals, then one table row per organisation, worst first, with its weakest
        khoản; within :data:`COMMENT_LIMIT` characters, as a single report is. Rows that would pass it
        are cut, the last ones (the best placed), with a note saying how many and where to find the full
        table; so are the invalid records past a quarter of it. Streamed, row by row."""
        lang = options.lang
        total = overview.organisations
        # Room for the note on rows cut, whatever their number, and the line closing the table.
        budget = COMMENT_LIMIT - len(self._rows_cut(total, total, lang)) - 1
        head = [
            f"## {md(msg('overview.title', lang))}",
            "",
            md(msg("overview.subtitle", lang)),
            "",
            f"**{msg('report.as_of', lang)}:** {format_date(overview.as_of, lang)} · "
            f"**{msg('overview.organisations', lang)}:** {overview.organisations}",
            "",
            *_header(lang, msg("report.total", lang)),
            f"| {overview.totals.total} | {_counts_row(overview)} |",
            "",
        ]
        if overview.invalid:
            head += self._invalid(overview, lang, budget // 4)
        head += [
            f"| # | {msg('col.organisation', lang)} | {_statuses(lang)} | {msg('col.worst', lang)} |",
            "|--:|---" + "|--:" * (len(STATUS_ORDER) + 1) + "|---|",
        ]
        used = len("\n".join(head)) + 1
        yield "\n".join(head) + "\n"
        shown = 0
        for rank, row in enumerate(overview.rows(), start=1):
            failing = [c for c in row.clauses if c.failing(options.fail_on)]
            worst = ", ".join(  # the first opens the cell: "Khoản 2 Điều 2 (6), khoản 1 Điều 2 (4)"
                f"{md(citation(c.provision, c.citation, lang, heading=n == 0))} ({c.failing(options.fail_on)})"
                for n, c in enumerate(failing)
            )
            line = (
                f"| {rank} | {md(row.name)} (`{row.organisation}`) | {_counts_row(row)} | {worst or '—'} |\n"
            )
            used += len(line)
            if used > budget:  # the rows are worst first: those kept are the ones to act on
                break
            shown = rank
            yield line
        yield "\n"
        if shown < total:
            yield self._rows_cut(shown, total - shown, lang)

    def _invalid(self, overview: Overview, lang: str, budget: int) -> list[str]:
        """The invalid records with their first messages, as many as ``budget`` characters hold, then
        how many more there are."""
        invalid = overview.invalid
        lines = [f"**{md(msg('overview.invalid', lang))}: {len(invalid)}**", ""]
        used = 0
        for index, item in enumerate(invalid):
            line = f"- {code(item.file)}: {md('; '.join(item.problems[:3]))}"
            used += len(line) + 1
            if used > budget:
                lines.append(
                    f"- {md(msg('overview.invalid_cut', lang, n=_number(len(invalid) - index, lang)))}"
                )
                break
            lines.append(line)
        return [*lines, ""]

    def _rows_cut(self, shown: int, cut: int, lang: str) -> str:
        """The note under a table cut to fit: how many rows are shown, how many left out, and where they all are."""
        note = msg(
            "overview.cut",
            lang,
            shown=_number(shown, lang),
            n=_number(cut, lang),
            limit=_number(COMMENT_LIMIT, lang),
        )
        return f"_{md(note)}_\n"
