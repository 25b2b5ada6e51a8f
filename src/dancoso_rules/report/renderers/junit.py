"""JUnit XML for CI (GitLab, Jenkins): one test case per obligation × instance.

Each instrument is a ``<testsuite>``; a test case's ``classname`` is ``organisation.pack.provision``
(Jenkins shows ``organisation.pack`` as the package and the provision as the class) and its
``name`` is the obligation id with the instance's period (or triggering event), so that names are
unique across organisation, provision and period. A failing result (a duty's or a duty to study's,
with a status in ``--fail-on``: :func:`~dancoso_rules.report.model.is_failing`) is a ``<failure>``,
``not_applicable`` is ``<skipped>``; the explanation is the failure's text. No timestamps or
durations are written, so that the same inputs give the same bytes.

A request's or an encouragement's result with a status in ``--fail-on`` is a passing test case whose
``<system-out>`` gives its status, its modality and why it is not counted: the law only asks, so a
red failure would be false, and ``<skipped>`` would say it was not checked, which is false too and
would mix it with the duties that do not apply. GitLab and Jenkins show the note with the case.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.report.messages import STATUS_ORDER, msg, status_label
from dancoso_rules.report.model import ComplianceReport, Counted, is_enforceable, is_failing
from dancoso_rules.report.renderers import RenderOptions
from dancoso_rules.report.renderers.common import (
    counts_apart,
    evidence_text,
    explanation,
    modality_note,
    status_text,
)
from dancoso_rules.text import xml_visible

if TYPE_CHECKING:
    from dancoso_rules.report.overview import Overview

_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _text(value: str) -> str:
    return escape(xml_visible(value))


def _attr(value: str) -> str:
    return quoteattr(xml_visible(value))


def case_name(result: DutyResult) -> str:
    """The test case's name: the obligation id and which instance (``staff-conference 2025``)."""
    obligation_id = result.obligation.rsplit(".", 1)[-1]
    if result.trigger is not None:
        return f"{obligation_id} {result.trigger.id}"
    if result.period is not None:
        return f"{obligation_id} {result.period.label}"
    return obligation_id


