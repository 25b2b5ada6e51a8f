"""``dancoso validate PATH...``: check activity records; exit 0 all valid, 1 any invalid, 2 usage or I/O errors.

A JSON Lines file (``.jsonl``, ``.ndjson``) holds one record per line, each checked and located at its
line. With ``--skip-non-records`` (the pre-commit hook's), JSON that is plainly not a record (a
``package.json``) is skipped with a note instead of failing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from dancoso_rules.i18n import tr
from dancoso_rules.record.jsonload import MAX_BYTES
from dancoso_rules.record.reporters import REPORTER_BY_NAME


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=tr("validate.help.paths"))
    parser.add_argument(
        "--format", choices=tuple(REPORTER_BY_NAME), default="text", help=tr("validate.help.format")
    )
    parser.add_argument("--strict", action="store_true", help=tr("help.strict"))
    parser.add_argument("--skip-non-records", action="store_true", help=tr("validate.help.skip"))
    parser.add_argument("--rules", type=Path, help=tr("validate.help.rules"))


def run(args: argparse.Namespace) -> int:
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.paths import display_path
    from dancoso_rules.record.inputs import STDIN, find_record_files, is_jsonl
    from dancoso_rules.record.validate import (
        RecordResult,
        not_a_record,
        validate_lines,
        validate_record,
        validate_stdin,
    )

    inputs, missing = find_record_files([a for a in args.paths if a != STDIN])
    rulebook = load_rulebook(args.rules)
    results: list[RecordResult] = [validate_stdin(rulebook)] if STDIN in args.paths else []
    skipped = 0
    for path in inputs:
        if is_jsonl(path):
            results += validate_lines(path, rulebook)
            continue
        reason = _not_a_record(path, not_a_record) if args.skip_non_records else None
        if reason is not None:
            print(tr("validate.skipped", path=display_path(path), reason=reason), file=sys.stderr)
            skipped += 1
            continue
        results.append(validate_record(path, rulebook))
    results += [RecordResult(p.location.file, None, (p,)) for p in missing]
    if args.strict:
        results = [result.strictly() for result in results]
    sys.stdout.write(REPORTER_BY_NAME[args.format](results))
    sys.stdout.flush()
    invalid = sum(not result.valid() for result in results)
    errors = sum(len(result.errors) for result in results)
    warnings = sum(len(result.warnings) for result in results)
    noun = tr("noun.records") if len(results) != len({r.file for r in results}) else tr("noun.files")
    summary = tr(
        "validate.summary",
        count=len(results),
        noun=noun,
        valid=len(results) - invalid,
        invalid=invalid,
        errors=errors,
        warnings=warnings,
    )
    print(summary + (tr("validate.summary.skipped", skipped=skipped) if skipped else ""), file=sys.stderr)
    if any(result.unreadable for result in results):
        return 2
    return 1 if invalid else 0


def _not_a_record(path: Path, not_a_record: Callable[[bytes], str | None]) -> str | None:
    try:
        with path.open("rb") as handle:
            return not_a_record(handle.read(MAX_BYTES + 1))
    except OSError:
        return None  # the validator reports what cannot be read
