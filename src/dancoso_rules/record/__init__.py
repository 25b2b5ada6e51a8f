"""Activity records: the model, its JSON Schema, and validation with located messages.

Names are imported lazily: the models (pydantic) are loaded only when a record is not clean or a
caller asks for them, so that reading the fast path's structs (:mod:`dancoso_rules.record.fast`)
does not import them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "Activity",
    "ActivityRecord",
    "Attestation",
    "Event",
    "Evidence",
    "Extension",
    "FileRef",
    "Organisation",
    "Period",
    "RecordResult",
    "Resolution",
    "load_record",
    "validate_record",
]

_EXPORTS: dict[str, str] = {
    **dict.fromkeys(
        (
            "Activity",
            "ActivityRecord",
            "Attestation",
            "Event",
            "Evidence",
            "Extension",
            "FileRef",
            "Organisation",
            "Period",
            "Resolution",
        ),
        "dancoso_rules.record.model",
    ),
    "RecordResult": "dancoso_rules.record.result",
    "load_record": "dancoso_rules.record.validate",
    "validate_record": "dancoso_rules.record.validate",
}

if TYPE_CHECKING:
    from dancoso_rules.record.model import (
        Activity,
        ActivityRecord,
        Attestation,
        Event,
        Evidence,
        Extension,
        FileRef,
        Organisation,
        Period,
        Resolution,
    )
    from dancoso_rules.record.result import RecordResult
    from dancoso_rules.record.validate import load_record, validate_record


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dancoso_rules.record' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
