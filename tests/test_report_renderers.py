"""Each renderer on its own: JSON against its schema, JUnit parses with unique names, SARIF validates,
HTML escapes, CSV has its BOM, text honours width and colour, and every label has both languages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from msgspec.structs import replace

from conftest import EXAMPLES, FIXTURES, REPO, SCHEMAS
from dancoso_rules.model import Rulebook
from dancoso_rules.record.jsonload import decode_text, parse_json
from dancoso_rules.record.validate import validate_document
from dancoso_rules.report.batch import RecordSource, check_source
from dancoso_rules.report.build import build_report
from dancoso_rules.report.messages import STATUS_ORDER, citation, keys, msg, period_label
from dancoso_rules.report.model import ComplianceReport
from dancoso_rules.report.renderers import RENDERER_BY_NAME, RenderOptions, get_renderer
from dancoso_rules.report.renderers.json import json_data
from dancoso_rules.report.schema import overview_schema, render_schema, report_schema
from report_samples import HOSTILE, sample_report

AS_OF = "2026-01-15"
RECORDS = sorted(EXAMPLES.glob("*/*.json"))


def example_report(rulebook: Rulebook, record: Path, *, locate: bool = False) -> ComplianceReport:
    import datetime as dt

    name = str(record.relative_to(REPO))
    checked = check_source(RecordSource(record, name), rulebook, as_of=dt.date(2026, 1, 15), locate=locate)
    assert checked.report is not None, checked.problems
    return checked.report


@pytest.fixture(scope="module")
def sample(rulebook: Rulebook) -> ComplianceReport:
    return build_report(sample_report(rulebook), rulebook, record_file="sample.json")


def test_committed_schemas_are_generated_from_the_models() -> None:
    assert (SCHEMAS / "report.schema.json").read_text(encoding="utf-8") == render_schema(report_schema())
    assert (SCHEMAS / "overview.schema.json").read_text(encoding="utf-8") == render_schema(overview_schema())


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_json_output_validates_against_its_schema(rulebook: Rulebook, record: Path) -> None:
    data = json.loads(get_renderer("json").render(example_report(rulebook, record), RenderOptions()))
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    for item in data["results"]:  # the evaluator's contract, kept
        assert {"obligation", "provision", "citation", "period", "due", "status"} <= set(item)


def test_json_of_the_sample_validates(sample: ComplianceReport) -> None:
    jsonschema.Draft202012Validator(report_schema()).validate(json.loads(sample.to_json()))


def test_the_report_follows_the_instruments_order(rulebook: Rulebook, sample: ComplianceReport) -> None:
    pack = rulebook.pack_by_id["tra-vinh-2024"]
    walked = [provision.id for provision, _ in sample.instruments[0].walk()]
    assert walked == [p.id for p in pack.provisions]
    depth = {p.id: d for p, d in sample.instruments[0].walk()}
    assert depth["art_2"] == 0
    assert depth["art_2__cl_3"] == 1
    assert depth["art_2__cl_3__pt_d"] == 2
    clause = next(p for p, _ in sample.instruments[0].walk() if p.id == "art_2__cl_3")
    assert clause.totals.total == sum(
        1 for r in sample.results if r.provision == clause.id or r.provision.startswith(clause.id + "__")
    )
    assert sample.totals.total == len(sample.results)


def test_junit_parses_with_unique_names_and_fails_the_fail_on_statuses(sample: ComplianceReport) -> None:
    xml = get_renderer("junit").render(sample, RenderOptions(fail_on=frozenset({"missed", "late"})))
    root = ET.fromstring(xml)
    cases = root.findall(".//testcase")
    assert len(cases) == len(sample.results)
    names = Counter((c.get("classname"), c.get("name")) for c in cases)
    assert max(names.values()) == 1
    assert all(c.get("classname", "").startswith("so-noi-vu-tra-vinh.tra-vinh-2024.art_") for c in cases)
    failures = [c.find("failure") for c in cases if c.find("failure") is not None]
    duties = sample.enforceable()  # requests and encouragements never fail
    assert len(failures) == duties.missed + duties.late
    assert {f.get("type") for f in failures if f is not None} == {"missed", "late"}
    assert len(root.findall(".//skipped")) == sample.totals.not_applicable
    assert root.get("failures") == str(duties.missed + duties.late)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_junit_names_unique_on_the_examples(rulebook: Rulebook, record: Path) -> None:
    root = ET.fromstring(get_renderer("junit").render(example_report(rulebook, record), RenderOptions()))
    names = Counter((c.get("classname"), c.get("name")) for c in root.iter("testcase"))
    assert names
    assert max(names.values()) == 1


def _sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_sarif_validates_and_locates_results_in_the_record(rulebook: Rulebook, record: Path) -> None:
    report = example_report(rulebook, record, locate=True)
    log = json.loads(get_renderer("sarif").render(report, RenderOptions()))
    _sarif_validator().validate(log)
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    text = record.read_text(encoding="utf-8").splitlines()
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]
        pointer = location["logicalLocations"][0]["fullyQualifiedName"]
        region = location["physicalLocation"].get("region")
        assert region is not None, pointer
        line = text[region["startLine"] - 1]
        key = pointer.rsplit("/", 1)[-1]
        if not key.isdigit() and f'"{key}"' in "".join(text):  # a member is located at its key
            assert f'"{key}"' in line[region["startColumn"] - 1 :]
        elif not key.isdigit():  # a list the record does not have: its top
            assert region["startLine"] == 1
        failing = result["properties"]["status"] in ("missed", "overdue")
        if result["properties"]["modality"] in ("request", "encouragement"):
            assert result["level"] == ("note" if failing else result["level"])  # never failing
        else:
            assert result["level"] == ("error" if failing else result["level"])


def test_sarif_of_the_sample_validates(sample: ComplianceReport) -> None:
    _sarif_validator().validate(json.loads(get_renderer("sarif").render(sample, RenderOptions(lang="en"))))


def test_html_escapes_every_string_from_the_record(rulebook: Rulebook, tmp_path: Path) -> None:
    record = json.loads((EXAMPLES / "tra-vinh" / "so-noi-vu.json").read_text(encoding="utf-8"))
    record["organisation"]["name"] = HOSTILE
    for activity in record["activities"]:
        activity["title"] = HOSTILE
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    import datetime as dt

    checked = check_source(RecordSource(path, "<b>hostile</b>.json"), rulebook, as_of=dt.date(2026, 1, 15))
    assert checked.report is not None, checked.problems
    assert HOSTILE in checked.report.titles.values()
    page = get_renderer("html").render(checked.report, RenderOptions())
    assert "<script" not in page.lower()
    assert "<b>hostile" not in page
    assert "&lt;b&gt;hostile&lt;/b&gt;.json" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert page.count("&lt;script&gt;") >= 2  # the organisation, and an activity used as evidence
    markdown = get_renderer("markdown").render(checked.report, RenderOptions())
    assert "<script" not in markdown.lower()


def test_html_is_self_contained_and_printable(sample: ComplianceReport) -> None:
    page = get_renderer("html").render(sample, RenderOptions())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "@import" not in page
    assert not re.search(
        r"url\((?!#p-[a-z_]+\))", page
    )  # only the chart's own patterns, never a fetched file
    assert "@page{size:A4" in page
    assert "@media print" in page
    assert page.count("<svg") == 1
    for status in STATUS_ORDER:  # never colour alone: each status has its word
        assert msg(f"status.{status}") in page


def test_csv_starts_with_a_bom_and_has_one_row_per_result(sample: ComplianceReport) -> None:
    import csv
    import io

    text = get_renderer("csv").render(sample, RenderOptions())
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == len(sample.results) + 1
    status_column = rows[0].index("status")
    assert Counter(r[status_column] for r in rows[1:]) == {
        s: sample.totals.get(s) for s in STATUS_ORDER if sample.totals.get(s)
    }


def test_csv_defuses_formulas(rulebook: Rulebook) -> None:
    report = build_report(sample_report(rulebook, name="=HYPERLINK(1)"), rulebook)
    text = get_renderer("csv").render(report, RenderOptions())
    assert "\n'=HYPERLINK(1)," in text.replace("\r\n", "\n")


def test_text_wraps_to_the_width_and_colours_only_when_asked(sample: ComplianceReport) -> None:
    plain = get_renderer("text").render(sample, RenderOptions(width=50))
    assert "\x1b[" not in plain
    assert max(len(line) for line in plain.splitlines()) <= 50
    coloured = get_renderer("text").render(sample, RenderOptions(width=50, color=True))
    assert "\x1b[1;31m" in coloured


@pytest.mark.parametrize("name", sorted(RENDERER_BY_NAME))
def test_every_renderer_is_deterministic_and_bilingual(sample: ComplianceReport, name: str) -> None:
    renderer = get_renderer(name)
    for lang in ("vi", "en"):
        first = renderer.render(sample, RenderOptions(lang=lang))
        assert first == renderer.render(sample, RenderOptions(lang=lang))
    # JSON has no words to translate; the submitted report (docx) is a state document, in Vietnamese only
    if name not in ("json", "docx"):
        assert renderer.render(sample, RenderOptions(lang="vi")) != renderer.render(
            sample, RenderOptions(lang="en")
        )


def test_the_catalogue_is_complete_in_both_languages() -> None:
    for key in keys():
        vi, en = msg(key, "vi"), msg(key, "en")
        assert vi.strip(), key
        assert en.strip(), key
    for status in STATUS_ORDER:
        assert msg(f"status.{status}", "vi") != msg(f"status.{status}", "en")
    assert msg("status.overdue") == "Quá hạn"
    assert period_label("2025-Q3") == "quý III/2025"
    assert period_label("2025-Q3", "en") == "2025 Q3"
    assert period_label("2025-H1") == "6 tháng đầu năm 2025"
    assert period_label("2025-03") == "tháng 3/2025"
    assert citation("art_2__cl_3__pt_dd", "điểm đ khoản 3 Điều 2", "en") == "Article 2, clause 3, point đ"
    assert citation("art_2__cl_3__pt_dd", "điểm đ khoản 3 Điều 2") == "điểm đ khoản 3 Điều 2"


def test_a_jsonl_line_is_located_in_the_jsonl_file(rulebook: Rulebook, tmp_path: Path) -> None:
    import datetime as dt

    record = json.loads((EXAMPLES / "long-an" / "ap-3-my-yen.json").read_text(encoding="utf-8"))
    lines = tmp_path / "records.jsonl"
    lines.write_text("\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    raw = lines.read_bytes().splitlines()[1]
    checked = check_source(
        RecordSource(lines, "records.jsonl", 2, raw), rulebook, as_of=dt.date(2026, 1, 15), locate=True
    )
    assert checked.report is not None
    assert checked.report.record is not None
    assert {p.line for p in checked.report.record.positions.values()} == {2}
    document = parse_json(decode_text(raw, "x"), "x")
    assert validate_document(document, rulebook).record is not None


def test_json_overview_keeps_no_row_after_writing_it() -> None:
    """Writing the overview keeps nothing of a row once it is written: rows of records of many activities
    seldom share their list of khoản, and keeping each list's text made memory grow by ~4 kB a row
    (10,000 such records: 40 MB). Measured as the Python memory the writing takes at its peak, for 400
    rows and for 1,600 whose lists all differ (built from the same 16 khoản, so that the khoản
    themselves are shared); the extra rows may cost what the writing keeps per row to sort their khoản
    once (a few hundred bytes), not their text."""
    import datetime as dt
    import tracemalloc

    from dancoso_rules.report.model import STATUSES
    from dancoso_rules.report.overview import OverviewBuilder
    from dancoso_rules.report.tally import Tally

    width = 2 * len(STATUSES)
    clauses = [(("tra-vinh-2024", f"art_2__cl_{n}", f"khoản {n} Điều 2"), n) for n in range(1, 17)]

    def peak(rows: int) -> int:
        builder = OverviewBuilder(dt.date(2026, 1, 15))
        for number in range(rows):
            cells = tuple(
                (key, tuple(1 + (number >> bit & 1) if i == 1 else 0 for i in range(width)))
                for key, bit in clauses
            )
            period = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
            total = tuple(sum(counts[i] for _, counts in cells) for i in range(len(STATUSES)))
            soft = (0,) * len(STATUSES)
            builder.add_tally(
                Tally(f"org-{number}", "Tên", period, total, soft, cells), "records.jsonl", number
            )
        overview = builder.build()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for _ in get_renderer("json").render_overview(overview, RenderOptions()):
                pass
            return tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()

    peak(50)  # what is made once (an encoder, the khoản models' validators) is made before measuring
    per_row = (peak(1600) - peak(400)) / 1200
    assert per_row < 1024, per_row


def test_html_dashboard_escapes_names_and_links_each_report(sample: ComplianceReport) -> None:
    from dancoso_rules.report.overview import OverviewBuilder

    hostile = replace(sample, organisation=replace(sample.organisation, name=HOSTILE))
    builder = OverviewBuilder(sample.as_of)
    builder.add(hostile, "<b>x</b>.json", report_file='a "b"<c>.html')
    builder.add(sample, "y.json")  # an overview printed, not written to a folder: no report to link
    page = "".join(get_renderer("html").render_overview(builder.build(), RenderOptions()))
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<a href="a%20%22b%22%3Cc%3E.html">' in page
    assert page.count("<a href=") == 1
    assert page.count("<script>") == 1  # the dashboard's own, inline
    assert 'id="heat"' in page


def test_the_heat_map_tells_a_khoan_of_encouragements_only_from_one_that_does_not_apply(
    tmp_path: Path,
) -> None:
    """The water company's khoản 4 Điều 2 binds it only by an encouragement it has not acted on (its duties
    bind state bodies): its cell says so (◦, as the legend and the note explain), never the grey "–" of
    "does not apply" that the note's blank cell means, nor a status of a duty."""
    from dancoso_rules.cli.main import main

    out = tmp_path / "overview"
    assert (
        main(
            [
                "check",
                str(EXAMPLES),
                "--as-of",
                "2026-01-15",
                "--format",
                "html",
                "--fail-on",
                "none",
                "--output",
                f"{out}/",
            ]
        )
        == 0
    )
    page = (out / "overview.html").read_text(encoding="utf-8")
    heat = page[page.index('id="heat"') : page.index("</table>", page.index('id="heat"'))]
    heads = re.findall(r'<th class="k" title="([^"]+)">', heat)
    company = next(row for row in heat.split("<tr")[1:] if "Công ty Cổ phần Cấp thoát nước" in row)
    cells = re.findall(r"<td(?: class=\"([^\"]*)\")?>([^<]*)</td>", company)[1:]
    assert len(cells) == len(heads)
    shown = dict(zip(heads, cells, strict=True))
    assert shown["Khoản 4 Điều 2 (tra-vinh-2024)"] == ("s-soft", "◦")
    assert "s-not_applicable" not in heat
    note = msg("dash.heatmap_note", "vi")
    assert "◦: khoản chỉ có nội dung khuyến khích, đề nghị áp dụng" in note
    assert f'<span class="badge s-soft">◦ {msg("report.soft_count", "vi")}</span>' in page


