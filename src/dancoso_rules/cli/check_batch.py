"""``dancoso check`` over many records: each one checked in turn, the overview built as they go.

Invalid records are reported on standard error with their located messages and listed in the
overview; the run then exits 2. With ``--output DIR`` each organisation's report is written to
``DIR/<organisation-id>.<ext>`` (``-2``, ``-3``... when an id repeats) and the overview to
``DIR/overview.<ext>``; otherwise the overview goes to standard output. A progress line is drawn on
standard error only when it is a terminal and the run has taken more than a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import TextIO

from dancoso_rules.cli.check import CheckRun
from dancoso_rules.cli.output import write_chunks, write_output
from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.report.batch import check_source, display, expand
from dancoso_rules.report.overview import OverviewBuilder

_PROGRESS_AFTER = 1.0  # seconds


class Progress:
    """A one-line progress count on a terminal's standard error, drawn only once a run is slow."""

    def __init__(self, total_files: int, stream: TextIO | None = None) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.total_files = total_files
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self.drawn = False
        self.last = 0.0

    def update(self, records: int, files_done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < _PROGRESS_AFTER or now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = width * files_done // max(1, self.total_files)
        bar = "█" * filled + "░" * (width - filled)
        rate = records / max(now - self.started, 1e-9)
        self.stream.write(f"\r{bar} {records} records, {rate:,.0f}/s ")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def check_many(args: argparse.Namespace, paths: list[Path], run: CheckRun) -> int:
    """Check every record of ``paths``; print or write the overview; return the exit code."""
    folder: Path | None = args.output
    if folder is not None:
        _refuse_inside_inputs(folder, args.records)
        folder.mkdir(parents=True, exist_ok=True)
    as_of = args.as_of or dt.date.today()
    builder = OverviewBuilder(as_of)
    used: set[str] = set()
    progress = Progress(len(paths))
    failing = invalid = records = 0
    files_done = 0
    current: Path | None = None
    for source in expand(paths):
        if source.path != current:
            files_done += current is not None
            current = source.path
        records += 1
        checked = check_source(
            source,
            run.rulebook,
            as_of=as_of,
            interpretations=run.overrides,
            locate=folder is not None and run.renderer.needs_locations,
        )
        if checked.report is None:
            invalid += 1
            progress.close()
            for problem in checked.problems:
                print(problem, file=sys.stderr)
            builder.add_invalid(display(source), tuple(str(p) for p in checked.problems))
        else:
            report = checked.report
            failing += report.failing(run.options.fail_on) > 0
            builder.add(report, source.name, source.line)
            if folder is not None:
                name = _unique(report.organisation.id, used)
                path = folder / f"{name}.{run.renderer.extension}"
                write_output(run.renderer.render(report, run.options), path, inputs=[source.path])
        progress.update(records, files_done)
    progress.close()
    chunks = run.renderer.render_overview(builder.build(), run.options)
    overview = None if folder is None else folder / f"overview.{run.renderer.extension}"
    write_chunks(chunks, overview, inputs=paths)
    print(
        f"{records} record(s) checked: {records - invalid} evaluated, {invalid} invalid; "
        f"{failing} failing (a duty with a status in --fail-on)",
        file=sys.stderr,
    )
    if invalid:
        return 2
    return 1 if failing else 0


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used or candidate == "overview":
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate)
    return candidate


def _refuse_inside_inputs(folder: Path, arguments: list[str]) -> None:
    target = folder.resolve()
    for argument in arguments:
        source = Path(argument)
        if source.is_dir() and target.is_relative_to(source.resolve()):
            raise UsageError(
                Problem(
                    Location(str(folder)),
                    f"refusing to write reports inside the input folder {argument!r}: they would be read as records next time",
                    code="usage",
                )
            )
