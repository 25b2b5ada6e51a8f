"""How validation time grows with the number of problems in one record (not a test: it prints, it asserts nothing).

    python benchmarks/bench_validate_problems.py [--counts 1000,2000,5000,10000] [--repeat 3]

Issue 13 measured 62 s for 10,000 unknown keys, 15 s for 5,000 bad dates: time grew with the square
of the number of problems. For each kind of problem and each count N this builds the record of
``bench_validate.py`` with N activities, each with one problem of that kind, and prints the best of
R runs of ``validate_bytes`` (rulebook loaded), as CPU time of this process (the machine is shared,
so wall time scatters), and the time per problem, which stays flat when validation is linear. Only
the first 100 problems are reported; all of them are found and located.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import build_record

from dancoso_rules.load import load_rulebook
from dancoso_rules.record.validate import validate_bytes


def best_cpu(repeat: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        began = time.process_time()
        action()
        timings.append(time.process_time() - began)
    return min(timings)


#: kind of problem → how to plant it in activity ``i``.
PROBLEMS: dict[str, Callable[[dict[str, Any], int], None]] = {
    "unknown key": lambda activity, i: activity.update({f"ghi_chu_{i}": "x"}),
    "date that does not exist": lambda activity, i: activity.update(date="2025-02-30"),
    "unknown activity type": lambda activity, i: activity.update(type=f"hoi_nghi_{i % 50}"),
    "unknown serves link": lambda activity, i: activity.update(serves=[f"tra-vinh-2024.dieu-{i % 50}"]),
    "duplicate id": lambda activity, i: activity.update(id="hd-trung"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,2000,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    counts = [int(n) for n in options.counts.split(",")]
    rulebook = load_rulebook()
    types = sorted(rulebook.vocabulary.activity_type_ids)
    print(f"{'problem':<26} {'problems':>9} {'MB':>6} {'CPU s':>8} {'µs/problem':>11}")
    for kind, plant in PROBLEMS.items():
        for count in counts:
            record = build_record(count, types)
            for i, activity in enumerate(record["activities"]):
                plant(activity, i)
            raw = json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
            result = validate_bytes(raw, "record.json", rulebook)
            assert not result.valid()
            assert len(result.problems) <= 101, len(result.problems)
            seconds = best_cpu(
                options.repeat, functools.partial(validate_bytes, raw, "record.json", rulebook)
            )
            print(
                f"{kind:<26} {count:>9,} {len(raw) / 1e6:>6.1f} {seconds:>8.3f} {seconds / count * 1e6:>11.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
