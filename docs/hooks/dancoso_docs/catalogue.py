"""The rule catalogue: one page per instrument, provision by provision, generated from the rule packs.

Every page is a function of a loaded :class:`~dancoso_rules.model.Rulebook` and a language; nothing
is copied by hand, so a changed rule file changes the catalogue at the next build.
"""

from __future__ import annotations

from collections import Counter

from dancoso_docs.labels import FREQUENCY, LEVEL, MODALITY, NON_OPERATIVE, Lang, pick, word
from dancoso_docs.markdown import cell, code, escape, quote, table
from dancoso_rules.evaluation.applicability import not_binding
from dancoso_rules.model import (
    Interpretation,
    Obligation,
    OneOff,
    Periodic,
    Provision,
    Regular,
    Rulebook,
    RulePack,
    Triggered,
)
from dancoso_rules.model.pack import obligation_uid
from dancoso_rules.report.messages import value_label
from dancoso_rules.text import vi_date


def page_path(lang: Lang, name: str) -> str:
    """The docs-relative path of a catalogue page (``vi/catalogue/tra-vinh-2024.md``)."""
    return f"{lang}/catalogue/{name}.md"


def _other(lang: Lang) -> Lang:
    return "en" if lang == "vi" else "vi"


def _lang_switch(lang: Lang, name: str) -> str:
    other = _other(lang)
    return f"[{word('other_lang', lang)}](../../{page_path(other, name)})"


def heading_level(provision_id: str) -> int:
    """Điều → ``##``, khoản → ``###``, điểm → ``####``, indent → ``#####``."""
    if provision_id == "conclusions":
        return 2
    return 1 + len(provision_id.split("__"))


def _interp_link(interpretation: Interpretation | None, interp_id: str, lang: Lang) -> str:
    if interpretation is None:
        return code(interp_id)
    words = value_label(interpretation.value, lang)
    return f"[{escape(interpretation.title.get(lang))}](#interp-{interp_id}) ({escape(words)})"


def describe_schedule(obligation: Obligation, rulebook: Rulebook, lang: Lang) -> str:
    """The schedule of an obligation as one phrase, each interpretation linked to its entry."""
    table_ = rulebook.interpretation_by_id
    schedule = obligation.schedule

    def link(interp_id: str) -> str:
        return _interp_link(table_.get(interp_id), interp_id, lang)

    parts: list[str]
    if isinstance(schedule, Periodic):
        parts = [
            word("sched_periodic", lang, frequency=pick(FREQUENCY[schedule.frequency], lang))
            if schedule.interpreted is None
            else word("sched_periodic_interpreted", lang, interp=link(schedule.interpreted)),
            word(f"window_{schedule.window}", lang),
            word(
                "due_after_start" if schedule.window == "plan" else "due_after",
                lang,
                interp=link(schedule.due),
            )
            if schedule.due
            else word("due_end", lang),
        ]
    elif isinstance(schedule, Regular):
        parts = [word("sched_regular", lang, interp=link(schedule.frequency))]
    elif isinstance(schedule, Triggered):
        events = {e.id: e.label.get(lang) for e in rulebook.vocabulary.event_types}
        named = ", ".join(escape(events.get(e, e)) for e in schedule.events)
        parts = [word("sched_triggered", lang, events=named, interp=link(schedule.respond_within))]
    elif isinstance(schedule, OneOff):
        parts = [word("sched_one_off", lang, interp=link(schedule.due))]
    else:
        parts = [word("sched_qualitative", lang)]
    close = getattr(schedule, "close", None)
    if close:
        parts.append(word("close", lang, interp=link(close)))
    return "; ".join(parts)


def _labels(ids: tuple[str, ...], table_: dict[str, str]) -> str:
    return ", ".join(f"{escape(table_.get(i, i))} ({code(i)})" for i in ids)


def render_obligation(
    pack: RulePack, provision: Provision, obligation: Obligation, rulebook: Rulebook, lang: Lang
) -> str:
    """One obligation: its full id, modality, bearers, activity, schedule, evidence, quote, interpretations."""
    vocabulary = rulebook.vocabulary
    bearers = {b.id: b.label.get(lang) for b in vocabulary.bearers}
    activities = {a.id: a.label.get(lang) for a in vocabulary.activity_types}
    evidence = {e.id: e.label.get(lang) for e in vocabulary.evidence_kinds}
    uid = obligation_uid(pack.id, provision.id, obligation.id)
    modality = pick(MODALITY[obligation.modality.value], lang)
    lines = [
        f"**{code(uid)}** · *{modality}*",
        f": {escape(obligation.summary.get(lang))}",
        "",
        f"- **{word('bearers', lang)}:** {_labels(obligation.bearers, bearers)}",
        f"- **{word('activity', lang)}:** {_labels((obligation.activity,), activities)}",
        f"- **{word('schedule', lang)}:** {describe_schedule(obligation, rulebook, lang)}",
    ]
    if obligation.evidence:
        lines.append(f"- **{word('evidence', lang)}:** {_labels(obligation.evidence, evidence)}")
    lines.append(f"- **{word('quote', lang)}:** “{escape(' '.join(obligation.quote.split()))}”")
    extra = [i for i in obligation.interpretation_ids() if i not in obligation.schedule.interpretation_ids()]
    if extra:
        table_ = rulebook.interpretation_by_id
        links = ", ".join(_interp_link(table_.get(i), i, lang) for i in extra)
        lines.append(f"- **{word('interpretations', lang)}:** {links}")
    unanswerable = not_binding(obligation, vocabulary)
    if unanswerable:
        force = "; ".join(
            dict.fromkeys(b.force_note.get(lang) if b.force_note else b.label.get(lang) for b in unanswerable)
        )
        lines.append(f"- **{word('not_binding', lang)}:** {escape(force)}")
    if obligation.note is not None:
        lines.append(f"- **{word('note', lang)}:** {escape(obligation.note.get(lang))}")
    return "\n".join(lines)


