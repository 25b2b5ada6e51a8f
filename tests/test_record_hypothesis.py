"""Whatever it is fed, validation returns a result (valid, or with located problems) and never raises."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, FIXTURES
from dancoso_rules.model import Rulebook
from dancoso_rules.record.reporters import REPORTER_BY_NAME
from dancoso_rules.record.validate import validate_record

SEEDS = [
    json.loads(p.read_text(encoding="utf-8"))
    for p in [*sorted((FIXTURES / "records" / "valid").glob("*.json")), *sorted(EXAMPLES.rglob("*.json"))]
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["2025-02-30", "2025-12-31", "staff_conference", "tra-vinh", "", "-1", "Hội nghị"])
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)
SETTINGS = settings(max_examples=200, deadline=None)


def check(raw: bytes, rulebook: Rulebook) -> None:
    result = validate_record(raw, rulebook, name="fuzz.json")
    assert result.record is not None or result.errors
    for report in REPORTER_BY_NAME.values():
        report([result]).encode("utf-8")  # every message is printable text


def containers(value: Any) -> list[Any]:
    found = [value] if isinstance(value, dict | list) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        found.extend(containers(child))
    return found


@st.composite
def mutated_records(draw: st.DrawFn) -> Any:
    record = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        target = draw(st.sampled_from(containers(record)))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if isinstance(target, dict):
            key = (
                draw(st.sampled_from(sorted(target)))
                if target and action != "add"
                else draw(st.text(max_size=10))
            )
            if action == "delete":
                target.pop(key, None)
            else:
                target[key] = draw(JSON)
        elif target and action != "add":
            index = draw(st.integers(min_value=0, max_value=len(target) - 1))
            if action == "delete":
                del target[index]
            else:
                target[index] = draw(JSON)
        else:
            target.append(draw(JSON))
    return record


@SETTINGS
@given(JSON)
def test_random_json_gives_a_result(rulebook: Rulebook, value: Any) -> None:
    check(json.dumps(value).encode(), rulebook)


@SETTINGS
@given(mutated_records(), st.booleans())
def test_mutated_records_give_a_result(rulebook: Rulebook, record: Any, ascii_only: bool) -> None:
    check(json.dumps(record, ensure_ascii=ascii_only, indent=1).encode(), rulebook)


@SETTINGS
@given(st.sampled_from(SEEDS), st.data())
def test_damaged_bytes_give_a_result(rulebook: Rulebook, record: Any, data: st.DataObject) -> None:
    raw = bytearray(json.dumps(record, ensure_ascii=False, indent=2).encode())
    for _ in range(data.draw(st.integers(min_value=1, max_value=5))):
        position = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            raw[position] ^= data.draw(st.integers(min_value=1, max_value=255))
        elif action == "insert":
            raw[position:position] = data.draw(st.binary(min_size=1, max_size=4))
        else:
            del raw[position]
    check(bytes(raw), rulebook)
