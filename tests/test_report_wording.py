"""The Vietnamese the reports print is what an official would sign (issue 12, item 9).

Every bundled example is rendered in every format that people read (text, Markdown, HTML) and in the
Vietnamese parts of the machine formats (JUnit messages, SARIF messages, the labelled CSV columns).
The project's own prose is then checked: administrative status words, no English code inside a
Vietnamese sentence, one date style, nothing "required" of Party bodies or the Front, no capital
after a semicolon, NFC throughout.

What is not the project's prose is taken out first, so that the checks never trip on it: the law's
verbatim words (provision texts, headings, quotes), the record's own words (names, titles), ids
written as code (Markdown code spans, HTML ``<code>``, obligation uids, kebab-case record ids), JSON
Pointers into the record and file paths. Machine values (JSON keys, the CSV ``status`` column, SARIF properties) are not prose.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from conftest import EXAMPLES, REPO
from dancoso_rules.cli.main import main
from dancoso_rules.evaluation.explain import Sentence
from dancoso_rules.model import Modality, Rulebook
from dancoso_rules.report.messages import citation, keys, msg, value_label
from dancoso_rules.text import fold, nfc, vi_date

AS_OF = "2026-01-15"
RECORDS = sorted(EXAMPLES.glob("*/*.json"))
EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "junit": "xml", "sarif": "sarif", "csv": "csv"}

#: Status words the review rejected, and the wording it replaced (case-insensitive).
REJECTED = ("chứng cứ", "bỏ lỡ", "cách hiểu", "thực hiện muộn", "thời gian còn tính", "ghi đè")
#: ("ghi đè", a programmer's "override": the reports say "thay đổi", as of an interpretation the user set)
#: Codes of the rule and record formats that must never stand inside a Vietnamese sentence.
CODES = re.compile(
    r"\b(?:[a-z]+(?:_[a-z0-9]+)+"  # snake_case ids: provincial_department, half_yearly, not_applicable
    r"|P(?:\d+[YMWD])+"  # ISO 8601 durations: P30D, P3M
    r"|monthly|quarterly|yearly|weekly|missed|overdue|late|met|upcoming|unverified"
    r"|duty|request|encouragement|study|periodic|regular|triggered|qualitative"
    r"|yes|no)\b"  # a flag interpretation's value as the rule file writes it
)
#: "yêu cầu" before a Party body or the Front: a state instrument requires nothing of them.
PARTY_REQUIRED = re.compile(
    r"yêu cầu\s+(?:các\s+)?(?:bí thư|cấp ủy|đảng|ủy ban (?:mặt trận|mttq)|mặt trận|tổ chức chính trị)",
    re.IGNORECASE,
)
#: A word after a semicolon; only a proper name may keep its capital there.
AFTER_SEMICOLON = re.compile(r";\s+(\w+)")
PROPER_NAMES = (
    "Ủy ban",
    "Hội đồng",
    "Sở",
    "Ban ",
    "Bộ phận",
    "Trung tâm",
    "Mặt trận",
    "Nhà nước",
    "Nhân dân",
    "Đảng",
    "Thường trực",
    "Chủ tịch",
    "Chánh",
    "Cổng",
    "Luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
)
DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
KEBAB_ID = re.compile(r"\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b")
POINTER = re.compile(r"/(?:activities|events|attestations)(?:/[\w-]+)*")


def render(record: Path, fmt: str, tmp_path: Path, lang: str = "vi") -> str:
    """What ``dancoso check`` writes for ``record`` in ``fmt``; text unwrapped (one paragraph a line)."""
    out = tmp_path / f"{record.stem}.{EXTENSIONS[fmt]}"
    argv = ["check", str(record.relative_to(REPO)), "--as-of", AS_OF, "--format", fmt, "--lang", lang]
    if fmt == "sarif":  # every result, so that the wording of every kind of message is checked
        argv.append("--sarif-all")
    assert main([*argv, "--width", "1000", "--output", str(out)]) in (0, 1)
    return out.read_bytes().decode("utf-8-sig")


def foreign_words(rulebook: Rulebook, record: Path) -> list[str]:
    """Words the project did not write: the law's, and the record's; longest first."""
    words: set[str] = set()
    for pack in rulebook.packs:
        title = pack.instrument.title
        # The title as a report cites it, after the kind and issuer: "… quy định các biện pháp …".
        words.update((title, title[:1].lower() + title[1:], pack.instrument.issuer))
        for provision in pack.provisions:
            words.update(t for t in (provision.text, provision.heading) if t)
            words.update(o.quote for o in provision.obligations)

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    # names and titles, not ids: a record's "kind": "provincial_department" must not hide that code
    words.update(w for w in strings(json.loads(record.read_text(encoding="utf-8"))) if " " in w.strip())
    words.add(str(record.relative_to(REPO)))
    return sorted((fold(w) for w in words if len(fold(w)) > 3), key=len, reverse=True)


def obligation_uids(rulebook: Rulebook) -> list[str]:
    """Every obligation's uid (``pack.provision.obligation``): an id, written where people look it up."""
    return [f"{p.id}.{pr.id}.{o.id}" for p in rulebook.packs for pr in p.provisions for o in pr.obligations]


