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
