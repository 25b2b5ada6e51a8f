"""HTML: one self-contained page for officials, readable on screen and printable on A4.

No script, no font, no image is fetched: the style sheet is inline and the per-khoản chart is an
inline SVG. A status is always written as a word beside its colour (never colour alone). Every
string from the record or the rules is escaped. ``@page`` and ``@media print`` lay it out on A4
with colours kept and rows never split across pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.report.messages import STATUS_ORDER, citation, format_date, msg, status_label, value_label
from dancoso_rules.report.model import (
    ATTENTION,
    TODO_HORIZON_DAYS,
    ClauseTotals,
    ComplianceReport,
    ProvisionSection,
    StatusCounts,
)
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    STATUS_COLOURS,
    applied_texts,
    evidence_text,
    explanation,
    instance_label,
    modality_label,
    modality_note,
    status_text,
    todo_citation,
    todo_groups,
    todo_title,
    verdict,
    wanted_text,
)
from dancoso_rules.text import visible_lines

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

_BADGES = "".join(f".s-{s}{{background:{bg};color:{fg}}}" for s, (bg, fg) in STATUS_COLOURS.items())
_CSS = (
    """
:root{--ink:#1b1b1b;--muted:#5f6368;--line:#d0d4d9;--paper:#fff;--band:#f4f1ea;--accent:#8a1c1c}
*{box-sizing:border-box}
body{margin:0;background:#e9ebee;color:var(--ink);font:14px/1.5 "Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif}
main{max-width:210mm;margin:16px auto;background:var(--paper);padding:14mm 15mm;box-shadow:0 1px 4px #0002}
header{border-bottom:3px double var(--accent);padding-bottom:8px;margin-bottom:12px}
.kicker{color:var(--accent);font-weight:700;letter-spacing:.04em;text-transform:uppercase;font-size:12px;margin:0}
h1{font-size:22px;margin:2px 0 0;line-height:1.25}
h2{font-size:17px;margin:22px 0 8px;padding-bottom:3px;border-bottom:1px solid var(--line);color:var(--accent)}
h3{font-size:15px;margin:16px 0 6px}
.sub{color:var(--muted);margin:2px 0 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:10px 0 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
code,.mono{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12px;word-break:break-all}
.cards{display:grid;grid-template-columns:repeat(7,1fr);gap:6px;margin:8px 0}
.card{border-radius:6px;padding:6px 6px 5px;text-align:center}
.card b{display:block;font-size:22px;line-height:1.1}.card span{font-size:11px;line-height:1.2;display:block}
.verdict{font-weight:700;padding:6px 10px;border-left:5px solid;margin:8px 0}
.verdict.fail{border-color:#b3261e;background:#fbeaea}.verdict.pass{border-color:#2e7d32;background:#eaf5ea}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
table.attention td .badge{white-space:normal;line-height:1.35}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
th{background:var(--band);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
table.counts{table-layout:fixed}table.counts th{font-size:11px;text-align:center}
table.counts th:first-child{width:19%;text-align:left}table.counts th .badge{white-space:normal;overflow-wrap:anywhere;padding:1px 3px;line-height:1.2;font-size:10.5px}
table.attention{table-layout:fixed}table.attention th:first-child{width:17%}table.attention th:nth-child(2){width:15%}
table.attention th:nth-child(3){width:12%}table.attention th:nth-child(4){width:13%}
table.attention td:nth-child(4){white-space:nowrap}
.article{margin-top:14px}
.provision{margin:6px 0 6px calc(var(--depth) * 14px);padding-left:8px;border-left:2px solid var(--line)}
.provision>.cite{font-weight:700}
.law{margin:3px 0;padding:4px 8px;background:var(--band);border-radius:3px;font-style:italic}
.none{color:var(--muted);font-size:12px}
.obligation{margin:6px 0 4px}
.obligation>p{margin:2px 0}
.meta{color:var(--muted);font-size:12px}
svg{max-width:100%;height:auto}
footer{margin-top:20px;border-top:1px solid var(--line);padding-top:6px;color:var(--muted);font-size:11.5px}
@page{size:A4;margin:12mm 12mm 14mm}
@media print{
 body{background:#fff;font-size:10.5pt}
 main{max-width:none;margin:0;padding:0;box-shadow:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2,h3{break-after:avoid}
 tr,.card,.obligation,svg{break-inside:avoid}
 .article{break-before:auto}
}
"""
    + _BADGES
    # "Việc cần làm": the list that opens the report
    + "section.todo{border:2px solid var(--accent);border-radius:6px;padding:2px 12px 8px;margin:12px 0}"
    "section.todo h2{border:0;margin-top:10px}section.todo h3{margin:10px 0 4px}"
    "table.todo{table-layout:fixed}table.todo th:first-child{width:2.5em}table.todo th:nth-child(2){width:24%}"
    "table.todo th:nth-child(3){width:13%}table.todo th:nth-child(4){width:10%}table.todo th:nth-child(5){width:13%}"
    "table.todo td:nth-child(5){white-space:nowrap}table.todo th:nth-child(6){width:13%}"
    "table.todo td .badge{white-space:normal;line-height:1.35}"
)


def _e(text: object) -> str:
    return escape(visible_lines(str(text)), quote=True)


def _force(result: DutyResult, lang: str) -> str:
    force = modality_note(result.modality, lang)
    return f'<br><span class="meta">{_e(force)}</span>' if force else ""


def _badge(status: str, text: str) -> str:
    return f'<span class="badge s-{status}">{_e(text)}</span>'


def _page(title: str, lang: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def _cards(totals: StatusCounts, lang: str) -> str:
    cards = "".join(
        f'<div class="card s-{s}"><b>{totals.get(s)}</b><span>{_e(status_label(s, lang))}</span></div>'
        for s in STATUS_ORDER
    )
    return f'<div class="cards">{cards}</div>\n'


def chart(rows: tuple[ClauseTotals, ...], lang: str, *, many_packs: bool = False) -> str:
    """An inline SVG of stacked bars, one per khoản, each segment labelled with its count."""
    labels = [
        citation(r.provision, r.citation, lang, heading=True) + (f" ({r.pack})" if many_packs else "")
        for r in rows
    ]
    label_w = 16 + int(6.4 * max((len(label) for label in labels), default=10))
    bar_w, row_h, top = 660 - label_w, 24, 30
    height = top + row_h * len(rows) + 34
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 670 {height}" width="670" '
        f'role="img" aria-label="{_e(msg("report.chart_title", lang))}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<text x="0" y="16" font-size="13" font-weight="bold">{_e(msg("report.chart_title", lang))}</text>',
    ]
    widest = max((row.totals.total for row in rows), default=1) or 1
    for i, row in enumerate(rows):
        y = top + i * row_h
        label = labels[i]
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>')
        x = float(label_w)
        for status in STATUS_ORDER:
            count = row.totals.get(status)
            if not count:
                continue
            width = bar_w * count / widest
            bg, fg = STATUS_COLOURS[status]
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}" fill="{bg}">'
                f"<title>{_e(status_label(status, lang))}: {count}</title></rect>"
            )
            if width >= 14:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + 16}" text-anchor="middle" fill="{fg}">{count}</text>'
                )
            x += width
    legend_y = top + row_h * len(rows) + 14
    x = 0.0
    for status in STATUS_ORDER:
        bg, _ = STATUS_COLOURS[status]
        label = status_label(status, lang)
        parts.append(f'<rect x="{x:.1f}" y="{legend_y - 9}" width="10" height="10" fill="{bg}"/>')
        parts.append(f'<text x="{x + 13:.1f}" y="{legend_y}" font-size="10">{_e(label)}</text>')
        x += 20 + 5.6 * len(label)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


class HtmlRenderer:
    """Renders a report as one self-contained, printable HTML page."""

    extension = "html"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """The whole page: what to do, the totals, then the detail (with ``options.summary``, the
        first two only)."""
        lang = options.lang
        org = report.organisation
        out = [self._header(report, lang), self._todo(report, lang)]
        failing = report.failing(options.fail_on)
        out.append(f"<h2>{_e(msg('report.summary', lang))}</h2>\n{_cards(report.totals, lang)}")
        main, soft = verdict(report, options.fail_on, lang, options.blocking)
        fail_on = ", ".join(status_label(s, lang) for s in STATUS_ORDER if s in options.fail_on) or "—"
        out.append(
            f'<p class="verdict {"fail" if failing else "pass"}">{_e(main)} '
            f'<span class="meta">({_e(msg("report.fail_on", lang))}: {_e(fail_on)})</span></p>\n'
        )
        if soft is not None:
            out.append(f'<p class="meta">{_e(soft)}</p>\n')
        if options.summary:
            out.append(self._footer(lang))
            return _page(f"{msg('report.title', lang)}: {org.name}", lang, "".join(out))
        rows = report.clause_totals()
        out.append(
            f"<h2>{_e(msg('report.by_clause', lang))}</h2>\n{chart(rows, lang, many_packs=len(report.packs) > 1)}"
        )
        out.append(self._clause_table(rows, lang))
        out.append(self._attention(report.attention(), msg("report.attention", lang), lang))
        out.append(
            self._attention(
                report.soft_attention(), msg("report.soft", lang), lang, note=msg("report.soft_note", lang)
            )
        )
        for section in report.instruments:
            pack = report.pack(section.pack)
            out.append(f"<h2>{_e(msg('report.provisions', lang))}: {_e(pack.title)}</h2>\n")
            for article in section.provisions:
                out.append('<section class="article">\n')
                for provision, depth in article.walk():
                    out.append(self._provision(report, provision, depth, lang))
                out.append("</section>\n")
        out.append(self._interpretations(report, lang))
        out.append(self._footer(lang))
        title = f"{msg('report.title', lang)}: {org.name}"
        return _page(title, lang, "".join(out))

    def _footer(self, lang: str) -> str:
        return (
            f"<footer><p>{_e(msg('report.generated_by', lang))} · {_e(msg('report.law', lang))}</p>"
            f"<p>{_e(msg('report.disclaimer', lang))}</p></footer>\n"
        )

    def _todo(self, report: ComplianceReport, lang: str) -> str:
        """The list "Việc cần làm": overdue duties by days overdue, then duties due within
        :data:`TODO_HORIZON_DAYS` days by due date, each with its provision, due date and evidence."""
        title = f'<section class="todo" id="todo">\n<h2>{_e(msg("todo.title", lang))}</h2>\n'
        overdue, upcoming = todo_groups(report)
        if not overdue and not upcoming:
            return f"{title}<p>{_e(msg('todo.none', lang, days=TODO_HORIZON_DAYS))}</p>\n</section>\n"
        entries = report.obligation_entries()
        cols = ["#", *(msg(k, lang) for k in ("col.obligation", "col.citation", "col.period", "col.due"))]
        cols += [msg("col.status", lang), msg("todo.evidence", lang)]
        head = "".join(f"<th>{_e(c)}</th>" for c in cols)
        parts = [title]
        groups = (
            (msg("todo.overdue", lang, n=len(overdue)), overdue),
            (msg("todo.upcoming", lang, n=len(upcoming), days=TODO_HORIZON_DAYS), upcoming),
        )
        for heading, group in groups:
            if not group:
                continue
            body = "".join(
                f'<tr><td class="n">{r.todo_rank}</td><td><b>{_e(todo_title(entries, r, lang))}</b></td>'
                f"<td>{_e(todo_citation(report, r, lang))}</td><td>{_e(instance_label(r, lang))}</td>"
                f"<td>{_e(format_date(r.due, lang) if r.due else '—')}</td>"
                f"<td>{_badge(r.status.value, status_text(r, lang))}</td><td>{_e(wanted_text(entries, r, lang))}</td></tr>"
                for r in group
            )
            parts.append(
                f"<h3>{_e(heading)}</h3>\n"
                f'<table class="todo"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'
            )
        return "".join(parts) + "</section>\n"

    def _header(self, report: ComplianceReport, lang: str) -> str:
        org = report.organisation
        period = f"{format_date(report.period.start, lang)} – {format_date(report.period.end, lang)}"
        facts = [
            (msg("report.organisation", lang), f"{_e(org.name)} <code>{_e(org.id)}</code>"),
            (msg("report.period", lang), _e(period)),
            (msg("report.as_of", lang), _e(format_date(report.as_of, lang))),
        ]
        if org.parent is not None:
            facts.insert(1, (msg("report.parent", lang), _e(org.parent.name)))
        if report.record is not None:
            facts.append((msg("report.record", lang), f"<code>{_e(report.record.file)}</code>"))
        for pack in report.packs:
            number = f" {_e(pack.number)}" if pack.number else ""
            facts.append(
                (
                    msg("report.instruments", lang),
                    f'{_e(pack.issuer)}{number}: {_e(pack.title)}<br><span class="meta">'
                    f"{_e(msg('report.version', lang))} <code>{_e(pack.id)} {_e(pack.version)}</code> · "
                    f"{_e(msg('report.effective', lang))} {_e(format_date(pack.effective, lang))} · "
                    f"{_e(msg('report.source_sha256', lang))} <code>{_e(pack.source_sha256)}</code></span>",
                )
            )
        rows = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in facts)
        return (
            f'<header><p class="kicker">{_e(msg("report.law", lang))}</p>'
            f"<h1>{_e(msg('report.title', lang))}</h1>"
            f'<p class="sub">{_e(msg("report.subtitle", lang))}</p>'
            f'<dl class="facts">{rows}</dl></header>\n'
        )

    def _clause_table(self, rows: tuple[ClauseTotals, ...], lang: str) -> str:
        head = "".join(f"<th>{_badge(s, status_label(s, lang))}</th>" for s in STATUS_ORDER)
        body = "".join(
            f"<tr><td>{_e(citation(r.provision, r.citation, lang, heading=True))}</td>"
            + "".join(f'<td class="n">{r.totals.get(s) or "·"}</td>' for s in STATUS_ORDER)
            + f'<td class="n">{r.totals.total}</td></tr>'
            for r in rows
        )
        return (
            f'<table class="counts"><thead><tr><th>{_e(msg("col.clause", lang))}</th>{head}<th>{_e(msg("report.total", lang))}</th>'
            f"</tr></thead><tbody>{body}</tbody></table>\n"
        )

    def _attention(self, needing: list[DutyResult], title: str, lang: str, *, note: str | None = None) -> str:
        """A table of results to look at: the duties' (:meth:`ComplianceReport.attention`) or the
        requests' and encouragements' (:meth:`ComplianceReport.soft_attention`), kept apart."""
        if not needing:
            return ""
        cols = ("col.status", "col.citation", "col.period", "col.due", "col.explanation")
        head = "".join(f"<th>{_e(msg(c, lang))}</th>" for c in cols)
        body = "".join(
            f"<tr><td>{_badge(r.status.value, status_text(r, lang))}</td>"
            f"<td>{_e(citation(r.provision, r.citation, lang, heading=True))}{_force(r, lang)}</td><td>{_e(instance_label(r, lang))}</td>"
            f"<td>{_e(format_date(r.due, lang) if r.due else '—')}</td><td>{_e(explanation(r, lang))}</td></tr>"
            for r in needing
        )
        intro = f'<p class="meta">{_e(note)}</p>\n' if note is not None else ""
        return f'<h2>{_e(title)}</h2>\n{intro}<table class="attention"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'

    def _provision(self, report: ComplianceReport, provision: ProvisionSection, depth: int, lang: str) -> str:
        head = citation(provision.id, provision.citation, lang, heading=True)
        if provision.heading:
            head = f"{head}. {provision.heading}"
        tag = "h3" if depth == 0 else "div"
        parts = [f'<div class="provision" style="--depth:{depth}" id="{_e(provision.id)}">']
        parts.append(f'<{tag} class="cite">{_e(head)}</{tag}>')
        if provision.text:
            parts.append(f'<p class="law">{_e(provision.text)}</p>')
        if provision.non_operative is not None:
            parts.append(
                f'<p class="none">{_e(msg("report.non_operative", lang))}: {_e(provision.non_operative.get(lang))}</p>'
            )
        for obligation in provision.obligations:
            kinds = f"{modality_label(obligation.modality, lang)} · {msg('schedule.' + obligation.schedule, lang)}"
            parts.append(
                f'<div class="obligation"><p><b>{_e(obligation.summary.get(lang))}</b> '
                f'<span class="meta">({_e(kinds)}) <code>{_e(obligation.uid)}</code></span></p>'
            )
            parts.append(self._results(list(report.results_of(obligation)), lang, report.titles))
            parts.append("</div>")
        parts.append("</div>\n")
        return "".join(parts)

    def _results(self, results: list[DutyResult], lang: str, titles: dict[str, str]) -> str:
        if not results:
            return f'<p class="none">{_e(msg("report.no_results", lang))}</p>'
        cols = ("col.period", "col.due", "col.status", "col.evidence", "col.explanation")
        head = "".join(f"<th>{_e(msg(c, lang))}</th>" for c in cols)
        body = "".join(
            f"<tr><td>{_e(instance_label(r, lang))}</td><td>{_e(format_date(r.due, lang) if r.due else '—')}</td>"
            f"<td>{_badge(r.status.value, status_text(r, lang))}</td><td>{_e(evidence_text(r, lang, titles))}</td>"
            f"<td>{_e(explanation(r, lang))}</td></tr>"
            for r in results
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def _interpretations(self, report: ComplianceReport, lang: str) -> str:
        title = f"<h2>{_e(msg('report.interpretations', lang))}</h2>\n"
        if not report.interpretations:
            return title + f'<p class="none">{_e(msg("report.no_interpretations", lang))}</p>\n'
        rows = "".join(
            f"<tr><td>{_e(i.title.get(lang) if i.title else '')}</td><td><b>{_e(value_label(i.value, lang))}</b></td>"
            f"<td>{_e(msg('report.basis.' + i.basis, lang))}"
            f"{' · <b>' + _e(msg('report.overridden', lang)) + '</b>' if i.overridden else ''}"
            f"{''.join('<br>' + _e(line) for line in applied_texts(i, lang))}</td>"
            f"<td><code>{_e(i.id)}</code></td></tr>"
            for i in report.interpretations
        )
        return title + f"<table><tbody>{rows}</tbody></table>\n"

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """The overview page, streamed: one table row per organisation, worst first."""
        lang = options.lang
        page = _page(msg("overview.title", lang), lang, "\x00")
        opening, closing = page.split("\x00")
        yield opening
        yield (
            f'<header><p class="kicker">{_e(msg("report.law", lang))}</p><h1>{_e(msg("overview.title", lang))}</h1>'
            f'<p class="sub">{_e(msg("overview.subtitle", lang))}</p><dl class="facts">'
            f"<dt>{_e(msg('report.as_of', lang))}</dt><dd>{_e(format_date(overview.as_of, lang))}</dd>"
            f"<dt>{_e(msg('overview.organisations', lang))}</dt><dd>{overview.organisations}</dd></dl></header>\n"
            f"{_cards(overview.totals, lang)}"
        )
        if overview.invalid:
            items = "".join(
                f"<li><code>{_e(i.file)}</code>: {_e('; '.join(i.problems[:3]))}</li>"
                for i in overview.invalid
            )
            yield f"<h2>{_e(msg('overview.invalid', lang))}: {len(overview.invalid)}</h2><ul>{items}</ul>\n"
        head = "".join(f"<th>{_badge(s, status_label(s, lang))}</th>" for s in STATUS_ORDER)
        yield (
            f"<table><thead><tr><th>#</th><th>{_e(msg('col.organisation', lang))}</th>{head}"
            f"<th>{_e(msg('col.worst', lang))}</th></tr></thead><tbody>\n"
        )
        for rank, row in enumerate(overview.rows(), start=1):
            cells = "".join(
                f'<td class="n{" s-" + s if row.totals.get(s) and s in ATTENTION else ""}">{row.totals.get(s) or "·"}</td>'
                for s in STATUS_ORDER
            )
            worst = ", ".join(
                f"{_e(citation(c.provision, c.citation, lang))} ({c.failing(options.fail_on)})"
                for c in row.clauses
                if c.failing(options.fail_on)
            )
            yield (
                f'<tr><td class="n">{rank}</td><td>{_e(row.name)}<br><code>{_e(row.file)}</code></td>'
                f"{cells}<td>{worst or '—'}</td></tr>\n"
            )
        yield "</tbody></table>\n" + closing
