"""Strict JSON with positions: what a record file may be, and where each value of it was written.

Records are written by hand and exported from other systems, so the bytes are checked before the
JSON: a size limit (:data:`MAX_BYTES`), UTF-8 only (a UTF-8 byte-order mark, which PowerShell and
Notepad write, is skipped: :data:`UTF8_BOM`; a UTF-16 one is refused), not empty. The JSON is then
parsed by the standard library (fast, in C) with duplicate keys, ``NaN`` and ``Infinity`` rejected,
and a nesting limit (:data:`MAX_DEPTH`). Text is normalised to Unicode NFC first, so Vietnamese typed
in decomposed form (NFD, as some editors save it) is accepted; lines and columns count characters of
the normalised text, which differ from the file's only after a decomposed letter on the same line.

The line and column of a value are only needed when something is wrong, so they are found on
demand (:meth:`JsonDocument.locate`), by following the path to that value alone; once a document
has more than a few problems, the positions of all its values are found in one pass instead, so
that locating problems takes time linear in the size of the file, however many there are.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dancoso_rules.errors import Location, Problem, RecordError
from dancoso_rules.i18n import thousands, tr
from dancoso_rules.load.located import join_pointer

#: The largest record accepted: 20 MiB, some fifty times a year of a busy organisation's activities.
MAX_BYTES = 20 * 1024 * 1024
#: The deepest nesting accepted; a record needs 6 levels (the object at ``/activities/0/evidence/0/file``).
MAX_DEPTH = 32
#: How many problems of a document are located one by one before all its positions are found at once.
_LOCATE_ONE_BY_ONE = 16

#: A UTF-8 byte-order mark: skipped before decoding (the validator notes it, see ``validate_bytes``).
UTF8_BOM = b"\xef\xbb\xbf"
#: UTF-16 byte-order marks (little- and big-endian): a file that starts with one is refused.
_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: The standard library's JSON parser says what is wrong in English: its messages (by how they begin,
#: as some go on with a character) and the catalogue keys that say them in the current language.
_JSON_REASONS = {
    "Expecting value": "json.reason.value",
    "Expecting property name enclosed in double quotes": "json.reason.property_name",
    "Expecting ',' delimiter": "json.reason.comma",
    "Expecting ':' delimiter": "json.reason.colon",
    "Extra data": "json.reason.extra_data",
    "Unterminated string starting at": "json.reason.unterminated",
    "Invalid control character": "json.reason.control",
    "Invalid \\escape": "json.reason.escape",
    "Invalid \\uXXXX escape": "json.reason.unicode_escape",
    "Illegal trailing comma": "json.reason.trailing_comma",
}
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER_OR_LITERAL = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
# The standard library's C string scanner: decodes one JSON string and says where it ends (not in typeshed).
_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
# A \uD800-\uDFFF escape: only then can a parsed string hold a lone surrogate, which is not text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass(frozen=True, slots=True)
class JsonDocument:
    """A parsed JSON document, its (NFC) text, and the positions of its values on demand.

    A dataclass, where the project's other value classes are msgspec structs: its finder is left out
    of equality and of its repr, which a struct cannot do."""

    file: str
    text: str
    data: Any
    #: After a few problems located one by one, a finder that remembers what it has read.
    _finder: list[_Finder] = field(default_factory=list, compare=False, repr=False)
    _asked: list[int] = field(default_factory=lambda: [0], compare=False, repr=False)

    def locate(self, pointer: str) -> Location:
        """The location of ``pointer``, or of its nearest ancestor that the document has.

        Only the path to ``pointer`` is followed: the values beside it are skipped by the standard
        library's C scanner, so locating one problem in a large record costs little. Each such
        search may cross the whole text, so after a few searches the members and items of each
        object and array on the way are remembered (:class:`_Finder`): locating every problem of a
        file then reads each part of it at most once.
        """
        if not self._finder:
            self._asked[0] += 1
            if self._asked[0] <= _LOCATE_ONE_BY_ONE:
                line, column = find_position(self.text, pointer)
                return Location(self.file, line, column, pointer)
            self._finder.append(_Finder(self.text))
        line, column = self._finder[0].position(pointer)
        return Location(self.file, line, column, pointer)


class _DuplicateKey(Exception):
    """Raised from inside the parser; the position scan then says where."""


def _reject_constant(name: str) -> Any:
    raise ValueError(tr("json.not_a_number", name=name))


def _json_reason(reason: str) -> str:
    """The standard library parser's ``reason`` in the current language (as it is when not known)."""
    for english, key in _JSON_REASONS.items():
        if reason.startswith(english):
            return tr(key)
    return reason


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey
    return result


def _fail(file: str, message: str, code: str, position: tuple[int, int] | None = None) -> RecordError:
    line, column = position if position is not None else (None, None)
    return RecordError(Problem(Location(file, line, column), message, code=code))


