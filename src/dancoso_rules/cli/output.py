"""Writing command output: to stdout, or atomically to a file that is never one of the inputs.

:func:`write_output` writes a whole document, :func:`write_chunks` a stream of text as it comes (the
overview of many records); both go through :func:`atomic_file`, the one place that refuses to write
over an input and writes to a temporary file renamed over the target once complete.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from dancoso_rules.errors import Location, Problem, UsageError


@contextmanager
def atomic_file(output: Path, *, inputs: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """A binary file to write ``output`` through: a temporary file beside it, renamed over it when the
    block ends without error, removed otherwise. Refuses to write over any of ``inputs``."""
    target = output.resolve()
    for path in inputs:
        if path.exists() and path.resolve() == target:
            raise UsageError(
                Problem(Location(str(output)), "refusing to write the report over an input file")
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
    with atomic_file(output, inputs=inputs) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)


def write_chunks(
    chunks: Iterable[str] | Iterable[bytes], output: Path | None, *, inputs: Iterable[Path] = ()
) -> None:
    """Print ``chunks`` as they come, or write them to ``output`` atomically, in UTF-8 (text) or as they
    are (bytes: a workbook), never held whole.

    Refuses to write over any of ``inputs``.
    """
    if output is None or str(output) == "-":
        for chunk in chunks:
            if isinstance(chunk, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(chunk)
            else:
                sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    with atomic_file(output, inputs=inputs) as handle:
        for chunk in chunks:
            handle.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
