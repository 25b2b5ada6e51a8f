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
from urllib.parse import quote

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.report.messages import STATUS_ORDER, citation, format_date, msg, status_label, value_label
from dancoso_rules.report.model import (
    ATTENTION,
    TODO_HORIZON_DAYS,
    ClauseTotals,
    ComplianceReport,
    Counted,
    ProvisionSection,
)
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    SOFT_COLOURS,
    SOFT_SYMBOL,
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    applied_texts,
    count_cells,
    count_titles,
    due_heading,
    due_text,
    evidence_text,
    explanation,
    instance_label,
    instance_parts,
    modality_label,
    modality_note,
    result_due_notes,
    schedule_label,
    status_key,
    status_text,
    todo_citation,
    todo_groups,
    todo_title,
    verdict,
    wanted_text,
    worst_applying,
    worst_status,
)
from dancoso_rules.text import visible_lines

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview, OverviewRow

_BADGES = "".join(
    f".s-{s}{{background:{bg};color:{fg}}}"
    for s, (bg, fg) in [*STATUS_COLOURS.items(), ("soft", SOFT_COLOURS)]
)
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
.cards{display:grid;grid-template-columns:repeat(8,1fr);gap:6px;margin:8px 0}
.card{border-radius:6px;padding:6px 6px 5px;text-align:center}
.card b{display:block;font-size:22px;line-height:1.1}.card span{font-size:11px;line-height:1.2;display:block}
.verdict{font-weight:700;padding:6px 10px;border-left:5px solid;margin:8px 0}
.verdict.fail{border-color:#b3261e;background:#fbeaea}.verdict.pass{border-color:#2e7d32;background:#eaf5ea}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
.s-soft{outline:1px dashed #8d8676;outline-offset:-1px}
table.attention td .badge{white-space:normal;line-height:1.35}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:12.5px}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
th{background:var(--band);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums}
table.counts th,table.counts td{padding:3px 3px}table.counts th{font-size:11px;text-align:center}
table.counts th:first-child{width:19%;text-align:left}table.counts td:first-child{min-width:7.5em}table.counts th .badge{white-space:normal;overflow-wrap:break-word;padding:1px 3px;line-height:1.2;font-size:10.5px}
table.attention{table-layout:fixed}table.attention th:first-child{width:17%}table.attention th:nth-child(2){width:15%}
table.attention th:nth-child(3){width:12%}table.attention th:nth-child(4){width:13%}
.article{margin-top:14px}
.provision{margin:6px 0 6px calc(var(--depth) * 14px);padding-left:8px;border-left:2px solid var(--line)}
.provision>.cite{font-weight:700}
.law{margin:3px 0;padding:4px 8px;background:var(--band);border-radius:3px;font-style:italic}
.none{color:var(--muted);font-size:12px}
.obligation{margin:6px 0 4px}
.obligation>p{margin:2px 0}
.meta{color:var(--muted);font-size:12px}
svg{max-width:100%;height:auto}
td{overflow-wrap:break-word}
.obligation table{table-layout:fixed}
.obligation table th:nth-child(1){width:15%}.obligation table th:nth-child(2){width:15%}
.obligation table th:nth-child(3){width:19%}.obligation table th:nth-child(4){width:18%}
td>.badge{white-space:normal;max-width:100%;line-height:1.35}
footer{margin-top:20px;border-top:1px solid var(--line);padding-top:6px;color:var(--muted);font-size:11.5px}
@media (max-width:640px){
 main{margin:0;padding:12px 10px;box-shadow:none}
 h1{font-size:19px}
 dl.facts{grid-template-columns:1fr}dl.facts dd{margin:0 0 4px}
 .cards{grid-template-columns:repeat(auto-fill,minmax(88px,1fr))}
 .provision{margin-left:calc(var(--depth) * 6px)}
 td{overflow-wrap:anywhere}
 table.todo,table.attention,table.counts,.obligation table{display:block;border:0}
 table.todo thead,table.attention thead,table.counts thead,.obligation table thead{display:none}
 table.todo tbody,table.attention tbody,table.counts tbody,.obligation table tbody{display:block}
 table.todo tr,table.attention tr,table.counts tr,.obligation table tr{display:block;border:1px solid var(--line);margin:0 0 6px;padding:3px 6px}
 table.todo td,table.attention td,table.counts td,.obligation table td{display:block;border:0;padding:1px 0;text-align:left}
 table.counts td.n{display:inline-block;width:50%}
 table.todo td::before,table.attention td::before,table.counts td::before,.obligation table td::before{color:var(--muted);font-size:11px}
}
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
    "table.todo{table-layout:fixed}table.todo th:first-child{width:2.5em}table.todo th:nth-child(2){width:21%}"
    "table.todo th:nth-child(3){width:13%}table.todo th:nth-child(4){width:13%}table.todo th:nth-child(5){width:13%}"
    "table.todo th:nth-child(6){width:13%}"
    # a due date on one line, what is said of it (an interpretation, the day it was counted to) below, smaller
    ".due{white-space:nowrap}.due-note{display:block;color:var(--muted);font-size:12px}"
    # an event's date kept whole beside its id in a narrow column ("kn-2025-09 (08/9/2025)")
    ".when{white-space:nowrap}"
    "table.todo td .badge{white-space:normal;line-height:1.35}"
)


