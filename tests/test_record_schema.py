"""The published schema: generated from the model, stable, and usable by the generic check-jsonschema CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, FIXTURES, SCHEMAS
from dancoso_rules.record.model import RECORD_SCHEMA_ID
from dancoso_rules.record.schema import SCHEMA_FILE, record_schema, record_schema_text
from tools import tool

PUBLISHED = SCHEMAS / SCHEMA_FILE
REGENERATE = "python -m dancoso_rules.record.schema > schemas/activity-record.schema.json"


def test_published_schema_matches_the_model() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == record_schema_text(), (
        f"schemas/{SCHEMA_FILE} drifted from the record model; regenerate it with:\n    {REGENERATE}"
    )


def test_schema_is_2020_12_with_its_id_and_is_valid() -> None:
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == RECORD_SCHEMA_ID
    assert schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_text_is_the_same_bytes_every_time() -> None:
    assert record_schema_text() == record_schema_text()
    assert json.loads(record_schema_text()) == record_schema()


def test_module_prints_the_published_schema() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "dancoso_rules.record.schema"], capture_output=True, check=True, timeout=60
    )
    assert run.stdout == PUBLISHED.read_bytes()


@pytest.mark.parametrize(
    "path",
    sorted(EXAMPLES.rglob("*.json")) + sorted((FIXTURES / "records" / "valid").glob("*.json")),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_generic_check_jsonschema_accepts_valid_records(path: Path) -> None:
    cli = tool("check-jsonschema")
    run = subprocess.run(
        [cli, "--schemafile", str(PUBLISHED), str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_check_jsonschema_is_found_with_only_the_system_folders_on_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fresh machine: the venv is not on PATH, and nothing was installed globally by hand."""
    monkeypatch.setenv("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    run = subprocess.run(
        [tool("check-jsonschema"), "--schemafile", str(PUBLISHED), str(record)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "case", ["bad-date", "unknown-field", "number-for-string", "evidence-without-reference"]
)
def test_generic_check_jsonschema_refuses_what_the_schema_can_see(case: str) -> None:
    cli = tool("check-jsonschema")
    path = FIXTURES / "records" / "invalid" / f"{case}.json"
    run = subprocess.run(
        [cli, "--schemafile", str(PUBLISHED), str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1, run.stdout + run.stderr
