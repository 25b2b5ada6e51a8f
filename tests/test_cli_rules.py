"""`dancoso rules list | show | lint | coverage` on the bundled packs, through the real entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import RULES
from dancoso_rules.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_coverage_json_shows_every_provision_covered(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "coverage", "--format", "json")
    packs = json.loads(out)["packs"]
    assert code == 0
    for entry in packs.values():
        assert isinstance(entry["covered"], int)
        assert isinstance(entry["total"], int)
        assert entry["covered"] == entry["total"] > 0
        assert entry["uncovered"] == []
    assert packs["tra-vinh-2024"]["by_article"]["art_2"]["point"] == {"covered": 23, "total": 23}
    assert packs["long-an-2025"]["by_article"]["art_1"]["indent"] == {"covered": 26, "total": 26}


def test_coverage_text_says_there_is_no_uncovered_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "coverage", "--lang", "en")
    assert code == 0
    assert "Điều 2: khoản 5/5, điểm 23/23" in out
    assert "gạch đầu dòng 26/26" in out
    assert out.count("no uncovered text") == 2
    assert "UNCOVERED" not in out


def test_lint_of_the_bundled_packs_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "rules", "lint", "--lang", "en")
    assert (code, out) == (0, "")
    assert "2 pack(s)" in err


def test_list_names_both_instruments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "list", "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)["packs"]}
    assert code == 0
    assert rows["tra-vinh-2024"]["effective"] == "2024-12-19"
    assert rows["long-an-2025"]["effective"] == "2025-04-01"
    assert rows["tra-vinh-2024"]["number"] is None


def test_show_an_obligation_gives_its_quote_and_schedule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "show", "tra-vinh-2024.art_2__cl_3__pt_d.staff-conference")
    shown = json.loads(out)
    assert code == 0
    assert shown["citation"] == "điểm d khoản 3 Điều 2"
    assert shown["schedule"]["due"] == "staff-conference-deadline"
    assert shown["quote"] in shown["provision_text"]


def test_show_a_provision_gives_its_content_hash(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "show", "long-an-2025.art_1__cl_5__pt_d__ind_5")
    shown = json.loads(out)
    assert code == 0
    assert shown["content_hash"].startswith("sha256:")
    assert shown["obligations"][0]["modality"] == "study"


def test_show_an_unknown_id_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "rules", "show", "staff-conference-dedline", "--lang", "en")
    assert code == 2
    assert "did you mean 'staff-conference-deadline'?" in err
    code, _, err = _run(capsys, "rules", "show", "staff-conference-dedline", "--lang", "vi")
    assert code == 2
    assert "có phải là 'staff-conference-deadline'?" in err


def test_lint_of_a_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "rules", "lint", "--lang", "en", "no/such/folder")
    assert code == 2
    assert err.startswith("no/such/folder: no such file or folder")


def test_the_console_script_runs_without_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dancoso_rules", "rules", "show", "nothing-like-it"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def _rules_without(tmp_path: Path, *drop: str) -> Path:
    """A copy of the bundled rule folder with ``drop`` (pack folders, or a pack's pack.yaml) removed."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    for name in drop:
        target = rules / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    return rules


def test_a_rule_folder_without_a_pack_never_lints_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # It said "ok: 0 pack(s), 0 obligation(s), no problems" and exited 0: nothing checked is no pass.
    _rules_without(tmp_path, "tra-vinh-2024", "long-an-2025")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "rules", "lint", "--lang", "en", "rules")
    assert code == 1
    assert out == "rules: no rule pack in this folder: expected a folder holding pack.yaml in it\n"
    code, out, err = _run(capsys, "rules", "coverage", "--lang", "en", "rules")
    assert (code, out) == (2, "")
    assert err.startswith("rules: no rule pack")


def test_a_pack_folder_that_lost_its_pack_yaml_is_a_problem_not_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pack was left out without a word: "ok: 1 pack(s)", exit 0.
    _rules_without(tmp_path, "tra-vinh-2024/pack.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "rules", "lint", "--lang", "en", "rules")
    assert code == 1
    assert out == (
        "rules/tra-vinh-2024: provisions (dieu-*.yaml) without pack.yaml: expected the instrument's "
        "pack.yaml beside them\n"
    )


def test_the_exit_code_of_an_incomplete_coverage_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    # `rules coverage` exits 1 when some text is not covered; neither its help, nor `dancoso --help`'s
    # exit codes, nor the README said so.
    from conftest import REPO

    for lang, words in (("en", "rules coverage"), ("vi", "rules coverage")):
        with pytest.raises(SystemExit):
            main(["--lang", lang, "--help"])
        assert words in capsys.readouterr().out.split("  2 ")[0].split("  1 ")[1], lang
        with pytest.raises(SystemExit):
            main(["--lang", lang, "rules", "coverage", "--help"])
        assert {"en": "exit 1 when", "vi": "trả mã thoát 1 khi"}[lang] in capsys.readouterr().out
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "text not covered for `rules coverage`" in " ".join(readme.split())
