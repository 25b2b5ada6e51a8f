"""Frames shared between records: what they keep never depends on a record, and they are bounded."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

from msgspec.structs import replace

from conftest import EXAMPLES
from dancoso_rules.evaluation import evaluate
from dancoso_rules.evaluation.prepared import FRAMES, prepared
from dancoso_rules.model import Rulebook
from dancoso_rules.record.model import ActivityRecord

AS_OF = dt.date(2026, 1, 15)


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def _variants(data: dict[str, Any]) -> list[ActivityRecord]:
    """Records of one organisation and period (one frame) that show different things."""
    found = [data]
    fewer = copy.deepcopy(data)
    fewer["activities"] = fewer["activities"][::2]
    found.append(fewer)
    renamed = copy.deepcopy(data)
    for n, item in enumerate(renamed["activities"]):
        item["id"] = f"other-{n}"
    for n, item in enumerate(renamed.get("events", [])):
        item["id"] = f"E-{n}"
    renamed["activities"].reverse()
    found.append(renamed)
    empty = copy.deepcopy(data)
    empty["activities"], empty["events"], empty["attestations"] = [], [], []
    found.append(empty)
    return [ActivityRecord.model_validate(item) for item in found]


def test_records_sharing_a_frame_get_the_reports_they_get_alone(rulebook: Rulebook) -> None:
    records = [
        record
        for name in (
            "tra-vinh/so-noi-vu.json",
            "long-an/ubnd-xa-my-yen.json",
            "tra-vinh/benh-vien-da-khoa.json",
        )
        for record in _variants(_example(name))
    ]
    together = [evaluate(record, packs=rulebook, as_of=AS_OF).to_json() for record in records * 2]
    for n, record in enumerate(records):
        alone = evaluate(record, packs=replace(rulebook), as_of=AS_OF).to_json()
        assert together[n] == alone
        assert together[n + len(records)] == alone


def test_the_frames_kept_are_bounded(rulebook: Rulebook) -> None:
    record = ActivityRecord.model_validate(_example("long-an/ap-3-my-yen.json"))
    own = replace(rulebook)
    for days in range(FRAMES + 10):
        evaluate(record, packs=own, as_of=AS_OF + dt.timedelta(days=days))
    frames = prepared(own).frames
    assert len(frames) == FRAMES
    assert min(key.as_of for key in frames) == AS_OF + dt.timedelta(days=10)


def test_overridden_interpretations_are_never_kept(rulebook: Rulebook) -> None:
    record = ActivityRecord.model_validate(_example("tra-vinh/so-noi-vu.json"))
    own = replace(rulebook)
    interpretation = own.interpretation_by_id["late-window-yearly"]
    override = [replace(interpretation, value="P1M")]
    overridden = evaluate(record, packs=own, as_of=AS_OF, interpretations=override)
    assert not prepared(own).frames
    plain = evaluate(record, packs=own, as_of=AS_OF)
    assert overridden.to_json() != plain.to_json()
    assert evaluate(record, packs=own, as_of=AS_OF, interpretations=override) == overridden
