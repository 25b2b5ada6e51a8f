"""``render``: any report, in any format the CLI writes, in one call.

The CLI's ``dancoso check RECORD --format F --lang L`` is ``render(evaluate(RECORD), F, lang=L)``
(with ``record=`` and ``record_file=`` for the titles and the file name its reports show). It builds
the clause-by-clause report from the rulebook (:func:`~dancoso_rules.report.build.build_report`)
and hands it to the format's renderer (:func:`~dancoso_rules.report.renderers.get_renderer`), which
is imported only then.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.evaluation.result import Report
from dancoso_rules.i18n import tr
from dancoso_rules.load.suggest import did_you_mean
from dancoso_rules.model import Rulebook
from dancoso_rules.report.model import DEFAULT_FAIL_ON, ComplianceReport
from dancoso_rules.report.renderers import RENDERER_BY_NAME, RenderOptions, get_renderer

if TYPE_CHECKING:
    from dancoso_rules.record.model import ActivityRecord

#: The formats ``render`` writes, as ``dancoso check --format`` names them; ``docx`` and ``xlsx`` are bytes.
FORMATS = tuple(RENDERER_BY_NAME)
#: The languages of the reports.
LANGS = ("vi", "en")


def render(
    report: Report | ComplianceReport,
    format: str = "text",
    *,
    lang: str = "vi",
    rulebook: Rulebook | None = None,
    record: ActivityRecord | None = None,
    record_file: str | None = None,
    fail_on: Iterable[str] | str = DEFAULT_FAIL_ON,
    width: int = 100,
    report_period: str | None = None,
    data_window: str = "calendar",
    summary: bool = False,
    sarif_all: bool = False,
) -> str | bytes:
    """The report as one document in ``format`` (text, markdown, html, json, junit, sarif, csv, docx, xlsx).

    Text formats are returned as ``str``; ``docx`` and ``xlsx`` as ``bytes``, to be written to a file
    opened in binary mode.

    ``report`` is what ``evaluate`` returned (or a clause-by-clause ``ComplianceReport``). ``rulebook``
    is the one it was evaluated against (default: the bundled one). ``record`` (the
    ``ActivityRecord``, from ``load_record``) gives the titles of the items used as evidence and
    ``record_file`` the record's name, as the CLI's reports show them; without them the reports
    cite items by JSON Pointer only. ``fail_on`` are the statuses counted as failing (always at
    least missed and overdue; a string is a comma-separated list, as ``--fail-on`` takes), ``width`` the text format's width (kept within 40 to 1,000 columns),
    ``report_period`` (``2025``, ``2025-H1``) and ``data_window`` (``calendar`` or ``nd09``) the
    period of a submitted report (docx), as the CLI's ``--report-period`` and ``--data-window``;
    ``summary`` gives only what to do and the totals (``--summary``), ``sarif_all`` every result in
    SARIF, not only the failing ones (``--sarif-all``).

    An unknown format, language or status raises ``UsageError``.

    Example::

        import datetime
        from dancoso_rules import evaluate, render

        report = evaluate("examples/tra-vinh/so-noi-vu.json", as_of=datetime.date(2026, 1, 15))
        html = render(report, "html", lang="vi")
    """
    _check_choice("format", format, FORMATS)
    _check_choice("lang", lang, LANGS)
    failing = _statuses(fail_on)
    renderer = get_renderer(format)
    if isinstance(report, ComplianceReport):
        compliance = report
    else:
        from dancoso_rules.load.packs import bundled_rulebook
        from dancoso_rules.report.build import build_report

        if record_file is None and record is not None:
            record_file = "<record>"
        compliance = build_report(
            report,
            bundled_rulebook() if rulebook is None else rulebook,
            record_file=record_file,
            record=record,
        )
    options = RenderOptions(
        lang=lang,
        fail_on=failing | DEFAULT_FAIL_ON,
        width=width,
        report_period=report_period,
        data_window=data_window,
        summary=summary,
        sarif_all=sarif_all,
    )
    return renderer.render(compliance, options)


def _statuses(fail_on: Iterable[str] | str) -> frozenset[str]:
    """The statuses of ``fail_on`` (a string: comma-separated); an unknown one raises ``UsageError``."""
    from dancoso_rules.evaluation.status import Status

    names = (
        [p.strip() for p in fail_on.split(",") if p.strip()] if isinstance(fail_on, str) else list(fail_on)
    )
    if names == ["none"]:  # as --fail-on none: only what always fails
        return frozenset()
    known = tuple(status.value for status in Status)
    for name in names:
        if name not in known:
            raise UsageError(
                Problem(
                    Location("<options>"),
                    tr("check.unknown_status", status=name, statuses=", ".join(known)),
                    code="usage",
                )
            )
    return frozenset(names)


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UsageError(
            Problem(
                Location("<options>"),
                tr(
                    "render.unknown_choice",
                    name=name,
                    value=value,
                    hint=did_you_mean(value, choices),
                    choices=", ".join(choices),
                ),
                code="usage",
            )
        )


__all__ = ["FORMATS", "LANGS", "render"]
