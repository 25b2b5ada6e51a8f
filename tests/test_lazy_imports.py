"""The calendar, working-day and DOCX libraries are main dependencies but cost nothing until used:
``import dancoso_rules`` and ``dancoso check`` of a JSON record never import them."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLES

HEAVY = ("icalendar", "holidays", "docx")

PROBE = """
import sys
{body}
print(" ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def _imported_after(body: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body, heavy=HEAVY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.split()


def test_importing_the_library_imports_none_of_them() -> None:
    assert _imported_after("import dancoso_rules; dancoso_rules.evaluate") == []


def test_check_on_json_imports_none_of_them() -> None:
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    body = (
        "import contextlib, io\n"
        "from dancoso_rules.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(record)!r}, '--as-of', '2026-01-15', '--format', 'json'])"
    )
    assert _imported_after(body) == []


def test_the_probe_sees_an_import_when_there_is_one() -> None:
    assert _imported_after("import icalendar") == ["icalendar"]
