"""SARIF 2.1.0, for code-scanning views: rules are obligations, results are located in the record.

Each obligation is a rule (its id, its summary, the provision's citation and verbatim words). Each
result is located in the record file by line and column where the record can point at it: the
activity that shows it done (``/activities/3``), the event that opened it, or the list where the
missing activity belongs (``/activities``); the JSON Pointer is given as a logical location.

A failing result (a duty's or a duty to study's, with a status in ``--fail-on``:
:func:`~dancoso_rules.report.model.is_failing`) is ``kind: fail`` at level ``error``; other
shortfalls of duties (late, and overdue or missed when not in ``--fail-on``) are ``fail`` at level
``warning``; ``unverified`` is ``review``, ``upcoming`` is ``open``, ``met`` is ``pass`` and
``not_applicable`` ``notApplicable``, all at level ``none`` as SARIF requires for a kind that is not
``fail``.

By default a log holds only the failing results (:func:`~dancoso_rules.report.model.is_failing`)
and the rules they break, so that code scanning shows what to fix and nothing else; with
``--sarif-all`` (:attr:`RenderOptions.sarif_all`) it holds every result and every obligation, with
the kinds and levels below. ``tool.driver.version`` is the installed package's version, and each
rule cites its provision once (in its title), its help being the law's words.

A request or an encouragement never fails: a result of one with a status in ``--fail-on`` or a
shortfall is ``fail`` at level ``note`` ("a minor problem or an opportunity to improve"), never
``error`` or ``warning``. It stays ``fail`` rather than ``review`` because SARIF 2.1.0 (§3.27.10)
allows a level other than ``none`` only with kind ``fail``, and a ``none`` would hide it from code
scanning views; ``note`` is the lowest level they show. Each result carries its ``modality``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import msgspec

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.report.messages import citation, msg, status_label
from dancoso_rules.report.model import (
    ComplianceReport,
    ObligationEntry,
    ProvisionSection,
    is_enforceable,
    is_failing,
    target_pointer,
)
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import explanation, instance_name, status_text, status_word
from dancoso_rules.text import json_visible

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_KINDS = {
    "met": "pass",
    "not_applicable": "notApplicable",
    "unverified": "review",
    "upcoming": "open",
}
_SHORTFALLS = frozenset({"late", "overdue", "missed"})


def _instance_note(result: DutyResult, lang: str) -> str:
    name = instance_name(result, lang)
    return f" ({name})" if name else ""


def _kind_and_level(result: DutyResult, fail_on: frozenset[str]) -> tuple[str, str]:
    status = result.status.value
    if is_failing(result, fail_on):
        return "fail", "error"
    if status in fail_on or status in _SHORTFALLS:
        return "fail", "warning" if is_enforceable(result.modality) else "note"
    return _KINDS.get(status, "informational"), "none"


def _dump(data: dict[str, Any]) -> str:
    return json_visible(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)) + "\n"


def _uri(path: str, uri: str | None = None) -> str:
    """A file as the URI reference SARIF wants: ``uri``, made from the file's path when the report was
    (:func:`~dancoso_rules.paths.uri_reference`: the bytes of a name that is not UTF-8 as they are), else
    its name percent-encoded (a space, ``#``, ``?`` or a control character in a file name would otherwise
    make another URI, or none); Vietnamese letters as UTF-8."""
    return uri if uri is not None else quote(path.replace("\\", "/"), safe="/")


def tool_version() -> str:
    """The installed package's version, as ``tool.driver.version`` reports it."""
    try:
        return version("dancoso-rules")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def _driver(rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": "dancoso",
        "version": tool_version(),
        "rules": rules,
    }


