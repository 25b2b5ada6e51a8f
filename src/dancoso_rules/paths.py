"""Where the bundled rule packs and schemas are, in a wheel and in a source checkout alike."""

from __future__ import annotations

from pathlib import Path

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
    """``path`` relative to the working directory when it is below it, for short messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
