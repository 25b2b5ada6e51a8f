"""Messages an official reads outside a report: both catalogues complete, ``--lang`` and the locale's
default on every command, ``--help`` in both languages, Vietnamese validation messages located and NFC."""

from __future__ import annotations

import io
import json
import re
import string
import unicodedata

import pytest

from conftest import FIXTURES, REPO
from dancoso_rules.cli.check_batch import Progress
from dancoso_rules.cli.main import COMMANDS, main
from dancoso_rules.i18n import EN, VI, default_lang, tr, using_lang

SOURCES = REPO / "src" / "dancoso_rules"
UNKNOWN_TYPE = FIXTURES / "records" / "invalid" / "unknown-activity-type.json"
INVALID = sorted((FIXTURES / "records" / "invalid").glob("*.json"))
#: Every command, as typed, with the arguments its --help needs (none).
COMMAND_LINES = [[name] for name in COMMANDS] + [
    ["rules", action] for action in ("list", "show", "lint", "coverage")
]


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_both_catalogues_have_the_same_keys() -> None:
    assert sorted(set(EN) - set(VI)) == [], "messages missing in Vietnamese"
    assert sorted(set(VI) - set(EN)) == [], "messages missing in English"


@pytest.mark.parametrize("key", sorted(EN))
def test_each_message_takes_the_same_values_in_both_languages(key: str) -> None:
    assert _fields(VI[key]) == _fields(EN[key])
    assert re.findall(r"%\(\w+\)[rsd]|%s", VI[key]) == re.findall(r"%\(\w+\)[rsd]|%s", EN[key])
    assert VI[key].strip()
    assert EN[key].strip()
    assert unicodedata.is_normalized("NFC", VI[key])


def test_every_key_the_code_asks_for_is_in_the_catalogue() -> None:
    asked: set[str] = set()
    for module in SOURCES.rglob("*.py"):
        asked |= set(re.findall(r"""\btr\(\s*"([a-z_.]+)"\s*[,)]""", module.read_text(encoding="utf-8")))
    assert len(asked) > 40, "the scan found too few calls: is the pattern still right?"
    assert sorted(asked - set(EN)) == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "fr_FR.UTF-8"}, "vi"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}, "vi"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_the_default_language_comes_from_the_locale(env: dict[str, str], expected: str) -> None:
    assert default_lang(env) == expected


@pytest.mark.parametrize("command", COMMAND_LINES, ids=" ".join)
def test_every_command_has_help_in_both_languages(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    helps = {}
    for lang in ("vi", "en"):
        with pytest.raises(SystemExit) as exited:
            main([*command, "--lang", lang, "--help"])
        assert exited.value.code == 0
        helps[lang] = capsys.readouterr().out
    vi, en = helps["vi"], helps["en"]
    assert en.startswith("usage: dancoso")
    assert "\noptions:\n" in en
    assert "show this help message and exit" in en
    assert vi.startswith("cách dùng: dancoso")
    assert "\ntùy chọn:\n" in vi
    assert "hiển thị hướng dẫn này và thoát" in vi
    assert "--lang {vi,en}" in vi
    for english in ("usage:", "options:", "show this help", "positional arguments", "(default:"):
        assert english not in vi
    assert unicodedata.is_normalized("NFC", vi)
    if len(command) == 1:
        assert VI[f"cli.command.{command[0]}"] in " ".join(vi.split())


def test_the_top_level_help_lists_the_commands_in_the_language_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "vi", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(VI[f"cli.command.{name}"] in out for name in COMMANDS)
    with pytest.raises(SystemExit):
        main(["--help", "--lang=en"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(EN[f"cli.command.{name}"] in out for name in COMMANDS)


def test_a_usage_error_is_in_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--lang", "vi"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "dancoso check: lỗi: thiếu các tham số bắt buộc sau: RECORD" in err
    with pytest.raises(SystemExit):
        main(["check", "--lang", "en"])
    assert "dancoso check: error: the following arguments are required: RECORD" in capsys.readouterr().err


def test_a_vietnamese_validation_message_is_located_and_nfc(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--lang", "vi", str(UNKNOWN_TYPE)]) == 1
    out, err = capsys.readouterr()
    line = out.strip()
    assert line.endswith(
        "unknown-activity-type.json:17:7 /activities/0/type: loại hoạt động 'staff_conferense' không hợp lệ; "
        "có phải là 'staff_conference'?"
    )
    assert unicodedata.is_normalized("NFC", line)
    assert err == "Đã kiểm tra 1 tệp: 0 hợp lệ, 1 không hợp lệ; 1 lỗi, 0 cảnh báo\n"


def test_the_locale_decides_when_lang_is_not_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert main(["validate", str(UNKNOWN_TYPE)]) == 1
    assert "có phải là 'staff_conference'?" in capsys.readouterr().out  # unset: Vietnamese
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["validate", str(UNKNOWN_TYPE)]) == 1
    out, err = capsys.readouterr()
    assert "did you mean 'staff_conference'?" in out
    assert err.startswith("1 file(s) checked: 0 valid, 1 invalid")
    assert main(["validate", "--lang", "vi", str(UNKNOWN_TYPE)]) == 1  # --lang wins over the locale
    assert "có phải là" in capsys.readouterr().out


def test_codes_and_locations_do_not_change_with_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    reports = {}
    for lang in ("vi", "en"):
        main(["validate", "--lang", lang, "--format", "json", *map(str, INVALID)])
        reports[lang] = json.loads(capsys.readouterr().out)

    def shape(report: object) -> list[tuple[object, ...]]:
        assert isinstance(report, dict | list)
        files = report if isinstance(report, list) else report.get("files", report)
        return [
            (f["file"], f["valid"], [(p["code"], p.get("line"), p.get("pointer")) for p in f["problems"]])
            for f in files
        ]

    assert shape(reports["vi"]) == shape(reports["en"])
    assert reports["vi"] != reports["en"], "the messages themselves follow --lang"


def test_the_library_keeps_english_unless_asked() -> None:
    from dancoso_rules.load.suggest import did_you_mean

    assert did_you_mean("staff_conferense", ["staff_conference"]) == "; did you mean 'staff_conference'?"
    with using_lang("vi"):
        assert did_you_mean("staff_conferense", ["staff_conference"]) == "; có phải là 'staff_conference'?"
    assert tr("noun.records") == "record(s)"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("lang", "words"), [("vi", "1200 hồ sơ, "), ("en", "1200 records, ")])
def test_the_progress_bar_speaks_the_language(lang: str, words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import dancoso_rules.cli.check_batch as batch

    stream = _Terminal()
    monkeypatch.setattr(batch, "_PROGRESS_AFTER", -1.0)
    with using_lang(lang):  # type: ignore[arg-type]
        progress = Progress(total_files=2, stream=stream)
        progress.update(1200, 1)
    assert words in stream.getvalue()
    assert "█" * 15 + "░" * 15 in stream.getvalue()
