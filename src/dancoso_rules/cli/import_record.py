"""``dancoso import FILE.xlsx`` (or the ``.csv`` files of its sheets): turn a workbook into a JSON record.

Every problem is reported as ``file Sheet!Cell: message`` on standard error; the record is written
(to standard output, or ``--output``) only when it is valid, and never over an existing file unless
``--force`` (a record may have been edited since), as ``dancoso template``. Exit codes as ``dancoso validate``:
0 valid, 1 invalid, 2 unreadable or misused (two .csv files of the same sheet, too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dancoso_rules.cli.output import output_argument
from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.i18n import tr


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help=tr("import.help.files"),
    )
    parser.add_argument(
        "--output",
        "-o",
        type=output_argument,
        metavar="PATH",
        help=tr("import.help.output"),
    )
    parser.add_argument("--force", action="store_true", help=tr("help.force"))
    parser.add_argument("--strict", action="store_true", help=tr("help.strict"))
    parser.add_argument("--rules", type=Path, metavar="DIR", help=tr("help.rules_dir"))


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.cli.output import output_target, refuse_existing, rule_folder, write_output
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.record.workbook import read_spreadsheet, record_json, validate_read

    files: list[Path] = args.files
    suffixes = {f.suffix.lower() for f in files}
    if not (suffixes == {".csv"} or (suffixes == {".xlsx"} and len(files) == 1)):
        raise UsageError(
            Problem(
                Location(str(files[0])),
                tr("import.expected_files"),
                code="usage",
            )
        )
    rulebook = load_rulebook(args.rules)
    read = read_spreadsheet(files, rulebook)
    result = validate_read(read, rulebook)
    if args.strict:
        result = result.strictly()
    _writable(sys.stderr)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.unreadable or any(p.code in ("not-xlsx", "encoding", "same-sheet") for p in result.problems):
        return 2
    if not result.valid():
        print(tr("import.not_imported", file=read.file, errors=len(result.errors)), file=sys.stderr)
        return 1
    output = output_target(args.output, f"{read.data['organisation']['id']}.json")
    refuse_existing(output, args.force)
    write_output(record_json(read.data), output, inputs=[*files, rule_folder(args.rules)])
    if output is not None and str(output) != "-":
        print(tr("wrote", path=output), file=sys.stderr)
    return 0


def _writable(stream: object) -> None:
    """Never fail on a console that cannot show Vietnamese: escape what it cannot encode."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
