"""MkDocs hook: generate the rule catalogue and the reference pages at every build.

Registered in ``mkdocs.yml`` under ``hooks:``. At each build (and each rebuild of ``mkdocs serve``,
which also watches ``rules/``, ``schemas/`` and ``src/``) it loads the rule packs with
``dancoso_rules.load.load_rulebook`` and adds the generated pages to the site; nothing generated is
written into ``docs/``. The generating logic lives in the importable package ``dancoso_docs`` beside
this file, which knows nothing of MkDocs.

Environment:

- ``DANCOSO_DOCS_RULES_DIR``: build the catalogue from another rule folder (default: ``rules/``);
- ``DANCOSO_DOCS_DRAFT=1``: a missing source of truth (a schema or CLI command not written yet)
  gives a placeholder page instead of failing the build. ``mkdocs serve`` drafts by default; a real
  build (``mkdocs build``, CI, the tests) fails loudly.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from dancoso_docs.catalogue import catalogue_pages, page_path
from dancoso_docs.concordance import concordance_page
from dancoso_docs.labels import LANGS, Lang
from dancoso_docs.references import SourceMissing, api_page, cli_page, schema_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from dancoso_rules.errors import RuleError
from dancoso_rules.load import load_rulebook
from dancoso_rules.model import Rulebook

log = logging.getLogger("mkdocs.hooks.dancoso")

#: The two instruments the concordance compares.
CONCORDANCE = ("tra-vinh-2024", "long-an-2025")

_state: dict[str, Any] = {"command": "build", "pages": {}}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def _drafting() -> bool:
    return os.environ.get("DANCOSO_DOCS_DRAFT") == "1" or _state["command"] == "serve"


def repo_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def rules_dir(config: MkDocsConfig) -> Path:
    override = os.environ.get("DANCOSO_DOCS_RULES_DIR")
    return Path(override).resolve() if override else repo_root(config) / "rules"


def _load(folder: Path) -> Rulebook:
    try:
        return load_rulebook(folder)
    except RuleError as exc:
        problems = "\n".join(str(p) for p in exc.problems)
        raise PluginError(f"the rule packs in {folder} do not load:\n{problems}") from exc


def _placeholder(title: str, exc: SourceMissing) -> str:
    log.info("dancoso docs: draft page for %s: %s", title, exc)
    return f'# {title}\n\n!!! warning "Draft"\n    Not generated: {exc}. A real build fails here.\n'


def _reference(title: str, make: Any) -> str:
    try:
        text: str = make()
    except SourceMissing as exc:
        if not _drafting():
            raise PluginError(f"cannot generate the {title} page: {exc}") from exc
        return _placeholder(title, exc)
    return text


def generated_pages(config: MkDocsConfig) -> dict[str, str]:
    """Every generated page: docs-relative path → Markdown."""
    root = repo_root(config)
    rulebook = _load(rules_dir(config))
    pages: dict[str, str] = {}
    for lang in LANGS:
        pages.update(catalogue_pages(rulebook, lang))
        if all(pack in rulebook.pack_by_id for pack in CONCORDANCE):
            pages[page_path(lang, "concordance")] = concordance_page(rulebook, *CONCORDANCE, lang)
    schemas = root / "schemas"
    pages["reference/record-format.md"] = _reference(
        "Record format",
        lambda: schema_page(
            schemas / "activity-record.schema.json",
            "Record format / Định dạng hồ sơ hoạt động",
            "The shape of an activity record, the JSON file an organisation keeps of what it did "
            '(see [Records](../en/records.md), [Hồ sơ hoạt động](../vi/records.md)). Put `"$schema"` at its top so that editors check it as you type.',
        ),
    )
    pages["reference/rule-files.md"] = _reference(
        "Rule files",
        lambda: schema_page(
            schemas / "rule-pack.schema.json",
            "Rule files / Tệp quy tắc",
            "The shape of the YAML files of a rule folder (see the [authoring guide](../authoring.md)).",
        ),
    )
    for lang in LANGS:  # the CLI reference, from the same parsers under each --lang
        pages[f"{lang}/cli.md"] = _reference(f"Command line ({lang})", lambda lang=lang: cli_page(lang))
    pages["reference/api.md"] = api_page()
    _state["rulebook"] = rulebook
    return pages


def _expand_nav(nav: Any, rulebook: Rulebook) -> Any:
    """After each ``<lang>/catalogue/index.md`` entry of the nav, add one entry per instrument."""
    if isinstance(nav, list):
        expanded: list[Any] = []
        for item in nav:
            expanded.append(_expand_nav(item, rulebook))
            target = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
            for lang in LANGS:
                if target == page_path(lang, "index"):
                    expanded += [_pack_entry(pack_id, rulebook, lang) for pack_id in rulebook.pack_by_id]
        return expanded
    if isinstance(nav, dict):
        return {key: _expand_nav(value, rulebook) for key, value in nav.items()}
    return nav


def _pack_entry(pack_id: str, rulebook: Rulebook, lang: Lang) -> dict[str, str]:
    ins = rulebook.pack_by_id[pack_id].instrument
    return {
        f"{ins.territory.name}: {ins.kind_label.get(lang)} ({ins.effective.year})": page_path(lang, pack_id)
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Snippets (--8<-- "docs/snippets/...") are named from the repository's top, wherever mkdocs is run from.
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(repo_root(config))]
    _state["pages"] = generated_pages(config)
    if config.nav is not None:
        config.nav = _expand_nav(config.nav, _state["rulebook"])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for src_uri, content in _state["pages"].items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    # The published JSON Schemas are served with the site (for "$schema" and for links to them), and so
    # are the example records the pages link to.
    root = repo_root(config)
    for schema in sorted((root / "schemas").glob("*.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", content=schema.read_bytes()))
    for example in sorted((root / "examples").rglob("*.json")):
        src_uri = example.relative_to(root).as_posix()
        files.append(File.generated(config, src_uri, content=example.read_bytes()))
    return files


#: The repository's folders whose files are served with the site, as seen from ``docs/``.
SERVED = ("../schemas/", "../examples/")
_LINK = re.compile(r"\]\((?P<target>\.\./[^)\s#]+)(?P<rest>[^)]*)\)")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Point links to the repository's ``schemas/*.json`` and ``examples/`` at the copies served with the site."""
    folder = posixpath.dirname(page.file.src_uri)

    def repoint(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match["target"]))
        if target.startswith(SERVED) and files.get_file_from_path(target[3:]) is not None:
            relative = posixpath.relpath(target[3:], folder or ".")
            return f"]({relative}{match['rest']})"
        return match.group(0)

    return _LINK.sub(repoint, markdown)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    root = repo_root(config)
    for folder in (rules_dir(config), root / "schemas", root / "src" / "dancoso_rules"):
        if folder.is_dir():
            server.watch(str(folder))
    return server
