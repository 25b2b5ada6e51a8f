"""Base classes shared by every model: frozen, strict about unknown fields, and bilingual labels.

The models are msgspec structs: made at import in C and built without validation by trusted code (the
evaluator, the reports, the rule cache), so that a run that reads a cached rulebook never imports
pydantic. What validation adds, for input that is not trusted (a rule file, a user's override file),
is declared here as data: constraints as :class:`msgspec.Meta`, text in NFC as :data:`NFC`, further
pydantic field options as :class:`FieldArgs`, and the checks between fields as methods marked
:func:`check`. :mod:`dancoso_rules.model.derive` makes a pydantic model of each struct from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import msgspec


class Frozen(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A validated, immutable value. Unknown fields are errors, never silently dropped.

    Each model declares ``frozen=True, kw_only=True`` (msgspec does not pass ``kw_only`` on to
    subclasses, and type checkers read both from the class itself): fields are given by name, and a
    required field may follow one with a default, as in the rule files."""


class _Nfc:
    """The marker of text that validation normalises to NFC (see :data:`Text`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NFC"


#: In a field's ``Annotated`` metadata: validation normalises the text to NFC.
NFC = _Nfc()


class FieldArgs:
    """In a field's ``Annotated`` metadata: options of the derived pydantic field that msgspec has no
    word for (``discriminator="kind"``, ``union_mode="left_to_right"``, ``exclude=True``)."""

    __slots__ = ("options",)

    def __init__(self, **options: Any) -> None:
        self.options = options

    def __repr__(self) -> str:
        return f"FieldArgs({self.options!r})"


F = TypeVar("F", bound=Callable[..., None])


def check(function: F) -> F:
    """Marks a method as a check between fields: validation runs it once the fields are valid (a
    ``model_validator(mode="after")`` of the derived model); it raises ``ValueError`` with the message."""
    function.__dancoso_check__ = True  # type: ignore[attr-defined]
    return function


#: Text in NFC; every Vietnamese string in the models passes through this.
Text = Annotated[str, NFC, msgspec.Meta(min_length=1)]

_SLUG = r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$"
#: An identifier: lower-case ASCII words joined by ``_`` or ``-`` (``staff_conference``, ``tra-vinh-2024``).
Slug = Annotated[str, msgspec.Meta(pattern=_SLUG, min_length=2, max_length=80)]
SLUG_RE = re.compile(_SLUG)


class Labels(Frozen, frozen=True, kw_only=True):
    """A name or sentence in Vietnamese (the authority) and English (a translation)."""

    vi: Text
    en: Text

    def get(self, lang: str) -> str:
        """The label in ``lang`` (``vi`` or ``en``)."""
        return self.en if lang == "en" else self.vi
