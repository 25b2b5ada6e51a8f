"""Where each part of a loaded rulebook was written: its files, and the place of each pack, provision,
obligation and interpretation in them.

Loading (:mod:`.packs`) fills a :class:`SourceMap` as it reads the rule files; the cross-checks
(:mod:`.checks`) and the interpretation overrides use it to locate a problem as ``file:line:col /pointer``.
"""

from __future__ import annotations

import msgspec

from dancoso_rules.errors import Location
from dancoso_rules.load.located import LocatedDocument


class SourceMap(msgspec.Struct):
    """Where each part of a loaded rulebook was written, for locating cross-reference problems."""

    documents: dict[str, LocatedDocument] = msgspec.field(default_factory=dict)
    places: dict[str, tuple[str, str]] = msgspec.field(default_factory=dict)

    def remember(self, key: str, file: str, pointer: str) -> None:
        self.places[key] = (file, pointer)

    def locate(self, key: str, suffix: str = "") -> Location:
        """The location of a remembered thing (``pack:ID``, ``provision:PACK/ID``, ...) plus ``suffix``."""
        file, pointer = self.places.get(key, ("<rules>", ""))
        document = self.documents.get(file)
        if document is None:
            return Location(file, pointer=pointer + suffix)
        return document.locate(pointer + suffix)
