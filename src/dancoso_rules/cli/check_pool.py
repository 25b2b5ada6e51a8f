"""Checking many records into small :class:`Unit` results, in this process or in worker processes.

Each record is checked on the fast path (:func:`~dancoso_rules.report.batch.assess_source`) into a
:class:`Unit`: its located problems, or its tally for the overview and, when each organisation's
report is written, the rendered report. :func:`check_units` yields the units in the order of the
records, whether they were checked here or by ``--jobs N`` worker processes, so that what the run
writes is the same byte for byte.

Workers are started only when there are at least :data:`MIN_CHUNKS` chunks of :data:`CHUNK`
records (:data:`REPORTS_CHUNK` when reports are written): starting processes costs more than
checking a few records. On Linux, while this process runs no other thread, they are forked
(:func:`start_method`): each starts at once with this process's rulebook, renderer and options.
Elsewhere they are spawned, and each reads the rulebook once from the rule cache. Workers are sent
chunks of records: blocks of a JSON Lines file's lines as they were read
(:class:`~dancoso_rules.report.batch.Lines`, split into records by the worker, so that this process
never handles a line), or records named by path or read from standard input; at most two chunks
per worker are in flight, so memory stays flat however long the input. Ctrl-C is the parent's
alone: workers ignore it and are stopped; a worker that dies stops the run with an internal error
(exit 3).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import msgspec

from dancoso_rules.cli.check_run import CheckRun, Recipe, open_run
from dancoso_rules.i18n import Lang, current_lang, set_lang
from dancoso_rules.report.batch import Lines, RecordSource, assess_source, blocks, display, each_source
from dancoso_rules.report.tally import Tally

#: Records sent to a worker at a time: when only their tallies come back, and when their reports do
#: too (a report is ~300 kB of JSON: a smaller chunk keeps the reports in flight few).
CHUNK = 250
REPORTS_CHUNK = 16
#: The most bytes of records in a chunk (records of many activities are long).
CHUNK_BYTES = 4 << 20
#: The fewest chunks worth starting workers for.
MIN_CHUNKS = 2
#: Chunks in flight per worker: one being checked, one waiting.
WINDOW = 2


class Unit(msgspec.Struct, frozen=True):
    """One record checked: where it is, and its problems, or its tally (and rendered report)."""

    path: Path
    name: str
    line: int | None
    #: How the record is named in messages (``records.jsonl:12``).
    shown: str
    problems: tuple[str, ...]
    tally: Tally | None
    organisation: str = ""
    rendered: str | bytes | None = None
    #: Whether some result fails on the run's ``--fail-on`` (counted where the record is checked).
    failing: bool = False


class Job(msgspec.Struct, frozen=True):
    """How every record of a batch is checked: the run's recipe, the day, and whether reports are written."""

    recipe: Recipe
    fail_on: frozenset[str]
    lang: Lang
    as_of: dt.date
    reports: bool


class Checker:
    """Checks records one by one with one run's rulebook, renderer and options."""

    def __init__(self, job: Job, run: CheckRun) -> None:
        self.job = job
        self.run = run
        self.locate = job.reports and run.renderer.needs_locations

    def check(self, source: RecordSource) -> Unit:
        run = self.run
        assessed = assess_source(
            source,
            run.rulebook,
            as_of=self.job.as_of,
            interpretations=run.overrides,
            report=self.job.reports,
            locate=self.locate,
        )
        if assessed.tally is None:
            problems = tuple(map(str, assessed.problems))
            return Unit(source.path, source.name, source.line, display(source), problems, None)
        report = assessed.report
        return Unit(
            source.path,
            source.name,
            source.line,
            display(source),
            (),
            assessed.tally,
            assessed.tally.organisation,
            None if report is None else run.renderer.render(report, run.options),
            assessed.tally.failing(run.fail_on) > 0,
        )


def check_units(
    stdin: Iterable[RecordSource], paths: Iterable[Path], job: Job, run: CheckRun
) -> Iterator[Unit]:
    """Each record of ``stdin`` then of ``paths`` checked, in order: by ``run.jobs`` workers when
    there are enough records."""
    size = REPORTS_CHUNK if job.reports else CHUNK
    items = itertools.chain(stdin, blocks(paths, most=size))
    chunks = _chunks(items, size)
    first = list(itertools.islice(chunks, MIN_CHUNKS))
    if run.jobs <= 1 or len(first) < MIN_CHUNKS:
        checker = Checker(job, run)
        for chunk in itertools.chain(first, chunks):
            yield from map(checker.check, each_source(chunk))
        return
    yield from _pooled(itertools.chain(first, chunks), job, run)


