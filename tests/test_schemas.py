"""The committed rule-file schema is the one generated from the model, and it checks the rule files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from dancoso_rules.model.files import render_schema, rule_pack_schema

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "schemas" / "rule-pack.schema.json"


def test_rule_pack_schema_has_not_drifted_from_the_model() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render_schema(rule_pack_schema()), (
        "schemas/rule-pack.schema.json is stale; regenerate it with "
        "`python -m dancoso_rules.model.files > schemas/rule-pack.schema.json`"
    )


def test_rule_pack_schema_is_a_valid_2020_12_schema() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _as_json(value: object) -> object:
    """YAML dates as the strings they are written as, the way an editor's schema check sees them."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(
    ("pattern", "definition"),
    [("*/dieu-*.yaml", "ProvisionFile"), ("*/pack.yaml", "Instrument"), ("vocabulary.yaml", "Vocabulary")],
)
def test_every_rule_file_conforms_to_its_schema_definition(pattern: str, definition: str) -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"})
    files = sorted((REPO / "rules").glob(pattern))
    assert files
    for path in files:
        errors = list(validator.iter_errors(_as_json(yaml.safe_load(path.read_text(encoding="utf-8")))))
        assert not errors, f"{path.name}: {errors[0].message}"
