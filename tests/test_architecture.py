"""One direction of flow: lower layers never import higher ones (model ← load ← record ← evaluate ←
report ← CLI), and no module imports one that imports it back, however far round: both checked on the
source's own import statements, lazy ones inside functions and those under ``TYPE_CHECKING`` included."""

from __future__ import annotations

import ast
from collections.abc import Collection, Mapping
from itertools import pairwise
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dancoso_rules"
LAYERS = {
    "text": 0,
    "errors": 0,
    "paths": 0,
    "i18n": 0,
    "days": 0,
    "model": 1,
    "load": 2,
    "record": 3,
    "evaluation": 4,
    "report": 5,
    "cli": 6,
    "__init__": 7,
    "__main__": 7,
}
MODULES = sorted(PACKAGE.rglob("*.py"))
#: Import cycles not yet removed, each as the set of its modules.
KNOWN_CYCLES: list[set[str]] = []


def _name(module_path: Path) -> str:
    """The dotted name of a module of the package (a package's ``__init__`` is the package)."""
    parts = module_path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_name(m): m for m in MODULES}


def _layer(module_path: Path) -> str:
    return module_path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported(tree: ast.AST, names: Collection[str] = NAMES) -> list[tuple[int, str]]:
    """The package's modules that ``tree`` imports, with the line of each import: ``from X import Y``
    names the module ``X.Y`` when there is one, else ``X``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.append((node.lineno, submodule if submodule in names else node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return sorted((line, name) for line, name in found if name.startswith("dancoso_rules."))


def _graph() -> dict[str, dict[str, int]]:
    """Each module's imports of the package's modules, each with the line of its first import."""
    graph: dict[str, dict[str, int]] = {}
    for name, path in NAMES.items():
        imports = graph.setdefault(name, {})
        for line, target in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            while target not in NAMES and "." in target:  # `import a.b.c` of a name that is no module
                target = target.rsplit(".", 1)[0]
            if target != name:
                imports.setdefault(target, line)
    return graph


def _cycles(graph: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """One shortest import cycle through each group of modules that import one another, as the modules
    in import order, the first repeated at the end (the groups are the strongly connected components)."""
    reach = {name: _reachable(graph, name) for name in graph}
    found: list[list[str]] = []
    seen: set[str] = set()
    for name in sorted(graph):
        if name in seen or name not in reach[name]:
            continue
        group = {other for other in reach[name] if name in reach[other]}
        seen |= group
        found.append(_cycle_through(graph, name, group))
    return found


def _reachable(graph: Mapping[str, Mapping[str, int]], start: str) -> set[str]:
    """Every module that ``start`` imports, however indirectly (itself only through a cycle)."""
    found: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(graph.get(name, ()))
    return found


def _cycle_through(graph: Mapping[str, Mapping[str, int]], start: str, group: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to it within ``group`` (breadth first, in name order)."""
    parent: dict[str, str | None] = {start: None}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for name in frontier:
            for target in sorted(graph[name]):
                if target == start:
                    path = [name]
                    while (before := parent[path[-1]]) is not None:
                        path.append(before)
                    return [*reversed(path), start]
                if target in group and target not in parent:
                    parent[target] = name
                    following.append(target)
        frontier = following
    raise AssertionError(f"{start} is in no cycle")


def test_every_module_belongs_to_a_layer() -> None:
    assert MODULES, "the package sources were not found"
    assert {_layer(m) for m in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_lower_layers_never_import_higher_ones(module: Path) -> None:
    own = LAYERS[_layer(module)]
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for line, name in _imported(tree):
        target = name.split(".")[1]
        assert LAYERS[target] <= own, f"{module.name}:{line} imports {name} from a higher layer"


def _spelt(cycle: list[str], graph: Mapping[str, Mapping[str, int]]) -> str:
    """``a:12 → b:7 → a``: each module with the line where it imports the next."""
    steps = [f"{name}:{graph[name][following]}" for name, following in pairwise(cycle)]
    return " → ".join([*steps, cycle[-1]])


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _graph()
    found = [cycle for cycle in _cycles(graph) if set(cycle) not in KNOWN_CYCLES]
    assert not found, "import cycles:\n" + "\n".join(_spelt(cycle, graph) for cycle in found)


def test_the_cycle_finder_names_one_cycle_of_each_group() -> None:
    graph = {
        "a": {"b": 1, "d": 2},
        "b": {"c": 3},
        "c": {"a": 4, "b": 5},
        "d": {},
        "e": {"f": 6},
        "f": {"e": 7},
        "g": {"a": 8},
    }
    assert _cycles(graph) == [["a", "b", "c", "a"], ["e", "f", "e"]]
    assert _spelt(["e", "f", "e"], graph) == "e:6 → f:7 → e"
    assert _cycles({"a": {"b": 1}, "b": {}}) == []


def test_every_kind_of_import_is_read() -> None:
    source = """
from typing import TYPE_CHECKING
from dancoso_rules.evaluation import explain
from dancoso_rules.model import Rulebook
import json
if TYPE_CHECKING:
    from dancoso_rules.load.packs import SourceMap
def later():
    import dancoso_rules.record.model
"""
    assert _imported(ast.parse(source)) == [
        (3, "dancoso_rules.evaluation.explain"),
        (4, "dancoso_rules.model"),
        (7, "dancoso_rules.load.packs"),
        (9, "dancoso_rules.record.model"),
    ]
