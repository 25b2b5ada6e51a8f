"""The HTML report in a real headless browser (Debian's chromium): it renders and gives a real page.

Skipped when chromium is absent, unless ``DANCOSO_REQUIRE_BROWSER=1`` (as in CI, where ``.ci/run``
installs it): then a missing browser fails the test. With ``DANCOSO_UPDATE_SCREENSHOT=1`` the
screenshot is also kept as ``docs/img/report-html.png``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import A4_PRINT_WIDTH, OVERLAPS, Browser, chromium
from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


def test_html_report_renders_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = chromium()
    monkeypatch.chdir(REPO)
    page = tmp_path / "report.html"
    record = (EXAMPLES / "tra-vinh" / "so-noi-vu.json").relative_to(REPO)
    assert (
        main(["check", str(record), "--as-of", "2026-01-15", "--format", "html", "--output", str(page)]) == 1
    )
    png = tmp_path / "report.png"
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={png}",
        f"--window-size={WIDTH},{HEIGHT}",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert png.exists(), done.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(data) > 50_000, "a blank page compresses to a few kilobytes; the report does not"
    if os.environ.get("DANCOSO_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(png, REPO / "docs" / "img" / "report-html.png")


# ---------------------------------------------------------------------------------------------------------------
# Element boxes, as a person sees them: the single report and the dashboard of 300 organisations at 1280 px,
# 375 px and printed on A4 (portrait for a report, landscape for the dashboard).


A4_LANDSCAPE_PRINT_WIDTH = round((297 - 20) / 25.4 * 96)  # the dashboard's @page: A4 landscape, 10 mm margins
UNITS = 300


def _units(folder: Path) -> Path:
    """300 records made from the bundled examples, each with its own id and name."""
    import json

    examples = sorted(EXAMPLES.rglob("*.json"))
    folder.mkdir()
    for i in range(UNITS):
        data = json.loads(examples[i % len(examples)].read_text(encoding="utf-8"))
        data.pop("$schema", None)
        org = data["organisation"]
        org["id"] = f"{org['id']}-{i + 1:03d}"
        org["name"] = f"{org['name']} (đơn vị số {i + 1})"
        (folder / f"unit-{i + 1:03d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dancoso check DIR --format html --output OUT/`` over 300 organisations: OUT."""
    root = tmp_path_factory.mktemp("batch")
    records = _units(root / "records")
    out = root / "out"
    code = main(["check", str(records), "--as-of", "2026-01-15", "--format", "html", "--output", str(out)])
    assert code == 1
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(tmp_path_factory.mktemp("profile")) as b:
        yield b


VIEWS = [(1280, "screen"), (375, "screen"), (A4_PRINT_WIDTH, "print")]


@pytest.mark.parametrize(("width", "media"), VIEWS)
@pytest.mark.parametrize("record", ["tra-vinh/benh-vien-da-khoa.json", "long-an/ubnd-xa-my-yen.json"])
def test_single_report_has_no_overlapping_boxes(
    tmp_path: Path, browser: Browser, record: str, width: int, media: str
) -> None:
    page = tmp_path / "report.html"
    main(
        ["check", str(EXAMPLES / record), "--as-of", "2026-01-15", "--format", "html", "--output", str(page)]
    )
    browser.open(page, width=width, media=media)
    assert browser.evaluate("document.querySelectorAll('.badge').length") > 10
    assert browser.evaluate(OVERLAPS) == []


@pytest.mark.parametrize(("width", "media"), [*VIEWS[:2], (A4_LANDSCAPE_PRINT_WIDTH, "print")])
def test_dashboard_has_no_overlapping_boxes(batch: Path, browser: Browser, width: int, media: str) -> None:
    browser.open(batch / "overview.html", width=width, media=media)
    assert browser.evaluate("document.querySelectorAll('#orgs tbody tr').length") == UNITS
    assert browser.evaluate(OVERLAPS) == []