#: The overview's dashboard: the whole width of the screen, A4 landscape in print.
_DASH_CSS = """
main.wide{max-width:none;margin:0;padding:16px 20px;box-shadow:none}
main.wide .cards{max-width:900px}
.controls{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;margin:6px 0 8px}
.controls[hidden]{display:none}
.controls input[type=search]{font:inherit;padding:3px 8px;width:16em;max-width:100%;border:1px solid #9aa0a6;border-radius:4px}
.controls output{font-weight:600}
.scroll{overflow:auto;max-width:100%}
table.dash{width:auto;font-size:12.5px}
table.dash td,table.dash th{padding:2px 6px;vertical-align:middle}
table.dash th{position:sticky;top:0;z-index:1;vertical-align:bottom}
table.dash th.n{width:6.2em;text-align:right}table.dash th.n:first-child{width:auto}
table.dash th .badge{white-space:normal;line-height:1.25;padding:1px 5px;text-align:center;font-size:11px}
table.dash td.org{min-width:19em}
table.dash td.org a{color:#0b4f8a;font-weight:600;text-decoration:underline;text-decoration-color:#0b4f8a55}
table.dash td.worst{min-width:13em;font-size:11.5px}
table.dash td.fail{font-weight:700}
table.dash td.id{width:1%}table.dash td.id code{word-break:normal;white-space:nowrap;font-size:11px}
table.dash th button{all:unset;cursor:pointer;display:block}
table.dash th button:focus-visible{outline:2px solid #0b4f8a}
table.dash th[aria-sort=ascending] button::after{content:" ▲"}
table.dash th[aria-sort=descending] button::after{content:" ▼"}
table.dash th.n button{text-align:right}
.nowrap{white-space:nowrap}
tr.off{display:none}
.legend .badge{margin:0 4px 4px 0}
table.heat{width:auto;font-size:11px}
table.heat th,table.heat td{padding:1px 3px;text-align:center;vertical-align:middle}
table.heat th.pack{font-weight:600;font-size:11px}
table.heat th.k{vertical-align:bottom;padding:4px 1px}
table.heat th.k span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}
table.heat td{min-width:2.7em;white-space:nowrap;font-weight:600}
table.heat td.org{text-align:left;font-weight:400;min-width:15em;max-width:24em;white-space:normal}
@page{size:A4 landscape;margin:10mm}
@media print{
 main.wide{padding:0}
 .controls{display:none}
 .scroll{overflow:visible}
 table.dash th{position:static}
 thead{display:table-header-group}
 table.dash,table.heat{font-size:8pt}
 table.dash td.org{min-width:14em}table.dash td.worst{min-width:9em}table.dash th.n{width:5.4em}
 table.heat{break-before:page}
}
"""

_WORST_SHOWN = 2  # khoản named in a dashboard row (the heat map shows them all)

