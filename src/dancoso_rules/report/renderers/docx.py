"""The report a unit submits: "Báo cáo kết quả thực hiện dân chủ ở cơ sở", as a Word document (DOCX).

Laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins top and bottom 20 mm, left
30 mm, right 15 mm; Times New Roman, body 14 pt, justified, first-line indent 1.27 cm, 6 pt between
paragraphs; the two-column header (the managing body and the issuing body in upper case over "Số:
…/BC-…"; the national motto over the italic place and date line); the title; the body by khoản,
each with a table of its duties and their statuses; "Nơi nhận:" and the signature block; page
numbers centred at the top from page 2. What only the unit knows (its number and abbreviation, the
place and date, the assessment, the signer) is left as dotted blanks.

The report covers a year or a half-year (:attr:`RenderOptions.report_period`, ``2025`` or
``2025-H1``; by default the year the record's period ends in), with the calendar's days or the data
windows of Nghị định 09/2019/NĐ-CP (:attr:`RenderOptions.data_window` ``nd09``: a half-year from
15/12 of the previous year to 14/6, a year from 15/12 to 14/12). A duty instance is in the report
when its period (or its triggering event) falls in that window. Due dates show the date stated and,
when the evaluation moved it off a day off, the one it counted (the result's ``counted_due``).

Every run of text has its control characters written out (``\\x1b``, ``\\uffff``), as in every
report: a record's name or title never stops the document being written.

Built with python-docx, imported only when a document is rendered. The output is the same bytes for
the same inputs: the core properties and the ZIP entries are dated from the evaluation date.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import msgspec

from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.i18n import tr
from dancoso_rules.record.bounds import MAX_DATE, MIN_DATE
from dancoso_rules.report.messages import format_date, msg, period_label
from dancoso_rules.report.model import ComplianceReport, InstrumentSection, ObligationEntry, is_enforceable
from dancoso_rules.report.renderers.common import modality_label, result_due_notes, status_text, status_word
from dancoso_rules.text import xml_visible

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview
    from dancoso_rules.report.renderers import RenderOptions

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
NATION_PT = 12
TABLE_PT = 12
#: Margins in millimetres (NĐ 30/2020 Phụ lục I: top and bottom 20–25, left 30–35, right 15–20).
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK = "……"
DATA_WINDOWS = ("calendar", "nd09")

_PERIOD = re.compile(r"^(?P<y>[0-9]{4})(?:-H(?P<h>[12]))?$")  # ASCII digits: the report's title shows them


class ReportWindow(msgspec.Struct, frozen=True):
    """The period a report covers: its label (``2025``, ``2025-H1``) and its first and last day of data."""

    label: str
    start: dt.date
    end: dt.date
    nd09: bool

    @classmethod
    def of(cls, label: str, data_window: str = "calendar") -> ReportWindow:
        """The window of ``label`` (``YYYY`` or ``YYYY-H1``/``YYYY-H2``) by the calendar or by NĐ 09/2019
        (which has no window for a second half: ``YYYY-H2`` with ``nd09`` is refused)."""
        match = _PERIOD.fullmatch(label) if isinstance(label, str) else None
        if match is None or data_window not in DATA_WINDOWS:
            raise UsageError(
                Problem(
                    Location("<options>"),
                    tr(
                        "report_period.written",
                        windows=", ".join(DATA_WINDOWS),
                        got=f"{label!r}, {data_window!r}",
                    ),
                    code="usage",
                )
            )
        year = int(match["y"])
        if not MIN_DATE.year <= year <= MAX_DATE.year:  # year 0 is no date; past 2199 no record reaches
            raise UsageError(
                Problem(
                    Location("<options>"),
                    tr("report_period.out_of_range", first=MIN_DATE.year, last=MAX_DATE.year, got=label),
                    code="usage",
                )
            )
        half = int(match["h"]) if match["h"] else None
        if data_window == "nd09":
            if half == 2:  # NĐ 09/2019 sets windows for six-month (first-half) and yearly reports only
                raise UsageError(
                    Problem(
                        Location("<options>"), tr("report_period.nd09_second_half", year=year), code="usage"
                    )
                )
            end = dt.date(year, 6, 14) if half == 1 else dt.date(year, 12, 14)
            return cls(label, dt.date(year - 1, 12, 15), end, True)
        if half == 1:
            return cls(label, dt.date(year, 1, 1), dt.date(year, 6, 30), False)
        if half == 2:
            return cls(label, dt.date(year, 7, 1), dt.date(year, 12, 31), False)
        return cls(label, dt.date(year, 1, 1), dt.date(year, 12, 31), False)

    def covers(self, result: DutyResult) -> bool:
        """Whether ``result``'s instance falls in the window: its event, else its period, else its due date."""
        if result.trigger is not None:
            return self.start <= result.trigger.date <= self.end
        if result.period is not None:
            return result.period.start <= self.end and result.period.end >= self.start
        return result.due is not None and self.start <= result.due <= self.end

    def title(self) -> str:
        """The period in the title: "6 tháng đầu năm 2025", "năm 2025"."""
        return period_label(self.label, "vi")


