"""The shapes of the rule files themselves, and the JSON Schema that editors and CI check them with.

A rule folder holds ``vocabulary.yaml`` (:class:`Vocabulary`), ``interpretations.yaml``
(:class:`InterpretationFile`) and, per pack, ``pack.yaml`` (:class:`Instrument`) and ``dieu-N.yaml``
files (:class:`ProvisionFile`). ``schemas/rule-pack.schema.json`` is generated from the pydantic models
derived from these structs (:mod:`dancoso_rules.model.derive`)::

    python -m dancoso_rules.model.files > schemas/rule-pack.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from dancoso_rules.model.common import Frozen
from dancoso_rules.model.instrument import Instrument
from dancoso_rules.model.interpretation import Interpretation
from dancoso_rules.model.provision import Provision
from dancoso_rules.model.vocabulary import Vocabulary

RULE_PACK_SCHEMA_ID = "urn:dancoso-rules:schema:rule-pack:1"


class InterpretationFile(Frozen, frozen=True, kw_only=True):
    """The shape of an ``interpretations.yaml`` file (and of a user's override file)."""

    interpretations: tuple[Interpretation, ...] = ()


class ProvisionFile(Frozen, frozen=True, kw_only=True):
    """The shape of a ``dieu-N.yaml`` file: provisions in the instrument's order."""

    provisions: tuple[Provision, ...]


FILE_MODELS: tuple[type[Frozen], ...] = (Instrument, ProvisionFile, InterpretationFile, Vocabulary)


def rule_pack_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of every rule file; each file shape is one of its ``$defs``."""
    from pydantic.json_schema import models_json_schema

    from dancoso_rules.model.derive import pydantic_model

    _, schema = models_json_schema(
        [(pydantic_model(model), "validation") for model in FILE_MODELS], ref_template="#/$defs/{model}"
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": RULE_PACK_SCHEMA_ID,
        "title": "dancoso-rules rule files",
        "description": (
            "A rule folder's files: pack.yaml (Instrument), dieu-N.yaml (ProvisionFile), "
            "interpretations.yaml (InterpretationFile) and vocabulary.yaml (Vocabulary)."
        ),
        "anyOf": [{"$ref": f"#/$defs/{model.__name__}"} for model in FILE_MODELS],
        "$defs": schema["$defs"],
    }


def render_schema(schema: dict[str, Any]) -> str:
    """A schema as stable, sorted, indented JSON with a final newline (what is committed)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":  # pragma: no cover - the documented regeneration command
    print(render_schema(rule_pack_schema()), end="")
