"""Start-up: ``dancoso check`` of one example, full text report, against check-jsonschema validating it.

    python benchmarks/bench_startup.py [--rounds 15] [--record examples/tra-vinh/so-noi-vu.json]

Runs, interleaved round by round so that both see the same machine state,

(a) ``dancoso check RECORD --as-of 2026-01-15 --format text --fail-on none`` (load the rule packs,
    validate, evaluate, build the clause-by-clause report, render it), and
(b) ``check-jsonschema --schemafile schemas/activity-record.schema.json RECORD`` (schema validation
    alone),

each as a fresh process, and prints the median wall time of each and their ratio. The target is a
ratio of at most 1. With ``--importtime`` it also prints the ten slowest imports of (a)
(``python -X importtime``), to show where start-up goes. Not a test: it prints, asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _importtime(command: list[str]) -> list[tuple[int, str]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and not match.group(2).strip(" ")[1:]:  # top-level imports only (one space of indent)
            rows.append((int(match.group(1)), match.group(3)))
    return sorted(rows, reverse=True)[:10]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--record", default="examples/tra-vinh/so-noi-vu.json")
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    checker = shutil.which("check-jsonschema")
    if checker is None:
        sys.exit("check-jsonschema is not installed (pip install -e '.[test]')")
    ours = [sys.executable, "-m", "dancoso_rules", "check", args.record, "--as-of", "2026-01-15"]
    ours += ["--format", "text", "--fail-on", "none"]
    theirs = [checker, "--schemafile", "schemas/activity-record.schema.json", args.record]
    for command in (ours, theirs):  # warm the file cache and any bytecode
        _timed(command)
    check_times, schema_times = [], []
    for _ in range(args.rounds):
        check_times.append(_timed(ours))
        schema_times.append(_timed(theirs))
    check, schema = statistics.median(check_times), statistics.median(schema_times)
    print(f"{args.rounds} rounds, interleaved, median wall time of a fresh process:")
    print(f"  dancoso check --format text     {check * 1000:7.0f} ms")
    print(f"  check-jsonschema --schemafile   {schema * 1000:7.0f} ms")
    print(f"  ratio check / validation        {check / schema:7.2f}  (target: at most 1)")
    if args.importtime:
        print("slowest top-level imports of dancoso check (cumulative, ms):")
        for micros, name in _importtime(ours):
            print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
