"""The one atomic writer of command output: whole documents and streams of chunks alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dancoso_rules.cli.output import InputSet, write_chunks, write_output
from dancoso_rules.errors import UsageError


def test_chunks_are_written_in_utf8_as_they_come(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "overview.csv"
    write_chunks(iter(["\ufeffa,b\r\n", "Sở Nội vụ,1\r\n"]), target)
    assert target.read_bytes() == "\ufeffa,b\r\nSở Nội vụ,1\r\n".encode()
    assert [p.name for p in target.parent.iterdir()] == ["overview.csv"]


def test_a_failed_stream_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "overview.txt"
    write_output("old\n", target)

    def chunks() -> Iterator[str]:
        yield "new, half"
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError):
        write_chunks(chunks(), target)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["overview.txt"]


def test_neither_writer_overwrites_an_input(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    record.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="refusing to write the report over an input file"):
        write_chunks(iter(["x"]), record, inputs=[record])
    with pytest.raises(UsageError, match="refusing to write the report over an input file"):
        write_output("x", tmp_path / "." / "record.json", inputs=[record])
    assert record.read_text(encoding="utf-8") == "{}"


def test_without_a_file_chunks_go_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    write_chunks(iter(["a", "b\n"]), None)
    assert capsys.readouterr().out == "ab\n"


def test_an_input_is_recognised_by_any_path_link_or_hard_link(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    record.write_text("{}", encoding="utf-8")
    (tmp_path / "soft.json").symlink_to(record)
    (tmp_path / "hard.json").hardlink_to(record)
    inputs = InputSet([record])
    for name in ("soft.json", "hard.json", "./record.json"):
        with pytest.raises(UsageError, match="refusing to write the report over an input file"):
            write_output("x", tmp_path / name, inputs=inputs)
    assert record.read_text(encoding="utf-8") == "{}"
    assert tmp_path / "other.json" not in inputs
