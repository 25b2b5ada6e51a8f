"""One direction of flow: lower layers never import higher ones (model ← load ← record ← evaluate ←
report ← CLI), checked on the source's own import statements, lazy ones inside functions included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dancoso_rules"
LAYERS = {
    "text": 0,
    "errors": 0,
    "paths": 0,
    "i18n": 0,
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


def _layer(module_path: Path) -> str:
    return module_path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, name) for line, name in found if name.startswith("dancoso_rules.")]


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
