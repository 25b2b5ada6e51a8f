"""Golden files: every format of every example record, as of a fixed day, byte for byte.

A change to a renderer shows up as a diff of these files. After checking that the new output is
right, regenerate them all with the one documented command::

    UPDATE_GOLDEN=1 pytest tests/test_report_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2026-01-15"
EXTENSIONS = {
    "text": "txt",
    "markdown": "md",
    "html": "html",
    "json": "json",
    "junit": "xml",
    "sarif": "sarif",
    "csv": "csv",
}
RECORDS = sorted(EXAMPLES.glob("*/*.json"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _name(record: Path) -> str:
    return f"{record.parent.name}--{record.stem}"


def render(record: Path, fmt: str, tmp_path: Path, *extra: str) -> bytes:
    """The bytes ``dancoso check`` writes for ``record`` in ``fmt`` (run from the repository's top)."""
    out = tmp_path / f"out.{fmt}"
    argv = ["check", str(record.relative_to(REPO)), "--as-of", AS_OF, "--format", fmt, "--width", "100"]
    assert main([*argv, *extra, "--output", str(out)]) in (0, 1)
    return out.read_bytes()


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
@pytest.mark.parametrize("record", RECORDS, ids=_name)
def test_golden(record: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    golden = GOLDEN / f"{_name(record)}.{EXTENSIONS[fmt]}"
    actual = render(record, fmt, tmp_path)
    if UPDATE:
        golden.write_bytes(actual)
    assert golden.exists(), (
        f"no golden file {golden.name}; run: UPDATE_GOLDEN=1 pytest tests/test_report_golden.py"
    )
    assert actual == golden.read_bytes(), (
        f"{golden.name} differs; if the change is right, regenerate the golden files"
    )


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_golden_in_english(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    golden = GOLDEN / f"{_name(record)}.en.{EXTENSIONS[fmt]}"
    actual = render(record, fmt, tmp_path, "--lang", "en")
    if UPDATE:
        golden.write_bytes(actual)
    assert actual == golden.read_bytes()


def test_every_example_has_golden_files() -> None:
    assert len(RECORDS) >= 6
    expected = {f"{_name(r)}.{ext}" for r in RECORDS for ext in EXTENSIONS.values()}
    present = {p.name for p in GOLDEN.iterdir() if ".en." not in p.name and not p.name.startswith(".")}
    assert expected == present, "golden files and examples differ: regenerate with UPDATE_GOLDEN=1"
