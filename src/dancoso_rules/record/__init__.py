"""Activity records: the model, its JSON Schema, and validation with located messages."""

from dancoso_rules.record.model import (
    Activity,
    ActivityRecord,
    Attestation,
    Event,
    Evidence,
    FileRef,
    Organisation,
    Period,
    Resolution,
)

__all__ = [
    "Activity",
    "ActivityRecord",
    "Attestation",
    "Event",
    "Evidence",
    "FileRef",
    "Organisation",
    "Period",
    "Resolution",
]