class _Text(HTMLParser):
    """The text nodes of an HTML page, outside code, styles and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.segments: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.segments.append(data)


def prose(output: str, fmt: str) -> list[str]:
    """The human-readable Vietnamese segments of one rendered report."""
    if fmt == "text":
        return output.splitlines()
    if fmt == "markdown":
        lines = (re.sub(r"`[^`]*`", " ", line) for line in output.splitlines())
        return [html.unescape(re.sub(r"\\([\\`*_\[\]|~])", r"\1", line)) for line in lines]  # as md() escapes
    if fmt == "html":
        parser = _Text()
        parser.feed(output)
        return parser.segments
    if fmt == "junit":
        root = ET.fromstring(output)
        found = [e.get("message", "") for e in root.iter()]
        found += [
            line
            for e in root.iter()
            if e.tag in ("failure", "system-out")
            for line in (e.text or "").splitlines()
        ]
        return found
    if fmt == "sarif":
        found = []

        def walk(value: Any, key: str = "") -> None:
            if isinstance(value, dict):
                for k, item in value.items():
                    walk(item, k)
            elif isinstance(value, list):
                for item in value:
                    walk(item, key)
            elif key in ("text", "markdown") and isinstance(value, str):
                found.append(value)

        walk(json.loads(output))
        return found
    assert fmt == "csv"
    rows = list(csv.reader(io.StringIO(output)))
    words = {msg(k) for k in ("col.obligation", "col.modality", "col.schedule", "col.period", "col.status")}
    words |= {msg("col.evidence"), msg("col.explanation")}
    columns = [n for n, name in enumerate(rows[0]) if name in words]
    assert len(columns) == len(words), "the CSV's Vietnamese columns were not found"
    return [row[n] for row in rows for n in columns]


def own_prose(output: str, fmt: str, foreign: list[str], uids: list[str]) -> list[str]:
    """:func:`prose` without the law's and the record's words, uids, kebab-case ids and paths."""
    segments = []
    for segment in prose(output, fmt):
        text = fold(segment)
        for words in (*uids, *foreign):
            if words in text:
                text = text.replace(words, " ")
        segments.append(KEBAB_ID.sub(" ", POINTER.sub(" ", text)))
    return [s for s in segments if s.strip()]


CASES = [(record, fmt) for record in RECORDS for fmt in EXTENSIONS]


@pytest.fixture(scope="module")
def rendered(
    tmp_path_factory: pytest.TempPathFactory, rulebook: Rulebook
) -> dict[tuple[str, str], list[str]]:
    """Every example in every format, as the project's own Vietnamese prose (rendered once)."""
    tmp = tmp_path_factory.mktemp("wording")
    uids = obligation_uids(rulebook)
    found = {}
    for record in RECORDS:
        foreign = foreign_words(rulebook, record)
        for fmt in EXTENSIONS:
            output = render(record, fmt, tmp)
            assert output == nfc(output), f"{record.name} {fmt}: text not in NFC"
            found[(str(record), fmt)] = own_prose(output, fmt, foreign, uids)
    return found


