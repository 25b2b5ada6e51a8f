"""Cross-checks of a loaded rulebook: every reference resolves, every quote is the law's own words.

Each check returns located problems; :func:`check_rulebook` runs them all. They run on every load,
so a rulebook that loads is one that passed them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from dancoso_rules.errors import Location, Problem
from dancoso_rules.i18n import tr
from dancoso_rules.load.coverage import pack_coverage
from dancoso_rules.load.source import citation_for
from dancoso_rules.load.sourcemap import SourceMap
from dancoso_rules.load.suggest import did_you_mean
from dancoso_rules.load.wording import force_word_problem, time_word_problem
from dancoso_rules.model import Interpretation, Obligation, Rulebook, RulePack
from dancoso_rules.text import fold, is_verbatim_part

_DURATION_FIELDS = ("due", "close", "respond_within")


def check_rulebook(rulebook: Rulebook, sources: SourceMap) -> list[Problem]:
    """Every problem of the rulebook that the models alone cannot see."""
    problems = list(_check_vocabulary(rulebook, sources))
    problems.extend(_check_unique_interpretations(rulebook, sources))
    for pack in rulebook.packs:
        problems.extend(_check_pack(rulebook, pack, sources))
    return problems


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [item for item, count in Counter(ids).items() if count > 1]


def _check_vocabulary(rulebook: Rulebook, sources: SourceMap) -> Iterator[Problem]:
    vocabulary = rulebook.vocabulary
    file = next((name for name in sources.documents if name.endswith("vocabulary.yaml")), "vocabulary.yaml")
    document = sources.documents.get(file)
    for section in ("activity_types", "bearers", "event_types", "evidence_kinds"):
        entries = getattr(vocabulary, section)
        for duplicate in _duplicates(e.id for e in entries):
            index = [e.id for e in entries].index(duplicate)
            where = document.locate(f"/{section}/{index}/id") if document else sources.locate("", "")
            yield Problem(
                where, tr("lint.duplicate_vocabulary_id", section=tr(f"section.{section}"), id=duplicate)
            )
    bearer_ids = set(vocabulary.bearer_by_id)
    for index, bearer in enumerate(vocabulary.bearers):
        for attribute in ("is_a", "part_of"):
            for target in getattr(bearer, attribute):
                if target not in bearer_ids:
                    where = (
                        document.locate(f"/bearers/{index}/{attribute}") if document else sources.locate("")
                    )
                    hint = did_you_mean(target, bearer_ids)
                    yield Problem(
                        where, tr("lint.unknown_bearer_in", bearer=target, attribute=attribute, hint=hint)
                    )
        if bearer.successor is not None:
            found = rulebook.interpretation_by_id.get(bearer.successor)
            if found is None or found.kind != "flag":
                where = document.locate(f"/bearers/{index}/successor") if document else sources.locate("")
                known = rulebook.interpretation_by_id
                what = (
                    tr("lint.no_such_interpretation")
                    if found is None
                    else tr("lint.it_is_a", kind=found.kind)
                )
                hint = did_you_mean(bearer.successor, known) if found is None else ""
                yield Problem(where, tr("lint.successor", id=bearer.successor, what=what, hint=hint))


def _check_unique_interpretations(rulebook: Rulebook, sources: SourceMap) -> Iterator[Problem]:
    all_ids = [i.id for i in rulebook.interpretations] + [
        i.id for p in rulebook.packs for i in p.interpretations
    ]
    for duplicate in _duplicates(all_ids):
        yield Problem(
            sources.locate(f"interpretation:{duplicate}", "/id"),
            tr("lint.duplicate_interpretation", id=duplicate),
        )


def _check_pack(rulebook: Rulebook, pack: RulePack, sources: SourceMap) -> Iterator[Problem]:
    vocabulary = rulebook.vocabulary
    interpretations = rulebook.interpretation_by_id
    pack_key = f"pack:{pack.id}"
    folded_source = fold(pack.source_text)
    instrument = pack.instrument
    for index, basis in enumerate(instrument.legal_bases):
        if fold(basis.quote) not in folded_source:
            yield Problem(
                sources.locate(pack_key, f"/legal_bases/{index}/quote"),
                tr("lint.legal_basis"),
            )
    for index, erratum in enumerate(instrument.errata):
        if fold(erratum.reads) not in folded_source:
            yield Problem(
                sources.locate(pack_key, f"/errata/{index}/reads"),
                tr("lint.erratum"),
            )
    for duplicate in _duplicates(p.id for p in pack.provisions):
        yield Problem(
            sources.locate(f"provision:{pack.id}/{duplicate}", "/id"),
            tr("lint.duplicate_provision", id=duplicate),
        )
    for provision in pack.provisions:
        key = f"provision:{pack.id}/{provision.id}"
        expected = citation_for(provision.id)
        if provision.citation != expected:
            yield Problem(
                sources.locate(key, "/citation"),
                tr(
                    "lint.malformed_citation",
                    citation=provision.citation,
                    provision=provision.id,
                    expected=expected,
                ),
            )
        for attribute in ("heading", "text"):
            words = getattr(provision, attribute)
            if words is not None and fold(words) not in folded_source:
                yield Problem(
                    sources.locate(key, f"/{attribute}"),
                    tr(f"lint.{attribute}_not_verbatim"),
                )
        for reference in provision.refers_to:
            related = instrument.implements
            if related is None or reference.instrument != related.id:
                yield Problem(
                    sources.locate(key, "/refers_to"),
                    tr("lint.unknown_instrument", instrument=reference.instrument),
                )
        for duplicate in _duplicates(o.id for o in provision.obligations):
            yield Problem(
                sources.locate(f"{key}/{duplicate}", "/id"),
                tr("lint.duplicate_obligation", id=duplicate, provision=provision.id),
            )
        for obligation in provision.obligations:
            where = f"{key}/{obligation.id}"
            if not any(
                is_verbatim_part(obligation.quote, words)
                for words in (provision.heading, provision.text)
                if words
            ):
                yield Problem(
                    sources.locate(where, "/quote"),
                    tr("lint.quote_not_verbatim", citation=provision.citation),
                    code="quote",
                )
            if obligation.activity not in vocabulary.activity_type_ids:
                yield Problem(
                    sources.locate(where, "/activity"),
                    tr("word.unknown.activity_type", word=obligation.activity)
                    + did_you_mean(obligation.activity, vocabulary.activity_type_ids),
                    code="reference",
                )
            for index, bearer in enumerate(obligation.bearers):
                if bearer not in vocabulary.bearer_by_id:
                    yield Problem(
                        sources.locate(where, f"/bearers/{index}"),
                        tr(
                            "lint.unknown_bearer",
                            bearer=bearer,
                            hint=did_you_mean(bearer, vocabulary.bearer_by_id),
                        ),
                        code="reference",
                    )
            if obligation.modality.value == "reference" and any(
                b in vocabulary.bearer_by_id and vocabulary.bearer_by_id[b].answerable
                for b in obligation.bearers
            ):
                yield Problem(
                    sources.locate(where, "/modality"),
                    tr("lint.reference_modality"),
                )
            for index, kind in enumerate(obligation.evidence):
                if kind not in vocabulary.evidence_kind_ids:
                    yield Problem(
                        sources.locate(where, f"/evidence/{index}"),
                        tr("word.unknown.evidence_kind", word=kind)
                        + did_you_mean(kind, vocabulary.evidence_kind_ids),
                        code="reference",
                    )
            schedule = obligation.schedule
            if schedule.kind == "triggered":
                for index, event in enumerate(schedule.events):
                    if event not in vocabulary.event_type_ids:
                        yield Problem(
                            sources.locate(where, f"/schedule/events/{index}"),
                            tr("word.unknown.event_type", word=event)
                            + did_you_mean(event, vocabulary.event_type_ids),
                            code="reference",
                        )
            yield from _check_interpretation_refs(obligation, interpretations, sources, where)
            for message in (time_word_problem(obligation), force_word_problem(obligation)):
                if message:
                    yield Problem(sources.locate(where, "/quote"), message, code="wording")
    coverage = pack_coverage(pack)
    source_file = str(Path(sources.locate(pack_key).file).parent / instrument.source.file)
    for gap in coverage.gaps:
        if gap.unit in pack.provision_by_id:
            yield Problem(
                sources.locate(f"provision:{pack.id}/{gap.unit}", "/text"),
                f"{gap.citation}: {gap.message}",
                code="coverage",
            )
        else:
            excerpt = gap.text if len(gap.text) <= 60 else gap.text[:57] + "..."
            yield Problem(
                Location(source_file, gap.line, 1),
                tr("lint.not_covered", citation=gap.citation, unit=gap.unit, excerpt=excerpt),
                code="coverage",
            )
    for extra in coverage.extra:
        yield Problem(
            sources.locate(f"provision:{pack.id}/{extra}", "/id"),
            tr("lint.not_in_source", id=extra),
            code="coverage",
        )
    for provision_id in coverage.out_of_order:
        yield Problem(
            sources.locate(f"provision:{pack.id}/{provision_id}", "/id"),
            tr("lint.out_of_order", id=provision_id),
            code="coverage",
        )


def _check_interpretation_refs(
    obligation: Obligation, interpretations: dict[str, Interpretation], sources: SourceMap, where: str
) -> Iterator[Problem]:
    schedule = obligation.schedule
    named: list[tuple[str, str, str]] = []  # (pointer, id, expected kind)
    for attribute in _DURATION_FIELDS:
        value = getattr(schedule, attribute, None)
        if isinstance(value, str):
            named.append((f"/schedule/{attribute}", value, "duration"))
    if schedule.kind == "regular":
        named.append(("/schedule/frequency", schedule.frequency, "frequency"))
    elif schedule.kind == "periodic" and schedule.interpreted:
        named.append(("/schedule/frequency", schedule.interpreted, "frequency"))
    named.extend((f"/interpretations/{i}", ref, "") for i, ref in enumerate(obligation.interpretations))
    for pointer, ref, kind in named:
        found = interpretations.get(ref)
        if found is None:
            yield Problem(
                sources.locate(where, pointer),
                tr("lint.dangling", id=ref, hint=did_you_mean(ref, interpretations)),
                code="reference",
            )
        elif kind and found.kind != kind:
            yield Problem(
                sources.locate(where, pointer),
                tr("lint.interpretation_kind", id=ref, kind=found.kind, expected=kind),
            )
