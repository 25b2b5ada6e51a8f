"""``dancoso rules list | show ID | lint [PATH] | coverage [PATH]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dancoso_rules.cli.lang import add_lang
from dancoso_rules.errors import Location, Problem, RuleError, UsageError
from dancoso_rules.i18n import EN, current_lang, tr
from dancoso_rules.text import vi_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=tr("rules.help.list"), description=tr("rules.help.list"))
    _add_rules_option(listing)
    listing.add_argument(
        "--format", choices=("text", "json", "ids"), default="text", help=tr("rules.help.list_format")
    )
    show = actions.add_parser("show", help=tr("rules.help.show"), description=tr("rules.help.show"))
    show.add_argument("id", help=tr("rules.help.id"))
    _add_rules_option(show)
    lint = actions.add_parser("lint", help=tr("rules.help.lint"), description=tr("rules.help.lint"))
    lint.add_argument("path", nargs="?", type=Path, help=tr("rules.help.lint_path"))
    coverage = actions.add_parser(
        "coverage", help=tr("rules.help.coverage"), description=tr("rules.help.coverage")
    )
    coverage.add_argument("path", nargs="?", type=Path, help=tr("rules.help.coverage_path"))
    coverage.add_argument("--format", choices=("text", "json"), default="text", help=tr("rules.help.format"))
    for action in (listing, show, lint, coverage):
        add_lang(action)


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", type=Path, help=tr("help.rules"))


def _resolve(path: Path | None) -> tuple[Path | None, list[str] | None]:
    """A rule folder and the packs to load in it, from a folder, a pack folder or a file in a pack."""
    if path is None:
        return None, None
    if not path.exists():
        raise UsageError(Problem(Location(str(path)), tr("rules.no_such_path")))
    folder = path if path.is_dir() else path.parent
    # exists(), not is_file(): a FIFO named vocabulary.yaml is a rule file that loading refuses, with its name.
    if (folder / "vocabulary.yaml").exists():
        return folder, None
    if (folder / "pack.yaml").exists() and (folder.parent / "vocabulary.yaml").exists():
        return folder.parent, [folder.name]
    raise UsageError(Problem(Location(str(path)), tr("rules.not_rules")))


def run(args: argparse.Namespace) -> int:
    action: str = args.action
    if action == "lint":
        return _lint(args.path)
    if action == "coverage":
        return _coverage(args.path, args.format)
    from dancoso_rules.load import load_rulebook

    rulebook = load_rulebook(args.rules)
    if action == "list":
        return _list(rulebook, args.format)
    return _show(rulebook, args.id)


def _lint(path: Path | None) -> int:
    from dancoso_rules.load import load_rules

    root, packs = _resolve(path)
    try:
        loaded = load_rules(root, packs=packs)
    except RuleError as exc:
        for problem in exc.problems:
            print(problem)
        print(tr("rules.lint_problems", count=len(exc.problems)), file=sys.stderr)
        return 1
    count = sum(1 for _ in loaded.rulebook.obligations())
    print(tr("rules.lint_ok", packs=len(loaded.rulebook.packs), obligations=count), file=sys.stderr)
    return 0


def _coverage(path: Path | None, output_format: str) -> int:
    from dancoso_rules.load import load_rules
    from dancoso_rules.load.coverage import PackCoverage, pack_coverage

    root, packs = _resolve(path)
    rulebook = load_rules(root, packs=packs).rulebook
    reports: list[PackCoverage] = [pack_coverage(pack) for pack in rulebook.packs]
    if output_format == "json":
        document: dict[str, Any] = {"packs": {r.pack: _coverage_json(r) for r in reports}}
        print(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for report in reports:
            print(_coverage_text(report))
    return 0 if all(r.complete for r in reports) else 1


def _levels(report: Any) -> dict[str, dict[str, dict[str, int]]]:
    """Per Điều, per level (khoản, điểm, gạch đầu dòng): covered and total."""
    gaps = {gap.unit for gap in report.gaps}
    table: dict[str, dict[str, dict[str, int]]] = {}
    for unit in report.units:
        article = unit.id.split("__")[0]
        level = {1: "article", 2: "clause", 3: "point", 4: "indent"}[len(unit.id.split("__"))]
        cell = table.setdefault(article, {}).setdefault(level, {"covered": 0, "total": 0})
        cell["total"] += 1
        cell["covered"] += unit.id not in gaps
    return table


def _coverage_json(report: Any) -> dict[str, Any]:
    return {
        "covered": report.covered,
        "total": report.total,
        "complete": report.complete,
        "by_article": _levels(report),
        "obligations_by_schedule": dict(sorted(report.by_schedule.items())),
        "obligations_by_modality": dict(sorted(report.by_modality.items())),
        "non_operative_by_reason": dict(sorted(report.non_operative.items())),
        "uncovered": [
            {"provision": g.unit, "citation": g.citation, "problem": g.message, "text": g.text}
            for g in report.gaps
        ],
        "not_in_source": report.extra,
    }


_LEVEL_NAMES = {"article": "Điều", "clause": "khoản", "point": "điểm", "indent": "gạch đầu dòng"}


def _coverage_text(report: Any) -> str:
    lines = [tr("coverage.covered", pack=report.pack, covered=report.covered, total=report.total)]
    for article, levels in _levels(report).items():
        cells = ", ".join(
            f"{_LEVEL_NAMES[level]} {cell['covered']}/{cell['total']}"
            for level, cell in levels.items()
            if level != "article"
        )
        label = "phần kết" if article == "conclusions" else f"Điều {article.removeprefix('art_')}"
        lines.append(f"  {label}: {cells or tr('coverage.no_sub_units')}")
    lines.append("  " + tr("coverage.by_schedule", counts=_counts(report.by_schedule, "schedule")))
    lines.append("  " + tr("coverage.by_modality", counts=_counts(report.by_modality, "modality")))
    lines.append("  " + tr("coverage.non_operative", counts=_counts(report.non_operative, "non_operative")))
    for gap in report.gaps:
        uncovered = tr(
            "coverage.uncovered", citation=gap.citation, unit=gap.unit, problem=gap.message, text=gap.text
        )
        lines.append(f"  {uncovered}")
    lines.extend(f"  {tr('coverage.not_in_source', id=extra)}" for extra in report.extra)
    if report.complete:
        lines.append(f"  {tr('coverage.complete')}")
    return "\n".join(lines)


def _counts(counter: Any, family: str) -> str:
    """``periodic 23, regular 5``: each kind in the run's language (English: its id), and how many."""
    words = [(_word(family, key), value) for key, value in sorted(counter.items())]
    return ", ".join(f"{word} {value}" for word, value in words) or tr("coverage.none")


