"""Text normalisation shared by every layer: Unicode NFC and folded white space.

Vietnamese text is compared after NFC normalisation (precomposed diacritics) and after folding
every run of white space (including the paragraph breaks of a page turn) into one space. Nothing
else is ever changed: a quote that differs by one diacritic is a different quote.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

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
