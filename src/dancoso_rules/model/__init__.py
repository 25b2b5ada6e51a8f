"""The typed model of rule packs: instrument → provision → obligation, with schedules and interpretations.

Every model is a frozen msgspec struct that rejects unknown fields; :mod:`dancoso_rules.model.derive`
makes the pydantic models that validate rule files and generate the JSON Schema from them.
"""

from dancoso_rules.model.common import Frozen, Labels
from dancoso_rules.model.instrument import (
    Erratum,
    Instrument,
    LegalBasis,
    RelatedInstrument,
    SourceText,
    Territory,
)
from dancoso_rules.model.interpretation import Interpretation, parse_duration
from dancoso_rules.model.obligation import Modality, Obligation
from dancoso_rules.model.pack import PlacedObligation, Rulebook, RulePack, obligation_uid
from dancoso_rules.model.provision import NonOperative, Provision, Reference
from dancoso_rules.model.schedule import (
    Duration,
    Frequency,
    OneOff,
    Periodic,
    Qualitative,
    Regular,
    Schedule,
    Triggered,
    add_months,
    labelled_period,
    shift,
)
from dancoso_rules.model.vocabulary import ActivityType, Bearer, EventType, EvidenceKind, Vocabulary

__all__ = [
    "ActivityType",
    "Bearer",
    "Duration",
    "Erratum",
    "EventType",
    "EvidenceKind",
    "Frequency",
    "Frozen",
    "Instrument",
    "Interpretation",
    "Labels",
    "LegalBasis",
    "Modality",
    "NonOperative",
    "Obligation",
    "OneOff",
    "Periodic",
    "PlacedObligation",
    "Provision",
    "Qualitative",
    "Reference",
    "Regular",
    "RelatedInstrument",
    "RulePack",
    "Rulebook",
    "Schedule",
    "SourceText",
    "Territory",
    "Triggered",
    "Vocabulary",
    "add_months",
    "labelled_period",
    "obligation_uid",
    "parse_duration",
    "shift",
]