class SarifRenderer:
    """Renders a report as a SARIF 2.1.0 log."""

    extension = "sarif"
    needs_locations = True

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """One run: the obligations as rules and every result, located in the record where possible."""
        lang = options.lang
        shown = [
            result for result in report.results if options.sarif_all or is_failing(result, options.fail_on)
        ]
        wanted = {result.obligation for result in shown}
        rules: list[dict[str, Any]] = []
        rule_index: dict[str, int] = {}
        for section in report.instruments:
            for provision, _ in section.walk():
                for obligation in provision.obligations:
                    if options.sarif_all or obligation.uid in wanted:
                        rule_index[obligation.uid] = len(rules)
                        rules.append(self._rule(provision, obligation, lang))
        results = [
            self._result(report, result, rule_index, options)
            for result in shown
            if result.obligation in rule_index
        ]
        run: dict[str, Any] = {
            "tool": {"driver": _driver(rules)},
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {
                "organisation": report.organisation.id,
                "as_of": report.as_of.isoformat(),
                "packs": [
                    {"id": p.id, "version": p.version, "source_sha256": p.source_sha256} for p in report.packs
                ],
            },
        }
        if report.record is not None:
            run["artifacts"] = [
                {
                    "location": {"uri": _uri(report.record.file, report.record.uri)},
                    "roles": ["analysisTarget"],
                }
            ]
        return _dump({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})

    def _rule(self, provision: ProvisionSection, obligation: ObligationEntry, lang: str) -> dict[str, Any]:
        cite = citation(provision.id, provision.citation, lang)
        words = " ".join(part for part in (provision.heading, provision.text) if part)
        return {
            "id": obligation.uid,
            "name": obligation.id,
            "shortDescription": {"text": f"{cite}: {obligation.summary.get(lang)}"},
            "fullDescription": {"text": words or obligation.quote},
            # the citation is in the title (shortDescription) once; the help is the law's words
            "help": {"text": f"“{obligation.quote}”"},
            "properties": {
                "citation": provision.citation,
                "provision": provision.id,
                "content_hash": provision.content_hash,
                "modality": obligation.modality.value,
                "schedule": obligation.schedule,
                "tags": ["grassroots-democracy", obligation.modality.value, obligation.schedule],
            },
        }

    def _result(
        self, report: ComplianceReport, result: DutyResult, rule_index: dict[str, int], options: RenderOptions
    ) -> dict[str, Any]:
        lang = options.lang
        status = result.status.value
        kind, level = _kind_and_level(result, options.fail_on)
        pointer = target_pointer(result)
        item: dict[str, Any] = {
            "ruleId": result.obligation,
            "ruleIndex": rule_index[result.obligation],
            "kind": kind,
            "level": level,
            "message": {
                "text": f"{status_text(result, lang)}{_instance_note(result, lang)}: {explanation(result, lang)}"
            },
            "partialFingerprints": {
                "dancosoInstance/v1": f"{report.organisation.id}|{result.obligation}|{_instance_key(result)}"
            },
            "properties": {
                "status": status,
                "status_label": status_word(result, lang),
                "modality": result.modality.value,
                "period": result.period.label if result.period else None,
                "due": result.due.isoformat() if result.due else None,
                "due_interpreted": result.due_interpreted,
                "pointer": pointer,
                "evidence": [e.pointer for e in result.evidence],
            },
        }
        if report.record is not None:
            physical: dict[str, Any] = {
                "artifactLocation": {"uri": _uri(report.record.file, report.record.uri), "index": 0}
            }
            position = report.record.positions.get(pointer)
            if position is not None:
                physical["region"] = {"startLine": position.line, "startColumn": position.column}
            item["locations"] = [
                {
                    "physicalLocation": physical,
                    "logicalLocations": [{"fullyQualifiedName": pointer, "kind": "element"}],
                }
            ]
        return item

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """One run over many records: a result per organisation × khoản with a failing status."""
        lang = options.lang
        results: list[dict[str, Any]] = []
        rules: dict[str, dict[str, Any]] = {}
        for row in overview.rows():
            for clause in row.clauses:
                failing = clause.failing(options.fail_on)
                if not failing:
                    continue
                rule_id = f"{clause.pack}.{clause.provision}"
                rules.setdefault(
                    rule_id,
                    {
                        "id": rule_id,
                        "shortDescription": {"text": citation(clause.provision, clause.citation, lang)},
                    },
                )
                enforceable = clause.enforceable()
                counts = ", ".join(
                    f"{status_label(s, lang)}: {enforceable.get(s)}"
                    for s in sorted(options.fail_on)
                    if enforceable.get(s)
                )
                region = {"startLine": row.line} if row.line else {"startLine": 1}
                results.append(
                    {
                        "ruleId": rule_id,
                        "kind": "fail",
                        "level": "error",
                        "message": {
                            "text": f"{row.name}: {citation(clause.provision, clause.citation, lang)}: {counts}"
                        },
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _uri(row.file, row.uri)},
                                    "region": region,
                                }
                            }
                        ],
                        "properties": {
                            "organisation": row.organisation,
                            **msgspec.structs.asdict(clause.totals),
                            "soft": msgspec.structs.asdict(clause.soft),
                        },
                    }
                )
        for item in overview.invalid:
            results.append(
                {
                    "ruleId": "invalid-record",
                    "kind": "fail",
                    "level": "error",
                    "message": {"text": "; ".join(item.problems) or msg("overview.invalid", lang)},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(item.file, item.uri)}}}
                    ],
                }
            )
        if overview.invalid:
            rules["invalid-record"] = {
                "id": "invalid-record",
                "shortDescription": {"text": msg("overview.invalid", lang)},
            }
        ordered = [rules[k] for k in sorted(rules)]
        index = {rule["id"]: i for i, rule in enumerate(ordered)}
        for result in results:
            result["ruleIndex"] = index[result["ruleId"]]
        run = {
            "tool": {"driver": _driver(ordered)},
            "results": results,
            "properties": {"as_of": overview.as_of.isoformat()},
        }
        yield _dump({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def _instance_key(result: DutyResult) -> str:
    if result.trigger is not None:
        return result.trigger.id
    return result.period.label if result.period is not None else "-"
