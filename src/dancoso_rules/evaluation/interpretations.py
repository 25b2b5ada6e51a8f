"""The interpretations an evaluation uses: the rulebook's, with the user's overrides laid over them by id.

An override file has the shape of ``rules/interpretations.yaml`` (YAML or JSON) and is validated
like a rule file: every entry must be a valid interpretation, must name an interpretation the
rulebook has (an unknown id is an error with a suggestion) and must keep its kind (a duration
stays a duration). Overrides made in Python (a mapping by id, or a sequence) are checked the same
way. Every override is echoed in the report, marked ``overridden``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import msgspec

from dancoso_rules.errors import Location, Problem, RuleError
from dancoso_rules.i18n import tr
from dancoso_rules.load.packs import SourceMap, load_interpretation_file
from dancoso_rules.load.suggest import did_you_mean
from dancoso_rules.model import Duration, Frequency, Interpretation, Rulebook, parse_duration

#: An organisation's level and a day, for interpretations whose value depends on them (``None``: the plain value).
At = tuple[str | None, dt.date] | None

#: What ``evaluate(..., interpretations=...)`` accepts.
Overrides = str | Path | Mapping[str, Interpretation] | Sequence[Interpretation] | None


@lru_cache(maxsize=512)
def _duration(value: str) -> Duration:
    return parse_duration(value)


class InterpretationTable(msgspec.Struct, frozen=True):
    """Interpretations by id after overrides, and which ids the user overrode."""

    by_id: Mapping[str, Interpretation]
    overridden: frozenset[str] = msgspec.field(default_factory=frozenset)

    def get(self, interpretation_id: str) -> Interpretation:
        """The interpretation with this id; a :class:`RuleError` when the rulebook lacks it."""
        found = self.by_id.get(interpretation_id)
        if found is None:
            raise RuleError(
                Problem(
                    Location("<rules>"),
                    tr(
                        "interpretation.none",
                        id=interpretation_id,
                        hint=did_you_mean(interpretation_id, self.by_id),
                    ),
                    code="reference",
                )
            )
        return found

    def duration(self, interpretation_id: str, at: At = None) -> Duration:
        """The value of a duration interpretation (for a level and a day, if ``at`` is given)."""
        interpretation = self.get(interpretation_id)
        if interpretation.kind != "duration":
            raise RuleError(
                tr(
                    "lint.interpretation_kind",
                    id=interpretation_id,
                    kind=interpretation.kind,
                    expected="duration",
                )
            )
        if at is None or not interpretation.values:
            return _duration(interpretation.value)
        return _duration(interpretation.value_for(*at)[0])

    def frequency(self, interpretation_id: str, at: At = None) -> Frequency:
        """The value of a frequency interpretation (for a level and a day, if ``at`` is given)."""
        interpretation = self.get(interpretation_id)
        if at is None or not interpretation.values:
            return interpretation.frequency
        if interpretation.kind != "frequency":
            raise TypeError(
                f"interpretation {interpretation_id!r} is a {interpretation.kind}, not a frequency"
            )
        return Frequency(interpretation.value_for(*at)[0])

    def dated(self, ids: Iterable[str]) -> tuple[Interpretation, ...]:
        """Those of ``ids`` whose value changes with the date or the level."""
        return tuple(found for i in ids if (found := self.by_id.get(i)) is not None and found.values)

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
            _is_one(item, where)
            if key != item.id:
                raise RuleError(Problem(where, tr("interpretation.key_differs", key=key, id=item.id)))
            located.append((where, item))
    else:
        located = [(Location("<interpretations>", pointer=f"/{n}/id"), i) for n, i in enumerate(overrides)]
        for where, item in located:
            _is_one(item, where)
    problems = list(_override_problems(base, located))
    problems += _impossible(rulebook, located)
    if problems:
        raise RuleError(problems)
    table = dict(base)
    table.update({item.id: item for _, item in located})
    return InterpretationTable(table, frozenset(item.id for _, item in located))


def _is_one(item: object, where: Location) -> None:
    """Refuse, located, an override that is not an :class:`Interpretation` (a mapping read from JSON, say)."""
    if not isinstance(item, Interpretation):
        raise RuleError(Problem(where, tr("interpretation.not_one", got=type(item).__name__)))


def _override_problems(
    base: Mapping[str, Interpretation], located: Iterable[tuple[Location, Interpretation]]
) -> Iterable[Problem]:
    seen: set[str] = set()
    for where, item in located:
        known = base.get(item.id)
        if item.id in seen:
            yield Problem(where, tr("interpretation.twice", id=item.id), code="duplicate")
        elif known is None:
            yield Problem(
                where,
                tr("interpretation.unknown", id=item.id, hint=did_you_mean(item.id, base)),
                code="reference",
            )
        elif known.kind != item.kind:
            yield Problem(
                where,
                tr("interpretation.other_kind", id=item.id, kind=known.kind, given=item.kind),
                code="kind",
            )
        seen.add(item.id)


def _impossible(rulebook: Rulebook, located: Iterable[tuple[Location, Interpretation]]) -> list[Problem]:
    """Overrides that would make a duty impossible: a zero delay for a duty whose window opens only
    after its period has ended, or before its period begins (a plan): it would fall due before the
    first day on which doing it counts, an inverted window that nobody can meet on time."""
    by_due: dict[str, list[str]] = {}
    for placed in rulebook.obligations():
        schedule = placed.obligation.schedule
        if schedule.kind == "periodic" and schedule.window in ("after_period", "plan") and schedule.due:
            by_due.setdefault(schedule.due, []).append(placed.uid)
    problems = []
    for where, item in located:
        users = by_due.get(item.id)
        if not users or item.kind != "duration":
            continue
        zero = [v for v in (item.value, *(d.value for d in item.values)) if parse_duration(v).is_zero]
        if zero:
            problems.append(
                Problem(
                    where,
                    tr(
                        "interpretation.impossible",
                        id=item.id,
                        value=zero[0],
                        duty=users[0],
                        more=tr("interpretation.more", count=len(users) - 1) if len(users) > 1 else "",
                    ),
                    code="impossible",
                )
            )
    return problems
