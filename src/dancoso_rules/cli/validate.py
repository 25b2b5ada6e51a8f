"""``dancoso validate PATH...``: check activity records; exit 0 all valid, 1 any invalid, 2 usage or I/O errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dancoso_rules.record.reporters import REPORTER_BY_NAME


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="record files, folders (every *.json below them), glob patterns, or - for standard input",
    )
    parser.add_argument(
        "--format",
        choices=tuple(REPORTER_BY_NAME),
        default="text",
        help="text (file:line:col /pointer: message), json, or github (GitHub Actions annotations)",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--rules", type=Path, help="a rule folder to check against instead of the bundled one"
    )


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.record.inputs import STDIN, find_records
    from dancoso_rules.record.validate import RecordResult, validate_record, validate_stdin

    inputs, missing = find_records(args.paths)
    rulebook = load_rulebook(args.rules)
    results = [
        validate_stdin(rulebook) if item == STDIN else validate_record(item, rulebook) for item in inputs
    ]
    results += [RecordResult(p.location.file, None, (p,)) for p in missing]
    if args.strict:
        results = [result.strictly() for result in results]
    _writable(sys.stdout)
    sys.stdout.write(REPORTER_BY_NAME[args.format](results))
    sys.stdout.flush()
    invalid = sum(not result.valid() for result in results)
    errors = sum(len(result.errors) for result in results)
    warnings = sum(len(result.warnings) for result in results)
    print(
        f"{len(results)} file(s) checked: {len(results) - invalid} valid, {invalid} invalid; "
        f"{errors} error(s), {warnings} warning(s)",
        file=sys.stderr,
    )
    if any(result.unreadable for result in results):
        return 2
    return 1 if invalid else 0


def _writable(stream: object) -> None:
    """Never fail on a console that cannot show Vietnamese: escape what it cannot encode."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
