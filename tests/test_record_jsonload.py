"""The strict JSON reader: what bytes it refuses, how it locates values, and that it never raises anything else."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dancoso_rules.errors import RecordError
from dancoso_rules.record.jsonload import (
    MAX_BYTES,
    MAX_DEPTH,
    decode_text,
    find_position,
    parse_json,
    scan_positions,
)


def parse(raw: bytes) -> object:
    return parse_json(decode_text(raw, "r.json"), "r.json").data


def only_problem(raw: bytes) -> str:
    with pytest.raises(RecordError) as caught:
        parse(raw)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_nfd_text_is_normalised_to_nfc_and_accepted() -> None:
    title = unicodedata.normalize("NFD", "Hội nghị cán bộ")
    assert title != "Hội nghị cán bộ"
    data = parse(json.dumps({"title": title}, ensure_ascii=False).encode())
    assert data == {"title": "Hội nghị cán bộ"}


def test_keys_equal_after_normalisation_are_duplicates() -> None:
    nfd = unicodedata.normalize("NFD", "tên")
    raw = ('{"tên": 1, "' + nfd + '": 2}').encode()
    assert "duplicate key 'tên'" in only_problem(raw)


def test_every_duplicate_key_is_reported_with_both_places() -> None:
    raw = b'{"a": 1,\n "a": 2,\n "b": {"c": 1,\n "c": 2}}'
    with pytest.raises(RecordError) as caught:
        parse(raw)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [
        "r.json:2:2 /a: duplicate key 'a' (first at line 1, column 2); each key may appear once",
        "r.json:4:2 /b/c: duplicate key 'c' (first at line 3, column 8); each key may appear once",
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbf \n", "r.json: the file is empty"),
        (b"\xff\xfe{\x00}\x00", "UTF-16 byte-order mark"),
        (b"", "the file is empty"),
        (b" \r\n\t", "the file is empty"),
        (b'{"a":\n  "caf\xe9"}', "r.json:2:7: not UTF-8 text: byte 0xe9"),
        (b'{"a": NaN}', "NaN is not a JSON number"),
        (b'{"a": -Infinity}', "-Infinity is not a JSON number"),
        (b'{"a": 1,}', "r.json:1:9: not valid JSON"),
        (b'{"a": "\\udc00"}', "r.json:1:2 /a: an unpaired"),
        (b'{"a": 1' + b"1" * 5000 + b"}", "not valid JSON"),
    ],
)
def test_bad_bytes_get_one_clear_located_message(raw: bytes, expected: str) -> None:
    assert expected in only_problem(raw)


def test_a_utf8_byte_order_mark_is_skipped() -> None:
    # PowerShell and Notepad write one; the validator notes it (see test_cli_gates).
    assert parse(b'\xef\xbb\xbf{"a": "\xc3\xa1"}') == {"a": "á"}


def test_a_paired_surrogate_escape_is_text() -> None:
    assert parse(b'{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}


def test_nesting_up_to_the_limit_is_accepted_and_beyond_it_refused() -> None:
    assert parse(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) is not None
    deeper = b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1)
    assert f"r.json:1:{MAX_DEPTH + 1}: nested deeper than {MAX_DEPTH} levels" in only_problem(deeper)


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"a": "[" * 100 + "{" * 100})
    assert parse(text.encode()) == {"a": "[" * 100 + "{" * 100}


def test_pathological_nesting_is_refused_without_recursion_error() -> None:
    assert "nested deeper than" in only_problem(b"[" * 200_000)
    assert "nested deeper than" in only_problem(b'{"a":' * 50_000)


def test_bytes_over_the_limit_are_refused_before_decoding() -> None:
    assert "at most 20,971,520 bytes" in only_problem(b" " * (MAX_BYTES + 1))


def test_positions_name_keys_for_members_and_starts_for_items() -> None:
    text = '{\n  "a": [10, {"b": "x"}],\n  "c~/d": null\n}'
    positions, problems = scan_positions(text)
    assert problems == []
    assert positions == {
        "": (1, 1),
        "/a": (2, 3),
        "/a/0": (2, 9),
        "/a/1": (2, 13),
        "/a/1/b": (2, 14),
        "/c~0~1d": (3, 3),
    }


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


def pointers(value: object, base: str = "") -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = [(base, value)]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        token = str(key).replace("~", "~0").replace("/", "~1")
        found.extend(pointers(child, f"{base}/{token}"))
    return found


@settings(max_examples=150, deadline=None)
@given(JSON_VALUES, st.sampled_from([None, 1, 2]), st.booleans())
def test_every_value_is_located_where_its_text_starts(
    value: object, indent: int | None, ascii_only: bool
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    positions, _ = scan_positions(text)
    lines = text.split("\n")
    for pointer, child in pointers(value):
        line, column = positions[pointer]
        rest = lines[line - 1][column - 1 :]
        parent_is_object = pointer and isinstance(_parent(value, pointer), dict)
        if parent_is_object:
            assert rest.startswith('"'), (pointer, rest)  # a member is located at its key
        else:
            decoded, _ = json.JSONDecoder().raw_decode("\n".join([rest, *lines[line:]]))
            assert decoded == child


@settings(max_examples=150, deadline=None)
@given(JSON_VALUES, st.sampled_from([None, 1, 2]), st.text(max_size=4))
def test_finding_one_pointer_gives_the_place_the_full_scan_gives(
    value: object, indent: int | None, missing: str
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    positions, _ = scan_positions(text)
    for pointer, _child in pointers(value):
        assert find_position(text, pointer) == positions[pointer], pointer
        # A pointer the document lacks is placed at its nearest ancestor that it has.
        absent = f"{pointer}/{missing.replace('~', '~0').replace('/', '~1')}"
        if absent not in positions:
            assert find_position(text, absent) == positions[pointer], absent


def test_an_array_index_that_is_not_canonical_is_not_an_item() -> None:
    text = '{"a": [10, 20]}'
    assert find_position(text, "/a/01") == find_position(text, "/a") == (1, 2)
    assert find_position(text, "/a/1") == (1, 12)
    assert find_position(text, "/a/2") == (1, 2)
    assert find_position(text, "/a/²") == find_position(text, "/a/-1") == (1, 2)  # digits, but not ASCII ones


def _parent(value: object, pointer: str) -> object:
    parent = value
    for token in pointer.split("/")[1:-1]:
        key = token.replace("~1", "/").replace("~0", "~")
        parent = parent[int(key)] if isinstance(parent, list) else parent[key]  # type: ignore[index]
    return parent


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_give_data_or_a_record_error(raw: bytes) -> None:
    try:
        parse(raw)
    except RecordError as exc:
        assert exc.problems  # noqa: PT017 - most inputs fail, some parse; both are fine, anything else is not


def test_deep_nesting_with_a_duplicate_key_is_still_refused_as_too_deep() -> None:
    raw = b'{"a": 1, "a": ' + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"}"
    assert "nested deeper than" in only_problem(raw)


def test_top_level_scalars_parse() -> None:
    assert parse(b"3") == 3