def render_provision(pack: RulePack, provision: Provision, rulebook: Rulebook, lang: Lang) -> str:
    """One provision: a heading anchored at its id, its verbatim words beside its obligations."""
    hashes = "#" * heading_level(provision.id)
    title = provision.citation
    if provision.heading:
        title += f". {provision.heading}"
    out = [f"{hashes} {escape(title)} {{ #{provision.id} }}", ""]
    text = quote(provision.text) if provision.text else ""
    if provision.obligations:
        blocks = "\n\n".join(
            render_obligation(pack, provision, o, rulebook, lang) for o in provision.obligations
        )
        out += [
            '<div class="grid dancoso-provision" markdown>',
            "",
            "<div markdown>",
            "",
            text or quote(provision.heading or ""),
            "",
            "</div>",
            "",
            "<div markdown>",
            "",
            blocks,
            "",
            "</div>",
            "",
            "</div>",
        ]
    else:
        if text:
            out += [text, ""]
        assert provision.non_operative is not None
        reason = pick(NON_OPERATIVE[provision.non_operative.reason], lang)
        out.append(
            f"*{word('non_operative', lang)}* ({escape(reason)}): {escape(provision.non_operative.note.get(lang))}"
        )
    if provision.refers_to:
        refs = "; ".join(f"{escape(r.citation)} ({code(r.instrument)})" for r in provision.refers_to)
        out += ["", f"{word('refers_to', lang)}: {refs}"]
    return "\n".join(out)


def interpretations_used(pack: RulePack, rulebook: Rulebook) -> dict[str, list[str]]:
    """Interpretation id → the full ids of the pack's obligations that rely on it, in first-use order."""
    used: dict[str, list[str]] = {}
    for placed in pack.obligations():
        for interp_id in placed.obligation.interpretation_ids():
            used.setdefault(interp_id, []).append(placed.uid)
    for interpretation in pack.interpretations:
        used.setdefault(interpretation.id, [])
    return used


def render_interpretation(interpretation: Interpretation, users: list[str], lang: Lang) -> str:
    """One interpretation: anchored heading, value, basis and source, rationale and who uses it."""
    basis = word(interpretation.basis, lang)
    if interpretation.source:
        basis += f": {escape(interpretation.source)}"
    lines = [
        f"### {escape(interpretation.title.get(lang))} {{ #interp-{interpretation.id} }}",
        "",
        f"- **id:** {code(interpretation.id)} ({interpretation.kind})",
        f"- **{word('value', lang)}:** {escape(value_label(interpretation.value, lang))} ({code(interpretation.value)})",
        f"- **{word('basis', lang)}:** {basis}",
        f"- **{word('rationale', lang)}:** {escape(interpretation.rationale.get(lang))}",
    ]
    for dated in interpretation.values:  # values by level and date, each with its source
        levels = ", ".join(pick(LEVEL[level], lang) for level in dated.levels) or word("every_level", lang)
        when = [levels]
        if dated.since is not None:
            when.append(
                word("since", lang, day=f"{dated.since.day:02d}/{dated.since.month}/{dated.since.year}")
            )
        if dated.until is not None:
            when.append(
                word("until", lang, day=f"{dated.until.day:02d}/{dated.until.month}/{dated.until.year}")
            )
        line = f"- **{word('dated_value', lang)}:** {code(dated.value)} ({'; '.join(when)})"
        if dated.source:
            line += f" — {escape(dated.source)}"
        if not dated.verified:
            line += f" — **{word('unverified_text', lang)}**"
        if dated.note is not None:
            line += f" {escape(dated.note.get(lang))}"
        lines.append(line)
    if users:
        anchors = ", ".join(f"[{code(u)}](#{u.split('.')[1]})" for u in users)
        lines.append(f"- **{word('used_by', lang)}:** {anchors}")
    return "\n".join(lines)


