"""Result objects built from values the evaluator has already checked, without validating them again.

Every value that goes into a result comes from a validated rulebook, a validated record, or the
evaluator's own dates and counts; validating ~200 results a record again costs more than the whole
evaluation otherwise does. :class:`Trusted` builds a model the way pydantic's ``model_construct``
does (same ``__dict__`` in field order, same ``model_fields_set``), only with the field order and
defaults worked out once per model instead of once per object. :func:`labels` keeps the one thing
validation of a :class:`~dancoso_rules.model.Labels` does to text: NFC normalisation. The tests
check that every result built this way validates against its model and equals what validation gives.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from dancoso_rules.evaluation.result import (
    DateRange,
    EvidenceKind,
    EvidenceRef,
    PeriodRef,
    Reason,
    ReasonCode,
)
from dancoso_rules.model import Labels

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__
_normalize = unicodedata.normalize
_MISSING: Any = object()


class Trusted(Generic[M]):
    """Builds instances of one model from trusted values, with some fields fixed in advance."""

    __slots__ = ("_fixed_names", "_model", "_template")

    def __init__(self, model: type[M], fixed: Mapping[str, Any] | None = None) -> None:
        fixed = dict(fixed or {})
        unknown = set(fixed) - model.model_fields.keys()
        if unknown:
            raise TypeError(f"{model.__name__} has no field(s) {sorted(unknown)}")
        # Field order, as validation gives it: defaults first, then the fixed values over them.
        template = _defaults(model).copy()
        template.update(fixed)
        self._model = model
        self._template = template
        self._fixed_names = frozenset(fixed)

    def __call__(self, **values: Any) -> M:
        """An instance with ``values`` (and the fixed fields); no field is validated or converted."""
        data = self._template.copy()
        data.update(values)
        made = self._model.__new__(self._model)
        _set(made, "__dict__", data)
        _set(made, "__pydantic_fields_set__", self._fixed_names | values.keys())
        _set(made, "__pydantic_extra__", None)
        _set(made, "__pydantic_private__", None)
        return made


@functools.cache
def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Each field of ``model`` with its default (:data:`_MISSING` when required), in field order: worked
    out once per model (a rulebook prepares a builder for each of its ~130 obligations)."""
    return {
        name: _MISSING if info.is_required() else info.get_default(call_default_factory=True)
        for name, info in model.model_fields.items()
    }


_new_labels = Labels.__new__
_evidence = Trusted(EvidenceRef)
_reason = Trusted(Reason)
_period = Trusted(PeriodRef)
_range = Trusted(DateRange)


def labels(vi: str, en: str) -> Labels:
    """``Labels(vi=vi, en=en)`` for non-empty texts, normalised to NFC as validation would."""
    # What Trusted(Labels) does, spelt out: two explanations a result, the commonest object made.
    made = _new_labels(Labels)
    _set(made, "__dict__", {"vi": _normalize("NFC", vi), "en": _normalize("NFC", en)})
    _set(made, "__pydantic_fields_set__", {"vi", "en"})
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def evidence_ref(kind: EvidenceKind, id_: str, pointer: str, on: dt.date) -> EvidenceRef:
    """An :class:`EvidenceRef` of an item of the (validated) record."""
    return _evidence(kind=kind, id=id_, pointer=pointer, date=on)


def reason(code: ReasonCode, text: Labels) -> Reason:
    """A :class:`Reason` with one of the fixed codes."""
    return _reason(code=code, text=text)


def period_ref(label: str, start: dt.date, end: dt.date) -> PeriodRef:
    """A :class:`PeriodRef` of a calendar period or a record's span."""
    return _period(label=label, start=start, end=end)


def date_range(start: dt.date, end: dt.date) -> DateRange:
    """A :class:`DateRange`."""
    return _range(start=start, end=end)
