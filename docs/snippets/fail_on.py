"""Exit 1 when any report given on the command line has a result whose status is missed or overdue.

Used by the CI recipes until `dancoso check --fail-on` lands:
    python fail_on.py report-*.json
"""

import json
import sys
from pathlib import Path

FAIL_ON = {"missed", "overdue"}

failing = 0
for name in sys.argv[1:]:
    report = json.loads(Path(name).read_text(encoding="utf-8"))
    for result in report["results"]:
        if result["status"] in FAIL_ON:
            failing += 1
            print(f"{name}: {result['citation']} {result['obligation']} {result['status']}")
print(f"{failing} result(s) missed or overdue")
sys.exit(1 if failing else 0)
