"""Which record files a list of command-line paths names: files, folders, glob patterns, ``-`` for stdin."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import os_reason, tr

#: The path that stands for standard input.
STDIN = "-"
#: The suffixes of JSON Lines files (one record per line).
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: The suffix of a record file that a folder holds.
JSON_SUFFIXES = (".json",)
_GLOB_CHARACTERS = frozenset("*?[")


def find_records(arguments: Iterable[str]) -> tuple[list[Path | str], list[Problem]]:
    """The record files named by ``arguments``, each once, in order; and a problem for each that names none.

    A folder means every ``*.json`` below it (hidden folders skipped); a pattern with ``*``, ``?`` or
    ``[`` that is not an existing path is expanded (``**`` crosses folders); ``-`` is standard input; an
    empty argument is a problem, never the current folder.
    A folder below that cannot be read, or a ``*.json`` name that is no regular file (a broken link, a
    pipe), is a problem too: a run never leaves out silently what it was asked to check.
    """
    return _found(arguments, JSON_SUFFIXES)


def _found(arguments: Iterable[str], suffixes: tuple[str, ...]) -> tuple[list[Path | str], list[Problem]]:
    found: dict[str, Path | str] = {}
    problems: list[Problem] = []
    for argument in arguments:
        matches, unreadable = _expand(argument, suffixes)
        problems += unreadable
        if not matches and not unreadable:
            problems.append(Problem(Location(argument), _nothing_message(argument), code="io"))
        for match in matches:
            key = match if isinstance(match, str) else str(match.resolve())
            found.setdefault(key, match)
    return list(found.values()), problems


def _expand(argument: str, suffixes: tuple[str, ...]) -> tuple[list[Path | str], list[Problem]]:
    if argument == STDIN:
        return [STDIN], []
    if not argument:  # "$RECORDS" left unset: Path("") is the current folder, which nobody asked to check
        return [], [Problem(Location('""'), tr("record.empty_path"), code="io")]
    path = Path(argument)
    if path.is_dir():
        return _walk(path, suffixes)
    if path.exists() or not _GLOB_CHARACTERS & set(argument):
        return [path], []  # a missing file is reported when it is read, as an I/O error
    # glob.glob, not Path.glob: the pattern may be absolute or start with "..".
    matches = [Path(p) for p in glob.glob(argument, recursive=True)]  # noqa: PTH207
    return sorted(p for p in matches if p.is_file()), [
        _not_a_file(p) for p in sorted(matches) if not p.is_file() and not p.is_dir()
    ]


def _walk(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path | str], list[Problem]]:
    """The regular files below ``folder`` whose names end in one of ``suffixes`` (hidden folders and
    files skipped, links followed once), and a problem for each folder below that cannot be read and
    each such name that is no regular file."""
    files: list[Path | str] = []
    problems: list[Problem] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = error.filename if isinstance(error.filename, str) else str(folder)
        problems.append(
            Problem(Location(where), tr("record.cannot_read", reason=os_reason(error)), code="io")
        )

    for top, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(top)
        try:
            info = here.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in visited:  # a link back to a folder already walked
            dirs.clear()
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = here / name
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            if path.is_file():
                files.append(path)
            else:
                problems.append(_not_a_file(path))
    return sorted(files, key=str), sorted(problems, key=lambda p: p.location.file)


def _not_a_file(path: Path) -> Problem:
    return Problem(Location(str(path)), tr("record.not_a_file"), code="io")


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
    paths, problems = _found(arguments, (*JSON_SUFFIXES, *JSONL_SUFFIXES))
    return [p for p in paths if isinstance(p, Path)], problems
