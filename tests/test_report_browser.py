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
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("DANCOSO_REQUIRE_BROWSER") == "1":
        pytest.fail("chromium is required (DANCOSO_REQUIRE_BROWSER=1) but is not installed")
    pytest.skip("chromium is not installed")


def test_html_report_renders_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = _chromium()
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
