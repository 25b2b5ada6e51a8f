"""Text normalisation shared by every layer: Unicode NFC and folded white space; the Vietnamese date.

Vietnamese text is compared after NFC normalisation (precomposed diacritics) and after folding
every run of white space (including the paragraph breaks of a page turn) into one space. Nothing
else is ever changed: a quote that differs by one diacritic is a different quote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from functools import lru_cache

_WHITESPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode Normalization Form C."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Return ``text`` in NFC with every run of white space folded into one space, trimmed."""
    return _WHITESPACE.sub(" ", nfc(text)).strip()


def content_hash(text: str) -> str:
    """A stable hash of a provision's text: ``sha256:`` and the hex digest of its folded form."""
    return "sha256:" + hashlib.sha256(fold(text).encode("utf-8")).hexdigest()


def is_verbatim_part(part: str, whole: str) -> bool:
    """Whether ``part`` occurs in ``whole`` after only NFC normalisation and white-space folding."""
    folded = fold(part)
    return bool(folded) and folded in fold(whole)


@lru_cache(maxsize=4096)  # results repeat the same few hundred days
def vi_date(day: dt.date) -> str:
    """``31/3/2026``, ``01/7/2025``, ``29/02/2028``: the one style of a date in Vietnamese text.

    As administrative documents write it (Nghị định 30/2020/NĐ-CP, Phụ lục I): a leading zero for days
    below 10 and for January and February, none for other months (never ``31/03/2026``).
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


#: Characters that act on a terminal or reorder text instead of being shown: C0 controls, DEL, C1
#: controls (ESC, BEL, CSI...), and the bidirectional controls (LRM, RLM, ALM, embeddings, overrides,
#: isolates). A record's text that reaches a report or a message never carries them as they are.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


#: Characters XML 1.0 cannot carry at all (its ``Char`` production): C0 controls but tab, line feed and
#: carriage return; U+FFFE and U+FFFF; lone surrogates. XLSX, DOCX and JUnit are XML.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # fast to compile


def _shown(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line with every control character written out (``\\x1b``, ``\\n``, ``\\u202e``).

    For messages and other one-line output: nothing in ``text`` can move the cursor, clear or retitle a
    terminal, start a new line (a GitHub Actions workflow command starts a line), or reorder the text.
    """
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


def visible_lines(text: str) -> str:
    """:func:`visible`, keeping line breaks and tabs (``\\r`` only in ``\\r\\n``): for whole documents.

    A line that would start with ``::`` (a GitHub Actions workflow command, run when the document is
    printed in a job's log) has its first colon written out as ``\\x3a``.
    """
    if not _UNSAFE_IN_LINES.search(text) and "\r" not in text and "::" not in text:
        return text
    # A lone \r (which overwrites a line on a terminal) is written out; \r\n is a line break.
    text = "\r\n".join(_UNSAFE_IN_LINES.sub(_shown, part) for part in text.split("\r\n"))
    return _COMMAND_LINE.sub(r"\1\\x3a", text)


_COMMAND_LINE = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)


def xml_visible(text: str) -> str:
    """:func:`visible_lines`, and what XML 1.0 cannot carry (``\\uffff``) written out too: for text put
    into an XML document (a workbook's cell, a Word document's run, a JUnit report)."""
    text = visible_lines(text)
    return _NOT_XML.sub(_shown, text) if _NOT_XML.search(text) else text


def xml_compatible(text: str) -> bool:
    """Whether XML 1.0 can carry ``text`` as it is (no C0 control but tab and line breaks, no U+FFFE or
    U+FFFF, no lone surrogate)."""
    return not _NOT_XML.search(text)


def json_visible(text: str) -> str:
    """JSON text with the controls that ``json.dumps(..., ensure_ascii=False)`` leaves raw (DEL, C1, bidi)
    written as ``\\u`` escapes: the same JSON values, and no character that acts on a terminal."""
    if not _UNSAFE_IN_JSON.search(text):
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
