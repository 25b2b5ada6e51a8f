"""Where the bundled rule packs and schemas are, in a wheel and in a source checkout alike."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name  # src/dancoso_rules → the repository's top level
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation ({installed})")


def bundled_rules_dir() -> Path:
    """The folder of the rule packs shipped with the library."""
    return _data_dir("rules")


def bundled_schemas_dir() -> Path:
    """The folder of the JSON Schemas shipped with the library."""
    return _data_dir("schemas")


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, for short messages and reports,
    as text any UTF-8 output can carry (:func:`shown_name`)."""
    return shown_name(str(_as_shown(path)))


def uri_reference(path: Path) -> str:
    """``path`` as a URI reference (RFC 3986), the way a SARIF log names a file: the path
    :func:`display_path` shows, with ``/`` between its parts and every byte of it that is not unreserved
    percent-encoded: UTF-8 for text, and the very bytes of a name that is not UTF-8 (``h%F4.json``, which
    :func:`shown_name` writes ``h\\xf4.json`` for people). A backslash is a separator only where the
    system says so (Windows): elsewhere it is a character of the name (``%5C``)."""
    from urllib.parse import quote

    return quote(os.fsencode(_as_shown(path).as_posix()), safe="/")


def _as_shown(path: Path) -> PurePath:
    """``path`` relative to the working directory when it is below it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def shown_name(name: str) -> str:
    """A file name as text: the bytes of a name that is not UTF-8 (a legacy encoding, unzipped from an
    archive made on Windows), which Python holds as lone surrogates that no UTF-8 output can carry, written
    out as ``\\xf4``, as bash's ``$'h\\xf4'`` would show them."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte stands for (given as such in Python)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
