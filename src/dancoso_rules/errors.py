"""One error family with one shape of location, for rule files, records and options alike.

A user error is always one of these, carries where it happened (file, line, column, JSON Pointer)
and what was expected, and is printed as one line; it never reaches the user as a traceback.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from dancoso_rules.i18n import thousands, tr
from dancoso_rules.text import visible

Severity = Literal["error", "warning"]


class Location(msgspec.Struct, frozen=True):
    """Where a problem is: a file, a 1-based line and column, and a JSON Pointer into the document;
    or, in a spreadsheet, a ``Sheet!Cell``."""

    file: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        if self.cell is not None:
            return f"{self.file} {self.cell}"
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.pointer is not None:
            return f"{where} {self.pointer or '/'}"
        return where


class Problem(msgspec.Struct, frozen=True):
    """One finding about an input: where, what is wrong and what was expected."""

    location: Location
    message: str
    severity: Severity = "error"
    code: str = "invalid"

    def __str__(self) -> str:
        # One line, whatever a record's keys, values or a file's name hold: control characters are
        # written out (``\x1b``, ``\x0a``), so a message never drives a terminal or a CI runner.
        prefix = "" if self.severity == "error" else tr("problem.warning")
        return visible(f"{self.location}: {prefix}{self.message}")


class DancosoError(Exception):
    """Base class of every error this library raises about its inputs."""

    exit_code: int = 2

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Location("<input>"), problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class RuleError(DancosoError):
    """A rule pack, vocabulary or interpretation file is invalid."""


class RecordError(DancosoError):
    """An activity record is invalid."""


class UsageError(DancosoError):
    """The caller asked for something that cannot be done (an unknown pack, a bad option)."""


#: The most problems reported for one file: the first ones in file order, then one line with how
#: many more there are. A file with thousands of problems is usually one mistake repeated (an
#: export with a misnamed column), and the first hundred show it.
MAX_PROBLEMS_PER_FILE = 100


def capped(problems: list[Problem] | tuple[Problem, ...], file: str) -> tuple[Problem, ...]:
    """``problems`` (already in file order) cut to :data:`MAX_PROBLEMS_PER_FILE`, with a last problem
    saying how many more were found (an error when one of those is, else a warning)."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE:
        return tuple(problems)
    shown, rest = problems[:MAX_PROBLEMS_PER_FILE], problems[MAX_PROBLEMS_PER_FILE:]
    severity: Severity = "error" if any(p.severity == "error" for p in rest) else "warning"
    more = Problem(
        Location(file),
        tr("problems.more", count=thousands(len(rest)), limit=MAX_PROBLEMS_PER_FILE),
        severity,
        "too-many-problems",
    )
    return (*shown, more)


class ProblemList(msgspec.Struct):
    """An accumulator of problems, so that one run reports every problem of every file."""

    items: list[Problem] = msgspec.field(default_factory=list)

    def add(
        self, location: Location, message: str, *, severity: Severity = "error", code: str = "invalid"
    ) -> None:
        self.items.append(Problem(location, message, severity, code))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]