def decode_text(raw: bytes, file: str) -> str:
    """The NFC text of a record file's bytes, or a :class:`RecordError` saying what is wrong with them."""
    if len(raw) > MAX_BYTES:
        raise _fail(file, too_large_message(len(raw)), "too-large")
    raw = raw.removeprefix(UTF8_BOM)
    if raw.startswith(_BOMS):
        raise _fail(file, tr("json.bom_utf16"), "bom", (1, 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise _fail(
            file,
            tr("json.not_utf8", byte=f"{raw[exc.start]:02x}"),
            "encoding",
            (line, column),
        ) from None
    if not text.strip():
        raise _fail(file, tr("json.empty"), "empty")
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def too_large_message(size: int) -> str:
    """The message for a file over :data:`MAX_BYTES`."""
    return tr("json.too_large", size=thousands(size), limit=thousands(MAX_BYTES))


def parse_json(text: str, file: str) -> JsonDocument:
    """Parse ``text`` strictly (see the module docstring); raise :class:`RecordError` with every problem found."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _fail(
            file, tr("json.invalid", reason=_json_reason(exc.msg)), "json", (exc.lineno, exc.colno)
        ) from None
    except _DuplicateKey:
        _, problems = scan_positions(text, file)
        raise RecordError(problems) from None
    except RecursionError:
        raise _too_deep(text, file) from None
    except ValueError as exc:  # NaN/Infinity (said by _reject_constant), or an integer of thousands of digits
        reason = str(exc)
        if "integer string conversion" in reason:
            reason = tr("json.long_integer", digits=thousands(sys.get_int_max_str_digits()))
        raise _fail(file, tr("json.invalid", reason=reason), "json") from None
    document = JsonDocument(file, text, data)
    if _nests_deeper(data, MAX_DEPTH):
        raise _too_deep(text, file)
    if _SURROGATE_ESCAPE.search(text):
        pointer = _lone_surrogate(data)
        if pointer is not None:
            problem = Problem(document.locate(pointer), tr("json.surrogate"), code="json")
            raise RecordError(problem)
    return document


def _nests_deeper(data: Any, limit: int) -> bool:
    """Whether parsed data nests containers deeper than ``limit`` (a top-level object is level 1)."""
    stack: list[tuple[Any, int]] = [(data, 1)] if isinstance(data, dict | list) else []
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _too_deep(text: str, file: str) -> RecordError:
    depth, offset = 0, 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match[0]
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                offset = match.start()
                break
        elif token in "]}":
            depth -= 1
    lines = _LineIndex(text)
    return _fail(
        file,
        tr("json.too_deep", depth=MAX_DEPTH),
        "too-deep",
        lines.position(offset),
    )


def _lone_surrogate(data: Any) -> str | None:
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return pointer
        elif isinstance(value, dict):
            stack.extend((join_pointer(pointer, k), v) for k, v in value.items())
            stack.extend((join_pointer(pointer, k), k) for k in value)
        elif isinstance(value, list):
            stack.extend((join_pointer(pointer, i), v) for i, v in enumerate(value))
    return None


class _LineIndex:
    """Offsets → 1-based (line, column), by bisecting the offsets where lines start."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


#: An array index as a JSON Pointer writes it (RFC 6901): ASCII digits, no leading zero.
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
_scan_value: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def find_position(text: str, pointer: str) -> tuple[int, int]:
    """The 1-based (line, column) of ``pointer`` in a JSON text, or of its nearest ancestor the text has.

    An object member is located at its key, an array item at its first character, as
    :func:`scan_positions` does. ``text`` must be JSON that :func:`json.loads` accepts.
    """
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]] if pointer else []
    offset = found = _skip(text, 0)
    for token in tokens:
        if text.startswith("{", offset):
            place = _member(text, offset, token)
        elif text.startswith("[", offset) and _ARRAY_INDEX.fullmatch(token):
            place = _item(text, offset, int(token))
        else:
            place = None
        if place is None:
            break
        found, offset = place
    line = text.count("\n", 0, found) + 1
    return line, found - (text.rfind("\n", 0, found) + 1) + 1


