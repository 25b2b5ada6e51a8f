"""The published JSON Schema of activity records, generated from the model.

``schemas/activity-record.schema.json`` is this module's output, committed so that editors and the
generic ``check-jsonschema`` CLI can use it; a test fails when it drifts from the model. Regenerate it
with::

    python -m dancoso_rules.record.schema > schemas/activity-record.schema.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

from dancoso_rules.record.model import RECORD_SCHEMA_ID, ActivityRecord

#: The file name the schema is published under, in ``schemas/``.
SCHEMA_FILE = "activity-record.schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def record_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of an activity record, with its ``$id``."""
    schema = ActivityRecord.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": _DIALECT,
        "$id": RECORD_SCHEMA_ID,
        **schema,
        "title": "Activity record (dancoso-rules)",
        "description": (
            "One organisation's record of what it did over one period to carry out Vietnam's grassroots-"
            "democracy law (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15) and the provincial instruments "
            "under it: dated activities with their evidence, events that open duties, and attestations. "
            "Check one with `dancoso validate FILE`, which also checks the words against the rule packs."
        ),
    }


def record_schema_text() -> str:
    """The schema as published: sorted keys, two-space indent, UTF-8, a final newline; the same bytes every run."""
    return json.dumps(record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    """Print the schema (as UTF-8, whatever the console's encoding)."""
    sys.stdout.buffer.write(record_schema_text().encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