def _word(family: str, key: str) -> str:
    name = f"coverage.{family}.{key}"
    return tr(name) if name in EN else key


def _list(rulebook: Any, output_format: str) -> int:
    if output_format == "ids":
        print("\n".join(placed.uid for placed in rulebook.obligations()))
        return 0
    rows = []
    for pack in rulebook.packs:
        instrument = pack.instrument
        rows.append(
            {
                "id": pack.id,
                "kind": instrument.kind,
                "title": instrument.title,
                "issuer": instrument.issuer,
                "number": instrument.number,
                "effective": instrument.effective.isoformat(),
                "provisions": len(pack.provisions),
                "obligations": sum(1 for _ in pack.obligations()),
                "version": instrument.version,
            }
        )
    if output_format == "json":
        print(json.dumps({"packs": rows}, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        number = row["number"] or tr("rules.list_no_number")
        day = rulebook.pack_by_id[row["id"]].instrument.effective  # a date in the words' own style
        effective = tr(
            "rules.list_effective", date=day.isoformat() if current_lang() == "en" else vi_date(day)
        )
        kind = rulebook.pack_by_id[row["id"]].instrument.kind_label.get(current_lang())
        print(f"{row['id']}  {kind} — {row['issuer']} — {number} — {effective}")
        print(f"    {row['title']}")
        counts = tr(
            "rules.list_counts",
            provisions=row["provisions"],
            obligations=row["obligations"],
            version=row["version"],
        )
        print(f"    {counts}")
    return 0


def _show(rulebook: Any, wanted: str) -> int:
    from dancoso_rules.load.suggest import did_you_mean

    found = _find(rulebook, wanted)
    if found is None:
        candidates = (
            list(rulebook.pack_by_id)
            + list(rulebook.obligation_by_uid)
            + list(rulebook.interpretation_by_id)
            + list(rulebook.vocabulary.activity_by_id)
            + [f"{p.id}.{prov.id}" for p in rulebook.packs for prov in p.provisions]
        )
        raise UsageError(
            Problem(
                Location("dancoso rules show"),
                tr("rules.nothing_has_id", id=wanted, hint=did_you_mean(wanted, candidates)),
            )
        )
    print(json.dumps(_in_lang(found, current_lang()), ensure_ascii=False, indent=2, default=str))
    return 0


def _in_lang(value: Any, lang: str) -> Any:
    """``value`` with each bilingual label (``{"vi": ..., "en": ...}``) given in ``lang`` only."""
    if isinstance(value, dict):
        if value.keys() == {"vi", "en"}:
            return value[lang]
        return {key: _in_lang(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_lang(item, lang) for item in value]
    return value


def _relied(rulebook: Any, placed: Any) -> tuple[str, ...]:
    """Every interpretation an obligation relies on: its schedule's (deadline, frequency, late window),
    the ones it names, and the successor flags of its bearers."""
    from dancoso_rules.evaluation.instances import plan_for
    from dancoso_rules.evaluation.interpretations import InterpretationTable

    obligation = placed.obligation
    plan = plan_for(obligation, InterpretationTable(rulebook.interpretation_by_id), placed.uid)
    bearers = rulebook.vocabulary.bearer_by_id
    successors = []
    for bearer_id in obligation.bearers:
        for kind in rulebook.vocabulary.ancestors(bearer_id):
            found = bearers.get(kind)
            if found is not None and found.successor:
                successors.append(found.successor)
    return tuple(dict.fromkeys((*plan.interpretations, *obligation.interpretation_ids(), *successors)))


def _data(value: Any, *, keep_none: bool = False) -> Any:
    """A model as JSON data, fields in their order (dates ISO, enums their values); fields that are
    ``None`` left out unless ``keep_none``."""
    import msgspec

    data = msgspec.json.decode(msgspec.json.encode(value))
    return data if keep_none else _without_none(data)


def _without_none(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _without_none(item) for key, item in data.items() if item is not None}
    if isinstance(data, list):
        return [_without_none(item) for item in data]
    return data


def _find(rulebook: Any, wanted: str) -> Any:
    if wanted in rulebook.pack_by_id:
        pack = rulebook.pack_by_id[wanted]
        return {
            "instrument": _data(pack.instrument, keep_none=True),
            "provisions": [p.id for p in pack.provisions],
        }
    if wanted in rulebook.obligation_by_uid:
        placed = rulebook.obligation_by_uid[wanted]
        return {
            "id": placed.uid,
            "citation": placed.provision.citation,
            "provision_text": placed.provision.words,
            **_data(placed.obligation),
            "interpretations": list(_relied(rulebook, placed)),
        }
    if wanted in rulebook.interpretation_by_id:
        return _data(rulebook.interpretation_by_id[wanted])
    if wanted in rulebook.vocabulary.activity_by_id:
        return _data(rulebook.vocabulary.activity_by_id[wanted])
    pack_id, _, provision_id = wanted.rpartition(".")
    for pack in rulebook.packs:
        if pack_id in ("", pack.id) and provision_id in pack.provision_by_id:
            provision = pack.provision_by_id[provision_id]
            return {
                "pack": pack.id,
                "content_hash": provision.content_hash,
                **_data(provision),
            }
    return None
