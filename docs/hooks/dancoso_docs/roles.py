"""A Griffe extension: the reST roles of the docstrings (``:meth:`~x.Report.counts```) as Markdown code.

The package's docstrings are written for Sphinx (``:class:``, ``:func:``, ``:meth:``, ``:data:``...);
mkdocstrings renders Markdown, where a role is left as raw text (``:meth:Report.counts``). This
extension, registered under ``mkdocstrings`` in ``mkdocs.yml``, rewrites every role as code before
the docstring is parsed: ``:meth:`~a.Report.counts``` as ``Report.counts()`` in code, the last part
only when the target starts with ``~`` (as Sphinx shows it), the whole target otherwise. Double
backticks are already Markdown code and are left alone.

It is loaded by Griffe from its path, so it imports nothing from the rest of ``dancoso_docs``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

#: A reST role, optionally in the ``py`` domain: ``:meth:`~a.b.c```, ``:py:class:`a.B```.
ROLE = re.compile(r":(?:py:)?(?P<role>[a-z]+):`(?P<tilde>~?)(?P<target>[^`]+)`")
_CALLABLE = frozenset({"func", "meth"})
#: A paragraph introducing a reST literal block (``Example::``): in Markdown the indented block that
#: follows is code already, and the paragraph ends with one colon.
LITERAL_INTRO = re.compile(r"(?<=\S)::$", re.MULTILINE)


def _code(match: re.Match[str]) -> str:
    target = match["target"].strip()
    if match["tilde"]:
        parts = target.split(".")
        target = ".".join(parts[-2:]) if match["role"] == "meth" and len(parts) > 1 else parts[-1]
    if match["role"] in _CALLABLE and not target.endswith(")"):
        target += "()"
    return f"`{target}`"


def plain_roles(text: str) -> str:
    """``text`` with every reST role written as Markdown code, and ``Example::`` as ``Example:``."""
    return LITERAL_INTRO.sub(":", ROLE.sub(_code, text))


class PlainRoles(griffe.Extension):
    """Rewrites the roles of every docstring Griffe loads (modules, classes, functions, attributes)."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(obj.docstring.value)
