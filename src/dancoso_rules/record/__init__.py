"""Activity records: the model, its JSON Schema, and validation with located messages."""

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