#: Sorting and filtering for the dashboard's table; without it the table is complete, worst first.
_SCRIPT = """
(() => {
  const table = document.getElementById('orgs'), heat = document.getElementById('heat');
  const controls = document.querySelector('.controls'), q = document.getElementById('q');
  const failing = document.getElementById('failing'), shown = document.getElementById('shown');
  if (!table || !controls) return;
  controls.hidden = false;
  const body = table.tBodies[0], rows = [...body.rows];
  const heatRows = new Map(heat ? [...heat.tBodies[0].rows].map((r) => [r.dataset.i, r]) : []);
  const heads = [...table.tHead.rows[0].cells];
  const failCol = heads.length - 2;
  const plain = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const words = new Map(rows.map((r) => [r, plain(r.cells[1].textContent + ' ' + r.cells[2].textContent)]));
  const number = (r, i) => { const n = parseInt(r.cells[i].textContent, 10); return Number.isNaN(n) ? 0 : n; };
  const apply = () => {
    const wanted = plain(q.value.trim());
    let n = 0;
    for (const r of rows) {
      const on = (!wanted || words.get(r).includes(wanted)) && (!failing.checked || number(r, failCol) > 0);
      r.classList.toggle('off', !on);
      const h = heatRows.get(r.dataset.i);
      if (h) h.classList.toggle('off', !on);
      n += on;
    }
    shown.textContent = shown.dataset.text.replace('{n}', n).replace('{total}', rows.length);
  };
  heads.forEach((th, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', () => {
      const numeric = th.classList.contains('n');
      const now = th.getAttribute('aria-sort');
      const up = now ? now === 'descending' : !numeric || i === 0;
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      const sign = up ? 1 : -1;
      const key = numeric ? (r) => number(r, i) : (r) => r.cells[i].textContent.trim();
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const c = numeric ? x - y : x.localeCompare(y, document.documentElement.lang);
        return c * sign || a.dataset.i - b.dataset.i;
      });
      for (const r of rows) {
        body.appendChild(r);
        const h = heatRows.get(r.dataset.i);
        if (h) h.parentNode.appendChild(h);
      }
    });
  });
  q.addEventListener('input', apply);
  failing.addEventListener('change', apply);
  apply();
})();
"""


def _labels(lang: str) -> str:
    """Style for narrow screens, where a table's rows are stacked: each cell says which column it is."""

    def rules(table: str, keys: list[str]) -> str:
        return "".join(
            f'{table} td:nth-child({i})::before{{content:"{label}: "}}'
            for i, label in enumerate(keys, start=1)
            if label
        )

    due = msg("col.due", lang)
    results = [
        msg(c, lang) for c in ("col.period", "col.due", "col.status", "col.evidence", "col.explanation")
    ]
    attention = [
        msg(c, lang) for c in ("col.status", "col.citation", "col.period", "col.due", "col.explanation")
    ]
    counts = ["", *(name for _, name in _columns(lang)), msg("report.total", lang)]
    todo = [
        "#",
        *(msg(c, lang) for c in ("col.obligation", "col.citation", "col.period", "col.due", "col.status")),
        msg("todo.evidence", lang),
    ]
    return (
        "@media (max-width:640px){"
        + rules(".obligation table", results)
        + rules("table.attention", attention)
        + rules(
            ".obligation table.soft", [msg("col.reference_date", lang) if c == due else "" for c in results]
        )
        + rules(
            "table.attention.soft", [msg("col.reference_date", lang) if c == due else "" for c in attention]
        )
        + rules("table.counts", counts)
        + rules("table.todo", todo)
        + "table.todo{table-layout:auto}"
        + "table.attention td:first-child::before,.obligation table td:nth-child(3)::before{content:none}"
        + "table.counts td:first-child{font-weight:600}}"
    )


def _e(text: object) -> str:
    return escape(visible_lines(str(text)), quote=True)


def _force(result: DutyResult, lang: str) -> str:
    force = modality_note(result.modality, lang)
    return f'<br><span class="meta">{_e(force)}</span>' if force else ""


def _instance_cell(result: DutyResult, lang: str) -> str:
    """A result's instance for a table cell (see :func:`instance_label`), an event's date kept on one line."""
    parts = instance_parts(result, lang)
    if parts is None or parts[1] is None:
        return _e(instance_label(result, lang))
    name, day = parts
    return f'{_e(name)} <span class="when">({_e(day)})</span>'