def test_json_overview_rows_are_each_rows_own_json(rulebook: Rulebook) -> None:
    """The JSON overview writes each row as ``json.dumps`` of the row's model dump gives it (the renderer
    writes it from the packed row without making the model, encodes what rows share once, and escapes
    its parts apart), also with hostile text in every string it writes itself."""
    import datetime as dt

    from dancoso_rules.report.overview import OverviewBuilder
    from dancoso_rules.text import json_visible

    builder = OverviewBuilder(dt.date(2026, 1, 15))
    for number, path in enumerate(RECORDS):
        built = check_source(RecordSource(path, path.name), rulebook, as_of=dt.date(2026, 1, 15)).report
        assert built is not None
        named = replace(built.organisation, name=f"{built.organisation.name} \u202e\x85 {number}")
        builder.add(replace(built, organisation=named), f"\u2066{path.name}", number or None)
        builder.add(built, f'"{path.name}\\', report_file=f'{path.stem} "\\\x01\u2028.json')
    overview = builder.build()
    text = "".join(get_renderer("json").render_overview(overview, RenderOptions()))
    lines = [line.strip().removesuffix(",") for line in text.split("\n") if line.startswith("    {")]
    rows = list(overview.rows())
    assert len(rows) == len(lines) == 2 * len(RECORDS)
    assert len({id(cell) for row in rows for cell in row.clauses}) < sum(len(row.clauses) for row in rows)
    assert len({id(row.clauses) for row in rows}) <= len(RECORDS)  # a record's two rows share theirs
    for row, line in zip(rows, lines, strict=True):
        assert line == json_visible(json.dumps(json_data(row), ensure_ascii=False, sort_keys=True))
    assert "\u202e" not in text
    assert "\\u202e" in text
    assert json.loads(text)["rows"] == [json.loads(json.dumps(json_data(row))) for row in rows]
