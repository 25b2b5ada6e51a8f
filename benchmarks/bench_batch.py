"""``dancoso check`` over many records at once: time and peak memory (not a test: it prints, asserts nothing).

    python benchmarks/bench_batch.py [--records 10000] [--format text] [--with-reports]

Writes ``--records`` records as one JSON Lines file (the six example records, each copied with its
own organisation id), then runs the real command, ``dancoso check records.jsonl --as-of 2026-01-15
--fail-on none --format FORMAT``, in a child process, first over a tenth of the records and then over
all of them, and prints wall time, records per second and the child's peak resident memory. The
overview goes to a file; with ``--with-reports`` each organisation's report is written too
(``--output DIR``). Memory that stays about the same from a tenth to all of the records is what
"streaming" means here: no report is kept once it is written.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_records(path: Path, count: int) -> None:
    """``count`` records, cycling through the examples, each with its own organisation id."""
    examples = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted((REPO / "examples").glob("*/*.json"))
    ]
    ids = [record["organisation"]["id"] for record in examples]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            record = examples[n % len(examples)]
            record["organisation"]["id"] = f"{ids[n % len(examples)]}-n{n:05d}"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def run(records: Path, count: int, fmt: str, output: Path | None) -> None:
    """Run the command in a fresh child process and print its time and peak memory."""
    command = [sys.executable, "-m", "dancoso_rules", "check", str(records), "--as-of", "2026-01-15"]
    command += ["--fail-on", "none", "--format", fmt]
    command += ["--output", str(output)] if output is not None else []
    script = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "sink = open(sys.argv[1], 'wb')\n"
        "done = subprocess.run(sys.argv[2:], stdout=sink, stderr=subprocess.PIPE)\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(done.returncode, elapsed, peak)\n"
    )
    overview = records.with_name(f"overview-{count}.{fmt}")
    done = subprocess.run(
        [sys.executable, "-c", script, str(overview), *command], capture_output=True, text=True, check=True
    )
    code, elapsed, peak_kib = done.stdout.split()
    seconds = float(elapsed)
    print(
        f"{count:>7,} records  {seconds:7.2f} s  {count / seconds:8,.0f} records/s  "
        f"peak RSS {int(peak_kib) / 1024:7.1f} MiB  exit {code}  overview {overview.stat().st_size / 1e6:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--format", default="text")
    parser.add_argument("--with-reports", action="store_true", help="also write each organisation's report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        print(
            f"dancoso check over JSON Lines, --format {args.format}{', with each report' if args.with_reports else ''}"
        )
        for count in (max(1, args.records // 10), args.records):
            records = base / f"records-{count}.jsonl"
            write_records(records, count)
            output = base / f"reports-{count}" if args.with_reports else None
            run(records, count, args.format, output)
    print(
        f"(Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}; peak RSS includes the interpreter)"
    )


if __name__ == "__main__":
    main()
