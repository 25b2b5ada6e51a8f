"""A precompiled form of the loaded rulebook, so that a CI job does not re-parse YAML on every run.

Loading and checking both packs from YAML takes a noticeable part of ``dancoso check``'s start-up;
the checked rulebook is therefore stored once, as a pickle, in the user's cache folder
(``$DANCOSO_CACHE_DIR``, else ``$XDG_CACHE_HOME/dancoso-rules``, else ``~/.cache/dancoso-rules``)
and used while nothing it was made from has changed. Its key is a hash of every rule file's bytes,
of the library's own model and loader code, and of the Python and msgspec versions.

There is one definition of the rulebook: the cache is written from the objects the YAML loader has
just validated, and read back without validating them again (the models are msgspec structs, which a
pickle rebuilds field by field: pydantic, which validated the rule files, is not even imported). The
file starts with a header holding the SHA-256 of the pickled payload: a cache edited by hand or cut
short does not match it and is ignored, so that only what the loader checked is ever used.

A pickle can name any callable, so the cache is read with an unpickler that resolves only this
library's model classes (structs and enums), ``datetime.date`` and msgspec's function that rebuilds a
struct from its fields: a tampered file cannot run code, it only fails to
load, and the rules are then loaded from YAML as if there were no cache. ``DANCOSO_NO_CACHE=1``
turns the cache off. Failing to read or write the cache is never an error.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import msgspec

from dancoso_rules.model import Rulebook

CACHE_FORMAT = "3"
#: The first bytes of a cache file, followed by the payload's SHA-256 (hex) and a newline.
MAGIC = b"dancoso-rules rulebook cache sha256="
_CODE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    """Where cached rulebooks are kept, or ``None`` when the cache is turned off."""
    if os.environ.get("DANCOSO_NO_CACHE"):
        return None
    explicit = os.environ.get("DANCOSO_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dancoso-rules"


def cache_key(root: Path, packs: Sequence[str] | None) -> str:
    """A hash of everything a loaded rulebook depends on."""
    digest = hashlib.sha256()
    for part in (
        CACHE_FORMAT,
        sys.version,
        msgspec.__version__,
        repr(sorted(packs) if packs is not None else None),
    ):
        digest.update(part.encode() + b"\0")
    for folder, pattern in ((_CODE / "model", "*.py"), (_CODE / "load", "*.py"), (root, "**/*")):
        for path in sorted(folder.glob(pattern)):
            if "__pycache__" in path.parts:
                continue
            name = str(path.relative_to(folder)).encode()
            if path.is_file():
                digest.update(name + b"\0" + path.read_bytes() + b"\0")
            elif not path.is_dir():
                # A FIFO, a device, a broken link: never read (a FIFO would wait forever), but never left out
                # either: the key changes, and loading the folder says what it is.
                digest.update(name + b"\0\0")
    return digest.hexdigest()


class _ModelsOnly(pickle.Unpickler):
    """Resolves this library's model classes, ``datetime.date`` and msgspec's ``rebuild``, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name == "getattr":
            # Some Python 3.11 releases pickle an enum member as getattr(EnumClass, "NAME"); only that is allowed.
            return _enum_member
        if module == "datetime" and name == "date":
            return super().find_class(module, name)
        if module == "msgspec._utils" and name == "rebuild":
            # How a keyword-only struct is pickled: rebuild(cls, fields), which calls cls(**fields); the
            # class is itself resolved here, so only this library's models can be made.
            return super().find_class(module, name)
        if module.startswith("dancoso_rules.model."):
            found = super().find_class(module, name)
            if isinstance(found, type) and (issubclass(found, msgspec.Struct | Enum)):
                return found
        raise pickle.UnpicklingError(f"the rule cache may not refer to {module}.{name}")


def _enum_member(cls: object, name: object) -> Enum:
    """A member of one of this library's enums, by name: what ``getattr`` may do in a rule cache, nothing more."""
    if (
        isinstance(cls, type)
        and issubclass(cls, Enum)
        and cls.__module__.startswith("dancoso_rules.model.")
        and isinstance(name, str)
        and name in cls.__members__
    ):
        return cls.__members__[name]
    raise pickle.UnpicklingError(f"the rule cache may not call getattr({cls!r}, {name!r})")


def read_cached(root: Path, packs: Sequence[str] | None) -> Rulebook | None:
    """The cached rulebook for these rule files, or ``None`` (no cache, stale, unreadable or refused)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"rulebook-{cache_key(root, packs)}.pickle"
    try:
        payload = _verified(path.read_bytes())
        if payload is None:
            return None
        loaded = _ModelsOnly(io.BytesIO(payload)).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return loaded if isinstance(loaded, Rulebook) else None


def _verified(data: bytes) -> bytes | None:
    """The payload of a cache file whose header's hash matches it, else ``None``."""
    header, newline, payload = data.partition(b"\n")
    if not newline or not header.startswith(MAGIC):
        return None
    if header[len(MAGIC) :] != hashlib.sha256(payload).hexdigest().encode():
        return None
    return payload


def write_cached(root: Path, packs: Sequence[str] | None, rulebook: Rulebook) -> None:
    """Store a checked rulebook for next time, atomically; any failure is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / f"rulebook-{cache_key(root, packs)}.pickle"
    import tempfile  # only when writing: a run that reads the cache does not import it

    payload = pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".rulebook-", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        Path(temporary).replace(target)
    except OSError:
        return