class _Finder:
    """:func:`find_position` for many pointers: each object's members and each array's items are
    read once, when a pointer first passes through it, and kept by the offset where it starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _LineIndex(text)
        self.members: dict[int, dict[str, tuple[int, int]]] = {}
        self.resume: dict[int, int] = {}
        self.items: dict[int, list[int]] = {}

    def position(self, pointer: str) -> tuple[int, int]:
        text = self.text
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]] if pointer else []
        offset = found = _skip(text, 0)
        for token in tokens:
            place: tuple[int, int] | None = None
            if text.startswith("{", offset):
                place = self._members(offset, token)
            elif text.startswith("[", offset) and _ARRAY_INDEX.fullmatch(token):
                items = self._items(offset)
                index = int(token)
                place = (items[index], items[index]) if index < len(items) else None
            if place is None:
                break
            found, offset = place
        return self.lines.position(found)

    def _members(self, start: int, key: str) -> tuple[int, int] | None:
        """Member ``key`` of the object at ``start``: the members before it are remembered on the way,
        and the next search of that object goes on from where this one stopped."""
        found = self.members.get(start)
        if found is None:
            found = self.members[start] = {}
            self.resume[start] = start + 1
        place = found.get(key)
        text, offset = self.text, self.resume[start]
        while place is None and offset >= 0:
            offset = _skip(text, offset)
            if not text.startswith('"', offset):
                offset = -1  # the end of the object: every member is known
                break
            at = offset
            name, offset = _scanstring(text, offset + 1)
            offset = _skip(text, _skip(text, offset) + 1)  # past the colon
            found.setdefault(name, (at, offset))  # the first of equal keys, as find_position
            if name == key:
                place = found[name]
            offset = _skip(text, _scan_value(text, offset)[1])
            if text.startswith(",", offset):
                offset += 1
        self.resume[start] = offset
        return place

    def _items(self, start: int) -> list[int]:
        found = self.items.get(start)
        if found is None:
            found = self.items[start] = []
            text, offset = self.text, start + 1
            while True:
                offset = _skip(text, offset)
                if text.startswith("]", offset) or offset >= len(text):
                    break
                found.append(offset)
                offset = _skip(text, _scan_value(text, offset)[1])
                if text.startswith(",", offset):
                    offset += 1
        return found


def _skip(text: str, offset: int) -> int:
    match = _WHITESPACE.match(text, offset)
    return match.end() if match else offset


def _member(text: str, offset: int, key: str) -> tuple[int, int] | None:
    """Where member ``key`` of the object at ``offset`` is written (its key), and where its value starts."""
    offset += 1
    while True:
        offset = _skip(text, offset)
        if not text.startswith('"', offset):
            return None  # the end of the object
        at = offset
        name, offset = _scanstring(text, offset + 1)
        offset = _skip(text, _skip(text, offset) + 1)  # past the colon
        if name == key:
            return at, offset
        offset = _skip(text, _scan_value(text, offset)[1])
        if text.startswith(",", offset):
            offset += 1


def _item(text: str, offset: int, index: int) -> tuple[int, int] | None:
    """Where item ``index`` of the array at ``offset`` starts (its position, and its value's)."""
    offset += 1
    for position in range(index + 1):
        offset = _skip(text, offset)
        if text.startswith("]", offset) or offset >= len(text):
            return None
        if position == index:
            return offset, offset
        offset = _skip(text, _scan_value(text, offset)[1])
        if text.startswith(",", offset):
            offset += 1
    return None


def scan_positions(text: str, file: str = "<input>") -> tuple[dict[str, tuple[int, int]], list[Problem]]:
    """The (line, column) of every value of a JSON text by JSON Pointer, and its duplicate keys as problems.

    An object member is located at its key, an array item at its first character. ``text`` must be
    JSON that :func:`json.loads` accepts apart from duplicate keys.
    """
    scanner = _Scanner(text, file)
    scanner.value("", 0)
    return scanner.positions, scanner.problems


class _Scanner:
    """A small recursive-descent pass over valid JSON that records positions instead of building values."""

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file, self.offset = text, file, 0
        self.lines = _LineIndex(text)
        self.positions: dict[str, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def skip(self) -> None:
        match = _WHITESPACE.match(self.text, self.offset)
        self.offset = match.end() if match else self.offset

    def value(self, pointer: str, depth: int) -> None:
        self.skip()
        self.positions.setdefault(pointer, self.lines.position(self.offset))
        char = self.text[self.offset : self.offset + 1]
        if char in ("[", "{") and depth >= MAX_DEPTH:  # the root is level 1, as in _nests_deeper
            raise _too_deep(self.text, self.file)
        if char == "{":
            self.object(pointer, depth)
        elif char == "[":
            self.array(pointer, depth)
        elif char == '"':
            _, self.offset = _scanstring(self.text, self.offset + 1)
        else:
            match = _NUMBER_OR_LITERAL.match(self.text, self.offset)
            self.offset = match.end() if match else len(self.text)

    def object(self, pointer: str, depth: int) -> None:
        self.offset += 1
        seen: dict[str, tuple[int, int]] = {}
        while True:
            self.skip()
            if self.text.startswith("}", self.offset) or self.offset >= len(self.text):
                self.offset += 1
                return
            position = self.lines.position(self.offset)
            key, self.offset = _scanstring(self.text, self.offset + 1)
            child = join_pointer(pointer, key)
            if key in seen:
                line, column = seen[key]
                self.problems.append(
                    Problem(
                        Location(self.file, *position, child),
                        tr("json.duplicate_key", key=key, line=line, column=column),
                        code="duplicate-key",
                    )
                )
            else:
                seen[key] = position
                self.positions[child] = position
            self.skip()
            self.offset += 1  # the colon
            self.value(child, depth + 1)
            self.skip()
            if self.text.startswith(",", self.offset):
                self.offset += 1

    def array(self, pointer: str, depth: int) -> None:
        self.offset += 1
        index = 0
        while True:
            self.skip()
            if self.text.startswith("]", self.offset) or self.offset >= len(self.text):
                self.offset += 1
                return
            self.value(join_pointer(pointer, index), depth + 1)
            index += 1
            self.skip()
            if self.text.startswith(",", self.offset):
                self.offset += 1
