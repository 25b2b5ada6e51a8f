"""How fast the evaluator is, against how fast JSON can merely be parsed (not a test: it prints, asserts nothing).

    python benchmarks/bench_evaluate.py [--records 10000] [--activities 100] [--repeat 3]

Writes ``--records`` one-year records of ``--activities`` activities each (types taken from both
bundled packs' obligations, dates spread over the year, a few complaints and an attestation) as
JSON Lines in a temporary folder, then, in the same run:

(a) parses every line with orjson, and nothing else;
(b) validates and evaluates every record, the fast way a batch or a CI gate can: the clean-record
    decoder (``decode_clean``: msgspec, every rule of the record models; a record it is not sure
    of goes to the full pydantic validation instead, and the run says how many did), then
    ``assess(record, packs=rulebook, as_of=...)``, which decides the status of every duty instance
    with its evidence and day counts, and counts the statuses (its two parts are also timed alone: the
    decoder, and ``assess`` on records decoded beforehand);
(b+) the same, and writes the full report too (``Assessment.report()``: every result as an object,
    with its sentence in Vietnamese and English), as ``evaluate`` does;
(c) the plain pydantic way: ``ActivityRecord.model_validate(orjson.loads(line))`` and ``evaluate``;
(d) for the first 1,000 records, the whole record validator (``validate_bytes``: UTF-8 and strict
    JSON checks, the schema, the words against the rulebook, and the positions of any problem) and
    ``evaluate``: what ``dancoso check`` does before rendering;

and prints records per second for each, and its ratio to (a). The five are timed in turns, round after
round (best of ``--repeat`` rounds each), so that each ratio compares runs made in the same state of
the machine. It then shows how the cost of (b) grows
with the number of activities (50, 100, 200, 400 per year) and with the number of periods (records
of 1, 2 and 4 years at 100 activities a year), and the peak memory (tracemalloc) of streaming
1,000 and then 5,000 records through (b+), which stays flat because nothing is kept between records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from dancoso_rules.evaluation import assess, evaluate
from dancoso_rules.load import load_rulebook
from dancoso_rules.model import Rulebook
from dancoso_rules.record.fast import decode_clean
from dancoso_rules.record.model import ActivityRecord
from dancoso_rules.record.validate import validate_bytes

AS_OF = dt.date(2026, 4, 15)
PACKS = ["tra-vinh-2024", "long-an-2025"]


def make_record(seed: int, activities: int, types: list[str], years: int = 1) -> dict[str, Any]:
    """One record of a provincial department answering to both packs, ``activities`` a year."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    end = dt.date(2025 + years - 1, 12, 31)
    span = (end - start).days + 1
    items = []
    for i in range(activities * years):
        day = start + dt.timedelta(days=rng.randrange(span))
        items.append(
            {
                "id": f"hd-{i:05d}",
                "type": types[rng.randrange(len(types))],
                "date": day.isoformat(),
                "title": f"Hoạt động thực hiện dân chủ ở cơ sở số {i}",
                "participants": rng.randrange(10, 80),
                "evidence": [{"kind": "minutes", "number": f"{i}/BB-SNV", "date": day.isoformat()}],
            }
        )
    events = []
    for n in range(3 * years):
        day = start + dt.timedelta(days=rng.randrange(span))
        resolved = day + dt.timedelta(days=rng.randrange(10, 60))
        events.append(
            {
                "id": f"kn-{n}",
                "type": "complaint_received",
                "date": day.isoformat(),
                "title": "Đơn khiếu nại",
                "resolution": {"date": resolved.isoformat()},
            }
        )
    return {
        "organisation": {
            "id": f"so-{seed}",
            "name": "Sở Nội vụ tỉnh Trà Vinh",
            "kind": "home_affairs_department",
            "level": "province",
            "territory": "tra-vinh",
            "packs": PACKS,
        },
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "activities": items,
        "events": events,
        "attestations": [
            {
                "id": "xn-1",
                "obligation": "tra-vinh-2024.art_2__cl_3__pt_a.direct-democracy",
                "attested_by": "Giám đốc Sở",
                "date": end.isoformat(),
                "statement": "Cơ quan duy trì các hình thức dân chủ trực tiếp.",
            }
        ],
    }


