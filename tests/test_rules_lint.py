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
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dancoso_rules.cli.main import main

REPO = Path(__file__).resolve().parent.parent
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


# A FIFO where a rule file goes (a named pipe left by a script, `mkfifo dieu-9.yaml`): `rules lint` opened it
# and waited forever for a writer. Each is refused without being opened, as a folder of records refuses one.
NOT_FILES = [
    "mini-2024/dieu-2.yaml",
    "mini-2024/dieu-1.yaml",
    "mini-2024/pack.yaml",
    "mini-2024/source.txt",
    "mini-2024/interpretations.yaml",
    "interpretations.yaml",
    "vocabulary.yaml",
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("name", NOT_FILES)
def test_a_fifo_in_a_rule_folder_is_refused_never_opened(name: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(FIXTURES / "valid", rules)
    (rules / name).unlink(missing_ok=True)
    os.mkfifo(rules / name)
    for command in (["rules", "lint", "rules"], ["rules", "coverage", "rules"]):
        done = subprocess.run(
            [sys.executable, "-m", "dancoso_rules", "--lang", "en", *command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,  # it never ended
            check=False,
            env={**os.environ, "DANCOSO_NO_CACHE": "1"},
        )
        assert done.returncode in (1, 2), done.stderr
        assert (
            f"rules/{name}: not a regular file (a broken link, a pipe or a device)"
            in done.stdout + done.stderr
        )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_in_a_rule_folder_is_never_hidden_by_the_cache(tmp_path: Path) -> None:
    # The cache left non-regular files out of its key: a folder with a FIFO among its rule files was the
    # very folder cached without it, and `check --rules` passed where `rules lint` refused it.
    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    env = {**os.environ, "DANCOSO_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("DANCOSO_NO_CACHE", None)
    record = REPO / "examples" / "tra-vinh" / "so-noi-vu.json"
    argv = [sys.executable, "-m", "dancoso_rules", "--lang", "en", "check", str(record), "--rules", "rules"]
    argv += ["--as-of", "2026-01-15", "--fail-on", "none"]
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "timeout": 120, "check": False, "env": env}
    assert subprocess.run(argv, **run).returncode == 0  # type: ignore[call-overload]
    os.mkfifo(rules / "tra-vinh-2024" / "dieu-99.yaml")
    done = subprocess.run(argv, **run)  # type: ignore[call-overload]
    assert done.returncode == 2, done.stderr
    assert "rules/tra-vinh-2024/dieu-99.yaml: not a regular file" in done.stderr
