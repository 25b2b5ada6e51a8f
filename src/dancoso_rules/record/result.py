"""What validating one record file found: the record, when it is valid, and every problem, in file order.

Both ways of reading a record make one: :mod:`.validate` (JSON) and :mod:`.workbook` (a workbook or
its CSV sheets); the reporters (:mod:`.reporters`) and the commands read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec
from msgspec.structs import replace

from dancoso_rules.errors import Problem

if TYPE_CHECKING:  # the models (pydantic) are loaded only when a record is not clean
    from dancoso_rules.record.model import ActivityRecord

#: Problem codes that are notes, warnings even with ``--strict``.
NOTES = frozenset({"bom"})


class RecordResult(msgspec.Struct, frozen=True):
    """What validating one record file found: the record (when valid) and every problem, in file order."""

    file: str
    record: ActivityRecord | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def unreadable(self) -> bool:
        """Whether the file could not be read at all (a missing file, no permission): an I/O error."""
        return any(p.code == "io" for p in self.problems)

    def valid(self, *, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        return not (self.problems if strict else self.errors)

    def strictly(self) -> RecordResult:
        """The same result with every warning turned into an error (``--strict``), except the notes
        about the file's form that never make a record wrong (a UTF-8 byte-order mark)."""
        return replace(
            self,
            problems=tuple(p if p.code in NOTES else replace(p, severity="error") for p in self.problems),
        )
