"""``dancoso check`` over many records, against merely parsing them (not a test: it prints, asserts nothing).

    python benchmarks/bench_batch.py [--records 10000] [--jobs N]

Writes three batches as JSON Lines and runs the real command on each, in a child process:

- ``examples``: the six example records, each copied with its own organisation id;
- ``100 activities``: one-year records of 100 activities each, made as
  ``benchmarks/bench_evaluate.py`` makes them (both packs, a few complaints, an attestation);
- ``with reports``: the examples again, with ``--output DIR`` (each organisation's JSON report
  written beside the overview).

The command is ``dancoso check records.jsonl --as-of 2026-01-15 --fail-on none --format json``
(``--jobs`` as given, else its default: every usable core). Each run is timed against a child
process that only parses the same file line by line with orjson, the two in turn and the best of
two rounds each, and the ratio printed beside the target of issue 16 (5x, 3x and 10x). Each batch
is run at a tenth of ``--records`` and at ``--records``: the child's peak resident memory should
stay about the same (nothing is kept of a record but its overview row).

After the ``with reports`` batch, the same reports, already rendered, are written again into another
folder as the command writes them (``write_output``: a temporary file, fsync, rename), in a child that
read them first: the ``writing alone`` line, the floor of that batch's time on this machine.

Last measured (4/12/2026, three runs at 10,000 records on the 2-core machine at a quiet hour): examples
0.86-0.96 s (4.3-4.7x the parse), 100 activities 2.14-2.25 s (2.5-2.6x), with reports 34.4-36.2 s
(165-183x), writing those reports alone 17.2-17.6 s (88x); peak RSS 44, 70 and 87-92 MiB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_evaluate import write_lines

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 2
#: A child that runs the command given after the sink, and prints its exit code, wall time and peak RSS.
_TIMED = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "sink = open(sys.argv[1], 'wb')\n"
    "done = subprocess.run(sys.argv[2:], stdout=sink, stderr=subprocess.DEVNULL)\n"
    "elapsed = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, elapsed, peak)\n"
)
_PARSE = "import orjson, sys\nfor line in open(sys.argv[1], 'rb'):\n    orjson.loads(line)\n"
#: A child that reads every report of a folder, then prints how long writing them again into another
#: folder takes, as the command writes them (``write_output``: a temporary file, fsync, rename).
_WRITE = (
    "import pathlib, sys, time\n"
    "from dancoso_rules.cli.output import write_output\n"
    "source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
    "names = [p.name for p in sorted(source.glob('*.json')) if p.name != 'overview.json' and p.name[0] != '.']\n"
    "reports = [(name, (source / name).read_bytes()) for name in names]\n"
    "target.mkdir()\n"
    "start = time.perf_counter()\n"
    "for name, data in reports:\n"
    "    write_output(data, target / name)\n"
    "print(time.perf_counter() - start, len(reports), sum(len(d) for _, d in reports))\n"
)


def write_examples(path: Path, count: int) -> None:
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


def write_active(path: Path, count: int) -> None:
    """``count`` one-year records of 100 activities each (see ``bench_evaluate.py``)."""
    from dancoso_rules.load import load_rulebook

    types = sorted({placed.obligation.activity for placed in load_rulebook().obligations()})
    write_lines(path, count, 100, types)


def timed(command: list[str], sink: Path) -> tuple[int, float, float]:
    """Exit code, seconds and peak RSS (MiB) of ``command`` run in a fresh child, its output to ``sink``."""
    done = subprocess.run(
        [sys.executable, "-c", _TIMED, str(sink), *command], capture_output=True, text=True, check=True
    )
    code, elapsed, peak_kib = done.stdout.split()
    return int(code), float(elapsed), int(peak_kib) / 1024


def measure(records: Path, output: Path | None, jobs: int | None) -> tuple[float, float, float, int]:
    """Best seconds of the command and of parsing alone, taken in turn; the command's peak RSS; its exit code."""
    command = [sys.executable, "-m", "dancoso_rules", "check", str(records), "--as-of", "2026-01-15"]
    command += ["--fail-on", "none", "--format", "json", "--lang", "en"]
    command += [] if jobs is None else ["--jobs", str(jobs)]
    command += [] if output is None else ["--output", f"{output}/"]
    parse = [sys.executable, "-c", _PARSE, str(records)]
    sink = records.with_suffix(".overview.json")
    best_check = best_parse = float("inf")
    peak, code = 0.0, 0
    for _ in range(ROUNDS):
        code, seconds, rss = timed(command, sink)
        best_check, peak = min(best_check, seconds), max(peak, rss)
        best_parse = min(best_parse, timed(parse, records.with_suffix(".parsed"))[1])
    return best_check, best_parse, peak, code


def write_floor(reports: Path) -> tuple[float, int, int]:
    """Seconds to write the reports of ``reports`` again, already rendered, as the command writes them (in
    a child, after reading them); how many there are and their bytes."""
    target = reports.with_name(reports.name + "-again")
    done = subprocess.run(
        [sys.executable, "-c", _WRITE, str(reports), str(target)], capture_output=True, text=True, check=True
    )
    seconds, count, size = done.stdout.split()
    return float(seconds), int(count), int(size)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=None, help="--jobs of the command (default: its own)")
    args = parser.parse_args()
    batches: list[tuple[str, Callable[[Path, int], None], bool, float]] = [
        ("examples", write_examples, False, 5.0),
        ("100 activities", write_active, False, 3.0),
        ("with reports", write_examples, True, 10.0),
    ]
    jobs = "default" if args.jobs is None else str(args.jobs)
    print(f"dancoso check records.jsonl --as-of 2026-01-15 --fail-on none --format json (--jobs {jobs})")
    print(
        f"{'batch':<16} {'records':>8} {'check s':>8} {'parse s':>8} {'ratio':>6} {'target':>6} {'peak RSS':>9}"
    )
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for label, write, reports, target in batches:
            for count in (max(1, args.records // 10), args.records):
                records = base / f"{label.replace(' ', '-')}-{count}.jsonl"
                if not records.exists():
                    write(records, count)
                output = base / f"reports-{count}" if reports else None
                check, parse, peak, code = measure(records, output, args.jobs)
                print(
                    f"{label:<16} {count:>8,} {check:>8.2f} {parse:>8.2f} {check / parse:>5.1f}x "
                    f"{target:>5.0f}x {peak:>6.1f} MiB  (exit {code})"
                )
                if output is not None:
                    seconds, written, size = write_floor(output)
                    print(
                        f"{'  writing alone':<16} {written:>8,} {seconds:>8.2f} {parse:>8.2f} "
                        f"{seconds / parse:>5.1f}x {target:>5.0f}x  ({size / 2**30:.2f} GiB of reports, "
                        "already rendered, written as the command writes them)"
                    )
    print(
        f"(Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}; "
        "times include each process's start; peak RSS includes the interpreter)"
    )


if __name__ == "__main__":
    main()