class JunitRenderer:
    """Renders results as JUnit XML test cases."""

    extension = "xml"
    needs_locations = False

    def render(self, report: ComplianceReport, options: RenderOptions) -> str:
        """One ``<testsuites>`` with a ``<testsuite>`` per applied instrument."""
        organisation = report.organisation.id
        suites: list[str] = []
        for section in report.instruments:
            cases: list[str] = []
            seen: dict[tuple[str, str], int] = {}
            for provision, _ in section.walk():
                for obligation in provision.obligations:
                    for result in report.results_of(obligation):
                        classname = f"{organisation}.{section.pack}.{provision.id}"
                        name = case_name(result)
                        count = seen[(classname, name)] = seen.get((classname, name), 0) + 1
                        if count > 1:
                            name = f"{name} #{count}"
                        cases.append(self._case(classname, name, result, options, report.titles))
            pack = report.pack(section.pack)
            properties = (
                ("organisation", report.organisation.name),
                ("as_of", report.as_of.isoformat()),
                ("pack_version", pack.version),
                ("source_sha256", pack.source_sha256),
            )
            suites.append(
                self._suite(f"{organisation} · {section.pack}", section, options, cases, properties)
            )
        return self._document(report, options, suites)

    def render_overview(self, overview: Overview, options: RenderOptions) -> Iterator[str]:
        """A ``<testsuite>`` per organisation with a test case per khoản."""
        yield _HEADER
        # The root counts the cases it holds (a khoản per organisation, an invalid record each), not results:
        # one more pass over the packed rows, so that the document can still be streamed.
        cases_count = failures_count = 0
        for row in overview.rows():
            cases_count += len(row.clauses)
            failures_count += sum(clause.failing(options.fail_on) > 0 for clause in row.clauses)
        invalid = len(overview.invalid)
        yield (
            f'<testsuites name={_attr("dancoso check")} tests="{cases_count + invalid}" '
            f'failures="{failures_count}" errors="{invalid}">\n'
        )
        for row in overview.rows():
            cases = []
            for clause in row.clauses:
                failures = clause.failing(options.fail_on)
                classname = f"{row.organisation}.{clause.pack}"
                body = _counts_text(clause, options.lang)
                if failures:
                    message = f"{clause.citation}: {body}"
                    inner = (
                        f'      <failure message={_attr(message)} type="dancoso">{_text(body)}</failure>\n'
                    )
                    cases.append(
                        f"    <testcase classname={_attr(classname)} name={_attr(clause.provision)}>\n{inner}    </testcase>\n"
                    )
                elif clause.soft_failing(options.fail_on):
                    note = msg("report.verdict.soft", options.lang, n=clause.soft_failing(options.fail_on))
                    out = f"{body}\n{note}"
                    cases.append(
                        f"    <testcase classname={_attr(classname)} name={_attr(clause.provision)}>\n"
                        f"      <system-out>{_text(out)}</system-out>\n    </testcase>\n"
                    )
                else:
                    cases.append(
                        f"    <testcase classname={_attr(classname)} name={_attr(clause.provision)}/>\n"
                    )
            failures = sum(clause.failing(options.fail_on) > 0 for clause in row.clauses)
            yield (
                f'  <testsuite name={_attr(f"{row.organisation} · {row.file}")} tests="{len(cases)}" '
                f'failures="{failures}" errors="0" skipped="0">\n'
            )
            yield from cases
            yield "  </testsuite>\n"
        if overview.invalid:
            yield f'  <testsuite name="invalid records" tests="{len(overview.invalid)}" failures="0" errors="{len(overview.invalid)}">\n'
            for item in overview.invalid:
                yield (
                    f'    <testcase classname="records" name={_attr(item.file)}>\n'
                    f"      <error message={_attr(item.problems[0] if item.problems else item.file)}>"
                    f"{_text(chr(10).join(item.problems))}</error>\n    </testcase>\n"
                )
            yield "  </testsuite>\n"
        yield "</testsuites>\n"

    def _case(
        self, classname: str, name: str, result: DutyResult, options: RenderOptions, titles: dict[str, str]
    ) -> str:
        lang = options.lang
        status = result.status.value
        head = f"    <testcase classname={_attr(classname)} name={_attr(name)}"
        force = modality_note(result.modality, lang)
        detail = "\n".join(
            part
            for part in (
                explanation(result, lang),
                f"{msg('col.status', lang)}: {status_text(result, lang)}",
                f"{msg('col.modality', lang)}: {force}" if force else "",
                f"{msg('col.evidence', lang)}: {evidence_text(result, lang, titles)}",
                f"{msg('col.citation', lang)}: {result.citation} ({result.obligation})",
                msg("report.soft_note", lang)
                if status in options.fail_on and not is_enforceable(result.modality)
                else "",
            )
            if part
        )
        if is_failing(result, options.fail_on):
            message = f"{status_label(status, lang)}: {result.citation}"
            return f'{head}>\n      <failure message={_attr(message)} type="{status}">{_text(detail)}</failure>\n    </testcase>\n'
        if status == "not_applicable":
            return f"{head}>\n      <skipped message={_attr(explanation(result, lang))}/>\n    </testcase>\n"
        return f"{head}>\n      <system-out>{_text(detail)}</system-out>\n    </testcase>\n"

    def _suite(
        self,
        name: str,
        counted: Counted,
        options: RenderOptions,
        cases: list[str],
        properties: tuple[tuple[str, str], ...],
    ) -> str:
        totals = counted.totals
        props = "".join(f"      <property name={_attr(k)} value={_attr(v)}/>\n" for k, v in properties)
        return (
            f'  <testsuite name={_attr(name)} tests="{totals.total}" failures="{counted.failing(options.fail_on)}" '
            f'errors="0" skipped="{totals.not_applicable}">\n    <properties>\n{props}    </properties>\n'
            + "".join(cases)
            + "  </testsuite>\n"
        )

    def _document(self, counted: Counted, options: RenderOptions, suites: list[str]) -> str:
        totals = counted.totals
        return (
            _HEADER + f'<testsuites name={_attr("dancoso check")} tests="{totals.total}" '
            f'failures="{counted.failing(options.fail_on)}" errors="0" skipped="{totals.not_applicable}">\n'
            + "".join(suites)
            + "</testsuites>\n"
        )


def _counts_text(node: Counted, lang: str) -> str:
    """The counts by status, then the requests' and encouragements' results apart (:func:`counts_apart`)."""
    shown, soft = counts_apart(node)
    parts = [f"{status_label(s, lang)}: {shown.get(s)}" for s in STATUS_ORDER if shown.get(s)]
    if soft:
        parts.append(f"{msg('report.soft_count', lang)}: {soft}")
    return ", ".join(parts)
