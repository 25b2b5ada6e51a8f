"""Safe YAML with positions: duplicate keys, anchors and custom tags are errors, every node is located.

PyYAML's ``safe_load`` silently keeps the last of two equal keys; a rule file where a second
``quote:`` hides the first is exactly the mistake a reviewer misses. Here the document is composed
with the safe loader's resolver, walked node by node, and each value's line and column is kept in
a table keyed by JSON Pointer, so that later errors (pydantic's, the cross-reference checks') can
say where they are.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml

from dancoso_rules.errors import Location, Problem, RuleError
from dancoso_rules.i18n import thousands, tr
from dancoso_rules.load.located import LocatedDocument, join_pointer

_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


# libyaml's safe loader when PyYAML was built with it (composing is ~10x faster); the same resolver.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


def _problem(file: str, mark: yaml.Mark | None, message: str) -> RuleError:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return RuleError(Problem(Location(file, line, column), message, code="yaml"))


def load_yaml(text: str, file: str) -> LocatedDocument:
    """Parse one YAML document safely, rejecting duplicate keys, aliases and unsafe tags."""
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise _problem(file, exc.problem_mark, tr("yaml.invalid", reason=exc.problem)) from exc
        except yaml.YAMLError as exc:
            raise _problem(file, None, tr("yaml.invalid", reason=exc)) from exc
        positions: dict[str, tuple[int, int]] = {}
        if root is None:
            raise _problem(file, None, tr("yaml.empty"))
        data = _walk(loader, root, "", positions, file, set())
    finally:
        loader.dispose()
    return LocatedDocument(file, data, positions)


def _walk(
    loader: _Loader,
    node: yaml.Node,
    pointer: str,
    positions: dict[str, tuple[int, int]],
    file: str,
    seen: set[int],
) -> Any:
    positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in _SAFE_TAGS:
        raise _problem(file, node.start_mark, tr("yaml.tag", tag=node.tag))
    if id(node) in seen:
        raise _problem(file, node.start_mark, tr("yaml.alias"))
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise _problem(file, key_node.start_mark, tr("yaml.key"))
            key = str(_walk(loader, key_node, join_pointer(pointer, "~key"), {}, file, set()))
            if key in result:
                first = positions[join_pointer(pointer, key)]
                raise _problem(
                    file,
                    key_node.start_mark,
                    tr("yaml.duplicate_key", key=key, line=first[0], column=first[1]),
                )
            child = join_pointer(pointer, key)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _walk(loader, value_node, child, positions, file, seen)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(loader, item, join_pointer(pointer, i), positions, file, seen)
            for i, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node)
    except (
        ValueError,
        OverflowError,
        IndexError,
        KeyError,
        AttributeError,
        TypeError,
        yaml.YAMLError,
    ) as exc:
        # A scalar its tag cannot hold: `2025-02-30` (a timestamp that does not exist), `!!float x`, an
        # integer of thousands of digits; PyYAML's constructors raise IndexError for `!!int ''`, KeyError for
        # `!!bool maybe`, AttributeError for `!!timestamp x`. YAMLError covers a constructor's own complaint.
        tag = node.tag.rsplit(":", 1)[-1]
        raise _problem(
            file,
            node.start_mark,
            tr("yaml.bad_value", tag=tag, value=_shorten(node.value), reason=_reason(tag, node.value, exc)),
        ) from None


#: Python's reasons for a date that does not exist, in the catalogue's words.
_DATE_REASONS = {"day is out of range for month": "date.bad_day", "month must be in 1..12": "date.bad_month"}
_DIGITS = re.compile(r"[-+]?[1-9][0-9_]*")  # decimal: a leading 0 makes PyYAML read octal


def _reason(tag: str, value: str, exc: Exception) -> str:
    """Why a scalar does not hold a value of its tag, in the catalogue's words (a rule's author reads it,
    not Python's advice)."""
    if tag == "float":
        return tr("yaml.not_a_number")
    if tag == "int":
        limit = sys.get_int_max_str_digits()  # 0: no limit
        digits = len(value.lstrip("+-").replace("_", ""))
        if _DIGITS.fullmatch(value) and 0 < limit < digits:  # only past Python's limit do such digits fail
            return tr("yaml.integer_too_long", limit=thousands(limit))
        return tr("yaml.not_an_integer")
    if tag == "bool":
        return tr("yaml.not_a_boolean")
    reason = exc.problem if isinstance(exc, yaml.MarkedYAMLError) and exc.problem else str(exc)
    if reason in _DATE_REASONS:
        return tr(_DATE_REASONS[reason])
    return tr("yaml.not_a_date") if tag == "timestamp" else reason


def _shorten(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else tr("yaml.characters", start=text[:30], count=thousands(len(text)))
