"""The workbooks in a real spreadsheet program (LibreOffice Calc, headless): they open and print.

Skipped when LibreOffice is absent. With ``DANCOSO_UPDATE_SCREENSHOT=1`` the pictures of the docs
(``docs/img/template-xlsx.png``, ``docs/img/overview-xlsx.png``) are made from the printed pages
(``pdftoppm``, from poppler-utils, is needed for that too).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main

SO_NOI_VU = EXAMPLES / "tra-vinh" / "so-noi-vu.json"


def _office() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("DANCOSO_REQUIRE_OFFICE") == "1":  # CI installs it: a missing office must not pass
        pytest.fail("LibreOffice is required (DANCOSO_REQUIRE_OFFICE=1) but is not installed")
    pytest.skip("LibreOffice is not installed")


def _one_sheet(source: Path, sheet: str, area: str, target: Path) -> Path:
    """A copy of ``source`` with only ``sheet``, its print area ``area`` on one landscape page."""
    book = load_workbook(source)
    for name in book.sheetnames:
        if name != sheet:
            book[name].sheet_state = "hidden"
    kept = book[sheet]
    book.active = book.sheetnames.index(sheet)
    kept.print_area = area
    kept.page_setup.orientation = "landscape"
    kept.page_setup.paperSize = kept.PAPERSIZE_A4
    kept.sheet_properties.pageSetUpPr.fitToPage = True
    kept.page_setup.fitToWidth = 1
    kept.page_setup.fitToHeight = 1
    book.save(target)
    return target


def _to_pdf(office: str, workbook: Path, folder: Path) -> Path:
    command = [
        office,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(workbook),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    pdf = folder / f"{workbook.stem}.pdf"
    assert pdf.exists(), (done.stdout + done.stderr)[-2000:]
    return pdf


def _text(pdf: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _picture(pdf: Path, name: str) -> None:
    """The first page of ``pdf`` as a PNG in ``docs/img``, cut to what is printed on it (plus a margin)."""
    if os.environ.get("DANCOSO_UPDATE_SCREENSHOT") != "1":
        return
    tool = shutil.which("pdftoppm")
    assert tool is not None, "pdftoppm (poppler-utils) makes the pictures"
    page = ["-r", "150", "-f", "1", "-l", "1", "-singlefile", str(pdf)]
    stem = pdf.with_suffix("")
    subprocess.run([tool, *page, str(stem)], check=True)  # a PPM, to find where the ink is
    x, y, width, height = _ink(stem.with_suffix(".ppm").read_bytes(), margin=16)
    box = ["-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height)]
    subprocess.run([tool, "-png", *box, *page, str(stem)], check=True)
    shutil.copyfile(stem.with_suffix(".png"), REPO / "docs" / "img" / name)


def _ink(ppm: bytes, margin: int) -> tuple[int, int, int, int]:
    """The box around the pixels of a binary PPM that are not white: x, y, width, height."""
    fields = ppm.split(maxsplit=4)
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4]
    rows = [pixels[3 * width * r : 3 * width * (r + 1)] for r in range(height)]
    inked = [r for r, row in enumerate(rows) if row.strip(b"\xff")]
    left = min(len(row) - len(row.lstrip(b"\xff")) for row in (rows[r] for r in inked)) // 3
    right = max(len(row.rstrip(b"\xff")) for row in (rows[r] for r in inked)) // 3
    top, bottom = inked[0], inked[-1]
    x, y = max(0, left - margin), max(0, top - margin)
    return x, y, min(width, right + margin) - x, min(height, bottom + margin) - y


def test_the_filled_template_opens_and_prints_in_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = _office()
    workbook = tmp_path / "so-noi-vu.xlsx"
    assert main(["template", "--from", str(SO_NOI_VU), "--output", str(workbook)]) == 0
    page = _one_sheet(workbook, "Hoạt động", "A1:I14", tmp_path / "template-xlsx.xlsx")
    pdf = _to_pdf(office, page, tmp_path)
    text = _text(pdf)
    if text is not None:
        assert "Loại hoạt động" in text
        assert "staff_conference" in text
    _picture(pdf, "template-xlsx.png")


def test_the_overview_workbook_opens_and_prints_in_libreoffice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = _office()
    folder = tmp_path / "reports"
    argv = ["check", str(EXAMPLES), "--as-of", "2026-01-15", "--format", "xlsx", "--fail-on", "none"]
    assert main([*argv, "--output", str(folder)]) == 0
    page = _one_sheet(folder / "overview.xlsx", "Tổng hợp", "A1:P7", tmp_path / "overview-xlsx.xlsx")
    pdf = _to_pdf(office, page, tmp_path)
    text = _text(pdf)
    if text is not None:
        assert "Không thực hiện" in text
        assert "Sở Nội vụ tỉnh Trà Vinh" in text
    _picture(pdf, "overview-xlsx.png")
