"""`dancoso rules lint` on broken rule folders: each fixture breaks one thing, and the located message
is compared with the golden file beside it.

A case is ``tests/fixtures/rules/invalid/<case>.yaml``: a text substitution (``file``, ``old``,
``new``) applied to a copy of ``tests/fixtures/rules/valid/``; the expected output is ``<case>.expected``.
Regenerate the golden files after a deliberate change with::

    UPDATE_GOLDEN=1 pytest tests/test_rules_lint.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from dancoso_rules.cli.main import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
CASES = sorted(p.stem for p in (FIXTURES / "invalid").glob("*.yaml"))


def _lint(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.chdir(folder.parent)
    code = main(["rules", "lint", "--lang", "en", folder.name])
    return code, capsys.readouterr().out


def test_the_valid_fixture_lints_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURES / "valid", tmp_path / "rules")
    code, out = _lint(tmp_path / "rules", capsys, monkeypatch)
    assert (code, out) == (0, "")


@pytest.mark.parametrize("case", CASES)
def test_lint_rejects_with_a_located_message(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = yaml.safe_load((FIXTURES / "invalid" / f"{case}.yaml").read_text(encoding="utf-8"))
    shutil.copytree(FIXTURES / "valid", tmp_path / "rules")
    target = tmp_path / "rules" / spec["file"]
    original = target.read_text(encoding="utf-8")
    assert original.count(spec["old"]) == 1, "the fixture's 'old' text must occur exactly once"
    target.write_text(original.replace(spec["old"], spec["new"]), encoding="utf-8")

    code, out = _lint(tmp_path / "rules", capsys, monkeypatch)

    golden = FIXTURES / "invalid" / f"{case}.expected"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert code == 1
    assert out == golden.read_text(encoding="utf-8")
    folder = "rules/mini-2024/" if spec["file"].startswith("mini-2024/") else "rules/"
    for line in out.splitlines():
        assert line.startswith(folder), "every message names the file it is about"
