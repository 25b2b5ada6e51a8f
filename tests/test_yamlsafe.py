"""Rule files are untrusted input: parsed safely, duplicate keys refused, every value located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dancoso_rules.errors import RuleError
from dancoso_rules.i18n import using_lang
from dancoso_rules.load.yamlsafe import load_yaml


def test_values_are_located_by_json_pointer() -> None:
    document = load_yaml("a: 1\nb:\n  - x: 2\n    y: 2024-01-02\n", "f.yaml")
    assert document.data == {"a": 1, "b": [{"x": 2, "y": dt.date(2024, 1, 2)}]}
    assert document.positions["/b/0/y"] == (4, 5)
    located = document.locate("/b/0/missing")
    assert (located.line, located.column, located.pointer) == (3, 5, "/b/0/missing")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            "f.yaml:3:1: duplicate key 'a' (first at line 1, column 1); each key may appear once",
        ),
        ("a: &x [1]\nb: *x\n", "aliases are not allowed"),
        ("a: !!python/object/apply:os.system [echo]\n", "is not allowed; rule files hold plain data"),
        ("a: [1,\n", "f.yaml:2:1: not valid YAML"),
        ("", "the file is empty"),
        ("? [1, 2]\n: x\n", "a mapping key must be a plain string"),
    ],
)
def test_unsafe_or_ambiguous_yaml_is_refused(text: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        load_yaml(text, "f.yaml")
    assert message in str(caught.value)


def test_nothing_is_executed(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    with pytest.raises(RuleError):
        load_yaml(f"!!python/object/new:os.system [touch {target}]\n", "f.yaml")
    assert not target.exists()


@pytest.mark.parametrize(
    ("text", "english", "vietnamese"),
    [
        (
            "a: !!float x\n",
            "not a valid float value 'x': expected a number, such as 0.5",
            "cần một số, ví dụ 0.5",
        ),
        (
            "a: !!int 1.5\n",
            "not a valid int value '1.5': expected a whole number, such as 12",
            "cần một số nguyên",
        ),
        ("a: !!int 0xZZ\n", "expected a whole number, such as 12", "cần một số nguyên, ví dụ 12"),
        ("a: " + "9" * 5000 + "\n", "a whole number has at most 4,300 digits", "nhiều nhất 4.300 chữ số"),
        ("a: 2025-02-30\n", "day is out of range for month", "tháng này không có ngày đó"),
        ("a: !!int 09\n", "expected a whole number, such as 12", "cần một số nguyên"),
        ("a: !!int ''\n", "expected a whole number, such as 12", "cần một số nguyên"),
        ("a: !!int _\n", "expected a whole number, such as 12", "cần một số nguyên"),
        ("a: !!float _\n", "expected a number, such as 0.5", "cần một số"),
        ("a: !!bool maybe\n", "expected true or false", "cần true hoặc false"),
        ("a: !!timestamp foo\n", "expected a date such as 2025-03-31", "cần một ngày, ví dụ 2025-03-31"),
        ("a: !!timestamp 2025-03-31 25:00:00\n", "expected a date such as 2025-03-31", "cần một ngày"),
    ],
)
def test_a_value_its_type_cannot_hold_is_said_in_the_catalogues_words(
    text: str, english: str, vietnamese: str
) -> None:
    """The reason is the project's, in the language of the run, never Python's advice (such as calling
    sys.set_int_max_str_digits)."""
    for lang, expected in (("en", english), ("vi", vietnamese)):
        with using_lang(lang), pytest.raises(RuleError) as caught:
            load_yaml(text, "f.yaml")
        message = str(caught.value)
        assert message.startswith("f.yaml:1:4: "), message
        assert expected in message, message
        assert not [word for word in ("sys.", "convert", "literal") if word in message], message
