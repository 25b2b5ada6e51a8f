"""Every valid record fixture and example validates; every invalid fixture fails with its golden message.

Each ``tests/fixtures/records/invalid/<case>.json`` has one defect; ``<case>.expected`` beside it holds
the exact lines ``dancoso validate`` prints for it (``file:line:col /pointer: message``). After a
deliberate change of wording, regenerate the golden files with one command and review the diff::

    UPDATE_GOLDEN=1 pytest tests/test_record_fixtures.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES
from dancoso_rules.model import Rulebook
from dancoso_rules.record.reporters import text_report
from dancoso_rules.record.validate import validate_record

RECORDS = FIXTURES / "records"
INVALID = sorted((RECORDS / "invalid").glob("*.json"))
VALID = sorted((RECORDS / "valid").glob("*.json"))
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.json"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def test_there_are_fixtures_and_examples() -> None:
    assert len(INVALID) >= 20
    assert VALID
    assert len(EXAMPLE_FILES) >= 6


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fails_with_its_golden_message(path: Path, rulebook: Rulebook) -> None:
    result = validate_record(path, rulebook, name=path.name)
    actual = text_report([result])
    golden = path.with_suffix(".expected")
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert not result.valid()
    assert result.record is None
    assert golden.is_file(), f"no golden file; run: UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_each_invalid_fixture_has_one_defect(path: Path, rulebook: Rulebook) -> None:
    result = validate_record(path, rulebook, name=path.name)
    assert len(result.problems) == 1, text_report([result])
    location = result.problems[0].location
    assert location.file == path.name


def test_every_golden_file_has_its_fixture() -> None:
    orphans = [
        p.name for p in (RECORDS / "invalid").glob("*.expected") if not p.with_suffix(".json").is_file()
    ]
    assert orphans == []


@pytest.mark.parametrize("path", VALID + EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_records_and_examples_have_no_problem(path: Path, rulebook: Rulebook) -> None:
    result = validate_record(path, rulebook)
    assert result.problems == (), text_report([result])
    assert result.record is not None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_examples_point_editors_at_the_schema(path: Path) -> None:
    import json

    schema = json.loads(path.read_text(encoding="utf-8"))["$schema"]
    assert not Path(schema).is_absolute()
    assert (path.parent / schema).resolve() == (EXAMPLES.parent / "schemas" / "activity-record.schema.json")
