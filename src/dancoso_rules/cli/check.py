"""``dancoso check RECORD --as-of DATE``: evaluate a record and print the report as JSON.

A thin shell over :func:`dancoso_rules.evaluate.evaluate`: exit 0 with the report on standard output;
exit 2 with located one-line messages when the record, the interpretations or an option is invalid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from dancoso_rules.errors import DancosoError, Location, Problem


def _date(text: str) -> dt.date:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"expected a date that exists, written YYYY-MM-DD; got {text!r}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("record", metavar="RECORD", type=Path, help="an activity record (JSON)")
    parser.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the evaluation date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--interpretations",
        type=Path,
        metavar="FILE",
        help="a YAML or JSON file overriding interpretations by id",
    )
    parser.add_argument("--format", choices=("json",), default="json", help="the report's format")
    parser.add_argument("--rules", type=Path, metavar="DIR", help="a rule folder instead of the bundled one")


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.cli.output import write_output
    from dancoso_rules.evaluate import evaluate
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.paths import display_path
    from dancoso_rules.record.validate import load_record

    rulebook = load_rulebook(args.rules)
    record = load_record(args.record, rulebook)
    try:
        report = evaluate(record, packs=rulebook, as_of=args.as_of, interpretations=args.interpretations)
    except DancosoError as exc:  # name the record file in messages about the record
        file = display_path(args.record)
        exc.problems = [_in_file(problem, file) for problem in exc.problems]
        raise
    write_output(report.to_json(), None)
    return 0


def _in_file(problem: Problem, file: str) -> Problem:
    where = problem.location
    if where.file != "<record>":
        return problem
    return Problem(
        Location(file, where.line, where.column, where.pointer),
        problem.message,
        problem.severity,
        problem.code,
    )
