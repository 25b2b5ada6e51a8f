"""Small helpers for writing Markdown safely: escaping verbatim text, tables and anchors."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_LIST_START = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)")


def escape(text: str) -> str:
    """``text`` shown literally: Markdown's special characters escaped, no list or heading started."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", escaped)


def cell(text: str) -> str:
    """``text`` for one table cell: escaped and on one line."""
    return escape(" ".join(text.split()))


def code(text: str) -> str:
    """``text`` as inline code (identifiers never contain a backtick)."""
    return f"`{text}`"


def quote(text: str) -> str:
    """``text`` as a block quote, each paragraph kept."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return "\n>\n".join(f"> {escape(p)}" for p in paragraphs)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table; cells are written as given (escape them first with :func:`cell`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
