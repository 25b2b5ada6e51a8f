"""Reference pages generated from the sources of truth: the CLI, the JSON Schemas and the Python API.

- :func:`cli_page` asks the CLI itself (``dancoso_rules.cli.main.build_parser``) for each command's help;
- :func:`schema_page` walks a committed JSON Schema (the record format, the rule files);
- :func:`api_page` lists the public names of ``dancoso_rules`` for mkdocstrings to document.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dancoso_docs.markdown import cell, code, table

#: argparse wraps help to the terminal's width; the reference is written at a fixed one.
HELP_WIDTH = 100


class SourceMissing(Exception):
    """A source of truth a reference page is generated from is not there (yet)."""


# --- the CLI -------------------------------------------------------------------------------------


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, width=HELP_WIDTH)


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def _help(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = _formatter
    return parser.format_help().rstrip()


def command_helps(lang: str = "en") -> list[tuple[str, str]]:
    """``(command line, help text)`` for ``dancoso`` and every sub-command, nested ones included, in ``lang``
    (the parsers are built under ``--lang``'s machinery, so argparse's own words are translated too).

    Raises :class:`SourceMissing` when a sub-command's module cannot be imported yet.
    """
    from dancoso_rules.cli.lang import speaking
    from dancoso_rules.cli.main import COMMANDS, build_parser

    with speaking(lang):  # type: ignore[arg-type]
        helps = [("dancoso", _help(build_parser([])))]
        for name in COMMANDS:
            try:
                parser = build_parser([name])
            except ImportError as exc:
                raise SourceMissing(f"the CLI command 'dancoso {name}' cannot be imported: {exc}") from exc
            sub = dict(_subparsers(parser))[name]
            helps.append((f"dancoso {name}", _help(sub)))
            helps += [(f"dancoso {name} {n}", _help(p)) for n, p in _subparsers(sub)]
    return helps


#: What the CLI reference says before the commands' help, in each language.
_CLI_INTRO: dict[str, list[str]] = {
    "en": [
        "# Command line",
        "",
        "[Tiếng Việt](../vi/cli.md)",
        "",
        '!!! info "Generated"',
        "    Each block below is what `dancoso … --lang en --help` prints, taken from the CLI itself when the site "
        "is built.",
        "",
        "**Exit codes**, as `dancoso --help` lists them:",
        "",
        "| Code | Meaning |",
        "|---|---|",
        "| `0` | success: every record valid; no result with a status in `--fail-on` |",
        "| `1` | the inputs were read but fail: an invalid record (`validate`, `import`), a result with a status in "
        "`--fail-on` (`check`), a rule problem (`rules lint`), text not covered (`rules coverage`) |",
        "| `2` | usage errors, unreadable input, an invalid record or option (`check`, `calendar`, `template`), "
        "output that cannot be written |",
        "| `3` | an internal error, a bug: one line on standard error says what and where to report it "
        "(`DANCOSO_DEBUG=1` shows the traceback) |",
        "| `141` | the reader of standard output left before the end (`dancoso check … \\| head`): never 0, "
        "so that `set -o pipefail` does not pass a report nobody read to its end |",
        "",
        "`--fail-on` decides the exit code of `check` only: every report counts missed and overdue duties as "
        "failing and says when the run's policy does not block on them.",
        "",
        "**Language**: `--lang vi` or `--lang en`, on every command, sets the language of `--help`, the "
        "messages on standard error (validation messages, `rules lint`, summaries, the progress bar) and the "
        "reports. Without it the locale decides: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; `vi…` "
        "gives Vietnamese, `en…` English, anything else (or nothing) Vietnamese. The blocks below are the English "
        "help; the [Vietnamese page](../vi/cli.md) has `--lang vi`'s. A problem's `code` in "
        "`validate --format json` never changes with the language.",
        "",
        "**Input**: records are UTF-8 JSON, with or without a byte-order mark (a BOM, as PowerShell and Notepad "
        "write, is skipped; `validate` notes it, a warning even with `--strict`); UTF-16 is refused. `-` reads standard input: one record, or JSON Lines "
        "(one record per line), for `check` as for `validate`.",
        "",
        "**Output** is UTF-8 whatever the locale. `--output PATH`:",
        "",
        "- never writes over an input of the run (a report that would is named `ID-2.EXT`, or the run is "
        "refused, exit 2);",
        "- a regular file is written to a temporary file beside it and renamed over it once complete; a new "
        "file gets the mode `0666 & ~umask`, a replaced one keeps its mode; the temporary file is removed on "
        "error, Ctrl-C and SIGTERM; missing parent folders are created;",
        "- a FIFO, a device, `/dev/stdout`, `>(…)` are written in place, never replaced;",
        "- for one record, a folder (existing, or written with a trailing `/`) gets `ORGANISATION-ID.EXT`;",
        "- for several records, the folder gets a report per organisation, `overview.EXT` and the run's manifest "
        "`.dancoso-run.json`; a later run into the same folder removes the reports the earlier one listed and "
        "did not write again, leaves other files alone and names them in a note;",
        "- a failure to write (a read-only file system, a parent that is a file, a folder where a file is "
        "expected) is one located line, exit 2.",
        "",
    ],
    "vi": [
        "# Dòng lệnh",
        "",
        "[English](../en/cli.md)",
        "",
        '!!! info "Trang được sinh tự động"',
        "    Mỗi khối dưới đây là nội dung lệnh `dancoso … --lang vi --help` hiển thị, lấy trực tiếp từ chương "
        "trình khi xây dựng trang.",
        "",
        "**Mã thoát**, như lệnh `dancoso --help` liệt kê:",
        "",
        "| Mã | Ý nghĩa |",
        "|---|---|",
        "| `0` | thành công: mọi hồ sơ hợp lệ; không có kết quả nào ở tình trạng nêu tại `--fail-on` |",
        "| `1` | đã đọc được đầu vào nhưng không đạt: hồ sơ không hợp lệ (`validate`, `import`), có kết quả ở tình "
        "trạng nêu tại `--fail-on` (`check`), bộ quy tắc có lỗi (`rules lint`), văn bản còn nội dung chưa bao quát "
        "(`rules coverage`) |",
        "| `2` | dùng lệnh sai, đầu vào không đọc được, hồ sơ hoặc tham số không hợp lệ (`check`, `calendar`, "
        "`template`), không ghi được kết quả |",
        "| `3` | lỗi nội bộ của phần mềm: một dòng trên đầu ra lỗi chuẩn nêu lỗi và nơi báo lỗi "
        "(`DANCOSO_DEBUG=1` hiển thị chi tiết truy vết) |",
        "| `141` | chương trình đọc đầu ra chuẩn đã dừng trước khi hết (`dancoso check … \\| head`): không bao giờ "
        "là 0, để `set -o pipefail` không cho qua một báo cáo chưa được đọc hết |",
        "",
        "`--fail-on` chỉ quyết định mã thoát của lệnh `check`: mọi báo cáo đều tính các nhiệm vụ không thực hiện "
        "và quá hạn là không đạt, và ghi rõ khi quy định của lần chạy không chặn các tình trạng đó.",
        "",
        "**Ngôn ngữ**: tham số `--lang vi` hoặc `--lang en`, có ở mọi lệnh, quyết định ngôn ngữ của `--help`, các "
        "thông báo trên đầu ra lỗi chuẩn (thông báo kiểm tra hồ sơ, `rules lint`, số liệu tổng hợp, thanh tiến "
        "độ) và của báo cáo. Không ghi tham số này thì theo thiết lập vùng: biến đầu tiên được đặt trong số "
        "`LC_ALL`, `LC_MESSAGES`, `LANG`; `vi…` cho tiếng Việt, `en…` cho tiếng Anh, giá trị khác (hoặc không đặt) "
        "cho tiếng Việt. Các khối dưới đây là hướng dẫn bằng tiếng Việt; [trang tiếng Anh](../en/cli.md) có "
        "hướng dẫn của `--lang en`. Mã vấn đề (`code`) trong `validate --format json` không thay đổi theo ngôn ngữ.",
        "",
        "**Đầu vào**: hồ sơ là tệp JSON mã hóa UTF-8, có hoặc không có dấu thứ tự byte (BOM, do PowerShell và "
        "Notepad ghi, được bỏ qua; lệnh `validate` nêu ghi chú về dấu này, vẫn chỉ là cảnh báo kể cả với "
        "`--strict`); tệp UTF-16 bị từ chối. `-` đọc từ đầu vào chuẩn: một hồ sơ, hoặc "
        "JSON Lines (mỗi dòng một hồ sơ), với `check` cũng như `validate`.",
        "",
        "**Đầu ra** luôn mã hóa UTF-8, không phụ thuộc thiết lập vùng. `--output PATH`:",
        "",
        "- không bao giờ ghi đè lên tệp đầu vào của lần chạy (báo cáo trùng tên được đặt tên `ID-2.EXT`, hoặc "
        "lần chạy bị từ chối, mã thoát 2);",
        "- tệp thông thường được ghi vào một tệp tạm bên cạnh rồi đổi tên thay tệp cũ khi ghi xong; tệp mới có "
        "quyền `0666 & ~umask`, tệp được thay giữ nguyên quyền; tệp tạm bị xóa khi có lỗi, khi nhấn Ctrl-C và khi "
        "nhận SIGTERM; thư mục cha chưa có sẽ được tạo;",
        "- FIFO, thiết bị, `/dev/stdout`, `>(…)` được ghi trực tiếp, không bao giờ bị thay bằng tệp khác;",
        "- với một hồ sơ, thư mục (đã có, hoặc ghi có dấu `/` ở cuối) nhận tệp `MÃ-CƠ-QUAN.ĐUÔI`;",
        "- với nhiều hồ sơ, thư mục nhận báo cáo của từng cơ quan, đơn vị, tệp `overview.EXT` và tệp kê "
        "`.dancoso-run.json` của lần chạy; lần chạy sau vào cùng thư mục xóa các báo cáo lần trước đã liệt kê mà "
        "lần này không ghi lại, giữ nguyên các tệp khác và nêu tên chúng trong một ghi chú;",
        "- khi không ghi được (hệ thống tệp chỉ đọc, thư mục cha là tệp, có thư mục ở chỗ cần tệp), chương trình "
        "báo một dòng có vị trí, mã thoát 2.",
        "",
    ],
}


def cli_page(lang: str = "en") -> str:
    """The CLI reference in ``lang``: every command's ``--help``, as the installed CLI prints it under ``--lang``."""
    out = list(_CLI_INTRO[lang])
    for command, text in command_helps(lang):
        depth = "#" * (1 + len(command.split()))
        out += [f"{depth} `{command}`", "", "```text", text, "```", ""]
    return "\n".join(out).rstrip() + "\n"


