"""Renderers: one module per output format, one protocol, one registry by name.

Like check-jsonschema's ``REPORTER_BY_NAME``, :data:`RENDERER_BY_NAME` maps a format's name to its
renderer; here the value names the module and class instead of holding the class, so that choosing
``--format text`` never imports the HTML or SARIF code (start-up time counts in every CI job).
:func:`get_renderer` imports the chosen one.

A renderer turns one :class:`~dancoso_rules.report.model.ComplianceReport` into a document, and the
:class:`~dancoso_rules.report.overview.Overview` of many organisations into a stream of chunks (so
that the overview of 10,000 records is written as it is made, never held whole).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

import msgspec

from dancoso_rules.report.model import DEFAULT_FAIL_ON

if TYPE_CHECKING:
    from dancoso_rules.report.model import ComplianceReport
    from dancoso_rules.report.overview import Overview

#: format name → ``module:Class`` of its renderer.
RENDERER_BY_NAME: dict[str, str] = {
    "text": "dancoso_rules.report.renderers.text:TextRenderer",
    "markdown": "dancoso_rules.report.renderers.markdown:MarkdownRenderer",
    "html": "dancoso_rules.report.renderers.html:HtmlRenderer",
    "json": "dancoso_rules.report.renderers.json:JsonRenderer",
    "junit": "dancoso_rules.report.renderers.junit:JunitRenderer",
    "sarif": "dancoso_rules.report.renderers.sarif:SarifRenderer",
    "csv": "dancoso_rules.report.renderers.csv:CsvRenderer",
    "docx": "dancoso_rules.report.renderers.docx:DocxRenderer",
    "xlsx": "dancoso_rules.report.renderers.xlsx:XlsxRenderer",
}


class RenderOptions(msgspec.Struct, frozen=True):
    """How to render: the language, the statuses that count as failing, and for terminals width and colour."""

    lang: str = "vi"
    fail_on: frozenset[str] = DEFAULT_FAIL_ON
    width: int = 100
    color: bool = False
    #: The period a submitted report (DOCX) covers, ``2025`` or ``2025-H1``; by default the record's last year.
    report_period: str | None = None
    #: How a submitted report's period is cut: ``calendar`` days or the data windows of NĐ 09/2019 (``nd09``).
    data_window: str = "calendar"
    #: The statuses the run's exit code fails on (``--fail-on``), when they are not ``fail_on``: the
    #: report then says how many failing results do not block the run. ``None``: the same as ``fail_on``.
    blocking: frozenset[str] | None = None
    #: For the workbook overview (xlsx): one sheet per organisation as well.
    unit_sheets: bool = False
    #: Text, Markdown, HTML: only "Việc cần làm" and the totals (Markdown: the compact comment).
    summary: bool = False
    #: SARIF: every result (passes, not applicable, upcoming...), not only the failing ones.
    sarif_all: bool = False


class Renderer(Protocol):
    """Turns reports into one output format."""

    #: The file extension of the format, without the dot (``md``, ``html``, ``xml``...).
    extension: str
    #: Whether the report needs where things are in the record: the line and column of its JSON Pointers, and
    #: in an overview each file as a URI (only SARIF does).
    needs_locations: bool

    def render(self, report: ComplianceReport, options: RenderOptions) -> str | bytes:
        """The whole document for one organisation's report (bytes for a binary format: DOCX, xlsx)."""
        ...

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str] | Iterator[bytes]:
        """The overview of many organisations, chunk by chunk."""
        ...


def get_renderer(name: str) -> Renderer:
    """The renderer registered as ``name``; raises ``KeyError`` for an unknown name."""
    module_name, _, class_name = RENDERER_BY_NAME[name].partition(":")
    renderer: Renderer = getattr(importlib.import_module(module_name), class_name)()
    return renderer