class DocxRenderer:
    """The unit's "Báo cáo kết quả thực hiện dân chủ ở cơ sở" (DOCX, NĐ 30/2020 Phụ lục I)."""

    extension = "docx"
    needs_locations = False
    binary = True

    def render(self, report: ComplianceReport, options: RenderOptions) -> bytes:
        label = options.report_period or str(report.period.end.year)
        window = ReportWindow.of(label, options.data_window)
        return _Builder(report, window).build()

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        raise UsageError(
            Problem(
                Location("<options>"),
                tr("check.docx_one"),
                code="usage",
            )
        )


class _Builder:
    def __init__(self, report: ComplianceReport, window: ReportWindow) -> None:
        from docx import Document

        self.report = report
        self.window = window
        self.doc: Any = Document()

    # --- the page and the styles ---------------------------------------------------------------

    def build(self) -> bytes:
        self._page()
        self._header()
        self._title()
        self._body()
        self._closing()
        self._properties()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _stable_zip(buffer.getvalue(), self.report.as_of)

    def _page(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = _twips(MARGINS_MM["top"]), _twips(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = _twips(MARGINS_MM["left"]), _twips(MARGINS_MM["right"])
        section.header_distance = Mm(10)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        _east_asian_font(normal.element)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.0
        # page numbers centred at the top, from page 2
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(number)

    def _para(
        self,
        text: str = "",
        *,
        container: Any = None,
        size: int = BODY_PT,
        bold: bool = False,
        italic: bool = False,
        align: str = "justify",
        indent: bool = False,
        after: int = 6,
    ) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        target = container if container is not None else self.doc
        paragraph = target.add_paragraph()
        paragraph.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]
        paragraph.paragraph_format.space_after = Pt(after)
        if indent:
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        if text:
            run = paragraph.add_run(xml_visible(text))
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.italic = italic
        return paragraph

    # --- the header: issuing body and national motto ------------------------------------------

    def _header(self) -> None:
        from docx.shared import Mm

        organisation = self.report.organisation
        table = self.doc.add_table(rows=2, cols=2)
        widths = (Mm(72), Mm(93))
        _set_widths(table, widths)
        left, right = table.cell(0, 0), table.cell(0, 1)
        left.paragraphs[0].text = ""
        if organisation.parent is not None:
            self._cell_text(left, organisation.parent.name.upper(), HEADER_PT, first=True)
            self._cell_text(left, organisation.name.upper(), HEADER_PT, bold=True)
        else:
            self._cell_text(left, organisation.name.upper(), HEADER_PT, bold=True, first=True)
        _rule(self._para(container=left, size=2, align="center", after=0), Mm(18), widths[0])
        self._cell_text(right, MOTTO_NATION, NATION_PT, bold=True, first=True)
        self._cell_text(right, MOTTO, BODY_PT, bold=True)
        _rule(self._para(container=right, size=2, align="center", after=0), Mm(62), widths[1])
        number, place = table.cell(1, 0), table.cell(1, 1)
        self._cell_text(number, f"Số: {BLANK}/BC-{BLANK}", HEADER_PT, first=True)
        self._cell_text(
            place, f"{BLANK}, ngày {BLANK} tháng {BLANK} năm {BLANK}", BODY_PT, italic=True, first=True
        )

    def _cell_text(
        self,
        cell: Any,
        text: str,
        size: int,
        *,
        bold: bool = False,
        italic: bool = False,
        first: bool = False,
        left: bool = False,
    ) -> Any:
        """A line of a header or signature-block cell: centred, or ``left`` (the "Nơi nhận" list)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(xml_visible(text))
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        return paragraph

    # --- the title and the body ---------------------------------------------------------------

    def _title(self) -> None:
        from docx.shared import Mm, Pt

        self._para(after=0)
        self._para("BÁO CÁO", bold=True, align="center", after=0)
        self._para(
            f"Kết quả thực hiện dân chủ ở cơ sở {self.window.title()}", bold=True, align="center", after=0
        )
        rule = self._para(size=2, align="center", after=12)
        _rule(rule, Mm(25), Mm(210 - MARGINS_MM["left"] - MARGINS_MM["right"]))
        rule.paragraph_format.space_after = Pt(12)

    def _body(self) -> None:
        report, window = self.report, self.window
        instruments = "; ".join(pack.named() for pack in report.packs)
        data = f"số liệu tính từ ngày {format_date(window.start)} đến ngày {format_date(window.end)}"
        if window.nd09:
            data += " theo Nghị định số 09/2019/NĐ-CP của Chính phủ"
        self._para(
            f"Thực hiện {instruments}, {report.organisation.name} báo cáo kết quả thực hiện dân chủ ở cơ sở "
            f"{window.title()} ({data}; tình trạng các nhiệm vụ tính đến ngày {format_date(report.as_of)}) "
            "như sau:",
            indent=True,
        )
        self._para("I. KẾT QUẢ THỰC HIỆN", bold=True, indent=True)
        for number, section in enumerate(report.instruments, start=1):
            pack = report.pack(section.pack)
            self._para(f"{number}. Theo {pack.cited()}", bold=True, indent=True)
            self._instrument(section)
        self._para("II. ĐÁNH GIÁ CHUNG", bold=True, indent=True)
        for heading in ("1. Ưu điểm", "2. Hạn chế, khó khăn, vướng mắc và nguyên nhân"):
            self._para(f"{heading}: {BLANK * 8}", indent=True, align="left")
        self._para("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True, indent=True)
        self._para(BLANK * 14, indent=True, align="left")
        self._para("IV. ĐỀ XUẤT, KIẾN NGHỊ", bold=True, indent=True)
        self._para(BLANK * 14, indent=True, align="left")
        self._para(
            f"Trên đây là báo cáo kết quả thực hiện dân chủ ở cơ sở {window.title()} của "
            f"{report.organisation.name}./.",
            indent=True,
        )

    def _instrument(self, section: InstrumentSection) -> None:
        shown = 0
        for article in section.provisions:
            if article.obligations:
                shown += self._clause(article.citation, article.obligations)
            for child in article.children:
                obligations = [o for node, _ in child.walk() for o in node.obligations]
                shown += self._clause(child.citation, obligations)
        if not shown:
            self._para("Không có nhiệm vụ nào trong kỳ báo cáo.", indent=True)

    def _clause(self, citation: str, obligations: list[ObligationEntry] | tuple[ObligationEntry, ...]) -> int:
        rows = [
            (obligation, result)
            for obligation in obligations
            for result in self.report.results_of(obligation)
            if result.status.value != "not_applicable" and self.window.covers(result)
        ]
        if not rows:
            return 0
        # Counted by the words each result's status is said in (``status_word``): a request or an encouragement
        # not done is "nội dung chưa thực hiện (khuyến khích)", after the duties, never counted as "quá hạn";
        # each wording once, in the place of its first status.
        counts: dict[str, list[int]] = {}
        for _, result in rows:
            soft = not is_enforceable(result.modality)
            order = _STATUS_ORDER.index(result.status.value) + soft * len(_STATUS_ORDER)
            word = _soft_phrase(result) if soft else _lower_first(status_word(result, "vi"))
            kept = counts.setdefault(word, [order, 0])
            kept[0] = min(kept[0], order)
            kept[1] += 1
        summary = ", ".join(
            f"{n} {word}" for word, (_, n) in sorted(counts.items(), key=lambda i: (i[1][0], i[0]))
        )
        soft = any(not is_enforceable(result.modality) for _, result in rows)
        noun = "nội dung" if soft else "nhiệm vụ"
        self._para(f"{_capitalise(citation)}: {len(rows)} {noun} ({summary}).", indent=True)
        self._table(rows)
        return len(rows)

    def _table(self, rows: list[tuple[ObligationEntry, DutyResult]]) -> None:
        from docx.shared import Mm

        # "Tài liệu kiểm chứng", as every other report and the record's workbook call it
        headings = ("TT", "Nhiệm vụ", "Kỳ, hạn", "Kết quả", msg("col.evidence", "vi"))
        widths = (Mm(10), Mm(70), Mm(32), Mm(23), Mm(30))
        table = self.doc.add_table(rows=1, cols=len(headings))
        table.style = "Table Grid"
        for cell, heading in zip(table.rows[0].cells, headings, strict=True):
            self._table_text(cell, heading, bold=True, center=True)
        _repeat_header(table.rows[0])
        for number, (obligation, result) in enumerate(rows, start=1):
            row = table.add_row()
            _keep_together(row)
            cells = row.cells
            values = (
                str(number),
                f"{obligation.summary.vi} ({result.citation})",
                self._when(result),
                status_text(result, "vi"),
                self._evidence(result),
            )
            for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                self._table_text(cell, value, center=index == 0)
        _set_widths(table, widths)
        self._para(after=6)

    def _table_text(self, cell: Any, text: str, *, bold: bool = False, center: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(xml_visible(text))
        run.font.size = Pt(TABLE_PT)
        run.font.bold = bold

    def _when(self, result: DutyResult) -> str:
        if result.trigger is not None:
            instance = f"Phát sinh ngày {format_date(result.trigger.date)}"
        elif result.period is not None:
            instance = _capitalise(period_label(result.period.label, "vi"))
        else:
            instance = ""
        if result.due is None:
            return instance
        # A request or an encouragement has no deadline: its date is the day it is looked at.
        word = "hạn" if is_enforceable(result.modality) else "mốc đối chiếu"
        due = (
            f"{word} {format_date(result.due)}{result_due_notes(result, 'vi')}"  # interpreted, and as counted
        )
        return f"{instance}; {due}" if instance else _capitalise(due)

    def _evidence(self, result: DutyResult) -> str:
        if not result.evidence:
            return BLANK
        titles = self.report.titles
        return "; ".join(titles.get(e.pointer, e.id) for e in result.evidence)

    # --- recipients and signature ------------------------------------------------------------

    def _closing(self) -> None:
        from docx.shared import Mm

        table = self.doc.add_table(rows=1, cols=2)
        _set_widths(table, (Mm(80), Mm(85)))
        left, right = table.rows[0].cells
        self._cell_text(left, "Nơi nhận:", 12, bold=True, italic=True, first=True, left=True)
        parent = self.report.organisation.parent
        recipients = [f"- {parent.name} (để báo cáo);"] if parent is not None else []
        recipients += [f"- {BLANK};", f"- Lưu: VT, {BLANK}."]
        for line in recipients:
            self._cell_text(left, line, 11, left=True)
        self._cell_text(right, f"{BLANK * 4}", HEADER_PT + 1, bold=True, first=True)
        self._cell_text(right, "(Chức vụ của người ký, ký tên và đóng dấu)", HEADER_PT, italic=True)
        for _ in range(4):
            self._cell_text(right, "", HEADER_PT)
        self._cell_text(right, f"{BLANK * 4}", HEADER_PT + 1, bold=True)

    def _properties(self) -> None:
        stamp = dt.datetime(self.report.as_of.year, self.report.as_of.month, self.report.as_of.day)
        core = self.doc.core_properties
        core.title = f"Báo cáo kết quả thực hiện dân chủ ở cơ sở {self.window.title()}"
        core.subject = core.author = xml_visible(self.report.organisation.name)
        core.last_modified_by = "dancoso-rules"
        core.comments = ""
        core.revision = 1
        core.created = stamp
        core.modified = stamp
        core.last_printed = stamp


#: The report's own status words (one definition, in ``messages``), in the order a count lists them.
_STATUS_ORDER = ("met", "late", "overdue", "missed", "upcoming", "unverified", "not_applicable")


def _soft_phrase(result: DutyResult) -> str:
    """A request's or an encouragement's status inside the count of a khoản: "nội dung khuyến khích chưa
    thực hiện", never "nội dung chưa thực hiện (khuyến khích)" inside the count's own brackets."""
    force = modality_label(result.modality, "vi").lower()
    word = status_word(result, "vi").removesuffix(f" ({force})")
    return f"nội dung {force} {_lower_first(word)}"


def _lower_first(word: str) -> str:
    """A status's words for running text: "Quá hạn" → "quá hạn"."""
    return word[:1].lower() + word[1:]


def _twips(mm: int) -> Any:
    """``mm`` millimetres rounded up to whole twips (Word's unit), so that a margin never falls below it."""
    from docx.shared import Twips

    return Twips(math.ceil(mm * 1440 / 25.4))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _east_asian_font(style_element: Any) -> None:
    from docx.oxml.ns import qn

    fonts = style_element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _rule(paragraph: Any, length: Any, width: Any) -> None:
    """A horizontal rule of ``length`` centred in ``width``: the bottom border of an empty paragraph
    indented on both sides (NĐ 30/2020: a short rule under the issuing body, a full one under the motto)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    side = max(0, (int(width) - int(length)) // 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    run = paragraph.add_run("2")
    run.font.size = Pt(HEADER_PT)
    field.append(run._r)


def _set_widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Fixed column widths, in the grid (which LibreOffice reads) and in every cell (which Word reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _keep_together(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


#: The days a ZIP entry can be dated (MS-DOS dates): an evaluation date outside them dates the entries
#: with the nearest one.
_ZIP_DAYS = (dt.date(1980, 1, 1), dt.date(2107, 12, 31))


def _stable_zip(data: bytes, day: dt.date) -> bytes:
    """The same archive with every entry dated ``day``, or the nearest day a ZIP entry can be dated
    (zipfile dates entries from the clock)."""
    day = min(max(day, _ZIP_DAYS[0]), _ZIP_DAYS[1])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


__all__ = ["DATA_WINDOWS", "DocxRenderer", "ReportWindow"]
