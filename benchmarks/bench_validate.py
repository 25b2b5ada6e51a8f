"""How long ``dancoso validate`` takes on a 10,000-activity record (not a test: it prints, it asserts nothing).

    python benchmarks/bench_validate.py [--activities 10000] [--repeat 5]

Builds the record in a temporary folder from the Trà Vinh department example, with activities of
every type in the vocabulary spread over the year, then prints the best of N runs of
``validate_record`` (rulebook already loaded) and of the whole command in a fresh process (Python
start-up and loading the rulebook included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from dancoso_rules.load import load_rulebook
from dancoso_rules.record.validate import validate_record

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tra-vinh" / "so-noi-vu.json"


def build_record(count: int, types: list[str]) -> dict[str, Any]:
    """The example's organisation and period with ``count`` dated, evidenced activities."""
    base: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    start = dt.date(2025, 1, 1)
    base["activities"] = [
        {
            "id": f"hd-{i:05d}",
            "type": types[i % len(types)],
            "date": (start + dt.timedelta(days=i % 365)).isoformat(),
            "title": f"Hoạt động thực hiện dân chủ ở cơ sở số {i}",
            "participants": 20 + i % 50,
            "evidence": [{"kind": "minutes", "number": f"{i}/BB-SNV", "date": "2025-06-30"}],
        }
        for i in range(count)
    ]
    return base


def best_of(repeat: int, action: object) -> float:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append(time.perf_counter() - began)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    rulebook = load_rulebook()
    record = build_record(options.activities, sorted(rulebook.vocabulary.activity_type_ids))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "record.json"
        path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        result = validate_record(path, rulebook)
        assert result.valid(strict=True), result.problems[:3]
        size = path.stat().st_size
        api = best_of(options.repeat, lambda: validate_record(path, rulebook))
        command = [sys.executable, "-m", "dancoso_rules", "validate", str(path)]
        cli = best_of(options.repeat, lambda: subprocess.run(command, check=True, capture_output=True))
    print(f"record: {options.activities:,} activities, {size / 1e6:.1f} MB")
    print(f"validate_record (rulebook loaded): best of {options.repeat}: {api:.3f} s")
    print(f"dancoso validate (fresh process):  best of {options.repeat}: {cli:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
