"""Documents whose values are located: a JSON Pointer for each value, and its line and column.

Shared by the YAML rule files and the JSON records, and free of any parser, so that a command that
needs neither (a cached rulebook, say) does not import one.
"""

from __future__ import annotations

from typing import Any

import msgspec

from dancoso_rules.errors import Location


def pointer_escape(part: str | int) -> str:
    """Escape one JSON Pointer reference token (RFC 6901)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def join_pointer(base: str, part: str | int) -> str:
    """``base`` + ``/`` + escaped ``part``."""
    return f"{base}/{pointer_escape(part)}"


class LocatedDocument(msgspec.Struct, frozen=True):
    """A parsed document and the 1-based (line, column) of every value, by JSON Pointer."""

    file: str
    data: Any
    positions: dict[str, tuple[int, int]]

    def locate(self, pointer: str) -> Location:
        """The location of ``pointer``, or of its nearest located ancestor."""
        probe = pointer
        while probe not in self.positions and probe:
            probe = probe.rsplit("/", 1)[0]
        line, column = self.positions.get(probe, (1, 1))
        return Location(self.file, line, column, pointer)
