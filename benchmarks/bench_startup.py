"""Start-up: ``dancoso check`` of one example, HTML report, against check-jsonschema validating it.

    python benchmarks/bench_startup.py [--rounds 15] [--format html] [--record examples/tra-vinh/so-noi-vu.json]
                                       [--from-checkout] [--importtime]

Builds a wheel of this checkout and installs it in a temporary virtual environment (as a CI job
would install it; ``--from-checkout`` runs the current interpreter's install instead), then runs,
interleaved round by round so that both see the same machine state,

(a) ``dancoso check RECORD --as-of 2026-01-15 --format html --fail-on none`` (load the rule packs,
    validate, evaluate, build the clause-by-clause report, render it), and
(b) ``check-jsonschema --schemafile schemas/activity-record.schema.json RECORD`` (schema validation
    alone),

each as a fresh process, and prints the median wall time and CPU time (user + system, steadier on a
busy machine) of each and their ratios, measured in the same run. The target is a ratio of at most 0.6. Both runs' first call is made before timing (it
warms the file cache, writes bytecode and, for (a), the precompiled rule cache, which every later
run uses; a temporary ``DANCOSO_CACHE_DIR`` keeps it apart from the user's). With ``--importtime``
it also prints the ten slowest top-level imports of (a) (``python -X importtime``), to show where
start-up goes. It also times (c) importing pydantic alone, in the same interpreter: what (a) paid
while the models were pydantic's, and no longer pays (the models are msgspec structs; pydantic is
imported only to validate rule files and records that are not clean). Not a test: it prints,
asserts nothing.

Last measured (3/12/2026, 15 rounds, from a wheel, on the 2-core machine): 249 ms against 581 ms,
ratio 0.43 (CPU time 0.43); importing pydantic alone is 0.42 of (b). The code before the models
became structs, measured just before from its checkout: 336 ms against 438 ms, ratio 0.77 (0.76).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: What the models imported from pydantic when they were pydantic's: (c), what a warm (a) no longer imports.
PYDANTIC_IMPORT = "from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator"


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """The wall time and the CPU time (user + system) of one run of ``command``."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start, _cpu() - cpu


def _importtime(command: list[str], env: dict[str, str]) -> list[tuple[int, str]]:
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=REPO,
        env=env,
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


def _install_wheel(folder: Path) -> Path:
    """Build a wheel of this checkout, install it (with its dependencies) in a new venv; its python."""
    dist = folder / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)], check=True
    )
    wheel = next(dist.glob("dancoso_rules-*.whl"))
    venv.create(folder / "venv", with_pip=True)
    python = folder / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--record", default="examples/tra-vinh/so-noi-vu.json")
    parser.add_argument("--format", default="html")
    parser.add_argument("--from-checkout", action="store_true", help="run this interpreter's install")
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    checker = shutil.which("check-jsonschema") or shutil.which(
        "check-jsonschema", path=str(Path(sys.executable).parent)
    )
    if checker is None:
        sys.exit("check-jsonschema is not installed (pip install -e '.[test]')")
    with tempfile.TemporaryDirectory(prefix="dancoso-bench-") as tmp:
        folder = Path(tmp)
        python = Path(sys.executable) if args.from_checkout else _install_wheel(folder)
        env = {**os.environ, "DANCOSO_CACHE_DIR": str(folder / "cache")}
        ours = [str(python), "-m", "dancoso_rules", "check", args.record, "--as-of", "2026-01-15"]
        ours += ["--format", args.format, "--fail-on", "none"]
        theirs = [checker, "--schemafile", "schemas/activity-record.schema.json", args.record]
        floor = [str(python), "-c", PYDANTIC_IMPORT]
        for command in (ours, theirs, floor):  # warm the file cache, the bytecode and the rule cache
            _timed(command, env)
        check_times, schema_times, floor_times = [], [], []
        for _ in range(args.rounds):
            check_times.append(_timed(ours, env))
            schema_times.append(_timed(theirs, env))
            floor_times.append(_timed(floor, env))
        where = "this interpreter" if args.from_checkout else "a wheel in a temporary venv"
        print(f"{args.rounds} rounds, interleaved, median of a fresh process ({where}):")
        print("                                   wall time    CPU time")
        ratios = []
        for label, times in (
            (f"dancoso check --format {args.format}", check_times),
            ("check-jsonschema", schema_times),
            ("importing pydantic alone", floor_times),
        ):
            wall, cpu = (statistics.median(t[i] for t in times) for i in (0, 1))
            ratios.append((wall, cpu))
            print(f"  {label:<30} {wall * 1000:7.0f} ms  {cpu * 1000:7.0f} ms")
        (check_wall, check_cpu), (schema_wall, schema_cpu), (floor_wall, floor_cpu) = ratios
        print(
            f"  ratio check / validation       {check_wall / schema_wall:7.2f}     {check_cpu / schema_cpu:7.2f}"
            "     (target: at most 0.6)"
        )
        print(
            f"  ratio pydantic / validation    {floor_wall / schema_wall:7.2f}     {floor_cpu / schema_cpu:7.2f}"
        )
        if args.importtime:
            print("slowest top-level imports of dancoso check (cumulative, ms):")
            for micros, name in _importtime(ours, env):
                print(f"  {micros / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
