"""``dancoso check --jobs N``: worker processes give the very bytes one process gives.

The records are sent to the workers in chunks; here the chunks are made small (``CHUNK``) so that
a batch of a few dozen records starts the pool, and every output of the run (standard output,
standard error, the exit code, every file written) is compared with ``--jobs 1``.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from dancoso_rules.cli import check_pool
from dancoso_rules.cli.main import main

AS_OF = ("--as-of", "2026-01-15")


def _lines(count: int) -> Iterator[bytes]:
    """Records from the examples, some with repeated ids, and some invalid in different ways."""
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*/*.json"))]
    for n in range(count):
        record = examples[n % len(examples)]
        if n % 7 == 3:
            yield b'{"organisation": {"id": "broken"'  # not JSON
        elif n % 11 == 5:
            yield json.dumps({**record, "period": {"start": "2025-12-31", "end": "2025-01-01"}}).encode()
        else:
            record["organisation"]["id"] = f"unit-{n % 9}"  # ids repeat: reports named -2, -3...
            yield json.dumps(record, ensure_ascii=n % 2 == 0).encode()


@pytest.fixture
def records(tmp_path: Path) -> tuple[Path, bytes]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "records.jsonl").write_bytes(b"\n".join(_lines(40)) + b"\n\n")
    for example in sorted(EXAMPLES.glob("*/*.json"))[:2]:
        (folder / example.name).write_bytes(example.read_bytes())
    stdin = b"\n".join(_lines(13)) + b"\n"
    return folder, stdin


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Small chunks, so that a few dozen records start the pool; the pools started, by size."""
    monkeypatch.setattr(check_pool, "CHUNK", 4)
    monkeypatch.setattr(check_pool, "REPORTS_CHUNK", 4)
    started: list[int] = []
    real = check_pool._pooled

    def spy(chunks: Any, job: Any, run: Any) -> Any:
        started.append(run.jobs)
        return real(chunks, job, run)

    monkeypatch.setattr(check_pool, "_pooled", spy)
    return started


