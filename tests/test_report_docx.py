"""The submitted report (DOCX, NĐ 30/2020 Phụ lục I), read back from the file itself: page set-up,
fonts, the header table, "Số: …/BC-…", the italic place and date line, "Nơi nhận:", the periods and
data windows; the same bytes for the same inputs; and LibreOffice's conversion to PDF when installed."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm, Pt

from conftest import EXAMPLES
from dancoso_rules import evaluate, load_record
from dancoso_rules.cli.main import main
from dancoso_rules.errors import UsageError
from dancoso_rules.evaluation.workdays import working_calendar
from dancoso_rules.model import Rulebook
from dancoso_rules.report.build import build_report
from dancoso_rules.report.messages import format_date
from dancoso_rules.report.renderers import RenderOptions, get_renderer
from dancoso_rules.report.renderers.docx import ReportWindow

RECORD = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
AS_OF = dt.date(2026, 1, 15)


def _render(rulebook: Rulebook, **options: Any) -> bytes:
    record = load_record(RECORD)
    report = build_report(evaluate(record, packs=rulebook, as_of=AS_OF), rulebook, record=record)
    data = get_renderer("docx").render(report, RenderOptions(**options))
    assert isinstance(data, bytes)
    return data


@pytest.fixture(scope="module")
def document(rulebook: Rulebook) -> Any:
    return Document(io.BytesIO(_render(rulebook)))


def _texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_page_is_a4_with_margins_in_the_decree_ranges(document: Any) -> None:
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_times_new_roman_13_to_14_in_the_body(document: Any) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    body = [p for p in document.paragraphs if p.text.strip()]
    for paragraph in body:
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")
            assert run.font.size is None or Pt(13) <= run.font.size <= Pt(14), paragraph.text
    intro = next(p for p in body if p.text.startswith("Thực hiện "))
    assert intro.paragraph_format.first_line_indent is not None
    assert Mm(10) <= intro.paragraph_format.first_line_indent <= Mm(12.7)


def test_header_table_issuing_body_and_national_motto(document: Any) -> None:
    header = document.tables[0]
    assert len(header.columns) == 2
    left, right = header.cell(0, 0), header.cell(0, 1)
    body = left.paragraphs[1]
    assert body.text == "SỞ NỘI VỤ TỈNH TRÀ VINH"
    assert body.text == body.text.upper()
    assert all(run.font.bold for run in body.runs)
    assert left.paragraphs[0].text == "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"
    assert not any(run.font.bold for run in left.paragraphs[0].runs)
    nation, motto = right.paragraphs[0], right.paragraphs[1]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all(run.font.bold and Pt(12) <= run.font.size <= Pt(13) for run in nation.runs)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert all(run.font.bold and Pt(13) <= run.font.size <= Pt(14) for run in motto.runs)
    # the rules under the issuing body and the motto are paragraph borders
    xml = header._tbl.xml
    assert xml.count("<w:bottom ") == 2


def test_number_and_italic_place_and_date_line(document: Any) -> None:
    header = document.tables[0]
    number = header.cell(1, 0).paragraphs[0]
    assert re.fullmatch(r"Số: …+/BC-…+", number.text)
    place = header.cell(1, 1).paragraphs[0]
    assert re.fullmatch(r"…+, ngày …+ tháng …+ năm …+", place.text)
    assert all(run.font.italic for run in place.runs)


def test_title_body_by_clause_and_tables_of_duties(document: Any) -> None:
    texts = _texts(document)
    assert "BÁO CÁO" in texts
    assert "Kết quả thực hiện dân chủ ở cơ sở năm 2025" in texts
    title = document.paragraphs[texts.index("BÁO CÁO")]
    assert all(run.font.bold for run in title.runs)
    clauses = [t for t in texts if re.match(r"Khoản \d+ Điều \d+: \d+ nhiệm vụ", t)]
    assert clauses
    tables = document.tables[1:-1]
    assert len(tables) == len([t for t in texts if re.match(r"(Khoản \d+ )?Điều \d+: \d+ nhiệm vụ", t)])
    heading = [c.text for c in tables[0].rows[0].cells]
    assert heading == ["TT", "Nhiệm vụ", "Kỳ, hạn", "Kết quả", "Tài liệu kiểm chứng"]
    statuses = {row.cells[3].text.split(" (")[0] for table in tables for row in table.rows[1:]}
    assert {"Không thực hiện", "Thực hiện chậm", "Đã thực hiện đúng hạn"} <= statuses
    assert "Không áp dụng" not in statuses
    for section in ("I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "IV. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert section in texts


def test_recipients_and_signature_block(document: Any) -> None:
    closing = document.tables[-1]
    recipients = closing.cell(0, 0).paragraphs
    assert recipients[0].text == "Nơi nhận:"
    assert all(r.font.bold and r.font.italic and r.font.size == Pt(12) for r in recipients[0].runs)
    assert recipients[-1].text.startswith("- Lưu: VT, ")
    assert all(r.font.size == Pt(11) for p in recipients[1:] for r in p.runs)
    assert "Ủy ban nhân dân tỉnh Trà Vinh (để báo cáo)" in recipients[1].text
    assert any("ký" in p.text for p in closing.cell(0, 1).paragraphs)


def test_page_numbers_from_page_2(document: Any) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_same_inputs_give_the_same_bytes_dated_from_the_evaluation_date(rulebook: Rulebook) -> None:
    first = _render(rulebook)
    assert first == _render(rulebook)
    core = Document(io.BytesIO(first)).core_properties
    assert core.created == core.modified == dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
        (2026, 1, 15, 0, 0, 0)
    }


def test_half_year_and_the_data_windows_of_decree_09(rulebook: Rulebook) -> None:
    assert ReportWindow.of("2025-H1") == ReportWindow(
        "2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30), False
    )
    nd09_half = ReportWindow.of("2025-H1", "nd09")
    assert (nd09_half.start, nd09_half.end) == (dt.date(2024, 12, 15), dt.date(2025, 6, 14))
    nd09_year = ReportWindow.of("2025", "nd09")
    assert (nd09_year.start, nd09_year.end) == (dt.date(2024, 12, 15), dt.date(2025, 12, 14))
    with pytest.raises(UsageError, match="YYYY-H1"):
        ReportWindow.of("2025-Q1")
    with pytest.raises(UsageError, match="not for the second half"):
        ReportWindow.of("2025-H2", "nd09")
    assert ReportWindow.of("2025-H2").start == dt.date(2025, 7, 1)
    half = Document(io.BytesIO(_render(rulebook, report_period="2025-H1", data_window="nd09")))
    texts = _texts(half)
    assert "Kết quả thực hiện dân chủ ở cơ sở 6 tháng đầu năm 2025" in texts
    intro = next(t for t in texts if t.startswith("Thực hiện "))
    assert "từ ngày 15/12/2024 đến ngày 14/6/2025 theo Nghị định số 09/2019/NĐ-CP" in intro
    periods = {row.cells[2].text.split(";")[0] for table in half.tables[1:-1] for row in table.rows[1:]}
    assert "Tháng 7/2025" not in periods
    assert "Tháng 6/2025" in periods


def test_every_due_date_is_the_one_the_evaluation_judged(rulebook: Rulebook) -> None:
    """Each row's due date, and its counted one when shown, are a result's ``due`` and ``counted_due``:
    the last day of a period a duty is done within (the weekly reception's Sunday) is not moved."""
    days = working_calendar()
    moved = unmoved_on_a_day_off = 0
    for path in sorted(EXAMPLES.rglob("*.json")):
        record = load_record(path)
        evaluated = evaluate(record, packs=rulebook, as_of=AS_OF)
        judged = {
            (format_date(r.due), format_date(r.counted_due or r.due)) for r in evaluated.results if r.due
        }
        report = build_report(evaluated, rulebook, record=record)
        data = get_renderer("docx").render(report, RenderOptions())
        assert isinstance(data, bytes)
        for table in Document(io.BytesIO(data)).tables[1:-1]:
            for row in table.rows[1:]:
                when = row.cells[2].text
                stated = re.search(r"[hH]ạn (\d+/\d+/\d{4})", when)
                if stated is None:
                    continue
                # after "(theo diễn giải; " when the deadline is an interpretation
                counted = re.search(r"[(;] ?lùi đến ngày làm việc tiếp theo: (\d+/\d+/\d{4})\)", when)
                shown = (stated.group(1), counted.group(1) if counted else stated.group(1))
                assert shown in judged, f"{path.name}: {when}"
                moved += counted is not None
                day = dt.datetime.strptime(stated.group(1), "%d/%m/%Y").date()
                unmoved_on_a_day_off += counted is None and not days.is_working_day(day)
    assert moved
    assert unmoved_on_a_day_off


def test_cli_writes_the_docx_and_refuses_it_for_many_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bao-cao.docx"
    code = main(["check", str(RECORD), "--as-of", "2026-01-15", "--format", "docx", "--output", str(target)])
    assert code == 1  # the example has missed duties; the report is written all the same
    assert Document(str(target)).paragraphs
    many = ["check", "--lang", "en", str(EXAMPLES / "tra-vinh"), "--format", "docx"]
    code = main([*many, "--output", str(tmp_path / "many")])
    assert code == 2
    err = capsys.readouterr().err
    assert "one record" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exited:
        main(["check", str(RECORD), "--format", "docx", "--report-period", "2025-Q1"])
    assert exited.value.code == 2


@pytest.mark.parametrize("period", ["0000", "1899", "2200-H1"])
def test_a_report_period_past_a_records_years_is_a_usage_error(
    period: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Year 0 crashed with ValueError (exit 3): no date has it.
    target = tmp_path / "x.docx"
    argv = ["check", str(RECORD), "--as-of", "2026-01-15", "--format", "docx", "--output", str(target)]
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--report-period", period, "--lang", "en"])
    assert exited.value.code == 2
    assert (
        f"argument --report-period: expected a period in a year from 1900 to 2199, as a record's periods "
        f"are; got '{period}'"
    ) in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--report-period", period, "--lang", "vi"])
    assert (
        f"tham số --report-period: cần kỳ báo cáo thuộc một năm từ 1900 đến 2199, như các kỳ ghi trong "
        f"hồ sơ; giá trị đã ghi: '{period}'"
    ) in capsys.readouterr().err
    assert not target.exists()
    with pytest.raises(UsageError, match="the report period must be in a year from 1900 to 2199"):
        ReportWindow.of(period)
    for first_or_last in ("1900", "2199-H2"):
        assert ReportWindow.of(first_or_last, "nd09" if first_or_last == "1900" else "calendar")


needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and os.environ.get("DANCOSO_REQUIRE_OFFICE") != "1",
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui; "
    "set DANCOSO_REQUIRE_OFFICE=1 to make this test required",
)


@needs_office
def test_libreoffice_converts_it_to_pdf(tmp_path: Path, rulebook: Rulebook) -> None:
    assert shutil.which("soffice"), "DANCOSO_REQUIRE_OFFICE=1 but soffice is not installed"
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(_render(rulebook))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        first = subprocess.run(
            ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "BÁO CÁO" in first
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
        assert "Độc lập - Tự do - Hạnh phúc" in first
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-f", "1", "-l", "1", "-r", "50", "-png", str(pdf), str(tmp_path / "page")],
            check=True,
            timeout=120,
        )
        assert list(tmp_path.glob("page*.png"))


def test_a_report_period_is_told_in_the_chosen_language_and_written_in_ascii_digits(
    rulebook: Rulebook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # '٢٠٢٥' (Arabic-Indic digits) was taken, and the submitted report said "năm ٢٠٢٥"; the refusal of a
    # second half by NĐ 09's windows was in English whatever --lang; report_period=2025 raised TypeError.
    target = tmp_path / "bao-cao.docx"
    argv = ["check", str(RECORD), "--as-of", "2026-01-15", "--format", "docx", "--output", str(target)]
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--report-period", "٢٠٢٥"])
    assert exited.value.code == 2
    assert "--report-period: cần kỳ ghi theo dạng YYYY, YYYY-H1 hoặc YYYY-H2" in capsys.readouterr().err
    assert main([*argv, "--report-period", "2025-H2", "--data-window", "nd09", "--lang", "vi"]) == 2
    assert capsys.readouterr().err.startswith(
        "<options>: Nghị định 09/2019/NĐ-CP chỉ quy định thời gian chốt số liệu"
    )
    assert not target.exists()
    for label in ("٢٠٢٥", 2025):
        with pytest.raises(UsageError, match="expected a report period written YYYY or YYYY-H1 / YYYY-H2"):
            _render(rulebook, report_period=label)
