"""``dancoso check RECORD...``: evaluate activity records and report each duty's status, clause by clause.

One record file (or ``-``, one record on standard input) gives its report in the chosen format.
Several records (files, a folder, or a JSON Lines file of one record per line, also on standard
input) give the overview for the body that oversees them, organisations with most failing results
first; with ``--output DIR`` each organisation's report is also written to ``DIR``.

Exit codes: 0 when no result has a status in ``--fail-on`` (default ``missed,overdue``; ``none``
disables); 1 when one does; 2 for invalid input or usage, with located one-line messages; 3 for an
internal error (see :mod:`dancoso_rules.cli.main`). ``--fail-on`` decides the exit code only: the
reports always count missed and overdue duties as failing, and say when the run does not block on
them. Output never overwrites an input (see :mod:`dancoso_rules.cli.output`). This module is a thin
shell over :mod:`dancoso_rules.report`: it parses arguments, picks a renderer and sets the exit code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dancoso_rules.cli.output import output_argument
from dancoso_rules.errors import Location, Problem, RecordError, UsageError
from dancoso_rules.i18n import tr

if TYPE_CHECKING:
    from dancoso_rules.cli.check_run import CheckRun
    from dancoso_rules.report.batch import RecordSource

FORMATS = ("text", "markdown", "html", "json", "junit", "sarif", "csv", "docx", "xlsx")
STATUSES = ("met", "late", "overdue", "missed", "upcoming", "not_applicable", "unverified")
DEFAULT_FAIL_ON = "missed,overdue"
#: The narrowest and widest text ``--width`` (or ``COLUMNS``) may ask for: the text renderer's own bounds
#: (:data:`~dancoso_rules.report.renderers.text.TEXT_WIDTHS`, not imported here for start-up; a test holds
#: them equal). Past a thousand columns a line is no longer read, and a rule line of billions of characters
#: exhausts memory.
WIDTHS = (40, 1000)


def _date(text: str) -> dt.date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(tr("arg.date", got=text))


def as_of_date(text: str) -> dt.date:
    """``--as-of``: a date that exists, among the days a record may name (evaluation adds deadlines of
    up to two hundred years to it, so it must stay as far from the ends of the calendar as they do)."""
    from dancoso_rules.days import MAX_DATE, MIN_DATE

    day = _date(text)
    if not MIN_DATE <= day <= MAX_DATE:
        raise argparse.ArgumentTypeError(tr("arg.as_of", first=MIN_DATE, last=MAX_DATE, got=text))
    return day


def as_of_help() -> str:
    """The help of ``--as-of``, with the days it may name."""
    from dancoso_rules.days import MAX_DATE, MIN_DATE

    return tr("help.as_of", first=MIN_DATE, last=MAX_DATE)


def _fail_on(text: str) -> frozenset[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    if names == ["none"] or not names:
        return frozenset()
    unknown = [name for name in names if name not in STATUSES]
    if unknown:
        raise argparse.ArgumentTypeError(
            tr("check.unknown_status", status=unknown[0], statuses=", ".join(STATUSES))
        )
    return frozenset(names)


def _width(text: str) -> int:
    width = _columns(text)
    if width is None:
        raise argparse.ArgumentTypeError(tr("arg.width", first=WIDTHS[0], last=WIDTHS[1], got=text))
    return width


def _columns(text: str) -> int | None:
    """``text`` as a number of columns within :data:`WIDTHS`, else ``None``."""
    if not (text.isascii() and text.isdigit() and len(text) <= 4):
        return None
    width = int(text)
    return width if WIDTHS[0] <= width <= WIDTHS[1] else None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "records",
        nargs="+",
        metavar="RECORD",
        help=tr("check.help.records"),
    )
    parser.add_argument("--as-of", type=as_of_date, metavar="DATE", help=as_of_help())
    parser.add_argument(
        "--interpretations",
        type=Path,
        metavar="FILE",
        help=tr("check.help.interpretations"),
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help=tr("check.help.format"))
    parser.add_argument(
        "--output",
        type=output_argument,
        metavar="PATH",
        help=tr("check.help.output"),
    )
    parser.add_argument(
        "--fail-on",
        type=_fail_on,
        default=_fail_on(DEFAULT_FAIL_ON),
        metavar="STATUSES",
        help=tr("check.help.fail_on", default=DEFAULT_FAIL_ON),
    )
    parser.add_argument(
        "--width", type=_width, metavar="N", help=tr("check.help.width", first=WIDTHS[0], last=WIDTHS[1])
    )
    parser.add_argument("--rules", type=Path, metavar="DIR", help=tr("help.rules_dir"))
    parser.add_argument(
        "--report-period",
        type=_report_period,
        metavar="PERIOD",
        help=tr("check.help.report_period"),
    )
    parser.add_argument(
        "--data-window",
        choices=("calendar", "nd09"),
        default="calendar",
        help=tr("check.help.data_window"),
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help=tr("check.help.summary"),
    )
    parser.add_argument(
        "--sarif-all",
        action="store_true",
        help=tr("check.help.sarif_all"),
    )
    parser.add_argument(
        "--unit-sheets",
        action="store_true",
        help=tr("check.help.unit_sheets"),
    )
    parser.add_argument("--jobs", type=_jobs, metavar="N", help=tr("check.help.jobs"))


def _jobs(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(tr("arg.jobs", got=text))
    return int(text)


def _report_period(text: str) -> str:
    if not re.fullmatch(r"[0-9]{4}(-H[12])?", text):  # not \d: '٢٠٢٥' would title the report with it
        raise argparse.ArgumentTypeError(tr("arg.period", got=text))
    from dancoso_rules.days import MAX_DATE, MIN_DATE

    if not MIN_DATE.year <= int(text[:4]) <= MAX_DATE.year:  # year 0 is no date at all
        raise argparse.ArgumentTypeError(
            tr("arg.period_years", first=MIN_DATE.year, last=MAX_DATE.year, got=text)
        )
    return text


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.cli.check_run import Recipe, open_run, usable_cores
    from dancoso_rules.cli.output import names_folder
    from dancoso_rules.record.inputs import is_jsonl
    from dancoso_rules.report.batch import record_sources, stdin_sources
    from dancoso_rules.report.model import DEFAULT_FAIL_ON as REPORTED
    from dancoso_rules.report.renderers import RenderOptions

    text = None if args.output == "-" else args.output  # standard output, for one record or many
    if text is None and args.format in ("docx", "xlsx") and sys.stdout.isatty():  # bytes, not text
        raise UsageError(Problem(Location("-"), tr("check.terminal", ext=args.format), code="usage"))
    args.output_is_folder = text is not None and names_folder(text)
    args.output = None if text is None else Path(text)
    paths, missing = record_sources([a for a in args.records if a != "-"])
    if missing:
        raise UsageError(missing)
    stdin = tuple(stdin_sources(sys.stdin.buffer.read())) if "-" in args.records else ()
    to_terminal = args.output is None and sys.stdout.isatty()
    options = RenderOptions(
        lang=args.lang,
        # The reports always count what fails by default; --fail-on adds statuses and sets the exit code.
        fail_on=args.fail_on | REPORTED,
        width=args.width or _terminal_width(),
        color=args.format == "text" and to_terminal and "NO_COLOR" not in os.environ,
        report_period=args.report_period,
        data_window=args.data_window,
        blocking=args.fail_on,
        unit_sheets=args.unit_sheets,
        summary=args.summary,
        sarif_all=args.sarif_all,
    )
    recipe = Recipe(args.rules, args.interpretations, args.format, options)
    context = open_run(recipe, args.fail_on, stdin, args.jobs or usable_cores())
    if len(args.records) == 1 and len(stdin) == 1 and stdin[0].line is None:
        return _one(args, stdin[0], context)
    if (
        len(args.records) == 1
        and len(paths) == 1
        and not is_jsonl(paths[0])
        and not Path(args.records[0]).is_dir()
    ):
        from dancoso_rules.paths import display_path
        from dancoso_rules.report.batch import RecordSource

        return _one(args, RecordSource(paths[0], display_path(paths[0])), context)
    if args.format == "docx":  # a submitted report is one unit's; checked before anything is written
        raise UsageError(
            Problem(
                Location("<options>"),
                tr("check.docx_one"),
            )
        )
    from dancoso_rules.cli.check_batch import check_many

    return check_many(args, paths, context)


def _one(args: argparse.Namespace, source: RecordSource, context: CheckRun) -> int:
    from dancoso_rules.cli.output import refuse_among_records, rule_folder, write_output
    from dancoso_rules.report.batch import check_source

    checked = check_source(
        source,
        context.rulebook,
        as_of=args.as_of,
        interpretations=context.overrides,
        locate=context.renderer.needs_locations,
    )
    if checked.report is None:
        raise RecordError(list(checked.problems))
    inputs = ([] if source.data is not None else [source.path]) + (
        [args.interpretations] if args.interpretations else []
    )
    inputs.append(rule_folder(args.rules))
    output: Path | None = args.output
    if output is not None and args.output_is_folder:
        refuse_among_records(output, args.records, [] if source.data is not None else [source.path])
        output = output / f"{checked.report.organisation.id}.{context.renderer.extension}"
    write_output(context.renderer.render(checked.report, context.options), output, inputs=inputs)
    return 1 if checked.report.failing(context.fail_on) else 0


def _terminal_width() -> int:
    columns = _columns(os.environ.get("COLUMNS", ""))
    if columns is not None:
        return columns
    try:
        return max(40, min(os.get_terminal_size(sys.stdout.fileno()).columns, 160))
    except (OSError, ValueError):
        return 100
