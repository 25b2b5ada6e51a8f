"""``dancoso check`` over many records: each one checked (see :mod:`.check_pool`), the overview built as they go.

Invalid records are reported on standard error with their located messages and listed in the
overview; the run then exits 2. With ``--output DIR`` each organisation's report is written to
``DIR/<organisation-id>.<ext>`` (``-2``, ``-3``... when an id repeats, or when that file is an input
of the run) and the overview to ``DIR/overview.<ext>``; otherwise the overview goes to standard
output. A progress line is drawn on standard error only when it is a terminal and the run has taken
more than a second.

One folder holds one run: the run lists what it wrote in ``DIR/.dancoso-run.json`` (its manifest),
and removes the reports an earlier run listed there that it did not write again, so that reports of
two runs are never mixed. Files no run listed are left alone, and named in a note on standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from dancoso_rules.cli.check_pool import check_units, job_of
from dancoso_rules.cli.check_run import CheckRun
from dancoso_rules.cli.output import (
    InputSet,
    is_input,
    output_error,
    refuse_among_records,
    rule_folder,
    write_chunks,
    write_output,
)
from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import os_reason, tr
from dancoso_rules.paths import display_path, shown_name, uri_reference
from dancoso_rules.record.inputs import is_jsonl
from dancoso_rules.record.validate import STDIN_NAME
from dancoso_rules.report.overview import OverviewBuilder

_PROGRESS_AFTER = 1.0  # seconds
#: The manifest of the run that wrote a folder's reports (hidden: never read as a record).
MANIFEST = ".dancoso-run.json"


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
        self.stream.write(f"\r{bar} " + tr("check.progress", records=records, rate=f"{rate:,.0f}"))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def check_many(args: argparse.Namespace, paths: list[Path], run: CheckRun) -> int:
    """Check every record of ``paths``; print or write the overview; return the exit code."""
    folder: Path | None = args.output
    extension = run.renderer.extension
    inputs = InputSet(
        [*paths, *([args.interpretations] if args.interpretations else []), rule_folder(args.rules)]
    )
    earlier: set[str] = set()
    before: set[str] = set()
    if folder is not None:
        refuse_among_records(folder, args.records, paths)
        overview_path = folder / f"overview.{extension}"
        rules = inputs.folder_holding(overview_path)
        if rules is not None:  # every report would be written into the rule folder
            raise output_error(folder, tr("output.into_rules", folder=rules))
        if overview_path.is_dir():
            raise output_error(overview_path, tr("output.is_folder"))
        for last in (overview_path, folder / MANIFEST):  # written at the end: refused before any report
            if last in inputs:
                raise output_error(last, tr("output.over_input"))
        if folder.exists() and not folder.is_dir():
            raise output_error(folder, tr("batch.not_folder"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            before = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
        except OSError as exc:
            raise output_error(folder, tr("batch.cannot_write", reason=os_reason(exc))) from None
        earlier = _manifest_files(folder / MANIFEST)
    as_of = args.as_of or dt.date.today()
    builder = OverviewBuilder(as_of)
    used: set[str] = set()
    written: list[str] = []
    progress = Progress(len(paths) + len(run.stdin))
    failing = invalid = records = 0
    files_done = 0
    current: Path | None = None
    seen: set[Path] = set()
    job = job_of(run, as_of, reports=folder is not None)
    uri: str | None = None
    locating = run.renderer.needs_locations
    for unit in check_units(run.stdin, paths, job, run):
        if unit.path is not current:  # a chunk's units share their path: it is compared once a chunk
            files_done += current is not None and unit.path != current
            current = unit.path
            seen.add(current)
            # A file's URI, for the renderers that locate in it (SARIF): not a path lookup more for the others.
            uri = uri_reference(unit.path) if locating and unit.name != STDIN_NAME else None
        records += 1
        if unit.tally is None:
            invalid += 1
            progress.close()
            for problem in unit.problems:
                print(problem, file=sys.stderr)
            builder.add_invalid(unit.shown, unit.problems, uri=uri)
        else:
            failing += unit.failing
            if folder is None or unit.rendered is None:
                builder.add_tally(unit.tally, unit.name, unit.line, uri=uri)
            else:
                name = _unique(
                    unit.organisation, used, lambda n: is_input(folder / f"{n}.{extension}", inputs)
                )
                path = folder / f"{name}.{extension}"
                write_output(unit.rendered, path, inputs=inputs)
                written.append(path.name)
                builder.add_tally(unit.tally, unit.name, unit.line, report_file=path.name, uri=uri)
        progress.update(records, files_done)
    progress.close()
    for path in dict.fromkeys(paths):
        if is_jsonl(path) and path not in seen:  # no record to check is not a pass: the gate says so
            problem = str(Problem(Location(display_path(path)), tr("record.empty_jsonl")))
            print(problem, file=sys.stderr)
            builder.add_invalid(display_path(path), (problem,), uri=uri_reference(path) if locating else None)
            records += 1
            invalid += 1
    chunks = run.renderer.render_overview(builder.build(run.options.fail_on), run.options)
    overview = None if folder is None else folder / f"overview.{extension}"
    write_chunks(chunks, overview, inputs=inputs)
    if folder is not None:
        written.append(f"overview.{extension}")
        _write_manifest(folder, args, as_of, written, inputs)
        _remove_earlier(folder, earlier - set(written), inputs)
        _note_others(folder, before - earlier - set(written))
    summary = tr(
        "check.summary", records=records, evaluated=records - invalid, invalid=invalid, failing=failing
    )
    print(summary, file=sys.stderr)
    if invalid:
        return 2
    return 1 if failing else 0


def _unique(name: str, used: set[str], taken: Callable[[str], bool]) -> str:
    candidate, n = name, 1
    while candidate in used or candidate == "overview" or taken(candidate):
        n += 1
        candidate = f"{name}-{n}"
    used.add(candidate)
    return candidate


def _manifest_files(path: Path) -> set[str]:
    """The reports an earlier run listed in its manifest (plain names in the folder; nothing else)."""
    try:
        data = json.loads(path.read_bytes())
        files = data["files"]
    except (OSError, ValueError, TypeError, KeyError):
        return set()
    if not isinstance(files, list):
        return set()
    return {
        f
        for f in files
        if isinstance(f, str) and f and "/" not in f and "\\" not in f and not f.startswith(".")
    }


def _write_manifest(
    folder: Path, args: argparse.Namespace, as_of: dt.date, written: list[str], inputs: InputSet
) -> None:
    manifest = {
        "as_of": as_of.isoformat(),
        "command": "dancoso check",
        "files": sorted(written),
        "format": args.format,
        "records": [shown_name(record) for record in args.records],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_output(text, folder / MANIFEST, inputs=inputs)


def _remove_earlier(folder: Path, names: set[str], inputs: InputSet) -> None:
    """Remove the reports of the earlier run that this one did not write again (never an input)."""
    for name in sorted(names):
        path = folder / name
        if path.is_file() and not path.is_symlink() and not is_input(path, inputs):
            try:
                path.unlink()
            except OSError as exc:
                print(
                    tr("batch.cannot_remove", path=path, reason=os_reason(exc)),
                    file=sys.stderr,
                )


def _note_others(folder: Path, names: set[str]) -> None:
    if not names:
        return
    shown = ", ".join(sorted(names)[:3]) + (", …" if len(names) > 3 else "")
    noun = tr("batch.file") if len(names) == 1 else tr("batch.files")
    print(
        tr("batch.others", folder=folder, count=len(names), noun=noun, shown=shown, manifest=MANIFEST),
        file=sys.stderr,
    )