def _run(
    argv: list[str], stdin: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


#: Workers are forked on Linux (see ``start_method``), spawned elsewhere: both are compared where both run.
RUNS = (
    [("json", "fork"), ("sarif", "fork"), ("json", "spawn")]
    if sys.platform.startswith("linux")
    else [("json", "spawn"), ("sarif", "spawn")]
)


@pytest.mark.parametrize(("fmt", "method"), RUNS)
def test_workers_write_what_one_process_writes(
    records: tuple[Path, bytes],
    pooled: list[int],
    fmt: str,
    method: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Forked workers (given this process's run) and spawned ones (making theirs) write the same bytes."""
    monkeypatch.setattr(check_pool, "start_method", lambda: method)
    folder, stdin = records
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        argv = ["check", "-", str(folder), *AS_OF, "--format", fmt, "--lang", "en", "--jobs", jobs]
        runs[jobs] = (
            _run([*argv, "--output", f"{out}/"], stdin, monkeypatch, capsys),
            _files(out),
            _run(argv, stdin, monkeypatch, capsys),
        )
    assert pooled == [2, 2]  # --jobs 1 never starts a pool
    assert runs["1"] == runs["2"]
    (code, _, err), files, (_, overview, _) = runs["1"]
    assert code == 2  # invalid records
    assert "records.jsonl:4:" in err
    assert "<stdin>:4:" in err
    assert {f"unit-0.{fmt}", f"unit-0-2.{fmt}", f"unit-0-3.{fmt}", f"overview.{fmt}"} <= set(files)
    assert overview  # the overview went to standard output


def test_a_small_batch_starts_no_pool(
    records: tuple[Path, bytes],
    pooled: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A few records start no workers, in files or in small JSON Lines files (their blocks go together)."""
    folder, _ = records
    monkeypatch.setattr(check_pool, "CHUNK", 250)
    files = [str(p) for p in sorted(folder.glob("*.json"))]
    for n, example in enumerate(files):
        (folder / f"one-{n}.jsonl").write_bytes(Path(example).read_bytes().replace(b"\n", b"") + b"\n")
    files += [str(p) for p in sorted(folder.glob("one-*.jsonl"))]
    code, out, _ = _run(
        ["check", *files, *AS_OF, "--format", "json", "--jobs", "2"], b"", monkeypatch, capsys
    )
    assert code in (0, 1)
    assert json.loads(out)["organisations"] == 4
    assert pooled == []


def _dies(chunk: object) -> None:
    """A worker's task that ends its process at once, as a crash would (run in the worker, by name)."""
    os._exit(9)


def test_a_worker_that_dies_is_an_internal_error(
    records: tuple[Path, bytes],
    pooled: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, _ = records
    monkeypatch.setattr(check_pool, "_check_chunk", _dies)
    argv = ["check", str(folder / "records.jsonl"), *AS_OF, "--jobs", "2", "--lang", "en"]
    code, _, err = _run(argv, b"", monkeypatch, capsys)
    assert pooled == [2]
    assert code == 3
    assert err.startswith("dancoso: internal error (BrokenProcessPool: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_run_whose_worker_died_never_waits_at_exit_for_its_queue(
    records: tuple[Path, bytes],
    pooled: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The chunks left in the pool's queue are never read once a worker died: the process must not wait at
    # exit for the thread that writes them (a run of the suite once hung so after its last test).
    queues: list[Any] = []

    class Kept(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            queues.append(self._call_queue)  # type: ignore[attr-defined]

    monkeypatch.setattr(check_pool, "ProcessPoolExecutor", Kept)
    monkeypatch.setattr(check_pool, "_check_chunk", _dies)
    folder, _ = records
    argv = ["check", str(folder / "records.jsonl"), *AS_OF, "--jobs", "2", "--lang", "en"]
    code, _, _ = _run(argv, b"", monkeypatch, capsys)
    assert code == 3
    assert len(queues) == 1
    assert queues[0]._joincancelled


@pytest.mark.parametrize("value", ["0", "-1", "two", "١"])
def test_jobs_must_be_a_positive_count(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(EXAMPLES / "tra-vinh" / "so-noi-vu.json"), "--jobs", value, "--lang", "en"])
    assert exit_.value.code == 2
    assert "expected a number of processes of at least 1" in capsys.readouterr().err


def test_a_chunk_ends_at_a_count_of_records_or_of_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from dancoso_rules.report.batch import RecordSource

    monkeypatch.setattr(check_pool, "CHUNK_BYTES", 10)
    sizes = [6, 6, 1, 1, 1, 1, 1]
    sources = [RecordSource(Path("r.jsonl"), "r.jsonl", n, b"x" * size) for n, size in enumerate(sizes, 1)]
    chunks = list(check_pool._chunks(iter(sources), 3))
    assert [[s.line for s in chunk] for chunk in chunks] == [[1, 2], [3, 4, 5], [6, 7]]


def test_blocks_of_lines_count_their_lines_in_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A block of as many lines as a chunk holds is a chunk; smaller blocks (small files) go together."""
    from dancoso_rules.report.batch import Lines, RecordSource

    def block(name: str, lines: int, last_break: bool = True) -> Lines:
        data = b"\n".join([b"{}"] * lines) + (b"\n" if last_break else b"")
        return Lines(Path(name), name, 1, data, lines)

    items = [block("a", 3), block("b", 1), block("c", 1, last_break=False), block("d", 2), block("e", 1)]
    items.insert(3, RecordSource(Path("x.json"), "x.json"))
    chunks = list(check_pool._chunks(iter(items), 3))
    assert [[i.name for i in chunk] for chunk in chunks] == [["a"], ["b", "c", "x.json"], ["d", "e"]]
    # A block of one line ({} and a line break) holds as many bytes as a chunk may.
    monkeypatch.setattr(check_pool, "CHUNK_BYTES", 3)
    assert [len(chunk) for chunk in check_pool._chunks(iter([block("f", 1), block("g", 1)]), 3)] == [1, 1]


def test_workers_are_forked_on_linux_only_while_no_other_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert check_pool.start_method() == "spawn"
    finally:
        release.set()
        other.join()
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # other tests' pools may have left a thread
    assert check_pool.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")
