"""JSON Lines read in blocks (:func:`dancoso_rules.report.batch.blocks`): the records of the blocks are the
records of the file's lines, whatever the block's size and count of lines.

The reference is how a JSON Lines file was read line by line before blocks: each line of the file
opened in binary (split at ``\\n`` only), numbered from 1, skipped when blank, without its trailing
``\\r`` and ``\\n``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dancoso_rules.paths import display_path
from dancoso_rules.report.batch import Lines, RecordSource, blocks, expand


def _line_by_line(path: Path) -> list[RecordSource]:
    with path.open("rb") as handle:
        return [
            RecordSource(path, display_path(path), number, raw.rstrip(b"\r\n"))
            for number, raw in enumerate(handle, start=1)
            if raw.strip()
        ]


def _of_blocks(path: Path, size: int, most: int) -> tuple[list[RecordSource], list[Lines]]:
    read = list(blocks([path], size=size, most=most))
    assert all(isinstance(item, Lines) for item in read)
    lines = [item for item in read if isinstance(item, Lines)]
    return [source for block in lines for source in block.sources()], lines


#: Lines as JSON Lines files have them: records, blank and all-space lines, CRLF, a lone CR, long lines.
_LINE = st.one_of(
    st.just(b""),
    st.just(b"  \t"),
    st.just(b"\r"),
    st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"\n", b"x")),
    st.sampled_from([b'{"a": 1}', b'{"a": 1}\r', b'{"long": "' + b"x" * 300 + b'"}']),
)


@settings(max_examples=400, deadline=None)
@given(
    lines=st.lists(_LINE, max_size=30),
    ends_with_break=st.booleans(),
    size=st.integers(min_value=1, max_value=120),
    most=st.integers(min_value=1, max_value=8),
)
def test_blocks_hold_the_records_of_the_lines_one_by_one(
    lines: list[bytes], ends_with_break: bool, size: int, most: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        path.write_bytes(b"\n".join(lines) + (b"\n" if ends_with_break and lines else b""))
        records, read = _of_blocks(path, size, most)
        assert records == _line_by_line(path)
        assert b"".join(block.data for block in read) == path.read_bytes()  # whole, in order, once
        for block in read:
            assert block.data.count(b"\n") <= most
            assert block.data.endswith(b"\n") or block is read[-1]  # no line is cut in two
            assert block.count == block.data.count(b"\n") + (not block.data.endswith(b"\n"))


def test_a_line_longer_than_a_block_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    long = b'{"text": "' + "Sở Nội vụ ".encode() * 1000 + b'"}'
    path.write_bytes(b'{"a": 1}\n' + long + b"\r\n\n" + b'{"b": 2}')
    records, read = _of_blocks(path, size=64, most=250)
    assert [(r.line, r.data) for r in records] == [(1, b'{"a": 1}'), (2, long), (4, b'{"b": 2}')]
    assert len(read) == 2  # the first block ends with the long line, read on to its end


def test_json_files_are_named_and_jsonl_files_read_in_blocks(tmp_path: Path) -> None:
    record = tmp_path / "one.json"
    record.write_bytes(b"{}")
    lines = tmp_path / "many.jsonl"
    lines.write_bytes(b"\n".join(b'{"n": %d}' % n for n in range(7)) + b"\n")
    read = list(blocks([record, lines], size=1 << 20, most=3))
    assert read[0] == RecordSource(record, display_path(record))
    assert [(block.first, block.data.count(b"\n")) for block in read[1:] if isinstance(block, Lines)] == [
        (1, 3),
        (4, 3),
        (7, 1),
    ]
    assert [source.line for source in expand([record, lines])] == [None, *range(1, 8)]


def test_a_block_numbers_its_records_from_its_first_line() -> None:
    """(Sending a block to a worker: ``tests/test_worker_values.py``.)"""
    block = Lines(Path("r.jsonl"), "r.jsonl", 12, b'{"a": 1}\r\n\n{"b": 2}\n', 3)
    assert [(s.line, s.data) for s in block.sources()] == [(12, b'{"a": 1}'), (14, b'{"b": 2}')]
