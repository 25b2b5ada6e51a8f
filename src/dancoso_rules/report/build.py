"""Building the clause-by-clause report from an evaluation report and the rulebook it was made with.

The rulebook supplies the instruments' structure and words (provisions in source order, their
verbatim text and content hashes, the obligations' summaries and quotes); the evaluation supplies
the results. Provisions nest by their ids: ``art_2`` holds ``art_2__cl_3``, which holds
``art_2__cl_3__pt_d``, which holds ``art_2__cl_3__pt_d__ind_1``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence

import msgspec

from dancoso_rules.errors import Location
from dancoso_rules.evaluation.construct import labels
from dancoso_rules.evaluation.result import DutyResult, Report, UsedInterpretation
from dancoso_rules.model.common import Labels
from dancoso_rules.model.interpretation import DatedValue
from dancoso_rules.model.obligation import Obligation
from dancoso_rules.model.pack import Rulebook, RulePack, obligation_uid
from dancoso_rules.model.provision import Provision
from dancoso_rules.model.schedule import Frequency, Schedule
from dancoso_rules.record.fast import Period
from dancoso_rules.record.view import RecordLike
from dancoso_rules.report.model import (
    STATUSES,
    ComplianceReport,
    InstrumentSection,
    InterpretationInfo,
    ObligationEntry,
    PackInfo,
    ProvisionLevel,
    ProvisionSection,
    RecordSource,
    SourcePosition,
    StatusCounts,
    is_enforceable,
    rank_todo,
    target_pointer,
)

#: Finds where a JSON Pointer is in the record file (e.g. :meth:`JsonDocument.locate`).
Locator = Callable[[str], Location]

_LEVELS: dict[str, ProvisionLevel] = {"art": "article", "cl": "clause", "pt": "point", "ind": "indent"}

# The report is built from a validated rulebook and the evaluator's results: structs, made without
# validating them again (see evaluation.construct).


def build_report(
    report: Report,
    rulebook: Rulebook,
    *,
    record_file: str | None = None,
    locate: Locator | None = None,
    record: RecordLike | None = None,
    record_uri: str | None = None,
) -> ComplianceReport:
    """The clause-by-clause report of ``report``, evaluated against ``rulebook``'s packs.

    ``record_file`` names the record in the report (``record_uri`` as a URI reference, when it was read
    from a path: :func:`~dancoso_rules.paths.uri_reference`); with ``locate`` the line and column of every
    JSON Pointer the results point at are looked up (for SARIF), otherwise none are; with
    ``record`` the titles of the items used as evidence are kept, for people to read.
    """
    evaluated = _Evaluated(report)
    instruments = tuple(
        _instrument(rulebook, rulebook.pack_by_id[pack.id], evaluated)
        for pack in report.packs
        if pack.id in rulebook.pack_by_id
    )
    return ComplianceReport(
        organisation=report.organisation,
        period=report.period,
        as_of=report.as_of,
        record=_source(report.results, record_file, locate, record, record_uri),
        packs=tuple(
            _pack_info(rulebook.pack_by_id[u.id], u.source_sha256)
            for u in report.packs
            if u.id in rulebook.pack_by_id
        ),
        interpretations=tuple(
            InterpretationInfo(
                **msgspec.structs.asdict(used),
                title=getattr(rulebook.interpretation_by_id.get(used.id), "title", None),
            )
            for used in report.interpretations
        ),
        totals=StatusCounts.of(r.status.value for r in report.results),
        soft=StatusCounts.of(r.status.value for r in report.results if not is_enforceable(r.modality)),
        instruments=instruments,
        results=rank_todo(report.results, report.as_of),
    )


def _pack_info(pack: RulePack, source_sha256: str) -> PackInfo:
    instrument = pack.instrument
    return PackInfo(
        id=pack.id,
        version=instrument.version,
        kind=instrument.kind,
        title=instrument.title,
        issuer=instrument.issuer,
        number=instrument.number,
        adopted=instrument.adopted,
        effective=instrument.effective,
        territory=instrument.territory.name,
        source_sha256=source_sha256,
    )


_STATUS_INDEX = {status: n for n, status in enumerate(STATUSES)}


_COUNTS: dict[tuple[int, ...], StatusCounts] = {}


def counts_of(values: Iterable[int]) -> StatusCounts:
    """The :class:`~dancoso_rules.report.model.StatusCounts` of counts in ``STATUSES`` order. Frozen values
    are shared: a few hundred distinct counts serve every node of every report and every overview row."""
    key = tuple(values)
    found = _COUNTS.get(key)
    if found is None:
        found = StatusCounts(**dict(zip(STATUSES, key, strict=True)))
        if len(_COUNTS) < 65_536:
            _COUNTS[key] = found
    return found


def _sum(parts: Sequence[list[int]]) -> list[int]:
    return [sum(column) for column in zip(*parts, strict=True)] if parts else [0] * len(STATUSES)


class _Node(msgspec.Struct):
    """A provision being assembled; frozen into a :class:`ProvisionSection` once its children are known.

    Totals are counted in plain lists and turned into shared :class:`StatusCounts` once per node.
    """

    provision: Provision
    obligations: tuple[ObligationEntry, ...]
    counts: list[list[int]]
    children: list[_Node] = msgspec.field(default_factory=list)

    def freeze(self) -> tuple[ProvisionSection, list[int]]:
        frozen = [child.freeze() for child in self.children]
        totals = _sum([*self.counts, *(counts for _, counts in frozen)])
        provision = self.provision
        section = ProvisionSection(
            id=provision.id,
            citation=provision.citation,
            level=_level(provision.id),
            heading=provision.heading,
            text=provision.text,
            content_hash=provision.content_hash,
            non_operative=provision.non_operative.note if provision.non_operative else None,
            obligations=self.obligations,
            children=tuple(child for child, _ in frozen),
            totals=counts_of(totals),
        )
        return section, totals


class _Evaluated:
    """What the report is built from, looked up once: the results, the indices of each obligation's
    results, the interpretations the evaluation used by id, and the record's period. (A plain class:
    it is made by its ``__init__``, from the report.)"""

    __slots__ = ("by_obligation", "period", "results", "used")

    def __init__(self, report: Report) -> None:
        by_obligation: defaultdict[str, list[int]] = defaultdict(list)
        for index, result in enumerate(report.results):
            by_obligation[result.obligation].append(index)
        self.results: Sequence[DutyResult] = report.results
        self.by_obligation: Mapping[str, list[int]] = by_obligation
        self.used: Mapping[str, UsedInterpretation] = {item.id: item for item in report.interpretations}
        self.period: Period = report.period


def _instrument(rulebook: Rulebook, pack: RulePack, evaluated: _Evaluated) -> InstrumentSection:
    roots: list[_Node] = []
    by_id: dict[str, _Node] = {}
    for provision in pack.provisions:
        entries, counts = _obligations(rulebook, pack, provision, evaluated)
        node = _Node(provision, entries, counts)
        by_id[provision.id] = node
        above = parent_id(provision.id, by_id)
        (by_id[above].children if above is not None else roots).append(node)
    frozen = [node.freeze() for node in roots]
    return InstrumentSection(
        pack=pack.id,
        provisions=tuple(section for section, _ in frozen),
        totals=counts_of(_sum([counts for _, counts in frozen])),
    )


def parent_id(provision_id: str, seen: Container[str]) -> str | None:
    """The provision a provision nests in, among those ``seen`` before it (``None`` for a Điều)."""
    if "__" not in provision_id:
        return None
    above = provision_id.rpartition("__")[0]
    return above if above in seen else None


def _obligations(
    rulebook: Rulebook, pack: RulePack, provision: Provision, evaluated: _Evaluated
) -> tuple[tuple[ObligationEntry, ...], list[list[int]]]:
    results = evaluated.results
    entries: list[ObligationEntry] = []
    all_counts: list[list[int]] = []
    for obligation in provision.obligations:
        uid = obligation_uid(pack.id, provision.id, obligation.id)
        indices = tuple(evaluated.by_obligation.get(uid, ()))
        counts = [0] * len(STATUSES)
        for i in indices:
            counts[_STATUS_INDEX[results[i].status.value]] += 1
        all_counts.append(counts)
        relied = {i for index in indices for i in results[index].interpretations}
        frequency, interpretation = cadence(obligation.schedule, evaluated.used, evaluated.period, relied)
        entries.append(
            ObligationEntry(
                uid=uid,
                id=obligation.id,
                modality=obligation.modality,
                activity=obligation.activity,
                bearers=obligation.bearers,
                schedule=obligation.schedule.kind,
                frequency=frequency,
                frequency_interpretation=interpretation,
                summary=obligation.summary,
                quote=obligation.quote,
                evidence_wanted=evidence_wanted(rulebook, uid, obligation),
                results=indices,
                totals=counts_of(counts),
            )
        )
    return tuple(entries), all_counts


def cadence(
    schedule: Schedule, used: Mapping[str, UsedInterpretation], period: Period, relied: Container[str]
) -> tuple[Frequency | None, str | None]:
    """How often an obligation recurs for the organisation, and the interpretation that says so when
    the instrument does not: ``(frequency, interpretation id)``.

    A stated frequency ("hằng năm", "định kỳ 06 tháng") has no interpretation. An interpreted one is
    the value the evaluation applied (``used``, after the user's overrides and for the organisation's
    level), when the obligation's own results ``relied`` on it; ``None`` when they did not (it does
    not bind the organisation) or when the value changes within ``period``. Schedules that do not
    recur give ``(None, None)``.
    """
    if schedule.kind == "periodic":
        if schedule.interpreted is None:
            return Frequency(schedule.frequency), None
        named = schedule.interpreted
    elif schedule.kind == "regular":
        named = schedule.frequency
    else:
        return None, None
    found = used.get(named)
    if named not in relied or found is None or found.kind != "frequency":
        return None, named
    values = {dated.value for dated in found.applied}
    if not _covered(found.applied, period):
        values.add(found.value)  # the value outside the dated ones applies to some of the period
    return (Frequency(values.pop()) if len(values) == 1 else None), named


def _covered(applied: Iterable[DatedValue], period: Period) -> bool:
    """Whether the dated values together cover every day of ``period``."""
    day = period.start
    for dated in sorted(applied, key=lambda d: d.since or dt.date.min):
        if dated.since is not None and dated.since > day:
            return False
        if dated.until is None or dated.until >= period.end:
            return True
        day = max(day, dated.until + dt.timedelta(days=1))
    return False


_WANTED: dict[tuple[int, str], tuple[Rulebook, Labels | None]] = {}


def evidence_wanted(rulebook: Rulebook, uid: str, obligation: Obligation) -> Labels | None:
    """What would show an obligation done, in words: its activity, then the documents its rule asks
    for ("Hội nghị cán bộ, công chức: Biên bản, Nghị quyết hội nghị"); ``None`` when neither is known.
    Worked out once per rulebook and obligation."""
    key = (id(rulebook), uid)
    cached = _WANTED.get(key)
    if cached is not None and cached[0] is rulebook:
        return cached[1]
    vocabulary = rulebook.vocabulary
    activity = vocabulary.activity_by_id.get(obligation.activity)
    kinds = {kind.id: kind.label for kind in vocabulary.evidence_kinds}
    texts: dict[str, str] = {}
    for lang in ("vi", "en"):
        parts = [activity.label.get(lang)] if activity is not None else []
        documents = [kinds[k].get(lang) for k in obligation.evidence if k in kinds]
        if documents:
            parts.append(", ".join(documents))
        texts[lang] = ": ".join(parts)
    found = labels(texts["vi"], texts["en"]) if texts["vi"] else None
    if len(_WANTED) < 65_536:
        _WANTED[key] = (rulebook, found)
    return found


def _level(provision_id: str) -> ProvisionLevel:
    if provision_id == "conclusions":
        return "conclusions"
    return _LEVELS[provision_id.rpartition("__")[2].split("_")[0]]


def _source(
    results: Sequence[DutyResult],
    record_file: str | None,
    locate: Locator | None,
    record: RecordLike | None,
    uri: str | None,
) -> RecordSource | None:
    if record_file is None:
        return None
    titles = _titles(results, record) if record is not None else {}
    if locate is None:
        return RecordSource(file=record_file, titles=titles, uri=uri)
    pointers = {target_pointer(r) for r in results}
    pointers.update(e.pointer for r in results for e in r.evidence)
    positions: dict[str, SourcePosition] = {}
    for pointer in sorted(pointers):
        where = locate(pointer)
        if where.line is not None:
            positions[pointer] = SourcePosition(line=where.line, column=where.column or 1)
    return RecordSource(file=record_file, positions=positions, titles=titles, uri=uri)


def _titles(results: Sequence[DutyResult], record: RecordLike) -> dict[str, str]:
    lists = {"activities": record.activities, "events": record.events, "attestations": record.attestations}
    titles: dict[str, str] = {}
    for result in results:
        for ref in (*result.evidence, *((result.trigger,) if result.trigger is not None else ())):
            kind, _, index = ref.pointer.strip("/").partition("/")
            items = lists.get(kind, ())
            if index.isdigit() and int(index) < len(items):
                item = items[int(index)]
                title = getattr(item, "title", None) or getattr(item, "statement", None)
                if isinstance(title, str):
                    titles[ref.pointer] = title
    return titles
