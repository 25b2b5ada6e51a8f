"""The precompiled rule cache gives the very rulebook the YAML gives, goes stale with any change, and
cannot be made to run code."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from dancoso_rules.load import load_rulebook
from dancoso_rules.load.cache import MAGIC, cache_key, read_cached
from dancoso_rules.paths import bundled_rules_dir

VALID = Path(__file__).resolve().parent / "fixtures" / "rules" / "valid"


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DANCOSO_NO_CACHE", raising=False)
    shutil.copytree(VALID, tmp_path / "rules")
    return tmp_path / "rules"


def test_the_cached_rulebook_equals_the_loaded_one(rules: Path) -> None:
    first = load_rulebook(rules)
    assert read_cached(rules, None) == first
    assert load_rulebook(rules) == load_rulebook(rules, cache=False)


def test_the_fast_read_of_the_bundled_rules_equals_the_validated_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DANCOSO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DANCOSO_NO_CACHE", raising=False)
    root = bundled_rules_dir()
    validated = load_rulebook(root, cache=False)
    assert read_cached(root, None) is None
    load_rulebook(root)  # writes the cache from the validated objects
    fast = read_cached(root, None)
    assert fast is not None
    assert fast.vocabulary == validated.vocabulary
    assert len(validated.packs) == 2
    assert [pack.id for pack in fast.packs] == [pack.id for pack in validated.packs]
    for read, loaded in zip(fast.packs, validated.packs, strict=True):
        assert read.instrument == loaded.instrument
        assert read.provisions == loaded.provisions
        assert read.interpretations == loaded.interpretations
        assert read.source_text == loaded.source_text
    assert fast == validated


def test_any_change_to_a_rule_file_makes_the_cache_stale(rules: Path) -> None:
    load_rulebook(rules)
    before = cache_key(rules, None)
    path = rules / "mini-2024" / "dieu-1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Join in supervising", "Supervise"), encoding="utf-8"
    )
    assert cache_key(rules, None) != before
    assert read_cached(rules, None) is None
    reloaded = load_rulebook(rules)
    summary = reloaded.pack_by_id["mini-2024"].provision_by_id["art_1__cl_2"].obligations[0].summary
    assert summary.en == "Supervise"


def test_the_cache_is_keyed_by_the_packs_selected(rules: Path) -> None:
    assert cache_key(rules, None) != cache_key(rules, ["mini-2024"])


class _Exploit:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("pwned",))


def test_a_tampered_cache_cannot_run_code(
    rules: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_rulebook(rules)
    (cached,) = (tmp_path / "cache").glob("rulebook-*.pickle")
    cached.write_bytes(pickle.dumps(_Exploit()))
    assert read_cached(rules, None) is None
    assert load_rulebook(rules) == load_rulebook(rules, cache=False)
    assert "pwned" not in capsys.readouterr().out


def test_a_cache_edited_by_hand_is_detected_and_the_yaml_used(rules: Path, tmp_path: Path) -> None:
    loaded = load_rulebook(rules)
    (cached,) = (tmp_path / "cache").glob("rulebook-*.pickle")
    data = cached.read_bytes()
    assert data.startswith(MAGIC)
    header, _, payload = data.partition(b"\n")
    edited = payload.replace(b"Join in supervising", b"Skip in supervising")
    assert edited != payload
    assert pickle.loads(edited) != loaded  # still a rulebook, but another one
    cached.write_bytes(header + b"\n" + edited)
    assert read_cached(rules, None) is None
    assert load_rulebook(rules) == loaded


def test_a_corrupt_cache_is_ignored(rules: Path, tmp_path: Path) -> None:
    load_rulebook(rules)
    (cached,) = (tmp_path / "cache").glob("rulebook-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert read_cached(rules, None) is None
    assert load_rulebook(rules).pack_by_id["mini-2024"].id == "mini-2024"


def test_the_cache_can_be_turned_off(rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DANCOSO_NO_CACHE", "1")
    load_rulebook(rules)
    assert not (tmp_path / "cache").exists()


def test_an_enum_member_pickled_through_getattr_is_read_and_nothing_else_is() -> None:
    # Python 3.11.2 (Debian's) pickles an enum member as getattr(EnumClass, "NAME"); 3.11.7 does not.
    import io
    import pickle

    from dancoso_rules.load.cache import _ModelsOnly
    from dancoso_rules.model import Modality

    def load(payload: bytes) -> object:
        return _ModelsOnly(io.BytesIO(payload)).load()

    member = (
        b"\x80\x02cbuiltins\ngetattr\ncdancoso_rules.model.obligation\nModality\nX\x04\x00\x00\x00DUTY\x86R."
    )
    assert load(member) is Modality.DUTY
    system = b"\x80\x02cbuiltins\ngetattr\ncos\nsystem\nX\x04\x00\x00\x00DUTY\x86R."
    with pytest.raises(pickle.UnpicklingError):
        load(system)
    not_a_member = member.replace(b"DUTY", b"mro_")
    with pytest.raises(pickle.UnpicklingError):
        load(not_a_member)