def write_lines(path: Path, count: int, activities: int, types: list[str], years: int = 1) -> int:
    with path.open("wb") as handle:
        for seed in range(count):
            handle.write(orjson.dumps(make_record(seed, activities, types, years)) + b"\n")
    return path.stat().st_size


def lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from handle


def parse_only(path: Path) -> int:
    count = 0
    for line in lines(path):
        orjson.loads(line)
        count += 1
    return count


def fast(path: Path, rulebook: Rulebook, *, report: bool = False) -> int:
    """(b), or (b+) with ``report``: returns how many records the clean-record decoder passed on."""
    passed_on = 0
    for line in lines(path):
        record, passed = _read(line)
        passed_on += passed
        assessment = assess(record, packs=rulebook, as_of=AS_OF)
        if report:
            assessment.report()
        else:
            assessment.counts()
    return passed_on


def _read(line: bytes) -> tuple[Any, bool]:
    """A record as (b) reads it, and whether the clean-record decoder passed it on to pydantic."""
    clean = decode_clean(line)
    if clean is not None:
        return clean, False
    return ActivityRecord.model_validate(orjson.loads(line)), True


def decoded(path: Path) -> list[Any]:
    """Every record of ``path``, decoded as (b) decodes it, to time the evaluation alone."""
    return [_read(line)[0] for line in lines(path)]


def assess_only(records: list[Any], rulebook: Rulebook) -> int:
    """(b)'s evaluation alone, on records decoded beforehand."""
    for record in records:
        assess(record, packs=rulebook, as_of=AS_OF).counts()
    return len(records)


def fast_validate_only(path: Path) -> int:
    count = 0
    for line in lines(path):
        count += decode_clean(line) is not None
    return count


def pydantic_path(path: Path, rulebook: Rulebook) -> int:
    count = 0
    for line in lines(path):
        record = ActivityRecord.model_validate(orjson.loads(line))
        evaluate(record, packs=rulebook, as_of=AS_OF)
        count += 1
    return count


def validator_path(path: Path, rulebook: Rulebook, limit: int) -> int:
    count = 0
    for line in lines(path):
        if count == limit:
            break
        result = validate_bytes(line, "<line>", rulebook)
        assert result.record is not None, result.errors
        evaluate(result.record, packs=rulebook, as_of=AS_OF)
        count += 1
    return count


def flagged_records(path: Path, rulebook: Rulebook, limit: int) -> int:
    """How many of the first ``limit`` records the validator finds a problem in (a warning, here)."""
    flagged = 0
    for count, line in enumerate(lines(path)):
        if count == limit:
            break
        flagged += bool(validate_bytes(line, "<line>", rulebook).problems)
    return flagged


def interleaved(repeat: int, actions: dict[str, Callable[[], int]]) -> dict[str, float]:
    """The best time of each action over ``repeat`` rounds, each round running every action once.

    Taking turns, the actions see the same state of the machine (a shared machine's speed drifts
    over minutes), so that their ratios are not an artefact of when each ran.
    """
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(repeat):
        for name, action in actions.items():
            gc.collect()
            began = time.perf_counter()
            action()
            best[name] = min(best[name], time.perf_counter() - began)
    return best


def best_of(repeat: int, action: Callable[[], int]) -> float:
    timings = []
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        action()
        timings.append(time.perf_counter() - began)
    return min(timings)