#: What is sent to a worker at a time: a block of lines, or records one by one.
Chunk = list[RecordSource | Lines]


def _chunks(items: Iterator[RecordSource | Lines], size: int) -> Iterator[Chunk]:
    """``size`` records at a time (a block of lines counts as many as it has lines), fewer when their
    bytes already hold :data:`CHUNK_BYTES`: a full block is a chunk by itself, the blocks of small
    files and the records of other files go together."""
    chunk: Chunk = []
    held = count = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Lines):
            count += item.count
            held += len(item.data)
        else:
            count += 1
            held += len(item.data or b"")
        if count >= size or held >= CHUNK_BYTES:
            yield chunk
            chunk = []
            held = count = 0
    if chunk:
        yield chunk


def start_method() -> str:
    """How workers are started: ``fork`` on Linux while this process runs no other thread (a forked
    worker starts at once with what this process has loaded), else ``spawn`` (the same everywhere)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _pooled(chunks: Iterator[Chunk], job: Job, run: CheckRun) -> Iterator[Unit]:
    import multiprocessing

    method = start_method()
    # A forked worker is given this run as it is (nothing is sent); a spawned one makes its own.
    given = run if method == "fork" else None
    pool = ProcessPoolExecutor(
        run.jobs, multiprocessing.get_context(method), _start, (job, given, os.getpid())
    )
    pending: deque[Future[list[Unit]]] = deque()
    try:
        with _ignoring_interrupts():  # the workers inherit it while they start
            for chunk in itertools.islice(chunks, WINDOW * run.jobs):
                pending.append(pool.submit(_check_chunk, chunk))
        while pending:
            done = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_check_chunk, following))
            yield from done
    except BaseException:
        _never_wait_for_the_feeder(pool)  # before shutdown, which lets go of the queue
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _never_wait_for_the_feeder(pool: ProcessPoolExecutor) -> None:
    """Let the process end even if the pool's call queue still holds a chunk no worker will read.

    After a worker dies (or the run stops early), the queue's feeder thread may be left writing a chunk
    into a pipe nobody reads, and the pool's manager, then the interpreter at exit, wait for that thread
    for ever (a run of the test suite once hung so after its last test; CPython gh-94777 is one such
    case). What is left in the queue is never needed: the run is ending. ``_call_queue`` is the
    executor's own (CPython 3.11-3.14); without it, nothing is done."""
    queue = getattr(pool, "_call_queue", None)
    if queue is not None:
        queue.cancel_join_thread()


@contextmanager
def _ignoring_interrupts() -> Iterator[None]:
    """Ctrl-C ignored inside the block (in the main thread only: elsewhere signals cannot be set)."""
    try:
        before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


_CHECKER: Checker | None = None


def _start(job: Job, run: CheckRun | None, parent: int) -> None:
    """Start a worker: Ctrl-C is the parent's to handle, and the worker ends with the parent however it
    ends (:func:`_end_with_parent`); the parent's run, or one made from the recipe (the rules read once)."""
    global _CHECKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)
    set_lang(job.lang)
    _CHECKER = Checker(job, run if run is not None else open_run(job.recipe, job.fail_on))


def _end_with_parent(parent: int) -> None:
    """On Linux, ask the kernel for SIGTERM when the parent ends: a run stopped by SIGTERM or SIGHUP (a CI
    job's timeout), or killed, leaves no worker waiting for chunks that never come. (Elsewhere the pool's
    own pipes end an idle worker.)"""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


#: prctl(2): the signal a process gets when its parent ends.
_PR_SET_PDEATHSIG = 1


def _check_chunk(chunk: Chunk) -> list[Unit]:
    assert _CHECKER is not None, "a worker checks records only once started"
    return list(map(_CHECKER.check, each_source(chunk)))


def job_of(run: CheckRun, as_of: dt.date, reports: bool) -> Job:
    """The job of a run (the language is the current one)."""
    assert run.recipe is not None
    return Job(run.recipe, run.fail_on, current_lang(), as_of, reports)


__all__ = ["CHUNK", "Checker", "Job", "Unit", "check_units", "job_of", "start_method"]
