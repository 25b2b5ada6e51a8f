"""Result objects built from values the evaluator has already checked.

Every value that goes into a result comes from a validated rulebook, a validated record, or the
evaluator's own dates and counts; the results are msgspec structs, which are built without
validation. :func:`labels` keeps the one thing validation of a :class:`~dancoso_rules.model.Labels`
does to text: NFC normalisation. The tests check that every result built this way validates against
the model derived from its struct (:mod:`dancoso_rules.model.derive`) and equals what validation gives.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from dancoso_rules.evaluation.result import (
    DateRange,
    EvidenceKind,
    EvidenceRef,
    PeriodRef,
    Reason,
    ReasonCode,
)
from dancoso_rules.model import Labels

_normalize = unicodedata.normalize


def labels(vi: str, en: str) -> Labels:
    """``Labels(vi=vi, en=en)`` for non-empty texts, normalised to NFC as validation would."""
    return Labels(vi=_normalize("NFC", vi), en=_normalize("NFC", en))


def evidence_ref(kind: EvidenceKind, id_: str, pointer: str, on: dt.date) -> EvidenceRef:
    """An :class:`EvidenceRef` of an item of the (validated) record."""
    return EvidenceRef(kind=kind, id=id_, pointer=pointer, date=on)


def reason(code: ReasonCode, text: Labels) -> Reason:
    """A :class:`Reason` with one of the fixed codes."""
    return Reason(code=code, text=text)


def period_ref(label: str, start: dt.date, end: dt.date) -> PeriodRef:
    """A :class:`PeriodRef` of a calendar period or a record's span."""
    return PeriodRef(label=label, start=start, end=end)


def date_range(start: dt.date, end: dt.date) -> DateRange:
    """A :class:`DateRange`."""
    return DateRange(start=start, end=end)
