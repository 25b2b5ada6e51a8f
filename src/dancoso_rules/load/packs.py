"""Load the rulebook: the shared vocabulary and interpretations, and every pack, strictly.

A rule folder holds ``vocabulary.yaml``, ``interpretations.yaml`` and one sub-folder per pack with
``pack.yaml`` (the instrument), ``source.txt`` (its full text), an optional ``interpretations.yaml``
and ``dieu-N.yaml`` files of provisions. Every file is parsed with :func:`load_yaml`, validated
against the model, then cross-checked (:mod:`dancoso_rules.load.checks`); every problem of every
file is reported together, each located as ``file:line:col /pointer``.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from dancoso_rules.errors import Location, Problem, RuleError, capped
from dancoso_rules.i18n import os_reason, thousands, tr
from dancoso_rules.load.sourcemap import SourceMap as SourceMap  # also importable from here, as before
from dancoso_rules.model import Instrument, Interpretation, Provision, Rulebook, RulePack, Vocabulary
from dancoso_rules.paths import bundled_rules_dir, display_path
from dancoso_rules.text import nfc

if TYPE_CHECKING:  # what only reading YAML needs is imported when YAML is read: a cached rulebook needs none
    from dancoso_rules.model.files import InterpretationFile

M = TypeVar("M", bound=msgspec.Struct)

#: The largest rule, source or interpretation file read: 4 MiB, some twenty times the largest
#: instrument's full text. A bigger file is refused before it is read (parsing a 24 MB override
#: file took 38 s and 2.4 GB).
MAX_RULE_FILE_BYTES = 4 * 1024 * 1024


class LoadedRules(msgspec.Struct):
    """A rulebook with the map of where each of its parts was written."""

    rulebook: Rulebook
    sources: SourceMap


def _read_text(path: Path, problems: list[Problem], *, named: bool = False) -> str | None:
    """The text of a rule file, or ``None`` with a problem. A file found in a rule folder must be a regular
    file: a FIFO, a device or a socket there is refused without being opened (opening a FIFO waits for a
    writer that never comes), as a folder of records refuses one. A file the user ``named`` (an override
    file, ``--interpretations <(...)``) is read whatever it is."""
    try:
        info = path.stat()
        if not named and not stat.S_ISREG(info.st_mode):
            problems.append(Problem(Location(display_path(path)), tr("record.not_a_file"), code="io"))
            return None
        size = info.st_size
        if size > MAX_RULE_FILE_BYTES:
            problems.append(
                Problem(
                    Location(display_path(path)),
                    tr("rules.file_too_large", size=thousands(size), limit=thousands(MAX_RULE_FILE_BYTES)),
                    code="too-large",
                )
            )
            return None
        with path.open("rb") as handle:  # no more than the limit, whatever the file grew to
            raw = handle.read(MAX_RULE_FILE_BYTES + 1)
        if len(raw) > MAX_RULE_FILE_BYTES:
            raise OSError(0, tr("rules.file_grew"))
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(Location(display_path(path)), tr("rules.not_utf8", byte=exc.start), code="encoding")
        )
    except OSError as exc:
        problems.append(
            Problem(Location(display_path(path)), tr("record.cannot_read", reason=os_reason(exc)), code="io")
        )
    return None


def _parse(
    path: Path, model: type[M], problems: list[Problem], sources: SourceMap, *, named: bool = False
) -> M | None:
    text = _read_text(path, problems, named=named)
    if text is None:
        return None
    from dancoso_rules.load.yamlsafe import load_yaml  # only when YAML is read: a cached rulebook needs none

    name = display_path(path)
    try:
        document = load_yaml(text, name)
    except RuleError as exc:
        problems.extend(exc.problems)
        return None
    sources.documents[name] = document
    if not isinstance(document.data, dict):
        problems.append(Problem(document.locate(""), tr("rules.top_mapping")))
        return None
    # Validating a rule file is the work of the pydantic model derived from its struct: a cached rulebook needs none.
    from pydantic import ValidationError

    from dancoso_rules.model.derive import pydantic_model, to_struct

    derived = pydantic_model(model)
    try:
        made: M = to_struct(derived.model_validate(document.data))
        return made
    except ValidationError as exc:
        from dancoso_rules.load.validation import located_problems

        located = located_problems(exc, document.data, document.locate, derived)
        problems.extend(capped(sorted(located, key=_file_order), name))
        return None


def _present(path: Path) -> bool:
    """Whether a rule folder has something by this name that is no folder: a regular file, or something else
    (a FIFO, a device) that :func:`_read_text` then refuses, rather than taking it for absent."""
    return path.exists() and not path.is_dir()


def _file_order(problem: Problem) -> tuple[int, int]:
    return problem.location.line or 0, problem.location.column or 0


def _natural_key(path: Path) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name))


def load_pack_dir(folder: Path, problems: list[Problem], sources: SourceMap) -> RulePack | None:
    """Load one pack folder; problems are appended, ``None`` is returned when it cannot be built."""
    from dancoso_rules.model.files import InterpretationFile, ProvisionFile

    instrument = _parse(folder / "pack.yaml", Instrument, problems, sources)
    local = InterpretationFile()
    if _present(folder / "interpretations.yaml"):
        local = _parse(folder / "interpretations.yaml", InterpretationFile, problems, sources) or local
        _remember_interpretations(folder / "interpretations.yaml", local, sources)
    provisions: list[Provision] = []
    provision_files = sorted(folder.glob("dieu-*.yaml"), key=_natural_key)
    for path in provision_files:
        parsed = _parse(path, ProvisionFile, problems, sources)
        if parsed is None:
            continue
        for index, provision in enumerate(parsed.provisions):
            pointer = f"/provisions/{index}"
            key = f"provision:{folder.name}/{provision.id}"
            sources.remember(key, display_path(path), pointer)
            for o_index, obligation in enumerate(provision.obligations):
                sources.remember(
                    f"{key}/{obligation.id}", display_path(path), f"{pointer}/obligations/{o_index}"
                )
        provisions.extend(parsed.provisions)
    if instrument is None:
        return None
    sources.remember(f"pack:{instrument.id}", display_path(folder / "pack.yaml"), "")
    source_path = folder / instrument.source.file
    source_text = _read_text(source_path, problems)
    if source_text is None:
        return None
    digest = hashlib.sha256(source_path.read_bytes()).hexdigest()
    if digest != instrument.source.sha256:
        problems.append(
            Problem(
                sources.locate(f"pack:{instrument.id}", "/source/sha256"),
                tr("rules.source_hash", file=instrument.source.file, digest=digest),
                code="source-hash",
            )
        )
    if instrument.id != folder.name:
        problems.append(
            Problem(
                sources.locate(f"pack:{instrument.id}", "/id"),
                tr("rules.pack_id_folder", id=instrument.id, folder=folder.name),
            )
        )
    if not provision_files:
        problems.append(Problem(Location(display_path(folder)), tr("rules.no_provisions")))
        return None
    if not provisions:
        return None
    return RulePack(
        instrument=instrument,
        source_text=source_text,
        provisions=tuple(provisions),
        interpretations=local.interpretations,
    )


def _remember_interpretations(path: Path, parsed: InterpretationFile, sources: SourceMap) -> None:
    for index, interpretation in enumerate(parsed.interpretations):
        sources.remember(
            f"interpretation:{interpretation.id}", display_path(path), f"/interpretations/{index}"
        )


def pack_dirs(root: Path) -> list[Path]:
    """The pack folders under a rule folder, by name."""
    return sorted(p.parent for p in root.glob("*/pack.yaml"))


def load_rules(root: Path | None = None, *, packs: Sequence[str] | None = None) -> LoadedRules:
    """Load and check a rule folder (default: the bundled one); raise :class:`RuleError` listing every problem.

    ``packs`` restricts loading to the named pack ids.
    """
    from dancoso_rules.load.checks import check_rulebook
    from dancoso_rules.model.files import InterpretationFile

    root = bundled_rules_dir() if root is None else root
    problems: list[Problem] = []
    sources = SourceMap()
    if not _present(root / "vocabulary.yaml"):
        raise RuleError(Problem(Location(display_path(root)), tr("rules.not_rule_folder")))
    vocabulary = _parse(root / "vocabulary.yaml", Vocabulary, problems, sources)
    shared = InterpretationFile()
    if _present(root / "interpretations.yaml"):
        shared = _parse(root / "interpretations.yaml", InterpretationFile, problems, sources) or shared
        _remember_interpretations(root / "interpretations.yaml", shared, sources)
    folders = pack_dirs(root)
    # Nothing checked is no pass: a folder without a pack, or provisions whose pack.yaml is gone, is said.
    if not folders:
        problems.append(Problem(Location(display_path(root)), tr("rules.no_packs")))
    for orphan in sorted({p.parent for p in root.glob("*/dieu-*.yaml")} - set(folders)):
        problems.append(Problem(Location(display_path(orphan)), tr("rules.no_pack_yaml")))
    if packs is not None:
        known = {folder.name for folder in folders}
        unknown = [name for name in packs if name not in known]
        if unknown:
            from dancoso_rules.load.suggest import did_you_mean, one_of

            raise RuleError(
                [
                    Problem(
                        Location(display_path(root)),
                        tr("rules.unknown_pack", pack=n, hint=did_you_mean(n, known), known=one_of(known)),
                    )
                    for n in unknown
                ]
            )
        folders = [folder for folder in folders if folder.name in packs]
    loaded = [load_pack_dir(folder, problems, sources) for folder in folders]
    if vocabulary is None or problems:
        raise RuleError(problems)
    rulebook = Rulebook(
        vocabulary=vocabulary,
        interpretations=shared.interpretations,
        packs=tuple(pack for pack in loaded if pack is not None),
    )
    problems.extend(check_rulebook(rulebook, sources))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise RuleError(errors)
    return LoadedRules(rulebook, sources)


def load_rulebook(
    root: Path | None = None, *, packs: Sequence[str] | None = None, cache: bool = True
) -> Rulebook:
    """Load and check the rule packs (default: the bundled ones) and return the rulebook.

    With ``cache`` (the default) a rulebook already checked from the very same files is taken from
    the precompiled cache (:mod:`dancoso_rules.load.cache`) instead of being parsed again.
    """
    from dancoso_rules.load import cache as rule_cache

    root = bundled_rules_dir() if root is None else root
    if cache and (cached := rule_cache.read_cached(root, packs)) is not None:
        return cached
    rulebook = load_rules(root, packs=packs).rulebook
    if cache:
        rule_cache.write_cached(root, packs, rulebook)
    return rulebook


@lru_cache(maxsize=8)
def bundled_rulebook(packs: tuple[str, ...] | None = None) -> Rulebook:
    """The bundled rulebook (optionally restricted to ``packs``), loaded once per process."""
    return load_rulebook(packs=packs)


def load_interpretation_file(path: Path) -> tuple[tuple[Interpretation, ...], SourceMap]:
    """Load a user's interpretation override file (the shape of ``interpretations.yaml``; YAML or JSON).

    A file that overrides nothing (``{}``, ``interpretations: []``) is refused, as an empty one is: asked
    for, it is most likely the wrong file, or one whose entries were lost, and a run must not pass on the
    rules' own readings while the user believes theirs were applied.
    """
    from dancoso_rules.model.files import InterpretationFile

    problems: list[Problem] = []
    sources = SourceMap()
    parsed = _parse(path, InterpretationFile, problems, sources, named=True)
    if parsed is None:
        raise RuleError(problems)
    if not parsed.interpretations:
        document = sources.documents[display_path(path)]
        pointer = "/interpretations" if "interpretations" in document.data else ""
        raise RuleError(Problem(document.locate(pointer), tr("overrides.none"), code="empty"))
    _remember_interpretations(path, parsed, sources)
    return parsed.interpretations, sources
