"""Writing command output: to stdout, or atomically to a file that is never one of the inputs."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dancoso_rules.errors import Location, Problem, UsageError


def write_output(content: str | bytes, output: Path | None, *, inputs: Iterable[Path] = ()) -> None:
    """Print ``content``, or write it to ``output`` atomically (a temporary file, then a rename).

    Refuses to write over any of ``inputs``.
    """
    if output is None or str(output) == "-":
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
            sys.stdout.flush()
        return
    target = output.resolve()
    for path in inputs:
        if path.exists() and path.resolve() == target:
            raise UsageError(
                Problem(Location(str(output)), "refusing to write the report over an input file")
            )
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
