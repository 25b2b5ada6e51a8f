"""``evaluate``: a pure function of (record, packs, evaluation date, interpretations) to a :class:`Report`.

The steps, each in its own module: choose the packs (:func:`select_packs`); lay the user's
interpretations over the rulebook's (:mod:`.interpretations`); take the record's frame
(:mod:`.frame`, built by :mod:`.framing`: for each obligation in the instruments' order, whether
it binds (:mod:`.applicability`), its instances (:mod:`.instances`), and the result of each when
the record shows nothing for it); index the record once (:mod:`.index`); then lay the record on its frame
(:mod:`.apply`): match activities to instances (:mod:`.matching`), decide each status
(:mod:`.status`) and explain it (:mod:`.explain`).

The cost is linear in the record's activities (indexed by type once, each looked at once per
obligation of its type) and in the number of periods; nothing is mutated and the same inputs
give the same report.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from dancoso_rules.errors import Location, Problem, UsageError
from dancoso_rules.evaluation.apply import apply_frame
from dancoso_rules.evaluation.assessment import Assessment
from dancoso_rules.evaluation.frame import FrameKey
from dancoso_rules.evaluation.framing import frame_for
from dancoso_rules.evaluation.index import RecordIndex
from dancoso_rules.evaluation.interpretations import Overrides, interpretation_table
from dancoso_rules.evaluation.prepared import prepared
from dancoso_rules.evaluation.result import Report
from dancoso_rules.evaluation.status import Decision
from dancoso_rules.i18n import tr
from dancoso_rules.load.packs import bundled_rulebook
from dancoso_rules.load.suggest import did_you_mean, one_of
from dancoso_rules.model import Rulebook, RulePack
from dancoso_rules.record.bounds import MAX_DATE, MIN_DATE
from dancoso_rules.record.view import OrganisationLike, RecordLike

if TYPE_CHECKING:
    from dancoso_rules.record.validate import RecordInput

#: What ``evaluate(..., packs=...)`` accepts: a loaded rulebook, bundled pack ids, or ``None`` (all bundled).
PackSelection = Rulebook | Sequence[str] | None


def rulebook_for(packs: PackSelection) -> Rulebook:
    """The rulebook to evaluate against: the one given, or the bundled one (loaded once, optionally restricted)."""
    if isinstance(packs, Rulebook):
        return packs
    if isinstance(packs, str):
        return bundled_rulebook((packs,))
    return bundled_rulebook(None if packs is None else tuple(packs))


def select_packs(rulebook: Rulebook, organisation: OrganisationLike) -> tuple[RulePack, ...]:
    """The packs the organisation answers to: those it names in ``packs``, else those of its territory."""
    named = organisation.packs
    if named is not None:
        by_id = rulebook.pack_by_id
        if any(name not in by_id for name in named):
            known = list(by_id)
            raise UsageError(
                [
                    Problem(
                        Location("<record>", pointer=f"/organisation/packs/{n}"),
                        tr(
                            "evaluate.unknown_pack",
                            pack=name,
                            hint=did_you_mean(name, known),
                            known=one_of(known),
                        ),
                        code="reference",
                    )
                    for n, name in enumerate(named)
                    if name not in by_id
                ]
            )
        return tuple([pack for pack in rulebook.packs if pack.id in named])
    chosen = rulebook.packs_by_territory.get(organisation.territory, ())
    if not chosen:
        territories = {p.instrument.territory.province for p in rulebook.packs}
        former = sorted(
            {
                p.instrument.territory.province
                for p in rulebook.packs
                if p.instrument.territory.merged_into == organisation.territory
            }
        )
        hint = (
            tr("evaluate.former_territory", names=tr("word.or").join(repr(f) for f in former))
            if former
            else did_you_mean(organisation.territory, territories)
        )
        raise UsageError(
            Problem(
                Location("<record>", pointer="/organisation/territory"),
                tr(
                    "evaluate.no_territory_pack",
                    territory=organisation.territory,
                    hint=hint,
                    territories=one_of(territories),
                ),
                code="reference",
            )
        )
    return chosen


def _day(as_of: dt.date | None) -> dt.date:
    """The evaluation date: ``as_of`` (a datetime's day), else today. Refuse what is no date, and a day
    outside the days a record may name: deadlines of up to two hundred years are added to it, which near
    the ends of the calendar (years 1 and 9999) cannot be done."""
    if as_of is None:
        return dt.date.today()
    if not isinstance(as_of, dt.date):
        raise UsageError(
            Problem(
                Location("<options>"),
                tr("as_of.not_a_date", got=type(as_of).__name__),
                code="usage",
            )
        )
    day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
    if not MIN_DATE <= day <= MAX_DATE:
        raise UsageError(
            Problem(
                Location("<options>"),
                tr("as_of.out_of_range", first=MIN_DATE, last=MAX_DATE, got=day.isoformat()),
                code="usage",
            )
        )
    return day


def assess(
    record: RecordLike,
    *,
    packs: PackSelection = None,
    as_of: dt.date | None = None,
    interpretations: Overrides = None,
) -> Assessment:
    """Decide the status of every duty of ``record`` as of ``as_of``; :meth:`Assessment.report` writes the report.

    The arguments are those of :func:`evaluate`. ``record`` is a validated
    :class:`~dancoso_rules.record.model.ActivityRecord`, or a record from
    :func:`~dancoso_rules.record.fast.decode_clean`.
    """
    day = _day(as_of)
    rulebook = rulebook_for(packs)
    selected = select_packs(rulebook, record.organisation)
    rules = prepared(rulebook)
    table = (
        rules.default_table if interpretations is None else interpretation_table(rulebook, interpretations)
    )
    frame = frame_for(rules, table, FrameKey.of(record.organisation, record.period, selected, day))
    laid = apply_frame(frame, rules, record, RecordIndex.build(record, day, frame.uses))
    return Assessment(
        record=record,
        as_of=day,
        packs=rules.used_packs(frame.key.packs),
        laid=laid,
        rules=rules,
        table=table,
    )


def evaluate(
    record: RecordInput | RecordLike,
    *,
    packs: PackSelection = None,
    as_of: dt.date | None = None,
    interpretations: Overrides = None,
) -> Report:
    """Evaluate ``record`` as of ``as_of`` (default: today) against its packs; return the report.

    ``record`` is whatever ``load_record`` reads: a path (``str`` or ``Path``: a JSON file or an
    ``.xlsx`` workbook), the record's JSON as ``bytes``, a mapping (what ``json.load`` gives), or an
    already validated ``ActivityRecord`` (or a record from ``decode_clean``). An invalid record
    raises ``RecordError`` with the located messages ``dancoso validate`` prints; an ``as_of``
    outside the days a record may name (1900-01-01 to 2199-12-31), or that is no ``datetime.date``,
    raises ``UsageError`` (a ``datetime`` stands for its day).

    ``packs`` is a ``Rulebook``, bundled pack ids, or ``None`` for the bundled rulebook; the
    record's ``organisation.packs`` (or else its territory) chooses among them. ``interpretations``
    overrides interpretations by id: a YAML/JSON file, a mapping by id, or a sequence.

    Example::

        import datetime
        from dancoso_rules import evaluate

        report = evaluate("examples/tra-vinh/so-noi-vu.json", as_of=datetime.date(2026, 1, 15))
        print(report.counts()["missed"])
    """
    if isinstance(record, str | os.PathLike | bytes | Mapping) or not hasattr(record, "organisation"):
        from dancoso_rules.record.validate import load_record  # only for a record not yet read (or not one)

        record = load_record(cast("RecordInput", record), packs if isinstance(packs, Rulebook) else None)
    return assess(record, packs=packs, as_of=as_of, interpretations=interpretations).report()


__all__ = ["Assessment", "Decision", "PackSelection", "assess", "evaluate", "rulebook_for", "select_packs"]
