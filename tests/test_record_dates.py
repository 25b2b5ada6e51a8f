"""Dates in a record: the same text always reads as the same day or the same error, however often it is read."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from dancoso_rules.record.model import Period


@pytest.mark.parametrize("strict", [False, True])
def test_a_date_read_again_is_the_same_day(strict: bool) -> None:
    for _ in range(3):
        period = Period.model_validate_json(b'{"start": "2024-02-29", "end": "2024-12-31"}', strict=strict)
        assert (period.start, period.end) == (dt.date(2024, 2, 29), dt.date(2024, 12, 31))
        assert Period.model_validate({"start": "2024-02-29", "end": period.end}).start == period.start


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-29", "Value error, not a date that exists: day is out of range for month"),
        ("2025-2-28", "Value error, expected a date written YYYY-MM-DD, as a string"),
        ("20250228", "Value error, expected a date written YYYY-MM-DD, as a string"),
    ],
)
def test_a_wrong_date_is_refused_every_time_with_the_same_message(text: str, message: str) -> None:
    for _ in range(3):
        with pytest.raises(ValidationError) as caught:
            Period.model_validate({"start": text, "end": "2025-12-31"})
        [error] = caught.value.errors()
        assert (error["loc"], error["msg"]) == (("start",), message)


def test_a_number_is_never_taken_for_a_date() -> None:
    Period.model_validate({"start": "2025-01-01", "end": "2025-12-31"})
    with pytest.raises(ValidationError, match="expected a date written YYYY-MM-DD, as a string"):
        Period.model_validate_json(b'{"start": 20250101, "end": "2025-12-31"}')