def _due_cell(result: DutyResult, lang: str) -> str:
    """A result's due date (:func:`due_text`), kept on one line, and what is said of it below in smaller type."""
    if result.due is None:
        return _e(due_text(result, lang))
    notes = result_due_notes(result, lang).strip()
    date = f'<span class="due">{_e(format_date(result.due, lang))}</span>'
    return f'{date}<span class="due-note">{_e(notes)}</span>' if notes else date


def _badge(status: str, text: str) -> str:
    return f'<span class="badge s-{status}">{_e(text)}</span>'


def _page(title: str, lang: str, body: str, *, wide: bool = False, script: str = "") -> str:
    style = _CSS + _labels(lang) + (_DASH_CSS if wide else "")
    main = '<main class="wide">' if wide else "<main>"
    tail = f"<script>{script}</script>\n" if script else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{main}\n{body}</main>\n{tail}</body>\n</html>\n"
    )


def _columns(lang: str) -> list[tuple[str, str]]:
    """The count columns, as (their class, their name): :func:`count_titles` with each status's class,
    then ``soft``."""
    return list(zip([*STATUS_ORDER, "soft"], count_titles(lang), strict=True))


def _counted(node: Counted, lang: str) -> list[tuple[str, str, int]]:
    """Each count column of :func:`_columns` with its count for ``node`` (:func:`count_cells`)."""
    return [(key, name, count) for (key, name), count in zip(_columns(lang), count_cells(node), strict=True)]


def _cards(node: Counted, lang: str) -> str:
    cards = "".join(
        f'<div class="card s-{key}"><b>{count}</b><span>{_e(label)}</span></div>'
        for key, label, count in _counted(node, lang)
    )
    return f'<div class="cards">{cards}</div>\n'


#: A pattern over each status's colour, so that the chart reads in grayscale too (solid: met, not applicable;
#: the requests' and encouragements' results are pale with a dashed outline, as their cards).
_PATTERNS: dict[str, str] = {
    "missed": '<path d="M0 0L6 6M6 0L0 6" stroke-width="1.4"/>',
    "overdue": '<path d="M0 6L6 0" stroke-width="1.4"/>',
    "late": '<circle cx="3" cy="3" r="1.1"/>',
    "unverified": '<path d="M0 3H6" stroke-width="1.2"/>',
    "upcoming": '<path d="M3 0V6" stroke-width="1"/>',
}
_MIN_SEGMENT = 20.0  # px: room for a segment's number, however small its count


def _colours(key: str) -> tuple[str, str]:
    return SOFT_COLOURS if key == "soft" else STATUS_COLOURS[key]


def _outline(key: str) -> str:
    """A chart segment's outline: white between statuses, dashed for the requests' and encouragements'."""
    if key == "soft":
        return 'stroke="#8d8676" stroke-width="1" stroke-dasharray="3 2"'
    return 'stroke="#fff" stroke-width="1"'


def _swatch(status: str) -> str:
    if status not in _PATTERNS:
        return _colours(status)[0]
    return f"url(#p-{status})"


def _pattern_defs() -> str:
    defs = []
    for status, shape in _PATTERNS.items():
        bg, fg = STATUS_COLOURS[status]
        defs.append(
            f'<pattern id="p-{status}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{bg}"/><g stroke="{fg}" fill="{fg}" opacity=".45">{shape}</g></pattern>'
        )
    return "<defs>" + "".join(defs) + "</defs>"


