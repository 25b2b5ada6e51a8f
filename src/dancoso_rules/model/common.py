"""Base classes shared by every model: frozen, strict about unknown fields, and bilingual labels."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from dancoso_rules.text import nfc


class Frozen(BaseModel):
    """A validated, immutable value. Unknown fields are errors, never silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True)


def _nfc(value: str) -> str:
    return nfc(value)


#: Text in NFC; every Vietnamese string in the models passes through this.
Text = Annotated[str, AfterValidator(_nfc), Field(min_length=1)]

_SLUG = r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$"
#: An identifier: lower-case ASCII words joined by ``_`` or ``-`` (``staff_conference``, ``tra-vinh-2024``).
Slug = Annotated[str, Field(pattern=_SLUG, min_length=2, max_length=80)]
SLUG_RE = re.compile(_SLUG)


class Labels(Frozen):
    """A name or sentence in Vietnamese (the authority) and English (a translation)."""

    vi: Text
    en: Text

    def get(self, lang: str) -> str:
        """The label in ``lang`` (``vi`` or ``en``)."""
        return self.en if lang == "en" else self.vi