def _metadata(pack: RulePack, lang: Lang) -> str:
    ins = pack.instrument
    number = escape(ins.number) if ins.number else f"*{word('none_given', lang)}*"
    if ins.number_note is not None:
        number += f" — {escape(ins.number_note.get(lang))}"
    territory = escape(ins.territory.name)
    if ins.territory.merged_into_name and ins.territory.merged_on:
        territory += ", " + word(
            "merged",
            lang,
            date=vi_date(ins.territory.merged_on),
            name=escape(ins.territory.merged_into_name),
            basis=escape(ins.territory.basis or ""),
        )
    rows = [
        (word("kind", lang), ins.kind_label.get(lang)),
        (word("issuer", lang), escape(ins.issuer)),
        (word("number", lang), number),
        (
            word("adopted", lang),
            vi_date(ins.adopted) if ins.adopted else f"*{word('none_given', lang)}*",
        ),
        (word("effective", lang), vi_date(ins.effective)),
    ]
    if ins.in_force_until:
        rows.append((word("in_force_until", lang), vi_date(ins.in_force_until)))
    rows += [
        (word("territory", lang), territory),
        (word("scope_levels", lang), ", ".join(pick(LEVEL[lv], lang) for lv in ins.scope_levels)),
        (word("scope", lang), cell(ins.scope_note.get(lang))),
    ]
    if ins.implements is not None:
        imp = ins.implements
        rows.append(
            (
                word("implements", lang),
                f"{escape(imp.title)} ({escape(imp.number)}, {vi_date(imp.adopted)})",
            )
        )
    rows += [
        (word("version", lang), code(ins.version)),
        (word("source_hash", lang), code(ins.source.sha256)),
    ]
    return table(("", ""), [(f"**{k}**", v) for k, v in rows])


def pack_page(pack: RulePack, rulebook: Rulebook, lang: Lang) -> str:
    """The catalogue page of one instrument, in its own order."""
    ins = pack.instrument
    modalities = Counter(o.obligation.modality.value for o in pack.obligations())
    n_obligations = sum(modalities.values())
    counts = ", ".join(f"{n} {pick(MODALITY[m], lang)}" for m, n in sorted(modalities.items()))
    out = [
        f"# {escape(ins.kind_label.get(lang))} — {escape(ins.issuer)}",
        "",
        f"**{escape(ins.title)}** · {_lang_switch(lang, pack.id)}",
        "",
        f'!!! info "{word("catalogue", lang)}"',
        f"    {word('generated', lang)} {word('verbatim_note', lang)}",
        "",
        _metadata(pack, lang),
        "",
    ]
    if ins.legal_bases:
        out += [f"**{word('legal_bases', lang)}:**", ""]
        out += [f"- {escape(' '.join(b.quote.split()))}" for b in ins.legal_bases]
        out.append("")
    if ins.errata:
        rows = [(cell(e.reads), cell(e.should_read), cell(e.where)) for e in ins.errata]
        out += [
            f"**{word('errata', lang)}:**",
            "",
            table((word("reads", lang), word("should_read", lang), word("where", lang)), rows),
            "",
        ]
    out += [
        word(
            "totals",
            lang,
            provisions=str(len(pack.provisions)),
            obligations=str(n_obligations),
            modalities=counts,
        ),
        "",
    ]
    for provision in pack.provisions:
        out += [render_provision(pack, provision, rulebook, lang), ""]
    used = interpretations_used(pack, rulebook)
    if used:
        out += [
            f"## {word('interpretations_used', lang)} {{ #interpretations }}",
            "",
            word("interpretations_intro", lang),
            "",
        ]
        for interp_id, users in used.items():
            interpretation = rulebook.interpretation_by_id.get(interp_id)
            if interpretation is not None:
                out += [render_interpretation(interpretation, users, lang), ""]
    return "\n".join(out).rstrip() + "\n"


def index_page(rulebook: Rulebook, lang: Lang) -> str:
    """The catalogue's front page: every instrument, with counts, and the concordance."""
    out = [
        f"# {word('catalogue', lang)}",
        "",
        f"{_lang_switch(lang, 'index')}",
        "",
        f'!!! info "{word("catalogue", lang)}"',
        f"    {word('generated', lang)}",
        "",
    ]
    rows = []
    for pack in rulebook.packs:
        ins = pack.instrument
        n = sum(1 for _ in pack.obligations())
        rows.append(
            (
                f"[{escape(ins.kind_label.get(lang))} — {escape(ins.issuer)}]({pack.id}.md)",
                cell(ins.title),
                vi_date(ins.effective),
                str(len(pack.provisions)),
                str(n),
            )
        )
    header = (
        ("Văn bản", "Tên", "Hiệu lực", "Đơn vị", "Nghĩa vụ")
        if lang == "vi"
        else ("Instrument", "Title", "In force", "Provisions", "Obligations")
    )
    out += [table(header, rows), ""]
    out.append(f"- [{word('concordance', lang)}](concordance.md)")
    return "\n".join(out) + "\n"


def catalogue_pages(rulebook: Rulebook, lang: Lang) -> dict[str, str]:
    """Every catalogue page in ``lang`` (except the concordance): docs-relative path → Markdown."""
    pages = {page_path(lang, "index"): index_page(rulebook, lang)}
    for pack in rulebook.packs:
        pages[page_path(lang, pack.id)] = pack_page(pack, rulebook, lang)
    return pages
