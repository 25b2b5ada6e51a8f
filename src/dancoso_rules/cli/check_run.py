"""What one ``dancoso check`` run checks every record with: shared by one record and many.

:class:`Recipe` is what the command line chose (the rules folder, the override file, the format
and how to render it), small enough to send to a worker process, which makes its own
:class:`CheckRun` from it with :func:`open_run` (the rulebook read from the rule cache once per
process). :func:`usable_cores` is the default of ``--jobs``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from dancoso_rules.model import Interpretation, Rulebook
    from dancoso_rules.report.batch import RecordSource
    from dancoso_rules.report.renderers import Renderer, RenderOptions


class Recipe(msgspec.Struct, frozen=True):
    """What a run's checks depend on, as the command line gave it."""

    rules: Path | None
    interpretations: Path | None
    format: str
    options: RenderOptions


class CheckRun(msgspec.Struct, frozen=True):
    """What every record of one run is checked with and rendered by."""

    rulebook: Rulebook
    renderer: Renderer
    options: RenderOptions
    overrides: tuple[Interpretation, ...] | None
    #: The statuses that make the run exit 1 (``--fail-on``); the reports count ``options.fail_on``.
    fail_on: frozenset[str]
    #: The records read from standard input (``-``): one record, or the lines of JSON Lines.
    stdin: tuple[RecordSource, ...] = ()
    #: What the run was made from, for worker processes to make theirs (``None``: no workers).
    recipe: Recipe | None = None
    #: How many processes check many records (``--jobs``; 1: this one alone).
    jobs: int = 1


def open_run(
    recipe: Recipe, fail_on: frozenset[str], stdin: tuple[RecordSource, ...] = (), jobs: int = 1
) -> CheckRun:
    """The run ``recipe`` describes: the rulebook, the overrides (their located errors, once for every
    record), the renderer."""
    from dancoso_rules.load import load_rulebook
    from dancoso_rules.report.renderers import get_renderer

    rulebook = load_rulebook(recipe.rules)
    overrides = None
    if recipe.interpretations is not None:
        from dancoso_rules.evaluation.interpretations import interpretation_table, load_overrides

        interpretation_table(rulebook, recipe.interpretations)
        overrides = load_overrides(recipe.interpretations)[0]
    renderer = get_renderer(recipe.format)
    return CheckRun(rulebook, renderer, recipe.options, overrides, fail_on, stdin, recipe, jobs)


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the system tells it)."""
    if sys.version_info >= (3, 13):
        return os.process_cpu_count() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1
