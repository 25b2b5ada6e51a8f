"""A wheel (``pip install .``, not only an editable checkout) carries the rule packs and schemas."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import dancoso_rules
from dancoso_rules.paths import bundled_rules_dir, bundled_schemas_dir

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_rules_and_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("dancoso_rules-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in ("tra-vinh-2024", "long-an-2025"):
        assert f"dancoso_rules/_data/rules/{pack}/pack.yaml" in names
        assert f"dancoso_rules/_data/rules/{pack}/source.txt" in names
    assert "dancoso_rules/_data/rules/vocabulary.yaml" in names
    assert "dancoso_rules/_data/schemas/rule-pack.schema.json" in names
    assert "dancoso_rules/py.typed" in names


def test_the_installed_package_finds_its_bundled_rules() -> None:
    package = Path(dancoso_rules.__file__).resolve().parent
    rules = bundled_rules_dir()
    assert (rules / "vocabulary.yaml").is_file()
    assert (bundled_schemas_dir() / "rule-pack.schema.json").is_file()
    if package.parent != REPO / "src":  # installed from a wheel, as .ci/run does
        assert rules == package / "_data" / "rules"
