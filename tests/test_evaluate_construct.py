"""Results built without validation are exactly what validation would have built, field for field.

The results and reports are msgspec structs that the evaluator builds from trusted values; the pydantic
models derived from them (:mod:`dancoso_rules.model.derive`) validate what they hold, and give back
equal structs of the same types."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import msgspec
import pytest

from conftest import EXAMPLES
from dancoso_rules.evaluation import DutyResult, Report, evaluate
from dancoso_rules.evaluation.construct import labels
from dancoso_rules.model import Labels, Rulebook
from dancoso_rules.model.derive import validate
from dancoso_rules.record.model import ActivityRecord

RECORDS = sorted(EXAMPLES.glob("*/*.json"))
DATES = [dt.date(2025, 6, 30), dt.date(2026, 1, 15), dt.date(2026, 4, 15)]


def _same(built: Any, validated: Any) -> None:
    """Equal, of the same types all the way down."""
    assert type(built) is type(validated)
    assert built == validated
    if isinstance(built, msgspec.Struct):
        for name in built.__struct_fields__:
            _same(getattr(built, name), getattr(validated, name))
    elif isinstance(built, tuple):
        for item, item_other in zip(built, validated, strict=True):
            _same(item, item_other)
    elif isinstance(built, dict):
        for key, value in built.items():
            _same(value, validated[key])


@pytest.mark.parametrize("as_of", DATES, ids=str)
@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_built_result_validates_and_equals_the_validated_one(
    path: Path, as_of: dt.date, rulebook: Rulebook
) -> None:
    record = ActivityRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
    report = evaluate(record, packs=rulebook, as_of=as_of)
    for result in report.results:
        _same(result, validate(DutyResult, msgspec.to_builtins(result)))
    _same(report, validate(Report, json.loads(report.to_json())))


def test_labels_are_normalised_to_nfc_as_validation_does() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội nghị cán bộ")
    built = labels(decomposed, "Staff conference")
    _same(built, validate(Labels, {"vi": decomposed, "en": "Staff conference"}))
    assert built.vi == "Hội nghị cán bộ"


def test_a_struct_refuses_a_field_the_model_lacks() -> None:
    with pytest.raises(TypeError, match="fr"):
        Labels(vi="x", en="x", fr="x")  # type: ignore[call-arg]


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_report_built_without_validation_is_the_validated_one(path: Path, rulebook: Rulebook) -> None:
    """The clause-by-clause report (its tree, its counts, its results) is what validating its JSON gives."""
    from dancoso_rules.report.build import build_report
    from dancoso_rules.report.model import ComplianceReport

    report = evaluate(path, packs=rulebook, as_of=dt.date(2026, 1, 15))
    built = build_report(report, rulebook, record_file=path.name)
    _same(built, validate(ComplianceReport, json.loads(built.to_json())))
