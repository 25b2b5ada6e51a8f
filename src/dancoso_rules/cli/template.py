"""``dancoso template``: write the .xlsx workbook an officer fills in, empty or filled with a record (export).

Never writes over an existing file unless ``--force`` (a filled-in workbook is hours of work), and
never over its input. The workbook is the same, byte for byte, for the same rules and record.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dancoso_rules.cli.output import output_argument
from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.i18n import tr

DEFAULT_OUTPUT = "ho-so-dan-chu.xlsx"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        "-o",
        type=output_argument,
        default=DEFAULT_OUTPUT,
        metavar="PATH",
        help=tr("template.help.output", default=DEFAULT_OUTPUT),
    )
    parser.add_argument(
        "--from",
        dest="record",
        type=Path,
        metavar="RECORD",
        help=tr("template.help.from"),
    )
    parser.add_argument("--force", action="store_true", help=tr("help.force"))
    parser.add_argument("--rules", type=Path, metavar="DIR", help=tr("help.rules_dir"))


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.cli.output import output_target, refuse_existing, rule_folder, write_output
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.record.validate import load_record
    from dancoso_rules.record.workbook import template_workbook

    target = output_target(args.output, Path(DEFAULT_OUTPUT).name)
    assert target is not None  # the option has a default
    output: Path = target
    to_stdout = str(output) == "-"
    if to_stdout and sys.stdout.isatty():
        raise UsageError(
            Problem(
                Location("-"),
                tr("template.terminal"),
                code="usage",
            )
        )
    refuse_existing(output, args.force)
    rulebook = load_rulebook(args.rules)
    record = None if args.record is None else load_record(args.record, rulebook)
    content = template_workbook(rulebook, record)
    inputs = [rule_folder(args.rules)] + ([args.record] if args.record is not None else [])
    write_output(content, None if to_stdout else output, inputs=inputs)
    if not to_stdout:
        if args.record is not None:
            print(tr("template.wrote_filled", path=output, record=args.record), file=sys.stderr)
        else:
            print(tr("template.wrote_empty", path=output), file=sys.stderr)
    return 0