# --- JSON Schemas --------------------------------------------------------------------------------

_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def plain(docstring: str) -> str:
    """A schema's description (a docstring) as Markdown: reST roles and double backticks made plain."""
    text = _ROLE.sub(lambda m: f"`{m.group(1)}`", docstring)
    return text.replace("``", "`")


def _anchor(name: str) -> str:
    return "def-" + name.lower()


def type_of(schema: dict[str, Any]) -> str:
    """A short Markdown name for a schema's type, with links to the definitions it refers to."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(name)})"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(dict.fromkeys(type_of(s) for s in schema[key]))
    if "const" in schema:
        return code(json.dumps(schema["const"], ensure_ascii=False))
    if "enum" in schema:
        return "one of " + ", ".join(code(json.dumps(v, ensure_ascii=False)) for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        items = schema.get("items")
        return f"array of {type_of(items)}" if isinstance(items, dict) else "array"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"object of {type_of(schema['additionalProperties'])}"
    if isinstance(kind, list):
        return " or ".join(kind)
    name = str(kind)
    if "format" in schema:
        name += f" ({schema['format']})"
    return name


def _constraints(schema: dict[str, Any]) -> list[str]:
    notes = []
    for key in ("pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems"):
        if key in schema:
            notes.append(f"{key} {code(str(schema[key]))}")
    if "default" in schema and schema["default"] not in (None, [], {}):
        notes.append(f"default {code(json.dumps(schema['default'], ensure_ascii=False))}")
    return notes


def _refs(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                yield value.rsplit("/", 1)[-1]
            else:
                yield from _refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _refs(item)


def _reachable(schema: dict[str, Any]) -> list[str]:
    """Definition names in the order a reader meets them, from the root down."""
    defs = schema.get("$defs", {})
    order: list[str] = []
    queue = list(_refs({k: v for k, v in schema.items() if k != "$defs"}))
    while queue:
        name = queue.pop(0)
        if name in order or name not in defs:
            continue
        order.append(name)
        queue += list(_refs(defs[name]))
    return order + sorted(set(defs) - set(order))


def _object_section(name: str, schema: dict[str, Any], level: str) -> list[str]:
    out = [f"{level} {name} {{ #{_anchor(name)} }}", ""]
    if schema.get("description"):
        out += [plain(schema["description"]), ""]
    properties: dict[str, Any] = schema.get("properties", {})
    if properties:
        required = set(schema.get("required", []))
        rows = []
        for field, sub in properties.items():
            described = plain(sub.get("description", "")) if sub.get("description") else ""
            notes = "; ".join(_constraints(sub))
            rows.append(
                (
                    code(field),
                    type_of(sub),
                    "yes" if field in required else "",
                    (cell(described) + (f" ({notes})" if notes else "")).strip(),
                )
            )
        out += [table(("Field", "Type", "Required", "Description"), rows), ""]
        if schema.get("additionalProperties") is False:
            out += ["Other fields are rejected.", ""]
    elif "enum" in schema or "anyOf" in schema or "oneOf" in schema or "type" in schema:
        out += [f"Type: {type_of(schema)}.", ""]
    for key in ("anyOf", "oneOf", "allOf"):
        alternatives = [s for s in schema.get(key, []) if isinstance(s, dict) and "required" in s]
        if alternatives and properties:
            ways = " or ".join(" and ".join(code(f) for f in s["required"]) for s in alternatives)
            out += [f"Needs {ways}.", ""]
    return out


def schema_page(path: Path, title: str, intro: str) -> str:
    """A page describing every definition of the JSON Schema at ``path``, from the root down."""
    if not path.is_file():
        raise SourceMissing(f"{path} does not exist; it is generated from the model and committed")
    schema = json.loads(path.read_text(encoding="utf-8"))
    out = [
        f"# {title}",
        "",
        '!!! info "Generated"',
        f"    Generated when the site is built from `{path.parent.name}/{path.name}` "
        f"(`$id` {code(str(schema.get('$id', '')))}, JSON Schema {code(str(schema.get('$schema', '')))}).",
        "",
        intro,
        "",
    ]
    if schema.get("description"):
        out += [plain(schema["description"]), ""]
    if "properties" in schema:
        out += _object_section(schema.get("title", "Document").replace(" ", ""), schema, "##")
    for name in _reachable(schema):
        out += _object_section(name, schema["$defs"][name], "##")
    return "\n".join(out).rstrip() + "\n"


# --- the Python API ------------------------------------------------------------------------------


def public_names() -> list[tuple[str, str]]:
    """``(name, module)`` for every name ``dancoso_rules`` exports, in its ``__all__`` order."""
    package = importlib.import_module("dancoso_rules")
    exports: dict[str, str] = getattr(package, "_EXPORTS", {})
    names = []
    for name in package.__all__:
        module = exports.get(name)
        if module is None:
            module = getattr(getattr(package, name), "__module__", "dancoso_rules")
        names.append((name, module))
    return names


#: The names a reader starts from, documented first (the rest follow in ``__all__`` order).
API_FIRST = ("evaluate", "render", "load_record", "Report", "DutyResult", "Status")
#: The result structs whose fields (without docstrings of their own) are listed too.
API_FIELDS = frozenset({"Report", "DutyResult"})


def api_page() -> str:
    """The Python API page: one mkdocstrings block per public name of ``dancoso_rules``, each under its
    own heading with its signature, the names a reader starts from first."""
    out = [
        "# Python API",
        "",
        '!!! info "Generated"',
        "    The list of names is read from `dancoso_rules.__all__` when the site is built; each entry is "
        "rendered by mkdocstrings from the docstrings and type annotations in `src/`.",
        "",
        "Everything below is importable from the package itself. The command line's "
        "`dancoso check RECORD --as-of DATE --format html` is, in Python:",
        "",
        "```python",
        "import datetime",
        "from dancoso_rules import evaluate, render",
        "",
        'report = evaluate("record.json", as_of=datetime.date(2026, 1, 15))  # or bytes, a dict, an ActivityRecord',
        'html = render(report, "html", lang="vi")  # text, markdown, json, junit, sarif, csv: str; docx, xlsx: bytes',
        "```",
        "",
        "An invalid record raises `RecordError`, whose `problems` are the located messages `dancoso validate` "
        "prints; `report.counts()` and `report.results` hold what the exit code of `dancoso check` is decided on.",
        "",
    ]
    names = public_names()
    first = [n for n in names if n[0] in API_FIRST]
    first.sort(key=lambda n: API_FIRST.index(n[0]))
    for name, module in first + [n for n in names if n[0] not in API_FIRST]:
        out += [
            f"::: {module}.{name}",
            "    options:",
            "      heading_level: 2",
            "      show_root_full_path: false",
        ]
        if name in API_FIELDS:
            out.append("      show_if_no_docstring: true")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