def _case_id(case: tuple[Path, str]) -> str:
    return f"{case[0].parent.name}--{case[0].stem}-{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_rejected_words(case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]) -> None:
    segments = rendered[(str(case[0]), case[1])]
    assert segments, "nothing was rendered"
    bad = [s for s in segments for word in REJECTED if word in s.lower()]
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_english_code_in_vietnamese(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]], rulebook: Rulebook
) -> None:
    """Neither a code of the formats nor an id of the vocabulary (``staff``, ``hamlet``, ``plan``)."""
    vocabulary = rulebook.vocabulary
    ids = {
        item.id
        for items in (
            vocabulary.bearers,
            vocabulary.activity_types,
            vocabulary.event_types,
            vocabulary.evidence_kinds,
        )
        for item in items
    }
    segments = rendered[(str(case[0]), case[1])]
    bad = [(m.group(0), s) for s in segments for m in CODES.finditer(s)]
    bad += [(word, s) for s in segments for word in re.findall(r"\b[a-z_]+\b", s) if word in ids]
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_one_date_style(case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]) -> None:
    """Every date written d/m/y is written as :func:`vi_date` writes it: ``31/3/2026``, ``01/7/2025``."""
    seen = 0
    for segment in rendered[(str(case[0]), case[1])]:
        for match in DATE.finditer(segment):
            day, month, year = (int(g) for g in match.groups())
            assert match.group(0) == vi_date(dt.date(year, month, day)), segment
            seen += 1
    if case[1] != "csv":  # the CSV's date columns are ISO, for programs
        assert seen, "no date was found: the check would prove nothing"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_nothing_required_of_party_bodies_or_the_front(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    bad = [s for s in rendered[(str(case[0]), case[1])] if PARTY_REQUIRED.search(s)]
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_capital_after_a_semicolon(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    bad = [
        (m.group(1), s)
        for s in rendered[(str(case[0]), case[1])]
        for m in AFTER_SEMICOLON.finditer(s)
        if m.group(1)[0].isupper() and not s[m.start(1) :].startswith(PROPER_NAMES)
    ]
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_no_placeholder_and_no_former_unit_names(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    """No "—:" for an instance without a name, no word glued to the next after a colon; no "thị trấn",
    a unit gone since 01/7/2025, in our words."""
    bad = [s for s in rendered[(str(case[0]), case[1])] if "—:" in s or "thị trấn" in s]
    bad += [
        s for s in rendered[(str(case[0]), case[1])] if re.search(r"\w:\*\*\S", s)
    ]  # "năm 2025:**Quá hạn**"
    assert not bad, bad[:3]


def test_the_checks_catch_what_they_are_for(rulebook: Rulebook) -> None:
    """The patterns above flag the sentences the review quoted (so that passing means something)."""
    assert CODES.search("còn hồ sơ là của Sở, ban, ngành tỉnh (provincial_department)")
    assert CODES.search("complaint-resolution-deadline = P30D")
    assert CODES.search("= monthly —")
    assert CODES.search("lùi đến ngày làm việc tiếp theo: yes (căn cứ pháp lý)")
    assert PARTY_REQUIRED.search("Điểm b khoản 3 Điều 2 yêu cầu Bí thư cấp ủy cấp trên giao ban")
    assert PARTY_REQUIRED.search("yêu cầu cấp ủy, lãnh đạo Ban Dân vận")
    sentence = "chủ thể thực hiện là Ủy ban Mặt trận Tổ quốc Việt Nam; Các tổ chức chính trị - xã hội"
    assert [m.group(1) for m in AFTER_SEMICOLON.finditer(sentence)] == ["Các"]
    assert not "Các".startswith(PROPER_NAMES)
    match = DATE.search("Hạn 31/03/2025")
    assert match is not None
    assert match.group(0) != vi_date(dt.date(2025, 3, 31))
    assert any(word in "Chứng cứ: chưa có".lower() for word in REJECTED)
    # and the law's own words are taken out, not judged: a quote may say "thị trấn" or "hàng năm"
    record = RECORDS[0]
    assert any("thị trấn" in w for w in foreign_words(rulebook, record))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_english_reports_carry_no_vietnamese_label(fmt: str, tmp_path: Path, rulebook: Rulebook) -> None:
    """``--lang en`` stays complete: none of the catalogue's Vietnamese labels is left in it."""
    record = EXAMPLES / "tra-vinh" / "so-noi-vu.json"
    uids = obligation_uids(rulebook)
    segments = own_prose(render(record, fmt, tmp_path, "en"), fmt, foreign_words(rulebook, record), uids)
    labels = {msg(k, "vi") for k in keys() if "{" not in msg(k, "vi") and len(msg(k, "vi")) > 8}
    left = [(label, s) for s in segments for label in labels if label in s]
    assert not left, left[:3]
    assert any("Missed" in s for s in segments)
    assert any("Evidence" in s for s in segments)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        ("monthly", "hằng tháng", "monthly"),
        ("half_yearly", "định kỳ 6 tháng", "half-yearly"),
        ("P30D", "30 ngày", "30 days"),
        ("P1M", "1 tháng", "1 month"),
        ("P1M10D", "1 tháng 10 ngày", "1 month and 10 days"),
        ("P2Y", "2 năm", "2 years"),
        ("three weeks", "three weeks", "three weeks"),  # not a code: shown as given
        ("P", "P", "P"),
        ("yes", "có", "yes"),  # a flag: "lùi đến ngày làm việc tiếp theo: có", never ": yes"
        ("no", "không", "no"),
    ],
)
def test_interpretation_values_are_written_in_words(value: str, vi: str, en: str) -> None:
    assert (value_label(value, "vi"), value_label(value, "en")) == (vi, en)


def test_a_citation_takes_a_capital_only_where_it_opens_a_line() -> None:
    assert citation("art_2__cl_3", "khoản 3 Điều 2") == "khoản 3 Điều 2"
    assert citation("art_2__cl_3", "khoản 3 Điều 2", heading=True) == "Khoản 3 Điều 2"
    assert citation("art_2__cl_3", "khoản 3 Điều 2", "en", heading=True) == "Article 2, clause 3"


@pytest.mark.parametrize(
    ("bearers", "modality", "verb"),
    [
        (("party_committee_secretary",), Modality.DUTY, "tham chiếu quy định của Đảng về việc"),
        (("party_committee", "fatherland_front"), Modality.DUTY, "tham chiếu quy định của Đảng về việc"),
        (("fatherland_front", "socio_political_organisations"), Modality.DUTY, "đề nghị"),
        (("state_agency",), Modality.DUTY, "yêu cầu"),
        (("state_agency",), Modality.ENCOURAGEMENT, "khuyến khích"),
    ],
)
def test_the_verb_is_the_force_the_instrument_can_have(
    rulebook: Rulebook, bearers: tuple[str, ...], modality: Modality, verb: str
) -> None:
    """A state instrument requires nothing of Party bodies (it refers to the Party's rules) and only
    requests of the Front; whatever the rule file's modality says."""
    pack = rulebook.pack_by_id["tra-vinh-2024"]
    provision = next(p for p in pack.provisions if p.obligations)
    obligation = replace(provision.obligations[0], bearers=bearers, modality=modality)
    sentence = Sentence(provision.citation, provision.id, obligation)
    assert sentence.vi.startswith(f"{provision.citation[:1].upper()}{provision.citation[1:]} {verb} ")
    assert sentence.soft == (modality is Modality.ENCOURAGEMENT)


# --- what the legal review and the Sở Nội vụ reading found since (each class of defect, once) ----------------

#: The words of a request's or an encouragement's status, in both languages: "Chưa thực hiện (khuyến khích)".
_SOFT_STATUS = re.compile(
    r"(?:Chưa thực hiện|Đã thực hiện|Not done|Done) \((?:khuyến khích|đề nghị|encouragement|request)\)"
)
#: The glyphs of a duty's statuses (everything but ◦, the column requests and encouragements are counted in).
_DUTY_GLYPHS = "✗!~?…✓–"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_encouragement_never_wears_a_duty_status_mark(lang: str, tmp_path: Path) -> None:
    """ "Chưa thực hiện (khuyến khích)" beside "!" (or on the orange of "Quá hạn") reads as an overdue duty:
    the legend says "! Quá hạn". Its glyph is ◦ and its colour the requests' and encouragements' own."""
    seen = 0
    for record in RECORDS:
        for fmt in ("text", "markdown", "html"):
            output = render(record, fmt, tmp_path, lang)
            for match in _SOFT_STATUS.finditer(output):
                seen += 1
                before = output[max(0, match.start() - 40) : match.start()]
                if fmt == "html":
                    assert before.endswith('<span class="badge s-soft">'), (record.name, before)
                else:
                    line = before.rsplit("\n", 1)[-1]
                    assert "◦" in line, (record.name, fmt, line)
                    assert not set(line) & set(_DUTY_GLYPHS), (record.name, fmt, line)
    assert seen, "no encouragement's status was rendered: the check would prove nothing"


# (not the Markdown: it leaves out what went well, for length)
@pytest.mark.parametrize("fmt", ["text", "html", "csv"])
def test_a_duty_done_with_no_deadline_to_meet_is_never_said_on_time(fmt: str, tmp_path: Path) -> None:
    """The commune's inspection plan of 2025 fell due (31/01/2025) before Long An's decision took effect on
    01/4/2025; made on 15/4/2025, it is done, but "Đã thực hiện đúng hạn" would be of a date before the law."""
    output = render(EXAMPLES / "long-an/ubnd-xa-my-yen.json", fmt, tmp_path, "vi")
    start = output.index("ke-hoach-kiem-tra-2025")  # the plan's evidence, in the result that relies on it
    result = output[output.rindex("long-an-2025.art_1__cl_5__pt_dd__ind_3.inspection-plan", 0, start) : start]
    assert "Đã thực hiện" in result
    assert "đúng hạn" not in result


# (not the Markdown: it leaves out what went well, for length)
@pytest.mark.parametrize("fmt", ["text", "html", "csv"])
def test_a_qualitative_duty_done_is_never_said_on_time(fmt: str, tmp_path: Path) -> None:
    """The hamlet head election ("Tổ chức bầu cử Trưởng ấp …") sets no time ("Không quy định thời hạn"):
    shown done by the commune's attestation, it is "Đã thực hiện", as its sentence says, never "đúng hạn"."""
    output = render(EXAMPLES / "long-an/ubnd-xa-my-yen.json", fmt, tmp_path, "vi")
    start = output.index("xn-bau-truong-ap")  # the attestation, in the result that relies on it
    result = output[
        output.rindex("long-an-2025.art_1__cl_5__pt_c__ind_1.hamlet-head-election", 0, start) : start
    ]
    assert "Đã thực hiện" in result
    assert "đúng hạn" not in result


#: The bearers named in a sentence that says why an obligation does not apply, or since when it has none.
_BEARERS = re.compile(r"chủ thể thực hiện là (.+?), còn hồ sơ|không còn chủ thể thực hiện \((.+?)\)")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_bearers_are_named_as_alternatives(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    """ "chủ thể thực hiện là cơ quan nhà nước; đơn vị sự nghiệp công lập" reads as two sentences: the
    bearers are alternatives, "cơ quan nhà nước hoặc đơn vị sự nghiệp công lập" ("A; B hoặc C" when
    their names hold commas)."""
    bad = []
    for segment in rendered[(str(case[0]), case[1])]:
        for match in _BEARERS.finditer(segment):
            names = match.group(1) or match.group(2)
            if ";" in names and " hoặc " not in names.rsplit(";", 1)[1]:
                bad.append(names)
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_a_period_is_named_one_way(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    """The sentence names a period as its row does: "tuần 2/2025", as "quý I/2025" and "tháng 1/2025",
    never "tuần 2 năm 2025" beside a row "tuần 2/2025"."""
    bad = [
        s
        for s in rendered[(str(case[0]), case[1])]
        if re.search(r"\b(?:tuần|quý|tháng) (?:\d+|[IV]+) năm \d{4}", s)
    ]
    assert not bad, bad[:3]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_the_glossary_names_of_bodies(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    """In our words the council is "Hội đồng Thi đua - Khen thưởng" (legal review), never "Hội đồng thi đua,
    khen thưởng" (the law's own "Hội đồng thi đua các cấp" is quoted, and taken out before this check); and a
    record is evidence, it answers for nothing: "hồ sơ ... không chịu trách nhiệm" says a file is liable."""
    segments = rendered[(str(case[0]), case[1])]
    bad = [s for s in segments if "Hội đồng thi đua" in s or re.search(r"hồ sơ[^.;]*chịu trách nhiệm", s)]
    assert not bad, bad[:3]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_no_rule_file_name_or_key_in_a_report(fmt: str, tmp_path: Path) -> None:
    """ "(ghi ở pack.yaml: adopted, effective)" told an official where a programmer keeps a date: the rule
    files, their keys and names are not the report's words."""
    for record in RECORDS:
        output = render(record, fmt, tmp_path)
        found = re.findall(r"[\w-]+\.ya?ml\b|\b(?:adopted|effective)\b", output)
        assert not found, (record.name, found[:3])


def _docx_texts(record: Path, tmp_path: Path) -> list[str]:
    """Every paragraph and table cell of the signed report ("Báo cáo") of ``record``."""
    from docx import Document

    out = tmp_path / f"{record.stem}.docx"
    argv = [
        "check",
        str(record.relative_to(REPO)),
        "--as-of",
        AS_OF,
        "--format",
        "docx",
        "--output",
        str(out),
    ]
    assert main(argv) in (0, 1)
    document = Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [p.text for p in document.paragraphs] + cells


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.parent.name}--{r.stem}")
def test_the_signed_report_says_things_as_the_others_do(record: Path, tmp_path: Path) -> None:
    """The "Báo cáo" names evidence "Tài liệu kiểm chứng" (not "Minh chứng" beside it), a deadline moved off
    a day off "lùi đến ngày làm việc tiếp theo" (it is not "tính theo ngày làm việc"), writes dates in the one
    style, and nests no brackets: "1 nội dung khuyến khích chưa thực hiện", not "(…, 1 nội dung chưa thực
    hiện (khuyến khích))"."""
    texts = _docx_texts(record, tmp_path)
    assert any(msg("col.evidence") in t for t in texts)
    bad = [t for t in texts if "Minh chứng" in t or "tính theo ngày làm việc" in t or "))" in t]
    for text in texts:
        for match in DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            if match.group(0) != vi_date(dt.date(year, month, day)):
                bad.append(text)
    assert not bad, bad[:3]


@pytest.mark.parametrize("fmt", ["text", "markdown", "ics"])
def test_the_calendar_says_things_as_the_reports_do(fmt: str, tmp_path: Path) -> None:
    """`dancoso calendar` names what would show a duty done as the reports' "Việc cần làm" does ("Tài liệu
    kiểm chứng cần có", not "Minh chứng"), a deadline moved off a day off as they do, a citation that opens a
    line with its capital ("Điểm a khoản 5 Điều 2 ..."), and dates in the one style."""
    seen = 0
    for record in RECORDS:
        out = tmp_path / f"{record.stem}.{fmt}"
        argv = [
            "calendar",
            str(record.relative_to(REPO)),
            "--as-of",
            AS_OF,
            "--format",
            fmt,
            "--output",
            str(out),
        ]
        assert main(argv) == 0
        text = out.read_text(encoding="utf-8")
        if fmt == "ics":  # the DESCRIPTION, unfolded and unescaped
            text = re.sub(r"\r?\n ", "", text).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            text = re.sub(r"^DESCRIPTION:", "", text, flags=re.M)
        seen += text.count(msg("todo.evidence"))
        assert "Minh chứng" not in text
        # in the words of the reports, "lùi đến ngày làm việc tiếp theo", never "tính theo ngày làm việc" of a
        # deadline counted in months and moved off a day off
        assert "hạn tính theo ngày làm việc" not in text.lower()
        opening = re.findall(r"^[ \t]*(?:điểm|khoản|gạch đầu dòng|phần)\b.*$", text, flags=re.M)
        assert not opening, (record.name, opening[:2])
        for match in DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            assert match.group(0) == vi_date(dt.date(year, month, day)), (record.name, match.group(0))
    assert seen, "no calendar entry was rendered: the checks would prove nothing"


_OPENS_LOWER = re.compile(r"^(?:khoản|điểm|gạch đầu dòng|điều)\s")


def _overview_cells(fmt: str, folder: Path) -> list[str]:
    """The cells people read in the overview of all the examples (and, for xlsx, its header rows)."""
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(folder / "overview.xlsx")
        return [
            str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c
        ]
    text = (folder / f"overview.{EXTENSIONS.get(fmt, fmt)}").read_text(encoding="utf-8-sig")
    if fmt == "csv":
        return [c for row in csv.reader(io.StringIO(text)) for c in row]
    if fmt == "markdown":
        return [c.strip() for line in text.splitlines() if line.startswith("|") for c in line.split("|")]
    return [
        html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
        for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", text)
    ]


@pytest.mark.parametrize("fmt", ["html", "markdown", "csv", "xlsx"])
def test_a_citation_that_opens_a_cell_has_its_capital(fmt: str, tmp_path: Path) -> None:
    """ "khoản 5 Điều 1 (22)" opened the overview's cell of the clauses needing attention, and "khoản 2 Điều 2"
    the workbook's column "Khoản", where the heat map beside them wrote "Khoản 5 Điều 1": a citation that
    opens a cell, a heading or a line takes its capital (``citation(..., heading=True)``). The workbook's
    headers are words: "Mã khoản", not the CSV's machine column "provision"."""
    out = tmp_path / fmt
    argv = [
        "check",
        "examples",
        "--as-of",
        AS_OF,
        "--fail-on",
        "none",
        "--format",
        fmt,
        "--output",
        f"{out}/",
    ]
    assert main(argv) == 0
    cells = _overview_cells(fmt, out)
    assert any(c.startswith(("Khoản", "Điều")) for c in cells), (
        "no citation was found: the check proves nothing"
    )
    assert not [c for c in cells if _OPENS_LOWER.match(c)], [c for c in cells if _OPENS_LOWER.match(c)][:3]
    if fmt == "xlsx":
        assert not [c for c in cells if re.fullmatch(r"[a-z]+(?:_[a-z]+)*", c)]


def test_the_record_workbook_speaks_vietnamese(tmp_path: Path) -> None:
    """`dancoso template`: every row of «Tổ chức» has a Vietnamese label (it said "province"); the help and the
    cell checks say "trang tính", as the error messages do, not "Sheet"; dates in the one style ("31/3/2025");
    and the levels are named as the reports name them ("Cấp xã": a ward is of it too, and is no "Xã")."""
    from openpyxl import load_workbook

    out = tmp_path / "ho-so.xlsx"
    argv = ["template", "--from", str(RECORDS[0].relative_to(REPO)), "--output", str(out)]
    assert main(argv) == 0
    book = load_workbook(out)
    labels = [row[0] for row in book["Tổ chức"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert labels
    assert not [label for label in labels if re.fullmatch(r"[\w.$]+", str(label)) and str(label).isascii()]
    help_lines = [str(row[0]) for row in book["Hướng dẫn"].iter_rows(values_only=True) if row[0]]
    vietnamese = help_lines[: help_lines.index("How to fill in (English)")]
    checks = [v.error or "" for sheet in book.worksheets for v in sheet.data_validations.dataValidation]
    words = vietnamese + checks
    assert checks
    assert not [w for w in words if re.search(r"\bsheet\b", w, re.IGNORECASE)]
    for text in words:
        for match in DATE.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            assert match.group(0) == vi_date(dt.date(year, month, day)), text
    lists = book["Danh mục"]
    header = [c.value for c in lists[1]]
    column = header.index("Cấp hành chính") + 1
    levels = {
        lists.cell(row=n, column=column).value: lists.cell(row=n, column=column + 1).value
        for n in range(2, lists.max_row + 1)
        if lists.cell(row=n, column=column).value
    }
    assert levels
    for level, label in levels.items():
        assert label.lower() == msg(f"level.{level}").lower(), (level, label)


def test_the_messages_outside_the_reports_say_things_one_way() -> None:
    """The help, the summaries and the validation messages (i18n's Vietnamese catalogue) call a failing
    result "không đạt", as every report does ("chưa đạt" beside it is a second name), and ask in the
    register of administrative texts, "đề nghị ...", never the familiar "hãy ..."."""
    from dancoso_rules.i18n import VI

    bad = {k: v for k, v in VI.items() if "chưa đạt" in v or re.search(r"\bhãy\b", v, re.IGNORECASE)}
    assert not bad, bad


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_system_error_is_said_in_vietnamese(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """ "không đọc được: No such file or directory" put the system's English in a Vietnamese sentence."""
    assert main([command, "khong-co-tep-nay.json", "--lang", "vi"]) in (1, 2)
    said = "".join(capsys.readouterr())  # validate reports on standard output, check on standard error
    assert "không có tệp hoặc thư mục này" in said
    assert "No such file" not in said


def test_rules_list_writes_its_date_as_a_sentence_does(capsys: pytest.CaptureFixture[str]) -> None:
    """ "hiệu lực 2025-04-01": an ISO date and half a phrase; the glossary's "có hiệu lực từ ngày 01/4/2025"."""
    assert main(["rules", "list", "--lang", "vi"]) == 0
    out = capsys.readouterr().out
    assert "có hiệu lực từ ngày 01/4/2025" in out
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out)


@pytest.mark.parametrize("case", [c for c in CASES if c[1] in ("text", "markdown", "html")], ids=_case_id)
def test_our_quotation_marks_are_typographic(
    case: tuple[Path, str], rendered: dict[tuple[str, str], list[str]]
) -> None:
    """Our words quote with “…”, as the reasons already do ("nội dung diễn giải “…”"): 'việc làm "thường
    xuyên"' mixed two styles on one page (the law's own quotes are taken out before this check)."""
    bad = [s for s in rendered[(str(case[0]), case[1])] if '"' in s]
    assert not bad, bad[:3]


def test_the_docs_pages_name_things_as_the_reports_do() -> None:
    """The generated rule catalogue (docs/) names a provision that imposes nothing, evidence and the
    interpretations relied on as the reports do: one name for one thing."""
    import sys

    sys.path.insert(0, str(REPO / "docs" / "hooks"))
    try:
        from dancoso_docs.labels import word
    finally:
        sys.path.pop(0)
    assert word("non_operative", "vi") == msg("report.non_operative")
    assert word("evidence", "vi") == msg("col.evidence")
    assert word("interpretations_used", "vi") == msg("report.interpretations")


def test_the_late_windows_are_titled_with_the_words_of_the_cadences(rulebook: Rulebook) -> None:
    """ "Thời hạn chấp nhận thực hiện chậm (nhiệm vụ 6 tháng)" beside "(nhiệm vụ hằng quý)": each title names
    its cadence as the reports do ("định kỳ 6 tháng", "hằng quý"), and the late status by its one name
    ("thực hiện chậm", which "xử lý chậm" was a second name for)."""
    titles = {
        i.id: i.title.vi for i in rulebook.interpretations if i.id.startswith("late-window-") and i.title
    }
    assert titles
    for interpretation, title in titles.items():
        assert title.startswith("Thời hạn chấp nhận thực hiện chậm ("), title
        cadence = interpretation.removeprefix("late-window-").replace("-", "_")
        if f"frequency.{cadence}" in keys():
            assert f"(nhiệm vụ {msg(f'frequency.{cadence}')})" in title, title
