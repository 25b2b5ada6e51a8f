"""The documentation site: it builds strictly, every example on it runs, and the catalogue follows the rules.

Which code blocks of ``docs/**/*.md`` are executed, by their fence's language:

- ```` ```console ````: executed. Each line starting with ``$ `` is a command, run with bash from the top of
  the repository, where ``dancoso`` is this test's own interpreter's ``python -m dancoso_rules``. A command
  must exit 0 unless it ends with a comment ``# exit N``. The lines after a command are its expected output
  (standard output and standard error together): each must appear, in that order, as a line of the actual
  output (compared with surrounding white space stripped); ``...`` stands for any lines.
- ```` ```python ````: executed, as a script of its own in a fresh interpreter (``python -W error -c``) from
  the top of the repository; it must exit 0. Its ``assert`` statements are the checks.
- ```` ```sh ````: shown, not executed: installs, network, commands that set up a machine (``pip install``).
- ```` ```{.python title="..."} ````: a Python file shown, included with ``--8<--`` (ruff leaves this fence
  alone, so the include line survives ``ruff format``); it is run by a ``console`` block instead.
- ```` ```yaml ````, ```` ```text ````, ```` ```json ````, ```` ```toml ````, ```` ```mermaid ````: data and
  diagrams, not executed. A YAML block may include a real file with ``--8<-- "path"`` (pymdownx.snippets),
  which a ``python`` or ``console`` block then uses, so that what is shown is what is run.

A block with no language, or another one, fails :func:`test_every_block_is_marked`: an author must say whether
a block runs. MkDocs runs in a subprocess, so that its deprecation warnings stay out of this (warnings as
errors) test process.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from dancoso_rules.model import Rulebook

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
HOOKS = DOCS / "hooks"
EXECUTED = {"console", "python"}
SHOWN = {"sh", "yaml", "text", "json", "toml", "mermaid", "python-file"}
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,})(?P<lang>\{\.python[^}]*\}|[\w-]*)[^\n]*$")
_EXIT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    file: Path
    line: int
    lang: str
    code: str

    @property
    def id(self) -> str:
        return f"{self.file.relative_to(DOCS)}:{self.line}"


def doc_pages() -> list[Path]:
    """The hand-written pages (generated ones are not in ``docs/``; the hooks' own files are not pages)."""
    return sorted(p for p in DOCS.rglob("*.md") if HOOKS not in p.parents and "snippets" not in p.parts)


def code_blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, with the line each starts on."""
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != fence:
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        lang = "python-file" if match["lang"].startswith("{") else match["lang"]
        blocks.append(Block(path, i + 1, lang, "\n".join(body) + "\n"))
        i = j + 1
    return blocks


ALL_BLOCKS = [block for page in doc_pages() for block in code_blocks(page)]


def _params(lang: str) -> list[object]:
    return [pytest.param(b, id=b.id) for b in ALL_BLOCKS if b.lang == lang]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8", NO_COLOR="1", COLUMNS="100")
    env.pop("DANCOSO_DOCS_DRAFT", None)
    env.pop("DANCOSO_DOCS_RULES_DIR", None)
    return env


def test_every_block_is_marked() -> None:
    unmarked = [f"{b.id} ({b.lang or 'no language'})" for b in ALL_BLOCKS if b.lang not in EXECUTED | SHOWN]
    assert not unmarked, f"code blocks must say whether they run (see this module's docstring): {unmarked}"
    assert any(b.lang == "console" for b in ALL_BLOCKS)
    assert any(b.lang == "python" for b in ALL_BLOCKS)


# --- executing the examples ----------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    line: str
    exit_code: int
    expected: tuple[str, ...]


def console_commands(block: Block) -> list[Command]:
    """The ``$`` commands of a console block, each with its expected exit code and output lines."""
    commands: list[Command] = []
    current: tuple[str, int] | None = None
    expected: list[str] = []
    for raw in block.code.splitlines():
        if raw.startswith("$ "):
            if current is not None:
                commands.append(Command(current[0], current[1], tuple(expected)))
            text = raw[2:]
            found = _EXIT.search(text)
            current = (text[: found.start()] if found else text, int(found.group(1)) if found else 0)
            expected = []
        elif current is not None and raw.strip():
            expected.append(raw.strip())
    if current is not None:
        commands.append(Command(current[0], current[1], tuple(expected)))
    return commands


def _in_order(expected: tuple[str, ...], actual: str) -> str | None:
    """``None`` when every expected line appears, in order, among the actual lines; else the first missing."""
    lines = [line.strip() for line in actual.splitlines()]
    position = 0
    for want in expected:
        if want == "...":
            continue
        try:
            position = lines.index(want, position) + 1
        except ValueError:
            return want
    return None


@pytest.mark.parametrize("block", _params("console"))
def test_console_block_runs(block: Block) -> None:
    commands = console_commands(block)
    assert commands, f"{block.id}: a console block needs at least one '$ ' command"
    shim = f'dancoso() {{ "{sys.executable}" -m dancoso_rules "$@"; }}\npython() {{ "{sys.executable}" "$@"; }}\n'
    # The English pages show what an English locale prints; the others what the Vietnamese default prints.
    env = {**_env(), "LC_MESSAGES": "en_US.UTF-8" if block.id.startswith("en/") else "vi_VN.UTF-8"}
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", shim + command.line],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        output = done.stdout + done.stderr
        assert done.returncode == command.exit_code, (
            f"{block.id}: `{command.line}` exited {done.returncode}, the docs say {command.exit_code}\n{output[-3000:]}"
        )
        missing = _in_order(command.expected, output)
        assert missing is None, f"{block.id}: `{command.line}` did not print {missing!r}\n{output[-3000:]}"


@pytest.mark.parametrize("block", _params("python"))
def test_python_block_runs(block: Block) -> None:
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", block.code],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{block.id} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"


def test_snippets_exist() -> None:
    """Every ``--8<--`` include names a file of the repository (pymdownx.snippets also checks, at build time)."""
    for block in ALL_BLOCKS:
        for name in re.findall(r'--8<-- "([^"]+)"', block.code):
            assert (REPO / name).is_file(), f"{block.id}: {name} does not exist"


# --- building the site ---------------------------------------------------------------------------


def build_site(destination: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of this repository's site into ``destination``, in a subprocess."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(REPO / "mkdocs.yml"),
            "-d",
            str(destination),
        ],
        cwd=REPO,
        env={**_env(), **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site")
    done = build_site(destination)
    assert done.returncode == 0, (
        f"mkdocs build --strict failed:\n{done.stdout[-4000:]}\n{done.stderr[-6000:]}"
    )
    return destination


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_site_builds_with_every_page(site: Path) -> None:
    for page in doc_pages():
        relative = page.relative_to(DOCS).with_suffix("")
        folder = relative.parent if relative.name == "index" else relative
        assert (site / folder / "index.html").is_file(), f"{page} was not built"
    for generated in (
        "vi/catalogue",
        "en/catalogue",
        "vi/catalogue/tra-vinh-2024",
        "en/catalogue/long-an-2025",
        "vi/catalogue/concordance",
        "en/catalogue/concordance",
        "vi/cli",
        "en/cli",
        "reference/record-format",
        "reference/rule-files",
        "reference/api",
    ):
        assert (site / generated / "index.html").is_file(), f"generated page {generated} is missing"


def test_catalogue_pages_show_text_obligations_and_interpretations(site: Path) -> None:
    page = _page(site, "en/catalogue/tra-vinh-2024")
    assert 'id="art_2__cl_3__pt_d"' in page
    assert "tra-vinh-2024.art_2__cl_3__pt_d.staff-conference" in page
    assert "tổ chức hội nghị cán bộ, công chức, viên chức, người lao động hàng năm theo đúng quy định" in page
    assert 'id="interp-staff-conference-deadline"' in page
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 51 khoản 1" in page
    vi = _page(site, "vi/catalogue/long-an-2025")
    assert 'id="art_1__cl_5__pt_c__ind_4"' in vi
    assert "gạch đầu dòng thứ tư điểm c khoản 5 Điều 1" in vi


def test_references_come_from_their_sources(site: Path) -> None:
    cli = _page(site, "en/cli")
    for command in ("dancoso rules lint", "dancoso rules coverage", "dancoso validate", "dancoso check"):
        assert command in cli
    assert "--as-of" in cli
    record = _page(site, "reference/record-format")
    assert 'id="def-organisation"' in record.lower() or "Organisation" in record
    api = _page(site, "reference/api")
    assert "load_rulebook" in api
    assert "doc-heading" in api, "mkdocstrings rendered nothing"


@pytest.mark.parametrize(
    ("lang", "words", "other"),
    [
        (
            "vi",
            ["Mã thoát", "cách dùng: dancoso", "tùy chọn", "kiểm tra một thư mục quy tắc"],
            "usage: dancoso",
        ),
        ("en", ["Exit codes", "usage: dancoso", "options", "check a rule folder or pack"], "cách dùng:"),
    ],
)
def test_the_cli_reference_is_in_both_languages_and_lists_every_command(
    site: Path, lang: str, words: list[str], other: str
) -> None:
    from dancoso_rules.cli.main import COMMANDS

    page = _page(site, f"{lang}/cli")
    commands = ["dancoso", *(f"dancoso {name}" for name in COMMANDS)]
    commands += [f"dancoso rules {action}" for action in ("list", "show", "lint", "coverage")]
    for command in commands:
        assert f'><code>{command}</code><a class="headerlink"' in page, f"{command}: no heading ({lang})"
    for word in words:
        assert word in page
    assert other not in page


def test_api_reference_has_a_heading_and_a_signature_for_each_entry_point_and_no_raw_roles(
    site: Path,
) -> None:
    import html as html_lib

    api = _page(site, "reference/api")
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", api))
    for name, module in (
        ("evaluate", "dancoso_rules.evaluation.engine"),
        ("render", "dancoso_rules.report.render"),
        ("load_record", "dancoso_rules.record.validate"),
        ("Report", "dancoso_rules.evaluation.result"),
    ):
        assert re.search(rf'<h2 id="{re.escape(module)}\.{name}" class="doc doc-heading">', api), name
    # The signatures, as mkdocstrings writes them (one parameter a line when they do not fit).
    assert re.search(r"evaluate\(\s*record: RecordInput \| RecordLike,\s*\*,", text)
    assert re.search(r'render\(\s*report: Report \| ComplianceReport,\s*format: str = "text",', text)
    assert re.search(
        r"load_record\(\s*source: RecordInput, rulebook: Rulebook \| None = None\s*\) -> ActivityRecord", text
    )
    assert "counts() -> dict[str, int]" in text  # Report's methods
    assert "results: tuple[DutyResult, ...]" in text  # and its fields
    left = re.findall(r":(?:py:)?(?:meth|func|class|mod|attr|data|exc|obj):", text)
    assert not left, f"raw reST roles on the API page: {sorted(set(left))}"
    assert "Example::" not in text


def test_mermaid_diagrams_are_kept_for_the_browser(site: Path) -> None:
    for lang in ("en", "vi"):
        concepts = _page(site, f"{lang}/concepts")
        assert concepts.count('class="mermaid"') >= 3, lang


@pytest.mark.parametrize("name", ["index", "getting-started", "concepts", "records"])
def test_each_guide_is_in_vietnamese_and_english_and_links_to_the_other(name: str) -> None:
    for lang, other in (("vi", "en"), ("en", "vi")):
        page = DOCS / lang / f"{name}.md"
        assert page.is_file(), f"{page} is missing"
        text = page.read_text(encoding="utf-8")
        assert f"(../{other}/{name}.md)" in text, f"{page} does not link to its {other} version"
        assert unicodedata.is_normalized("NFC", text), f"{page} is not in NFC"
    vi = (DOCS / "vi" / f"{name}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", vi)) > 100, (
        f"vi/{name}.md does not read as Vietnamese"
    )


def test_links_to_the_example_records_and_schemas_resolve_in_the_site(site: Path) -> None:
    for lang in ("en", "vi"):
        folder = site / lang / "records"
        page = (folder / "index.html").read_text(encoding="utf-8")
        targets = re.findall(r'href="([^"#]+\.json)"', page)
        assert any("examples/" in t for t in targets), lang
        assert any("schemas/" in t for t in targets), lang
        for target in targets:
            if "://" not in target:
                assert (folder / target).resolve().is_file(), (
                    f"{lang}/records links to {target}, not in the site"
                )


# --- the generators, without MkDocs --------------------------------------------------------------


@pytest.fixture(scope="module")
def generators() -> dict[str, ModuleType]:
    sys.path.insert(0, str(HOOKS))
    try:
        return {
            name: importlib.import_module(f"dancoso_docs.{name}")
            for name in ("catalogue", "concordance", "references")
        }
    finally:
        sys.path.remove(str(HOOKS))


def test_catalogue_follows_the_instrument_order(generators: dict[str, ModuleType]) -> None:
    from dancoso_rules.load import load_rulebook

    rulebook = load_rulebook(REPO / "rules")
    for lang in ("vi", "en"):
        pages = generators["catalogue"].catalogue_pages(rulebook, lang)
        for pack in rulebook.packs:
            text = pages[f"{lang}/catalogue/{pack.id}.md"]
            anchors = re.findall(r"\{ #((?:art|conclusions)[\w]*) \}", text)
            assert anchors == [p.id for p in pack.provisions]


def test_catalogue_changes_when_a_rule_file_changes(
    tmp_path: Path, generators: dict[str, ModuleType]
) -> None:
    from dancoso_rules.load import load_rulebook

    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    before = generators["catalogue"].catalogue_pages(load_rulebook(rules), "en")
    dieu_2 = rules / "tra-vinh-2024" / "dieu-2.yaml"
    text = dieu_2.read_text(encoding="utf-8")
    edited = text.replace(
        "en: Hold the annual staff conference\n", "en: Hold the annual staff conference (edited)\n", 1
    )
    assert edited != text, "the staff-conference summary moved; update this test"
    dieu_2.write_text(edited, encoding="utf-8")
    after = generators["catalogue"].catalogue_pages(load_rulebook(rules), "en")
    changed = {path for path in before if before[path] != after[path]}
    assert changed == {"en/catalogue/tra-vinh-2024.md"}
    assert "Hold the annual staff conference (edited)" in after["en/catalogue/tra-vinh-2024.md"]

    # And the real build picks the change up with no step in between (the hook reads the YAML at build time).
    done = build_site(tmp_path / "site", DANCOSO_DOCS_RULES_DIR=str(rules))
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Hold the annual staff conference (edited)" in _page(
        tmp_path / "site", "en/catalogue/tra-vinh-2024"
    )


def test_concordance_pairs_the_instruments_and_finds_what_long_an_adds(
    generators: dict[str, ModuleType],
) -> None:
    from dancoso_rules.load import load_rulebook

    rulebook = load_rulebook(REPO / "rules")
    concordance = generators["concordance"]
    result = concordance.concord(rulebook.pack_by_id["tra-vinh-2024"], rulebook.pack_by_id["long-an-2025"])
    pairs = {(p.left.id, p.right.id) for p in result.pairs}
    assert ("art_2__cl_3__pt_d", "art_1__cl_5__pt_c__ind_4") in pairs  # staff conference, disclosure, ...
    assert ("art_2__cl_5__pt_c", "art_1__cl_5__pt_dd__ind_3") in pairs  # inspection of grassroots democracy
    left_ids = [p.left.id for p in result.pairs]
    right_ids = [p.right.id for p in result.pairs]
    assert len(set(left_ids)) == len(left_ids)
    assert len(set(right_ids)) == len(right_ids)
    long_an_only = " ".join(s for p in result.pairs for s in p.right_only)
    assert "Dân tin - Đảng cử" in long_an_only
    assert "Ban Giám sát đầu tư của cộng đồng" in long_an_only
    assert any("biểu quyết trực tuyến" in p.words for p in result.right_alone)
    assert any(p.id == "art_4__cl_2" for p in result.left_alone)  # the request to the Fatherland Front
    assert "hamlet_head_election" in result.right_activities
    page = concordance.concordance_page(rulebook, "tra-vinh-2024", "long-an-2025", "vi")
    assert "Dân tin - Đảng cử" in page
    assert "(tra-vinh-2024.md#art_2__cl_3__pt_d)" in page


def test_a_missing_schema_is_reported_not_papered_over(
    tmp_path: Path, generators: dict[str, ModuleType]
) -> None:
    references = generators["references"]
    with pytest.raises(references.SourceMissing, match=r"activity-record\.schema\.json"):
        references.schema_page(tmp_path / "activity-record.schema.json", "Record format", "")


def test_markdown_escaping_keeps_verbatim_text_literal() -> None:
    sys.path.insert(0, str(HOOKS))
    try:
        markdown = importlib.import_module("dancoso_docs.markdown")
    finally:
        sys.path.remove(str(HOOKS))
    assert markdown.escape("- a *b* [c] <d> | e_f") == r"\- a \*b\* \[c\] \<d\> \| e\_f"
    assert markdown.quote("một\n\nhai") == "> một\n>\n> hai"


def test_the_readme_counts_each_pack_s_provisions_and_obligations(rulebook: Rulebook) -> None:
    """The README's table of what is encoded says how many provisions and obligations each pack has."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for pack in rulebook.packs:
        row = next(line for line in readme.splitlines() if f"(`rules/{pack.id}/`)" in line)
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        obligations = sum(len(p.obligations) for p in pack.provisions)
        assert (cells[2], cells[3]) == (str(len(pack.provisions)), str(obligations)), pack.id
