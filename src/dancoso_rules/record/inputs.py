"""Which record files a list of command-line paths names: files, folders, glob patterns, ``-`` for stdin."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import tr

#: The path that stands for standard input.
STDIN = "-"
#: The suffixes of JSON Lines files (one record per line).
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_GLOB_CHARACTERS = frozenset("*?[")


def find_records(arguments: Iterable[str]) -> tuple[list[Path | str], list[Problem]]:
    """The record files named by ``arguments``, each once, in order; and a problem for each that names none.

    A folder means every ``*.json`` below it (hidden folders skipped); a pattern with ``*``, ``?`` or
    ``[`` that is not an existing path is expanded (``**`` crosses folders); ``-`` is standard input.
    """
    found: dict[str, Path | str] = {}
    problems: list[Problem] = []
    for argument in arguments:
        matches = _expand(argument)
        if not matches:
            problems.append(Problem(Location(argument), _nothing_message(argument), code="io"))
        for match in matches:
            key = match if isinstance(match, str) else str(match.resolve())
            found.setdefault(key, match)
    return list(found.values()), problems


def _expand(argument: str) -> list[Path | str]:
    if argument == STDIN:
        return [STDIN]
    path = Path(argument)
    if path.is_dir():
        return sorted(p for p in path.rglob("*.json") if p.is_file() and not _hidden(p.relative_to(path)))
    if path.exists() or not _GLOB_CHARACTERS & set(argument):
        return [path]  # a missing file is reported when it is read, as an I/O error
    # glob.glob, not Path.glob: the pattern may be absolute or start with "..".
    matches = glob.glob(argument, recursive=True)  # noqa: PTH207
    return sorted(Path(p) for p in matches if Path(p).is_file())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _nothing_message(argument: str) -> str:
    if Path(argument).is_dir():
        return tr("record.no_json_in_folder")
    return tr("record.no_match")


def is_jsonl(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines file (one record per line)."""
    return path.suffix.lower() in JSONL_SUFFIXES


def find_record_files(arguments: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    """The record files (``*.json``) and JSON Lines files the arguments name, and a problem for each naming none.

    As :func:`find_records` (``-`` left out), and a folder also holds its ``*.jsonl`` and ``*.ndjson`` files.
    """
    arguments = list(arguments)
    paths, problems = find_records(arguments)
    found: list[Path] = [p for p in paths if isinstance(p, Path)]
    for argument in arguments:
        folder = Path(argument)
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.is_file() and is_jsonl(p))
    if problems:  # a folder with only JSON Lines files is not empty
        problems = [p for p in problems if not any(s.is_relative_to(Path(p.location.file)) for s in found)]
    return list(dict.fromkeys(found)), problems
