"""``dancoso check RECORD...``: evaluate activity records and report each duty's status, clause by clause.

One record file gives its report in the chosen format. Several records (files, a folder, or a JSON
Lines file of one record per line) give the overview for the body that oversees them, organisations
worst first; with ``--output DIR`` each organisation's report is also written to ``DIR``.

Exit codes: 0 when no result has a status in ``--fail-on`` (default ``missed,overdue``; ``none``
disables); 1 when one does; 2 for invalid input or usage, with located one-line messages. Output
never overwrites an input and is written atomically. This module is a thin shell over
:mod:`dancoso_rules.report`: it parses arguments, picks a renderer and sets the exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dancoso_rules.errors import RecordError, UsageError

if TYPE_CHECKING:
    from dancoso_rules.model import Interpretation, Rulebook
    from dancoso_rules.report.renderers import Renderer, RenderOptions

FORMATS = ("text", "markdown", "html", "json", "junit", "sarif", "csv", "xlsx")
STATUSES = ("met", "late", "overdue", "missed", "upcoming", "not_applicable", "unverified")
DEFAULT_FAIL_ON = "missed,overdue"


@dataclass(frozen=True, slots=True)
class CheckRun:
    """What every record of one run is checked with and rendered by."""

    rulebook: Rulebook
    renderer: Renderer
    options: RenderOptions
    overrides: tuple[Interpretation, ...] | None


def _date(text: str) -> dt.date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a date that exists, written YYYY-MM-DD; got {text!r}")


def _fail_on(text: str) -> frozenset[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    if names == ["none"] or not names:
        return frozenset()
    unknown = [name for name in names if name not in STATUSES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown status {unknown[0]!r}; expected a comma-separated list of {', '.join(STATUSES)}, or none"
        )
    return frozenset(names)


def _width(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 20:
        raise argparse.ArgumentTypeError(f"expected a width of at least 20 columns; got {text!r}")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "records",
        nargs="+",
        metavar="RECORD",
        help="activity records: JSON files, folders (every *.json and *.jsonl below them), JSON Lines files",
    )
    parser.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the evaluation date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--interpretations",
        type=Path,
        metavar="FILE",
        help="a YAML or JSON file overriding interpretations by id",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="the report's format (default: text)"
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="the report's language (default: vi)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="PATH",
        help="write the report to PATH (for several records: a folder for each report and the overview)",
    )
    parser.add_argument(
        "--fail-on",
        type=_fail_on,
        default=_fail_on(DEFAULT_FAIL_ON),
        metavar="STATUSES",
        help=f"exit 1 when a result has one of these statuses (default: {DEFAULT_FAIL_ON}; 'none' never fails)",
    )
    parser.add_argument(
        "--width", type=_width, metavar="N", help="text width (default: COLUMNS, or the terminal's)"
    )
    parser.add_argument("--rules", type=Path, metavar="DIR", help="a rule folder instead of the bundled one")
    parser.add_argument(
        "--unit-sheets",
        action="store_true",
        help="with --format xlsx over many records: one sheet per organisation in the overview workbook too",
    )


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.report.batch import is_jsonl, record_sources
    from dancoso_rules.report.renderers import RenderOptions, get_renderer

    paths, missing = record_sources(args.records)
    if missing:
        raise UsageError(missing)
    rulebook = load_rulebook(args.rules)
    overrides = None
    if args.interpretations is not None:
        from dancoso_rules.evaluation.interpretations import interpretation_table, load_overrides

        interpretation_table(rulebook, args.interpretations)  # located errors, once for every record
        overrides = load_overrides(args.interpretations)[0]
    renderer = get_renderer(args.format)
    to_terminal = args.output is None and sys.stdout.isatty()
    options = RenderOptions(
        lang=args.lang,
        fail_on=args.fail_on,
        width=args.width or _terminal_width(),
        color=args.format == "text" and to_terminal and "NO_COLOR" not in os.environ,
        unit_sheets=args.unit_sheets,
    )
    _writable(sys.stdout)
    single = (
        len(args.records) == 1
        and len(paths) == 1
        and not is_jsonl(paths[0])
        and not Path(args.records[0]).is_dir()
    )
    context = CheckRun(rulebook, renderer, options, overrides)
    if single:
        return _one(args, paths[0], context)
    from dancoso_rules.cli.check_batch import check_many

    return check_many(args, paths, context)


def _one(args: argparse.Namespace, path: Path, context: CheckRun) -> int:
    from dancoso_rules.cli.output import write_output
    from dancoso_rules.paths import display_path
    from dancoso_rules.report.batch import RecordSource, check_source

    checked = check_source(
        RecordSource(path, display_path(path)),
        context.rulebook,
        as_of=args.as_of,
        interpretations=context.overrides,
        locate=context.renderer.needs_locations,
    )
    if checked.report is None:
        raise RecordError(list(checked.problems))
    inputs = [path] + ([args.interpretations] if args.interpretations else [])
    write_output(context.renderer.render(checked.report, context.options), args.output, inputs=inputs)
    return 1 if checked.report.failing(context.options.fail_on) else 0


def _terminal_width() -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) >= 20:
        return int(columns)
    try:
        return max(40, min(os.get_terminal_size(sys.stdout.fileno()).columns, 160))
    except (OSError, ValueError):
        return 100


def _writable(stream: object) -> None:
    """Never fail on a console that cannot show Vietnamese: escape what it cannot encode."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
