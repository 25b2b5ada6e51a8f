"""What worker processes send and receive (msgspec structs) is pickled by value, and comes back equal."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from dancoso_rules.cli.check_pool import Unit
from dancoso_rules.report.batch import Lines, RecordSource
from dancoso_rules.report.tally import Tally

TALLY = Tally(
    "so-noi-vu",
    "Sở Nội vụ",
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    (1, 2, 3, 4, 5, 6, 7),
    (0, 1, 0, 1, 0, 1, 0),
    ((("tra-vinh", "art_2__cl_1", "Điều 2 khoản 1"), tuple(range(14))),),
)
SENT = [
    RecordSource(Path("a/records.jsonl"), "records.jsonl", 12, b'{"x": 1}'),
    Lines(Path("a/records.jsonl"), "records.jsonl", 12, b'{"x": 1}\r\n\n{"y": 2}\n', 3),
    TALLY,
    Unit(Path("a.jsonl"), "a.jsonl", 3, "a.jsonl:3", ("problem",), TALLY, "so-noi-vu", b"report", True),
]


@pytest.mark.parametrize("value", SENT, ids=lambda value: type(value).__name__)
def test_sent_values_come_back_equal_and_are_pickled_by_value(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    cls, args = value.__reduce__()
    assert cls is type(value)
    assert cls(*args) == value