def test_dashboard_is_self_contained(batch: Path) -> None:
    html = (batch / "overview.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    assert "<link" not in html
    assert "src=" not in html


def test_dashboard_rows_link_to_each_units_report(batch: Path, browser: Browser) -> None:
    browser.open(batch / "overview.html", width=1280)
    links = browser.evaluate("[...document.querySelectorAll('#orgs tbody td.org a')].map(a => a.href)")
    assert len(links) == UNITS
    files = {Path(link.removeprefix("file://")).name for link in links}
    assert files == {p.name for p in batch.glob("*.html")} - {"overview.html"}
    for link in links[:5]:  # each link opens that organisation's own report
        browser.open(Path(link.removeprefix("file://")), width=1280)
        assert "(đơn vị số" in browser.evaluate("document.querySelector('dl.facts dd').textContent")


def _column(browser: Browser, index: int) -> list[str]:
    return browser.evaluate(  # type: ignore[no-any-return]
        f"[...document.querySelectorAll('#orgs tbody tr:not(.off)')].map(r => r.cells[{index}].textContent.trim())"
    )


def _number(text: str) -> int:
    return 0 if text == "·" else int(text)


def test_dashboard_sorts_worst_first_and_on_click(batch: Path, browser: Browser) -> None:
    browser.open(batch / "overview.html", width=1280)
    heads = browser.evaluate(
        "[...document.querySelectorAll('#orgs thead th')].map(th => th.textContent.trim())"
    )
    failing = len(heads) - 2
    first = [_number(t) for t in _column(browser, failing)]
    assert first == sorted(first, reverse=True)  # worst first without a click
    assert first[0] > first[-1]
    click = f"document.querySelectorAll('#orgs thead th button')[{failing}].click()"
    browser.evaluate(click)  # a count's first click: most first
    assert [_number(t) for t in _column(browser, failing)] == first
    browser.evaluate(click)  # its second: fewest first
    ascending = [_number(t) for t in _column(browser, failing)]
    assert ascending == sorted(ascending)
    browser.evaluate("document.querySelectorAll('#orgs thead th button')[1].click()")  # by name, A to Z
    names = _column(browser, 1)
    assert len(set(names)) == UNITS
    in_order = f"(() => {{ const c = new Intl.Collator('vi'); const n = {names!r};"
    in_order += " return n.every((x, i) => i === 0 || c.compare(n[i - 1], x) <= 0); })()"
    assert browser.evaluate(in_order) is True
    assert (
        browser.evaluate("document.querySelectorAll('#orgs thead th')[1].getAttribute('aria-sort')")
        == "ascending"
    )
    # the heat map follows the table's order
    heat = browser.evaluate(
        "[...document.querySelectorAll('#heat tbody tr')].map(r => r.cells[0].textContent)"
    )
    assert heat == names


def test_dashboard_filters_by_name_without_diacritics_and_by_failing(batch: Path, browser: Browser) -> None:
    browser.open(batch / "overview.html", width=1280)
    typed = "benh vien"  # "Bệnh viện" typed without diacritics
    browser.evaluate(
        f"(() => {{ const q = document.getElementById('q'); q.value = {typed!r}; q.dispatchEvent(new Event('input')); }})()"
    )
    names = _column(browser, 1)
    assert names
    assert len(names) < UNITS
    assert all(name.startswith("Bệnh viện") for name in names)
    assert str(len(names)) in browser.evaluate("document.getElementById('shown').textContent")
    assert browser.evaluate("document.querySelectorAll('#heat tbody tr:not(.off)').length") == len(names)
    browser.evaluate(
        "(() => { const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input'));"
        " const f = document.getElementById('failing'); f.checked = true; f.dispatchEvent(new Event('change')); })()"
    )
    heads = browser.evaluate("document.querySelectorAll('#orgs thead th').length")
    shown = [_number(t) for t in _column(browser, heads - 2)]
    assert 0 < len(shown) < UNITS
    assert all(n > 0 for n in shown)


def test_dashboard_without_script_is_a_plain_table(batch: Path, tmp_path: Path, browser: Browser) -> None:
    html = (batch / "overview.html").read_text(encoding="utf-8")
    page = tmp_path / "overview.html"
    page.write_text(html.split("<script>")[0] + "</body></html>\n", encoding="utf-8")
    browser.open(page, width=1280)
    assert browser.evaluate("document.querySelector('.controls').offsetParent") is None  # no dead controls
    assert browser.evaluate("document.querySelectorAll('#orgs tbody tr').length") == UNITS
    assert browser.evaluate("document.querySelectorAll('#orgs thead button').length") == 0


def test_dashboard_screenshot(batch: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open(batch / "overview.html", width=1280, height=900)
    png = tmp_path / "dashboard.png"
    browser.screenshot(png)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", data[16:24]) == (1280, 900)
    if os.environ.get("DANCOSO_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(png, REPO / "docs" / "img" / "overview-html.png")
