"""The test tools the suite runs as programs, found next to the interpreter running the tests.

The ``[test]`` extra installs them into the same environment as pytest, so their scripts are in the
folder of :data:`sys.executable` (a venv's ``bin``). ``PATH`` is never searched: a venv is rarely on
it, and a copy installed by hand elsewhere would hide a missing install step.
"""

from __future__ import annotations

import sys
from pathlib import Path


def tool(name: str) -> str:
    """The path of the program ``name`` installed beside the running interpreter; fails the test when absent."""
    folder = Path(sys.executable).parent  # not resolved: a venv's python is a link to the base interpreter
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    raise AssertionError(
        f"{name} is not installed beside {sys.executable}; it is in the test extra: pip install -e '.[test]'"
    )
