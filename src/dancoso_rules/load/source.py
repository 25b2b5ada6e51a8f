"""Read an instrument's full text into its units (Điều, khoản, điểm, gạch đầu dòng) by its own markers.

This is the independent witness against which the hand-written rule files are checked: the list of
provisions, their order and their words come from the source text itself, never from a typed list.
The seeds are plain text with light Markdown emphasis (``**``, ``#``), which is markup, not law.
"""

from __future__ import annotations

import re

import msgspec

from dancoso_rules.text import fold

_ARTICLE = re.compile(r"^Điều\s+(\d+)\.\s*(.*)$")
_CLAUSE = re.compile(r"^(\d+)\.\s+(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s+(.*)$")
_DASH = re.compile(r"^-\s+(.*)$")
_MARKUP = re.compile(r"^#+\s*")

_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


class SourceUnit(msgspec.Struct):
    """One unit of the source: its id, its citation and its words (title and body, folded)."""

    id: str
    citation: str
    heading: str | None = None
    text: str | None = None
    line: int = 1
    children: list[SourceUnit] = msgspec.field(default_factory=list)

    def append(self, words: str) -> None:
        self.text = words if self.text is None else f"{self.text} {words}"


def point_slug(letter: str) -> str:
    """The id part of a point letter: ``d`` → ``d``, ``đ`` → ``dd``."""
    return "dd" if letter == "đ" else letter


def point_letter(slug: str) -> str:
    """The letter of a point id part: ``dd`` → ``đ``."""
    return "đ" if slug == "dd" else slug


def dash_ordinal(index: int) -> str:
    """How a lawyer names the n-th dash: ``gạch đầu dòng thứ tư``."""
    word = _ORDINALS[index - 1] if 1 <= index <= len(_ORDINALS) else str(index)
    return f"gạch đầu dòng thứ {word}"


def citation_for(provision_id: str) -> str:
    """The Vietnamese citation of a provision id, written from small to large.

    ``art_2__cl_3__pt_d`` → ``điểm d khoản 3 Điều 2``; ``art_1__cl_5__pt_c__ind_4`` →
    ``gạch đầu dòng thứ tư điểm c khoản 5 Điều 1``; ``conclusions`` → ``phần kết``.
    """
    if provision_id == "conclusions":
        return "phần kết"
    parts = dict(part.split("_", 1) for part in provision_id.split("__"))
    words = []
    if "ind" in parts:
        words.append(dash_ordinal(int(parts["ind"])))
    if "pt" in parts:
        words.append(f"điểm {point_letter(parts['pt'])}")
    if "cl" in parts:
        words.append(f"khoản {parts['cl']}")
    words.append(f"Điều {parts['art']}")
    return " ".join(words)


def _strip_markup(paragraph: str) -> tuple[str, bool]:
    """Remove Markdown heading marks and emphasis; say whether the whole paragraph was emphasised."""
    text = _MARKUP.sub("", fold(paragraph))
    whole = text.startswith("**") and text.endswith("**") and text.count("**") == 2
    return fold(text.replace("**", "")), whole


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """The non-empty paragraphs of ``text`` with the 1-based line each starts on."""
    found: list[tuple[int, str]] = []
    for match in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(0)))
    return found


def parse_units(
    text: str, *, body_ends_before: str, conclusions_start: str | None = None
) -> list[SourceUnit]:
    """Split an instrument's text into units, in source order, flattened (parents before children).

    The body starts at the first "Điều" and ends before the paragraph that starts with
    ``body_ends_before`` (the signature or the list of recipients). A paragraph that starts with
    ``conclusions_start`` (the closing formula) becomes the unit ``conclusions``. Any other paragraph
    without a marker continues the unit before it (the seeds break paragraphs at page turns).
    """
    units: list[SourceUnit] = []
    article: SourceUnit | None = None
    clause: SourceUnit | None = None
    point: SourceUnit | None = None
    current: SourceUnit | None = None
    dashes = 0
    stop = fold(body_ends_before).replace("**", "")
    for line, raw in _paragraphs(text):
        words, emphasised = _strip_markup(raw)
        if words.startswith(stop) or fold(raw).startswith(fold(body_ends_before)):
            break
        if conclusions_start and words.startswith(fold(conclusions_start)):
            current = SourceUnit("conclusions", citation_for("conclusions"), text=words, line=line)
            units.append(current)
            article = clause = point = None
            continue
        if (m := _ARTICLE.match(words)) is not None:
            unit_id = f"art_{m.group(1)}"
            article, clause, point, dashes = (
                SourceUnit(unit_id, citation_for(unit_id), line=line),
                None,
                None,
                0,
            )
            if m.group(2):
                if emphasised:
                    article.heading = m.group(2)
                else:
                    article.text = m.group(2)
            current = article
            units.append(article)
            continue
        if article is None:
            continue  # the preamble: title, issuer, legal bases (kept as instrument metadata)
        if (m := _CLAUSE.match(words)) is not None:
            unit_id = f"{article.id}__cl_{m.group(1)}"
            clause, point, dashes = SourceUnit(unit_id, citation_for(unit_id), line=line), None, 0
            if emphasised:
                clause.heading = m.group(2)
            else:
                clause.text = m.group(2)
            article.children.append(clause)
            current = clause
        elif (m := _POINT.match(words)) is not None and clause is not None:
            unit_id = f"{clause.id}__pt_{point_slug(m.group(1))}"
            point, dashes = SourceUnit(unit_id, citation_for(unit_id), text=m.group(2), line=line), 0
            clause.children.append(point)
            current = point
        elif (m := _DASH.match(words)) is not None and point is not None:
            dashes += 1
            unit_id = f"{point.id}__ind_{dashes}"
            current = SourceUnit(unit_id, citation_for(unit_id), text=m.group(1), line=line)
            point.children.append(current)
        elif current is not None:
            current.append(words)
            continue
        else:  # pragma: no cover - a body always opens with an article
            continue
        units.append(current)
    return units
