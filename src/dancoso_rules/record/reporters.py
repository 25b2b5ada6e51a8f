"""How validation results are written out: one-line text, JSON, or GitHub Actions annotations.

Each reporter turns a sequence of :class:`~dancoso_rules.record.result.RecordResult` into text; it
is picked by name from :data:`REPORTER_BY_NAME`. The same results always give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from dancoso_rules.errors import Problem
from dancoso_rules.record.result import RecordResult
from dancoso_rules.text import json_visible, visible

Reporter = Callable[[Sequence[RecordResult]], str]


def text_report(results: Sequence[RecordResult]) -> str:
    """One line per problem, ``file:line:col /pointer: message``, as compilers and linters print them."""
    return "".join(f"{problem}\n" for result in results for problem in result.problems)


def json_report(results: Sequence[RecordResult]) -> str:
    """A JSON document: per file, whether it is valid and its problems with their locations."""
    files = [
        {"file": r.file, "valid": r.valid(), "problems": [_problem_json(p) for p in r.problems]}
        for r in results
    ]
    document = {"valid": all(r.valid() for r in results), "files": files}
    return json_visible(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)) + "\n"


def _problem_json(problem: Problem) -> dict[str, Any]:
    where = problem.location
    found: dict[str, Any] = {
        "file": where.file,
        "line": where.line,
        "column": where.column,
        "pointer": where.pointer,
        "severity": problem.severity,
        "code": problem.code,
        "message": problem.message,
    }
    if where.cell is not None:  # a spreadsheet's Sheet!Cell
        found["cell"] = where.cell
    return found


def github_report(results: Sequence[RecordResult]) -> str:
    """GitHub Actions workflow commands, so each problem is annotated on its line in the pull request."""
    lines = []
    for result in results:
        for problem in result.problems:
            where = problem.location
            properties = [f"file={_escape_property(where.file)}"]
            if where.line is not None:
                properties.append(f"line={where.line}")
            if where.column is not None:
                properties.append(f"col={where.column}")
            properties.append("title=dancoso validate")
            pointer = f"{where.pointer or '/'}: " if where.pointer is not None else ""
            if where.cell is not None:
                pointer = f"{where.cell}: "
            lines.append(
                f"::{problem.severity} {','.join(properties)}::{_escape_data(pointer + problem.message)}\n"
            )
    return "".join(lines)


def _escape_data(value: str) -> str:
    # As the Actions runner's toolkit escapes a command's message (@actions/core, command.ts), after
    # every other control character is written out (it would reach the job's log as it is).
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(value)


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


#: ``--format`` name → reporter.
REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
