"""The concordance of two instruments: which provisions say the same thing, and what each has alone.

Provisions that carry obligations are paired when their words are alike (difflib's ratio over the
folded, lower-cased words) or when they share activity types and their words are somewhat alike.
Pairs are chosen greedily, best first, each provision used once. For each pair the passages of
four or more words that only one side has are listed; then the provisions with no counterpart, and
the activity types and bearers that only one instrument uses.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from dancoso_docs.labels import Lang, word
from dancoso_docs.markdown import cell, code, escape, table
from dancoso_rules.model import Provision, Rulebook, RulePack
from dancoso_rules.text import fold

_WORD = re.compile(r"\w+")

#: Words alike enough to be the same provision on their own.
TEXT_ALONE = 0.5
#: Words alike enough when the two also share most of their activity types.
TEXT_WITH_ACTIVITIES = 0.25
ACTIVITIES_SHARED = 0.5
#: The shortest passage, in words, listed as present on one side only.
MIN_PASSAGE = 4


@dataclass(frozen=True, slots=True)
class Pair:
    """Two provisions that say the same thing, with how alike they are."""

    left: Provision
    right: Provision
    text_similarity: float
    activity_overlap: float
    left_only: tuple[str, ...]
    right_only: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Concordance:
    """The pairs, the unpaired provisions of each side, and the words one side alone uses."""

    left: RulePack
    right: RulePack
    pairs: tuple[Pair, ...]
    left_alone: tuple[Provision, ...]
    right_alone: tuple[Provision, ...]
    left_activities: tuple[str, ...]
    right_activities: tuple[str, ...]
    left_bearers: tuple[str, ...]
    right_bearers: tuple[str, ...]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def text_similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1: difflib's ratio over their folded, lower-cased words."""
    left = [t for t, _, _ in _tokens(fold(a))]
    right = [t for t, _, _ in _tokens(fold(b))]
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def one_sided_passages(a: str, b: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The passages (at least :data:`MIN_PASSAGE` words, as written) found only in ``a``, and only in ``b``."""
    fa, fb = fold(a), fold(b)
    ta, tb = _tokens(fa), _tokens(fb)
    matcher = difflib.SequenceMatcher(None, [t for t, _, _ in ta], [t for t, _, _ in tb], autojunk=False)
    only_a: list[str] = []
    only_b: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace") and i2 - i1 >= MIN_PASSAGE:
            only_a.append(fa[ta[i1][1] : ta[i2 - 1][2]])
        if op in ("insert", "replace") and j2 - j1 >= MIN_PASSAGE:
            only_b.append(fb[tb[j1][1] : tb[j2 - 1][2]])
    return tuple(only_a), tuple(only_b)


def _activities(provision: Provision) -> set[str]:
    return {o.activity for o in provision.obligations}


def _bearers(pack: RulePack) -> set[str]:
    return {b for placed in pack.obligations() for b in placed.obligation.bearers}


def concord(left: RulePack, right: RulePack) -> Concordance:
    """Pair the provisions of ``left`` and ``right`` that say the same thing."""
    left_ops = [p for p in left.provisions if p.obligations]
    right_ops = [p for p in right.provisions if p.obligations]
    candidates: list[tuple[float, int, int, float, float]] = []
    for i, a in enumerate(left_ops):
        for j, b in enumerate(right_ops):
            text = text_similarity(a.words, b.words)
            acts_a, acts_b = _activities(a), _activities(b)
            overlap = len(acts_a & acts_b) / len(acts_a | acts_b)
            if text >= TEXT_ALONE or (overlap >= ACTIVITIES_SHARED and text >= TEXT_WITH_ACTIVITIES):
                candidates.append((text + overlap, i, j, text, overlap))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_left: set[int] = set()
    used_right: set[int] = set()
    chosen: list[tuple[int, int, float, float]] = []
    for _, i, j, text, overlap in candidates:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        chosen.append((i, j, text, overlap))
    chosen.sort()
    pairs = []
    for i, j, text, overlap in chosen:
        only_a, only_b = one_sided_passages(left_ops[i].words, right_ops[j].words)
        pairs.append(Pair(left_ops[i], right_ops[j], text, overlap, only_a, only_b))
    acts_left = {o.obligation.activity for o in left.obligations()}
    acts_right = {o.obligation.activity for o in right.obligations()}
    bearers_left, bearers_right = _bearers(left), _bearers(right)
    return Concordance(
        left=left,
        right=right,
        pairs=tuple(pairs),
        left_alone=tuple(p for i, p in enumerate(left_ops) if i not in used_left),
        right_alone=tuple(p for j, p in enumerate(right_ops) if j not in used_right),
        left_activities=tuple(sorted(acts_left - acts_right)),
        right_activities=tuple(sorted(acts_right - acts_left)),
        left_bearers=tuple(sorted(bearers_left - bearers_right)),
        right_bearers=tuple(sorted(bearers_right - bearers_left)),
    )


_TEXT: dict[str, tuple[str, str]] = {
    "intro": (
        "Bảng này được tính khi xây dựng tài liệu từ các gói quy tắc: hai đơn vị được ghép cặp khi lời văn giống nhau "
        "(tỷ lệ của difflib trên các từ đã chuẩn hóa, từ {alone:.0%}) hoặc khi chung phần lớn loại hoạt động và lời văn "
        "tương đối giống (từ {with_acts:.0%}). Mỗi đơn vị chỉ được ghép một lần. Đây là công cụ đọc đối chiếu, không "
        "phải ý kiến pháp lý.",
        "This table is computed from the rule packs when the site is built: two provisions are paired when their words "
        "are alike (difflib's ratio over folded words, from {alone:.0%}) or when they share most of their activity "
        "types and their words are somewhat alike (from {with_acts:.0%}). Each provision is paired at most once. It "
        "is a reading aid, not a legal opinion.",
    ),
    "pairs": ("Các đơn vị có nội dung tương ứng", "Provisions that say the same thing"),
    "similarity": ("Độ giống lời văn", "Word similarity"),
    "subject": ("Nội dung (theo {name})", "Subject (as {name} words it)"),
    "only_in": ("Chỉ có trong {name}", "Only in {name}"),
    "same_words": (
        "(không có đoạn dài từ {n} từ trở lên khác nhau)",
        "(no differing passage of {n} words or more)",
    ),
    "alone": ("Đơn vị chỉ có trong {name}", "Provisions only in {name}"),
    "no_alone": ("Không có.", "None."),
    "acts_alone": ("Loại hoạt động chỉ {name} sử dụng", "Activity types only {name} uses"),
    "bearers_alone": ("Chủ thể chỉ {name} giao nghĩa vụ", "Bearers only {name} addresses"),
    "differences": ("Khác biệt về lời văn trong các cặp", "Differences of wording within pairs"),
}


def _t(key: str, lang: Lang, **values: object) -> str:
    pair = _TEXT[key]
    return (pair[0] if lang == "vi" else pair[1]).format(**values)


def _link(pack: RulePack, provision: Provision) -> str:
    return f"[{escape(provision.citation)}]({pack.id}.md#{provision.id})"


def _names(ids: tuple[str, ...], labels: dict[str, str]) -> list[str]:
    return [f"- {escape(labels.get(i, i))} ({code(i)})" for i in ids] or []


def concordance_page(rulebook: Rulebook, left_id: str, right_id: str, lang: Lang) -> str:
    """The concordance page of two packs in ``lang``."""
    left, right = rulebook.pack_by_id[left_id], rulebook.pack_by_id[right_id]
    result = concord(left, right)
    ln, rn = left.instrument.territory.name, right.instrument.territory.name
    other = "en" if lang == "vi" else "vi"
    out = [
        f"# {word('concordance', lang)}",
        "",
        f"[{word('other_lang', lang)}](../../{other}/catalogue/concordance.md)",
        "",
        _t("intro", lang, alone=TEXT_ALONE, with_acts=TEXT_WITH_ACTIVITIES),
        "",
        f"## {_t('pairs', lang)}",
        "",
    ]
    rows = [
        (
            _link(left, p.left),
            _link(right, p.right),
            f"{p.text_similarity:.0%}",
            cell("; ".join(o.summary.get(lang) for o in p.left.obligations)),
        )
        for p in result.pairs
    ]
    out += [
        table((escape(ln), escape(rn), _t("similarity", lang), _t("subject", lang, name=escape(ln))), rows),
        "",
    ]
    out += [f"## {_t('differences', lang)}", ""]
    for p in result.pairs:
        if not (p.left_only or p.right_only):
            continue
        out += [
            f"### {escape(p.left.citation)} ({escape(ln)}) · {escape(p.right.citation)} ({escape(rn)})",
            "",
        ]
        for name, passages in ((ln, p.left_only), (rn, p.right_only)):
            if passages:
                out.append(f"**{_t('only_in', lang, name=escape(name))}:**")
                out.append("")
                out += [f"- “{escape(s)}”" for s in passages]
                out.append("")
    vocabulary = rulebook.vocabulary
    activities = {a.id: a.label.get(lang) for a in vocabulary.activity_types}
    bearers = {b.id: b.label.get(lang) for b in vocabulary.bearers}
    for pack, alone, acts, bears in (
        (left, result.left_alone, result.left_activities, result.left_bearers),
        (right, result.right_alone, result.right_activities, result.right_bearers),
    ):
        name = escape(pack.instrument.territory.name)
        out += [f"## {_t('alone', lang, name=name)}", ""]
        if alone:
            for provision in alone:
                out.append(f"- {_link(pack, provision)}: “{escape(' '.join(provision.words.split()))}”")
        else:
            out.append(_t("no_alone", lang))
        out.append("")
        out += [f"### {_t('acts_alone', lang, name=name)}", ""]
        out += _names(acts, activities) or [_t("no_alone", lang)]
        out.append("")
        out += [f"### {_t('bearers_alone', lang, name=name)}", ""]
        out += _names(bears, bearers) or [_t("no_alone", lang)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