def peak_memory(path: Path, rulebook: Rulebook) -> int:
    gc.collect()
    tracemalloc.start()
    fast(path, rulebook, report=True)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--activities", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    rulebook = load_rulebook()
    types = sorted({placed.obligation.activity for placed in rulebook.obligations()})
    obligations = sum(1 for _ in rulebook.obligations())
    with tempfile.TemporaryDirectory() as folder:
        main_file = Path(folder) / "records.jsonl"
        size = write_lines(main_file, options.records, options.activities, types)
        sample = ActivityRecord.model_validate(orjson.loads(next(lines(main_file))))
        results = len(evaluate(sample, packs=rulebook, as_of=AS_OF).results)
        print(
            f"{options.records:,} records x {options.activities} activities ({size / 1e6:.1f} MB of JSON Lines); "
            f"both packs, {obligations} obligations, {results} results per record; as of {AS_OF}"
        )
        records = decoded(main_file)
        timings = interleaved(
            options.repeat,
            {
                "parse": lambda: parse_only(main_file),
                "decode": lambda: fast_validate_only(main_file),
                "assess": lambda: assess_only(records, rulebook),
                "full": lambda: fast(main_file, rulebook),
                "with_report": lambda: fast(main_file, rulebook, report=True),
                "plain": lambda: pydantic_path(main_file, rulebook),
            },
        )
        parse, decode, full = timings["parse"], timings["decode"], timings["full"]
        evaluation = timings["assess"]
        with_report, plain = timings["with_report"], timings["plain"]
        passed_on = fast(main_file, rulebook)
        n = options.records
        us = 1e6 / n
        print(
            f"(a) orjson parse only:                  {n / parse:>9,.0f} records/s   {parse * us:6.0f} us a record"
        )
        print(
            f"(b) validate + evaluate (statuses):     {n / full:>9,.0f} records/s   {full * us:6.0f} us a record"
            f"   {full / parse:4.1f} x (a)"
        )
        print(
            f"    of which validation (clean-record decoder) {decode * us:.0f} us, evaluation {evaluation * us:.0f} us "
            "(each timed alone, the evaluation on records decoded beforehand); "
            f"{passed_on:,} record(s) passed on to the full validator"
        )
        print(
            f"(b+) and the full report (sentences):  {n / with_report:>9,.0f} records/s   {with_report * us:6.0f} us a record"
            f"   {with_report / parse:4.1f} x (a)"
        )
        print(
            f"(c) pydantic validate + evaluate:       {n / plain:>9,.0f} records/s   {plain * us:6.0f} us a record"
            f"   {plain / parse:4.1f} x (a)"
        )
        limit = min(n, 1000)
        whole = best_of(options.repeat, lambda: validator_path(main_file, rulebook, limit))
        flagged = flagged_records(main_file, rulebook, limit)
        print(
            f"(d) record validator + evaluate:        {limit / whole:>9,.0f} records/s   {whole / limit * 1e6:6.0f} us a record"
            f"   {whole / limit / (parse / n):4.1f} x (a)   (first {limit:,} records; {flagged:,} with a warning, "
            "whose position is then computed)"
        )

        print("\ncost per record against activities a year (1,000 one-year records each):")
        for count in (50, 100, 200, 400):
            path = Path(folder) / f"a{count}.jsonl"
            write_lines(path, 1000, count, types)
            seconds = best_of(options.repeat, lambda p=path: fast(p, rulebook))  # type: ignore[misc]
            print(f"  {count:>4} activities: {seconds:.3f} ms per record")

        print("\ncost per record against the number of periods (1,000 records, 100 activities a year):")
        for years in (1, 2, 4):
            path = Path(folder) / f"y{years}.jsonl"
            write_lines(path, 1000, 100, types, years)
            seconds = best_of(options.repeat, lambda p=path: fast(p, rulebook))  # type: ignore[misc]
            print(
                f"  {years} year(s): {seconds:.3f} ms per record, {seconds / years:.3f} ms per year of record"
            )

        print("\npeak memory while streaming (tracemalloc):")
        for count in (1000, 5000):
            path = Path(folder) / f"m{count}.jsonl"
            write_lines(path, count, options.activities, types)
            print(f"  {count:>5} records: peak {peak_memory(path, rulebook) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
