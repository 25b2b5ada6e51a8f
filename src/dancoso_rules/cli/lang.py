"""``--lang`` on every command: the language of help, messages and reports, by default the locale's.

The language is known before the parser is built (``--lang`` is looked for in the arguments, else the
locale decides, :func:`dancoso_rules.i18n.default_lang`), so that ``--help`` is written in it, and
argparse's own words ("usage:", "options", its error messages) are taken from the catalogue too.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from dancoso_rules.i18n import EN, LANGS, Lang, current_lang, default_lang, tr, using_lang


def chosen_lang(argv: Sequence[str]) -> Lang:
    """The language ``argv`` asks for with ``--lang X`` or ``--lang=X`` (the last one wins), else the locale's."""
    found: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    for lang in LANGS:
        if found == lang:
            return lang
    return default_lang()


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang vi|en`` on ``parser``, its default the language of this run."""
    parser.add_argument("--lang", choices=LANGS, default=current_lang(), help=tr("cli.lang"))


def _gettext(message: str) -> str:
    """argparse's words in the current language; a message the catalogue lacks stays as argparse wrote it."""
    key = f"argparse.{message}"
    return tr(key) if key in EN else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Messages, and argparse's own words, in ``lang`` inside the block; argparse is restored after it."""
    # argparse looks its words up through the module's ``_``/``ngettext`` (gettext) when it writes them.
    saved: tuple[Callable[[str], str], Callable[[str, str, int], str]] = (
        argparse._,  # type: ignore[attr-defined]
        argparse.ngettext,  # type: ignore[attr-defined]
    )
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
    try:
        with using_lang(lang):
            yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