def chart(rows: tuple[ClauseTotals, ...], lang: str, *, many_packs: bool = False) -> str:
    """An inline SVG of stacked bars, one per khoản, each segment patterned (for grayscale) and labelled
    with its count, and each bar's total at its end."""
    labels = [
        citation(r.provision, r.citation, lang, heading=True) + (f" ({r.pack})" if many_packs else "")
        for r in rows
    ]
    label_w = 16 + int(6.4 * max((len(label) for label in labels), default=10))
    bar_w, row_h, top = 630 - label_w, 24, 30
    legend_rows = 2
    height = top + row_h * len(rows) + 18 + 16 * legend_rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 670 {height}" width="670" '
        f'role="img" aria-label="{_e(msg("report.chart_title", lang))}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        _pattern_defs(),
        f'<text x="0" y="16" font-size="13" font-weight="bold">{_e(msg("report.chart_title", lang))}</text>',
    ]
    # Each segment is _MIN_SEGMENT wide plus its share, so that every count has room for its number.
    counted = [_counted(row, lang) for row in rows]
    most = max((sum(1 for _, _, count in columns if count) for columns in counted), default=0)
    widest = max((row.totals.total for row in rows), default=1) or 1
    scale = max(bar_w - _MIN_SEGMENT * most, bar_w / 2) / widest
    for i, row in enumerate(rows):
        y = top + i * row_h
        label = labels[i]
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(label)}</text>')
        x = float(label_w)
        for status, name, count in counted[i]:
            if not count:
                continue
            width = _MIN_SEGMENT + scale * count
            bg, fg = _colours(status)
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}" fill="{_swatch(status)}" '
                f"{_outline(status)}><title>{_e(name)}: {count}</title></rect>"
            )
            parts.append(
                f'<text x="{x + width / 2:.1f}" y="{y + 16}" text-anchor="middle" fill="{fg}" stroke="{bg}" '
                f'stroke-width="3" paint-order="stroke" font-weight="bold">{count}</text>'
            )
            x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" fill="#5f6368">{row.totals.total}</text>')
    legend_y = top + row_h * len(rows) + 18
    x = 0.0
    columns = _columns(lang)
    per_row = -(-len(columns) // legend_rows)
    for n, (status, label) in enumerate(columns):
        if n and n % per_row == 0:
            legend_y += 16
            x = 0.0
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y - 10}" width="14" height="12" fill="{_swatch(status)}" '
            + (
                'stroke="#8d8676" stroke-dasharray="2 1.5"/>'
                if status == "soft"
                else 'stroke="#5f6368" stroke-width=".5"/>'
            )
        )
        parts.append(f'<text x="{x + 18:.1f}" y="{legend_y}" font-size="10.5">{_e(label)}</text>')
        x += 30 + 6.2 * len(label)
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
        out.append(f"<h2>{_e(msg('report.summary', lang))}</h2>\n{_cards(report, lang)}")
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
                f"<td>{_e(todo_citation(report, r, lang))}</td><td>{_instance_cell(r, lang)}</td>"
                f"<td>{_due_cell(r, lang)}</td>"
                f"<td>{_badge(status_key(r), status_text(r, lang))}</td><td>{_e(wanted_text(entries, r, lang))}</td></tr>"
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
            facts.append(
                (
                    msg("report.instruments", lang),
                    f'{_e(pack.named(lang))}<br><span class="meta">'
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
        head = "".join(f"<th>{_badge(key, name)}</th>" for key, name in _columns(lang))
        body = "".join(
            f"<tr><td>{_e(citation(r.provision, r.citation, lang, heading=True))}</td>"
            + "".join(f'<td class="n">{count or "·"}</td>' for _, _, count in _counted(r, lang))
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
        due = due_heading(needing, lang)
        head = "".join(f"<th>{_e(due if c == 'col.due' else msg(c, lang))}</th>" for c in cols)
        body = "".join(
            f"<tr><td>{_badge(status_key(r), status_text(r, lang))}</td>"
            f"<td>{_e(citation(r.provision, r.citation, lang, heading=True))}{_force(r, lang)}</td><td>{_instance_cell(r, lang)}</td>"
            f"<td>{_due_cell(r, lang)}</td><td>{_e(explanation(r, lang))}</td></tr>"
            for r in needing
        )
        intro = f'<p class="meta">{_e(note)}</p>\n' if note is not None else ""
        kind = "attention" if due == msg("col.due", lang) else "attention soft"
        return f'<h2>{_e(title)}</h2>\n{intro}<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'

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
            kinds = f"{modality_label(obligation.modality, lang)} · {schedule_label(obligation, lang)}"
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
        due = due_heading(results, lang)
        head = "".join(f"<th>{_e(due if c == 'col.due' else msg(c, lang))}</th>" for c in cols)
        body = "".join(
            f"<tr><td>{_instance_cell(r, lang)}</td><td>{_due_cell(r, lang)}</td>"
            f"<td>{_badge(status_key(r), status_text(r, lang))}</td><td>{_e(evidence_text(r, lang, titles))}</td>"
            f"<td>{_e(explanation(r, lang))}</td></tr>"
            for r in results
        )
        kind = "" if due == msg("col.due", lang) else ' class="soft"'
        return f"<table{kind}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

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
        """The overview as a dashboard, streamed: a sortable, filterable table of the organisations
        (worst first, each linked to its own report when one was written), then a khoản × organisation
        heat map. A small inline script sorts and filters; without it both are plain tables."""
        lang = options.lang
        page = _page(msg("overview.title", lang), lang, "\x00", wide=True, script=_SCRIPT)
        opening, closing = page.split("\x00")
        yield opening
        periods = overview.periods
        if len(periods) == 1:
            period = f"{format_date(periods[0][0], lang)} – {format_date(periods[0][1], lang)}"
        else:
            period = msg("dash.periods", lang, n=len(periods)) if periods else "—"
        yield (
            f'<header><p class="kicker">{_e(msg("report.law", lang))}</p><h1>{_e(msg("overview.title", lang))}</h1>'
            f'<p class="sub">{_e(msg("overview.subtitle", lang))}</p><dl class="facts">'
            f"<dt>{_e(msg('report.period', lang))}</dt><dd>{_e(period)}</dd>"
            f"<dt>{_e(msg('report.as_of', lang))}</dt><dd>{_e(format_date(overview.as_of, lang))}</dd>"
            f"<dt>{_e(msg('overview.organisations', lang))}</dt><dd>{overview.organisations}</dd></dl></header>\n"
            f"{_cards(overview, lang)}"
        )
        if overview.invalid:
            items = "".join(
                f"<li><code>{_e(i.file)}</code>: {_e('; '.join(i.problems[:3]))}</li>"
                for i in overview.invalid
            )
            yield f"<h2>{_e(msg('overview.invalid', lang))}: {len(overview.invalid)}</h2><ul>{items}</ul>\n"
        many = len(periods) > 1
        head = "".join(f'<th class="n">{_badge(key, name)}</th>' for key, name in _columns(lang))
        shown = _e(msg("dash.shown", lang, n="{n}", total="{total}"))
        yield (
            f"<h2>{_e(msg('col.organisation', lang))}</h2>\n"
            f'<div class="controls" hidden><label>{_e(msg("dash.search", lang))} '
            f'<input type="search" id="q" autocomplete="off"></label>'
            f'<label><input type="checkbox" id="failing"> {_e(msg("dash.only_failing", lang))}</label>'
            f'<output id="shown" data-text="{shown}"></output>'
            f'<span class="meta">{_e(msg("dash.sort_hint", lang))}</span></div>\n'
            f'<div class="scroll"><table class="dash" id="orgs"><thead><tr><th class="n">#</th>'
            f"<th>{_e(msg('col.organisation', lang))}</th><th>{_e(msg('dash.id', lang))}</th>"
            + (f"<th>{_e(msg('col.period', lang))}</th>" if many else "")
            + f'{head}<th class="n">{_e(msg("dash.failing", lang))}</th>'
            f"<th>{_e(msg('col.worst', lang))}</th></tr></thead><tbody>\n"
        )
        for rank, row in enumerate(overview.rows(), start=1):
            yield self._dash_row(rank, row, options, many=many)
        yield "</tbody></table></div>\n"
        yield from self._heat_map(overview, options)
        yield closing

    def _dash_row(self, rank: int, row: OverviewRow, options: RenderOptions, *, many: bool) -> str:
        lang = options.lang
        cells = "".join(
            f'<td class="n{" s-" + s if count and s in ATTENTION else ""}">{count or "·"}</td>'
            for s, _, count in _counted(row, lang)
        )
        failing_clauses = [c for c in row.clauses if c.failing(options.fail_on)]
        worst = ", ".join(  # the first opens the cell: "Khoản 2 Điều 2 (6), khoản 1 Điều 2 (4)"
            f"{_e(citation(c.provision, c.citation, lang, heading=n == 0))} ({c.failing(options.fail_on)})"
            for n, c in enumerate(failing_clauses[:_WORST_SHOWN])
        )
        if len(failing_clauses) > _WORST_SHOWN:
            worst += f", +{len(failing_clauses) - _WORST_SHOWN}"
        source = f"{row.file}:{row.line}" if row.line is not None else row.file
        name = _e(row.name)
        if row.report is not None:
            name = f'<a href="{_e(quote(row.report))}">{name}</a>'
        period = (
            f'<td class="nowrap">{_e(format_date(row.period_start, lang))} – {_e(format_date(row.period_end, lang))}</td>'
            if many
            else ""
        )
        failing = row.failing(options.fail_on)
        return (
            f'<tr data-i="{rank}"><td class="n">{rank}</td><td class="org" title="{_e(source)}">{name}</td>'
            f'<td class="id"><code>{_e(row.organisation)}</code></td>{period}'
            f'{cells}<td class="n{" fail" if failing else ""}">{failing or "·"}</td><td class="worst">{worst or "—"}</td></tr>\n'
        )

    def _heat_map(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """A khoản × organisation table: each cell the symbol and colour of the worst status of the
        organisation's duties under that khoản, and its failing count."""
        lang = options.lang
        clauses = overview.clauses()
        if not clauses:
            return
        index = {(c.pack, c.provision): i for i, c in enumerate(clauses)}
        legend = " ".join(
            [
                *(
                    f'<span class="badge s-{s}">{STATUS_SYMBOLS[s]} {_e(status_label(s, lang))}</span>'
                    for s in STATUS_ORDER
                    if s != "not_applicable"
                ),
                f'<span class="badge s-soft">{SOFT_SYMBOL} {_e(msg("report.soft_count", lang))}</span>',
            ]
        )
        packs: list[tuple[str, int]] = []
        for c in clauses:
            if packs and packs[-1][0] == c.pack:
                packs[-1] = (c.pack, packs[-1][1] + 1)
            else:
                packs.append((c.pack, 1))
        pack_row = "".join(f'<th colspan="{n}" class="pack">{_e(pack)}</th>' for pack, n in packs)
        clause_row = "".join(
            f'<th class="k" title="{_e(citation(c.provision, c.citation, lang, heading=True))} ({_e(c.pack)})">'
            f"<span>{_e(citation(c.provision, c.citation, lang, heading=True))}</span></th>"
            for c in clauses
        )
        yield (
            f'<h2>{_e(msg("dash.heatmap", lang))}</h2>\n<p class="meta">{_e(msg("dash.heatmap_note", lang))}</p>\n'
            f'<p class="legend"><span class="meta">{_e(msg("dash.legend", lang))}:</span> {legend}</p>\n'
            f'<div class="scroll"><table class="heat" id="heat"><thead><tr><th rowspan="2">'
            f"{_e(msg('col.organisation', lang))}</th>{pack_row}</tr><tr>{clause_row}</tr></thead><tbody>\n"
        )
        for rank, row in enumerate(overview.rows(), start=1):
            cells = ["<td></td>"] * len(clauses)
            for c in row.clauses:
                worst = worst_status(c.totals, c.soft)
                if worst is None:
                    # No duty of the khoản binds it: only its requests or encouragements do (what makes the khoản
                    # the row's), never a finding; said so, not shown as a grey "does not apply".
                    if worst_applying(c.soft) is not None:
                        cells[index[(c.pack, c.provision)]] = f'<td class="s-soft">{SOFT_SYMBOL}</td>'
                    continue
                failing = c.failing(options.fail_on)
                cells[index[(c.pack, c.provision)]] = (
                    f'<td class="s-{worst}">{STATUS_SYMBOLS[worst]}{failing if failing else ""}</td>'
                )
            yield f'<tr data-i="{rank}"><td class="org">{_e(row.name)}</td>{"".join(cells)}</tr>\n'
        yield "</tbody></table></div>\n"
