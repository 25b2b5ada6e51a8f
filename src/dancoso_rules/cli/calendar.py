"""``dancoso calendar RECORD``: the duties still to do as an iCalendar file, or the agenda of the next days.

The record is a JSON file, a workbook (``.xlsx``), or ``-``: one JSON record on standard input.
``--format ics`` (the default) writes every overdue and upcoming duty instance (up to ``--until``)
as all-day events with reminders 30 and 7 days before and stable UIDs, so that importing a newer
file updates the events; ``--format text`` or ``markdown`` writes the agenda of the next ``--days``
days and everything overdue. Due dates are shown as stated and, when the evaluation moved one off a day
off, as it counted it.

Exit codes: 0 written; 2 invalid input or usage, with located one-line messages. A thin shell over
:mod:`dancoso_rules.report.calendar` and :mod:`dancoso_rules.report.ics`.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dancoso_rules.cli.check import _date, as_of_date, as_of_help
from dancoso_rules.cli.output import output_argument
from dancoso_rules.errors import RecordError
from dancoso_rules.i18n import tr

FORMATS = ("ics", "text", "markdown")


def _days(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 3660:
        raise argparse.ArgumentTypeError(tr("arg.days", got=text))
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("record", type=Path, metavar="RECORD", help=tr("calendar.help.record"))
    parser.add_argument("--as-of", type=as_of_date, metavar="DATE", help=as_of_help())
    parser.add_argument(
        "--until",
        type=_date,
        metavar="DATE",
        help=tr("calendar.help.until"),
    )
    parser.add_argument(
        "--days",
        type=_days,
        default=30,
        metavar="N",
        help=tr("calendar.help.days"),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="ics",
        help=tr("calendar.help.format"),
    )
    parser.add_argument("--output", type=output_argument, metavar="PATH", help=tr("calendar.help.output"))
    parser.add_argument(
        "--interpretations", type=Path, metavar="FILE", help=tr("calendar.help.interpretations")
    )
    parser.add_argument("--rules", type=Path, metavar="DIR", help=tr("help.rules_dir"))


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.cli.output import output_target, rule_folder, write_output
    from dancoso_rules.evaluation.engine import evaluate
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.paths import display_path
    from dancoso_rules.record.inputs import STDIN
    from dancoso_rules.record.validate import validate_record, validate_stdin
    from dancoso_rules.report.build import build_report
    from dancoso_rules.report.calendar import calendar_entries, render_agenda

    rulebook = load_rulebook(args.rules)
    stdin = str(args.record) == STDIN  # one record on standard input, read as `validate -` reads it
    if stdin:
        result = validate_stdin(rulebook)
    else:
        result = validate_record(args.record, rulebook, name=display_path(args.record))
    if result.record is None:
        raise RecordError(list(result.errors))
    as_of = args.as_of or dt.date.today()
    report = evaluate(result.record, packs=rulebook, as_of=as_of, interpretations=args.interpretations)
    compliance = build_report(report, rulebook, record=result.record)
    entries = calendar_entries(compliance, rulebook, until=args.until, record=result.record)
    name = result.record.organisation.name
    content: str | bytes
    if args.format == "ics":
        from dancoso_rules.report.ics import render_ics

        content = render_ics(entries, organisation=name, as_of=as_of, lang=args.lang)
    else:
        content = render_agenda(
            entries,
            organisation=name,
            as_of=as_of,
            days=args.days,
            lang=args.lang,
            markdown=args.format == "markdown",
        )
    inputs = ([] if stdin else [args.record]) + [rule_folder(args.rules)]
    inputs += [args.interpretations] if args.interpretations else []
    extension = {"ics": "ics", "markdown": "md"}.get(args.format, "txt")
    output = output_target(args.output, f"{result.record.organisation.id}.{extension}")
    write_output(content, output, inputs=inputs)
    return 0
