"""The interpretations an evaluation uses: the rulebook's, with the user's overrides laid over them by id.

An override file has the shape of ``rules/interpretations.yaml`` (YAML or JSON) and is validated
like a rule file: every entry must be a valid interpretation, must name an interpretation the
rulebook has (an unknown id is an error with a suggestion) and must keep its kind (a duration
stays a duration). Overrides made in Python (a mapping by id, or a sequence) are checked the same
way. Every override is echoed in the report, marked ``overridden``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dancoso_rules.errors import Location, Problem, RuleError
from dancoso_rules.load.packs import SourceMap, load_interpretation_file
from dancoso_rules.load.suggest import did_you_mean
from dancoso_rules.model import Duration, Frequency, Interpretation, Rulebook, parse_duration

#: What ``evaluate(..., interpretations=...)`` accepts.
Overrides = str | Path | Mapping[str, Interpretation] | Sequence[Interpretation] | None


@lru_cache(maxsize=512)
def _duration(value: str) -> Duration:
    return parse_duration(value)


@dataclass(frozen=True, slots=True)
class InterpretationTable:
    """Interpretations by id after overrides, and which ids the user overrode."""

    by_id: Mapping[str, Interpretation]
    overridden: frozenset[str] = field(default_factory=frozenset)

    def get(self, interpretation_id: str) -> Interpretation:
        """The interpretation with this id; a :class:`RuleError` when the rulebook lacks it."""
        found = self.by_id.get(interpretation_id)
        if found is None:
            raise RuleError(
                Problem(
                    Location("<rules>"),
                    f"no interpretation {interpretation_id!r}{did_you_mean(interpretation_id, self.by_id)}",
                    code="reference",
                )
            )
        return found

    def duration(self, interpretation_id: str) -> Duration:
        """The value of a duration interpretation."""
        interpretation = self.get(interpretation_id)
        if interpretation.kind != "duration":
            raise RuleError(
                f"interpretation {interpretation_id!r} is a {interpretation.kind}; expected a duration"
            )
        return _duration(interpretation.value)

    def frequency(self, interpretation_id: str) -> Frequency:
        """The value of a frequency interpretation."""
        return self.get(interpretation_id).frequency

    def flag(self, interpretation_id: str) -> bool:
        """The value of a flag interpretation (``yes``: ``True``)."""
        return self.get(interpretation_id).flag


def load_overrides(path: str | Path) -> tuple[tuple[Interpretation, ...], SourceMap]:
    """Read an override file (YAML or JSON, the shape of ``interpretations.yaml``), located errors on failure."""
    return load_interpretation_file(Path(path))


def interpretation_table(rulebook: Rulebook, overrides: Overrides = None) -> InterpretationTable:
    """The rulebook's interpretations with ``overrides`` applied; raise :class:`RuleError` on a bad override."""
    base = rulebook.interpretation_by_id
    if overrides is None:
        return InterpretationTable(base)
    if isinstance(overrides, str | Path):
        items, sources = load_overrides(overrides)
        located = [(sources.locate(f"interpretation:{i.id}", "/id"), i) for i in items]
    elif isinstance(overrides, Mapping):
        located = []
        for key, item in overrides.items():
            where = Location("<interpretations>", pointer=f"/{key}")
            if key != item.id:
                raise RuleError(
                    Problem(where, f"the key {key!r} differs from the interpretation's id {item.id!r}")
                )
            located.append((where, item))
    else:
        located = [(Location("<interpretations>", pointer=f"/{n}/id"), i) for n, i in enumerate(overrides)]
    problems = list(_override_problems(base, located))
    if problems:
        raise RuleError(problems)
    table = dict(base)
    table.update({item.id: item for _, item in located})
    return InterpretationTable(table, frozenset(item.id for _, item in located))


def _override_problems(
    base: Mapping[str, Interpretation], located: Iterable[tuple[Location, Interpretation]]
) -> Iterable[Problem]:
    seen: set[str] = set()
    for where, item in located:
        known = base.get(item.id)
        if item.id in seen:
            yield Problem(where, f"interpretation {item.id!r} is overridden twice", code="duplicate")
        elif known is None:
            yield Problem(
                where,
                f"unknown interpretation {item.id!r} (an override must name one the rules have){did_you_mean(item.id, base)}",
                code="reference",
            )
        elif known.kind != item.kind:
            yield Problem(
                where,
                f"interpretation {item.id!r} is a {known.kind}; the override gives a {item.kind}",
                code="kind",
            )
        seen.add(item.id)
