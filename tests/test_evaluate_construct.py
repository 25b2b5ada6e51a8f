"""Results built without validation are exactly what validation would have built, field for field."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import EXAMPLES
from dancoso_rules.evaluation import DutyResult, Report, evaluate
from dancoso_rules.evaluation.construct import Trusted, labels
from dancoso_rules.model import Labels, Rulebook
from dancoso_rules.record.model import ActivityRecord

RECORDS = sorted(EXAMPLES.glob("*/*.json"))
DATES = [dt.date(2025, 6, 30), dt.date(2026, 1, 15), dt.date(2026, 4, 15)]


def _same(built: BaseModel, validated: BaseModel) -> None:
    """Equal, with the same fields set, the same ``__dict__`` order and the same nested objects."""
    assert type(built) is type(validated)
    assert built == validated
    assert built.model_fields_set == validated.model_fields_set
    assert list(built.__dict__) == list(validated.__dict__)
    for name, value in built.__dict__.items():
        other = validated.__dict__[name]
        assert type(value) is type(other), name
        if isinstance(value, BaseModel):
            _same(value, other)
        elif isinstance(value, tuple):
            for item, item_other in zip(value, other, strict=True):
                if isinstance(item, BaseModel):
                    _same(item, item_other)


def _revalidated(result: DutyResult) -> DutyResult:
    """The result made again by validation from what it holds (as the evaluator's arguments were)."""
    values: dict[str, Any] = {name: getattr(result, name) for name in result.model_fields_set}
    for name, value in values.items():
        if isinstance(value, BaseModel):
            values[name] = type(value)(**{k: getattr(value, k) for k in value.model_fields_set})
    if "evidence" in values:
        values["evidence"] = tuple(type(e)(**e.model_dump()) for e in result.evidence)
    return DutyResult(**values)


@pytest.mark.parametrize("as_of", DATES, ids=str)
@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_built_result_validates_and_equals_the_validated_one(
    path: Path, as_of: dt.date, rulebook: Rulebook
) -> None:
    record = ActivityRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
    report = evaluate(record, packs=rulebook, as_of=as_of)
    for result in report.results:
        assert DutyResult.model_validate(result.model_dump(mode="json")) == result
        _same(result, _revalidated(result))
    assert Report.model_validate_json(report.to_json()) == report


def test_labels_are_normalised_to_nfc_as_validation_does() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội nghị cán bộ")
    built = labels(decomposed, "Staff conference")
    _same(built, Labels(vi=decomposed, en="Staff conference"))
    assert built.vi == "Hội nghị cán bộ"


def test_trusted_refuses_a_fixed_field_the_model_lacks() -> None:
    with pytest.raises(TypeError, match="no field"):
        Trusted(Labels, {"fr": "x"})


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_report_built_without_validation_is_the_validated_one(
    path: Path, rulebook: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Trusted builder (the evaluation's report, the clause-by-clause report, its counts) gives
    what validating the same values gives."""
    from dancoso_rules.report.build import build_report

    def built() -> BaseModel:
        report = evaluate(path, packs=rulebook, as_of=dt.date(2026, 1, 15))
        return build_report(report, rulebook, record_file=path.name)

    trusted = built()

    def validating(self: Trusted[BaseModel], **values: Any) -> BaseModel:
        fixed = {name: self._template[name] for name in self._fixed_names}
        return self._model(**fixed, **values)

    monkeypatch.setattr(Trusted, "__call__", validating)
    _same(trusted, built())
