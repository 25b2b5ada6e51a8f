"""One sentence per result, in Vietnamese and in English, from fixed templates.

The Vietnamese sentence names the provision as a lawyer cites it, says what it asks and by when,
and says what the record shows::

    Điểm d khoản 3 Điều 2 yêu cầu tổ chức hội nghị cán bộ, công chức, viên chức, người lao động
    năm 2025 (theo diễn giải, hạn là ngày 31/3/2026); hồ sơ không có hoạt động nào đáp ứng: quá hạn 15 ngày.

A due date the instrument's words do not give is said to rest on an interpretation
(:meth:`Sentence.dated`); "chậm nhất ngày ..." is kept for the end of a period the text names.

The verb is the words' true force: "yêu cầu" for a duty of a body the instrument binds, "đề nghị",
"khuyến khích", and, for Party bodies, "tham chiếu quy định của Đảng về việc": a resolution of a
People's Council or a decision of a People's Committee requires nothing of Party bodies or the Front.

Vietnamese dates follow the convention of administrative documents (Nghị định 30/2020/NĐ-CP):
``dd/m/yyyy``, with a leading zero for days below 10 and for January and February (``01/7/2025``,
``29/02/2028``). English dates are written out (``31 March 2026``). The words of the obligation
come from its bilingual ``summary`` in the rule files; nothing is translated by machine.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dancoso_rules.evaluation.construct import labels
from dancoso_rules.evaluation.instances import Extended, Span
from dancoso_rules.evaluation.matching import Proof
from dancoso_rules.evaluation.status import Decision, Status
from dancoso_rules.model import Labels, Modality, Obligation
from dancoso_rules.text import vi_date

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUARTERS_VI = ("I", "II", "III", "IV")
_LEVELS = {
    "province": ("cấp tỉnh", "provincial"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune"),
    "hamlet": ("ấp, khu phố", "hamlet"),
}
_VERBS: dict[Modality, tuple[str, str]] = {
    Modality.DUTY: ("yêu cầu", "requires"),
    Modality.REQUEST: ("đề nghị", "requests"),
    Modality.ENCOURAGEMENT: ("khuyến khích", "encourages"),
    Modality.STUDY: ("yêu cầu", "requires"),
    Modality.REFERENCE: ("nêu việc", "mentions"),
}
#: Party bodies: an instrument of the State only refers to the Party's own rules about them.
_PARTY_BEARERS = frozenset({"party_committee", "party_committee_secretary"})
#: The Front and the socio-political organisations: the State can request, not require.
_FRONT_BEARERS = frozenset({"fatherland_front", "socio_political_organisations"})
_PARTY_VERB = ("tham chiếu quy định của Đảng về việc", "refers to the Party's own rules on this")
_LABEL = re.compile(r"^(\d{4})(?:-(H|Q|W)?(\d{1,2}))?$")


@lru_cache(maxsize=4096)
def en_date(day: dt.date) -> str:
    """``31 March 2026``."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def citation_en(provision_id: str) -> str:
    """``art_2__cl_3__pt_d`` → ``Article 2, clause 3, point d``; ``conclusions`` → ``the closing part``."""
    if provision_id == "conclusions":
        return "the closing part"
    names = {"art": "Article", "cl": "clause", "pt": "point", "ind": "indent"}
    words = []
    for part in provision_id.split("__"):
        key, value = part.split("_", 1)
        words.append(f"{names[key]} {'đ' if key == 'pt' and value == 'dd' else value}")
    return ", ".join(words)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Summaries that open with a body's proper name keep its capital letter ("Ban Thanh tra nhân dân ...").
_PROPER_OPENINGS = (
    "Ban ",
    "Bộ phận",
    "Chánh ",
    "Hội đồng",
    "Mặt trận",
    "Nhà nước",
    "Sở ",
    "Sở,",
    "Thường trực",
    "Trung tâm",
    "Ủy ban",
    "Ủy viên",
    "Đảng",
)
#: Time words at the end or the start of a summary, left out when the sentence names the period itself.
_TRAILING_TIME = re.compile(r"\s+(?:h[ằà]ng|định kỳ)\s+(?:năm|quý|tháng|06 tháng|6 tháng)$")
_LEADING_TIME = re.compile(
    r"^(?:h[ằà]ng|định kỳ)\s+(?:năm|quý|tháng|06 tháng|6 tháng)(?:\s+một lần)?,?\s+", re.I
)


def _either(items: list[str], word: str) -> str:
    """Alternatives inside a sentence, as administrative texts list them: "A hoặc B"; "A; B hoặc C" (the
    names hold commas, so only a semicolon parts them, and the last is joined by ``word``)."""
    if len(items) < 2:
        return "".join(items)
    return f"{'; '.join(items[:-1])} {word} {items[-1]}"


def _listed(names: list[Labels]) -> tuple[str, str]:
    """Bearers inside a sentence, each in lower case unless a proper name, as alternatives (:func:`_either`):
    "cơ quan nhà nước hoặc đơn vị sự nghiệp công lập", never "cơ quan nhà nước; đơn vị sự nghiệp công lập"."""
    return _either([_clause(n.vi) for n in names], "hoặc"), _either([n.en for n in names], "or")


def _clause(text: str) -> str:
    """A summary inside a sentence: no final full stop, first letter lower unless a proper name or acronym."""
    text = text.strip().rstrip(".")
    if text.startswith(_PROPER_OPENINGS) or (len(text) > 1 and text[1].isupper()):
        return text
    return text[:1].lower() + text[1:]


def period_phrase(span: Span) -> tuple[str, str]:
    """``năm 2025`` / ``2025``, ``quý III năm 2025`` / ``Q3 2025``, ... for a period's label."""
    match = _LABEL.fullmatch(span.label)
    if match is None:
        return (
            f"kỳ từ ngày {vi_date(span.start)} đến ngày {vi_date(span.end)}",
            f"the period {en_date(span.start)} to {en_date(span.end)}",
        )
    year, part, number = match.group(1), match.group(2), match.group(3)
    if number is None:
        return f"năm {year}", year
    if part == "H":
        half_vi, half_en = ("đầu", "first") if number == "1" else ("cuối", "second")
        return f"6 tháng {half_vi} năm {year}", f"the {half_en} half of {year}"
    # as the report's own period labels write them: "quý I/2025", "tháng 1/2025"
    if part == "Q":
        return f"quý {_QUARTERS_VI[int(number) - 1]}/{year}", f"Q{number} {year}"
    if part == "W":  # an ISO week: say its days, which a reader need not count
        return (
            f"tuần {int(number)}/{year} (từ ngày {vi_date(span.start)} đến ngày {vi_date(span.end)})",
            f"week {int(number)} of {year} ({en_date(span.start)} to {en_date(span.end)})",
        )
    return f"tháng {int(number)}/{year}", f"{_MONTHS_EN[int(number) - 1]} {year}"


def part_of(phrase: tuple[str, str], start: dt.date, end: dt.date) -> tuple[str, str]:
    """A period's phrase narrowed to the days a duty bound in it: ``năm 2025 (từ ngày 01/4/2025 đến ngày
    30/6/2025)``."""
    vi, en = phrase
    return (
        f"{vi} (từ ngày {vi_date(start)} đến ngày {vi_date(end)})",
        f"{en}, {en_date(start)} to {en_date(end)}",
    )


def trigger_phrase(event_id: str, day: dt.date, label: Labels | None) -> tuple[str, str]:
    """``đối với sự việc C-7 (tiếp nhận khiếu nại) ngày 03/3/2025`` and its English."""
    vi_kind = f" ({_clause(label.vi)})" if label else ""
    en_kind = f" ({_clause(label.en)})" if label else ""
    return (
        f"đối với sự việc {event_id}{vi_kind} ngày {vi_date(day)}",
        f"event {event_id}{en_kind} of {en_date(day)}",
    )


class Sentence:
    """The opening of every sentence about one obligation: who cites it and what it asks."""

    def __init__(self, citation: str, provision_id: str, obligation: Obligation, binds: bool = True) -> None:
        # An obligation the instrument cannot command (of the Party, the Front, citizens) is only mentioned, or
        # referred to the Party's own rules: no sentence says that the instrument "yêu cầu" them.
        party = not set(obligation.bearers).isdisjoint(_PARTY_BEARERS)
        verb_vi, verb_en = _verb(obligation) if binds or party else ("nêu việc", "mentions")
        summary = _clause(obligation.summary.vi)
        if summary.lower().startswith(verb_vi):  # "đề nghị Đề nghị ...", "khuyến khích Khuyến khích ..."
            verb_vi = ""
        self._head = " ".join(w for w in (_capital(citation), verb_vi) if w)
        self._summary = summary
        #: Only requested or encouraged: its date is a reference date, never a deadline that is "overdue".
        self.soft = obligation.modality in (Modality.REQUEST, Modality.ENCOURAGEMENT)
        self.vi = f"{self._head} {summary}"
        self.en = (
            f"{_capital(citation_en(provision_id))} {verb_en}: {obligation.summary.en.strip().rstrip('.')}"
        )

    def dated(
        self,
        when: tuple[str, str] | None,
        due: dt.date | None,
        interpreted: bool = False,
        stated: dt.date | None = None,
    ) -> tuple[str, str]:
        """The opening with the instance's period or trigger and its due date; ``interpreted``: the date
        rests on an interpretation (see :attr:`~dancoso_rules.evaluation.instances.Plan.due_interpreted`),
        so that it is never put in the instrument's mouth ("yêu cầu ... chậm nhất ngày ..."); ``stated``: the
        deadline as stated, when ``due`` is where it moved to off a day off (both are then said)."""
        vi, en = self.vi, self.en
        if when is not None:
            # the period is named once: "định kỳ 6 tháng ... 6 tháng đầu năm 2025" says it twice
            summary = _TRAILING_TIME.sub("", self._summary)
            summary = _LEADING_TIME.sub("", summary) or summary
            vi, en = f"{self._head} {summary} {when[0]}", f"{en} ({when[1]})"
        moved: tuple[str, str] | None = None
        if due is not None and stated is not None and stated != due:
            moved = (
                f"trùng ngày nghỉ nên lùi đến ngày {vi_date(due)}",
                f"a day off, so moved to {en_date(due)}",
            )
            due = stated
        if due is not None and self.soft:
            vi, en = f"{vi} (mốc đối chiếu ngày {vi_date(due)})", f"{en}, reference date {en_date(due)}"
        elif due is not None and interpreted:
            moved_vi, moved_en = (f", {moved[0]}", f", {moved[1]}") if moved else ("", "")
            vi, en = (
                f"{vi} (theo diễn giải, hạn là ngày {vi_date(due)}{moved_vi})",
                f"{en}, due {en_date(due)} (an interpretation){moved_en}",
            )
        elif due is not None and moved is not None:
            vi, en = (
                f"{vi} chậm nhất ngày {vi_date(due)} ({moved[0]})",
                f"{en}, due {en_date(due)}, {moved[1]}",
            )
        elif due is not None:
            vi, en = f"{vi} chậm nhất ngày {vi_date(due)}", f"{en}, due {en_date(due)}"
        return vi, en

    def extended(
        self, when: tuple[str, str], longer: Extended, basis: str, law: tuple[int, str, str]
    ) -> tuple[str, str]:
        """The opening of a triggered instance whose record gives a longer period the law allows (an event's
        ``extension``, ``longer``): due on its last day, with its basis; or, when the record's day lies
        beyond the law's ceiling (``law``: its days, its word for it, its article), due on the ceiling,
        which is then said with the law that sets it."""
        vi, en = self.dated(when, None)
        days, word, article = law
        if longer.ceiling is None:
            last = longer.stated or longer.due
            return (
                f"{vi} (thời hạn giải quyết được {word} đến ngày {vi_date(last)}; căn cứ: {basis})",
                f"{en}, due {en_date(last)} as extended ({basis})",
            )
        return (
            f"{vi} (hồ sơ ghi thời hạn giải quyết được {word} đến ngày {vi_date(longer.until)}; căn cứ: "
            f"{basis}; thời hạn {word} không quá {days} ngày sau thời hạn thông thường theo diễn giải "
            f"({article}), hạn là ngày {vi_date(longer.ceiling)})",
            f"{en}, extended in the record to {en_date(longer.until)} ({basis}), due {en_date(longer.ceiling)}: "
            f"no more than {days} days after the ordinary deadline, an interpretation ({article})",
        )

    def before_in_force(
        self, when: tuple[str, str] | None, due: dt.date, effective: dt.date, interpreted: bool = False
    ) -> tuple[str, str]:
        """The opening of an instance that fell due before the instrument took effect, for a period it was in
        force in (a yearly plan due on 31 January under a decision in force from 01/4): what was done while it
        was in force shows it done, and no deadline is said to bind it, nor to have been met or missed."""
        vi, en = self.dated(when, None)
        if self.soft:
            date_vi, date_en = "mốc đối chiếu của kỳ này là ngày", "this period's reference date"
        elif interpreted:
            date_vi, date_en = "theo diễn giải, hạn của kỳ này là ngày", "this period's due date"
        else:
            date_vi, date_en = "hạn của kỳ này là ngày", "this period's due date"
        note_en = f"{en_date(due)}, an interpretation" if interpreted and not self.soft else en_date(due)
        return (
            f"{vi} ({date_vi} {vi_date(due)}, trước khi văn bản có hiệu lực từ ngày {vi_date(effective)}, "
            "nên không xét thời hạn)",
            f"{en}, with no deadline assessed, as {date_en} ({note_en}) came before the instrument took effect "
            f"on {en_date(effective)}",
        )


def _days(n: int | None) -> str:
    """``1 day``, ``15 days``."""
    return f"{n} day" if n == 1 else f"{n} days"


def _verb(obligation: Obligation) -> tuple[str, str]:
    """What the provision does, by the force of its words and whom they address."""
    bearers = set(obligation.bearers)
    if bearers & _PARTY_BEARERS:
        return _PARTY_VERB
    if obligation.modality in (Modality.DUTY, Modality.STUDY) and bearers and bearers <= _FRONT_BEARERS:
        return _VERBS[Modality.REQUEST]
    return _VERBS[obligation.modality]


def _shown(proof: Proof) -> tuple[str, str]:
    if proof.kind == "resolution":
        return f"kết quả giải quyết sự việc {proof.id}", f"the resolution of event {proof.id}"
    if proof.kind == "attestation":
        return f"xác nhận {proof.id}", f"attestation {proof.id}"
    return f"hoạt động {proof.id}", f"activity {proof.id}"


def outcome(
    decision: Decision,
    proof: Proof | None,
    close: dt.date | None,
    ended: dt.date | None = None,
    timed: bool = True,
    too_late: Proof | None = None,
) -> tuple[str, str]:
    """What the record shows, and the status in words (of a duty: see :func:`outcome_not_binding`);
    ``ended``: the day from which the bearer no longer exists, given when that cut the late window short;
    ``timed``: whether the instance has a due date to be met on time (one that fell due before the
    instrument took effect has none: done, it is "đã thực hiện", never "đúng hạn"); ``too_late``: what the
    record shows done after the late window closed (a case resolved then), said rather than denied."""
    status = decision.status
    if proof is not None:
        vi, en = _shown(proof)
        on_vi, on_en = f"{vi} ngày {vi_date(proof.on)}", f"{en} of {en_date(proof.on)}"
        if not timed:
            return f"hồ sơ có {on_vi}: đã thực hiện", f"the record shows {on_en}: met"
        if status is Status.LATE:
            days = decision.days_late
            return (
                f"hồ sơ có {on_vi}, chậm {days} ngày so với hạn: thực hiện chậm",
                f"the record shows {on_en}, {_days(days)} after the due date: late",
            )
        return f"hồ sơ có {on_vi}: đã thực hiện đúng hạn", f"the record shows {on_en}: met"
    if status is Status.UPCOMING:
        days = decision.days_left
        return (
            f"hồ sơ chưa có hoạt động nào đáp ứng: còn {days} ngày đến hạn",
            f"the record shows no qualifying activity yet: {_days(days)} left",
        )
    if status is Status.OVERDUE:
        days = decision.days_overdue
        return (
            f"hồ sơ không có hoạt động nào đáp ứng: quá hạn {days} ngày",
            f"the record shows no qualifying activity: {_days(days)} overdue",
        )
    assert close is not None
    if too_late is not None:
        vi, en = _shown(too_late)
        return (
            f"hồ sơ có {vi} ngày {vi_date(too_late.on)}, sau thời hạn chấp nhận thực hiện chậm "
            f"({vi_date(close)}): không thực hiện",
            f"the record shows {en} of {en_date(too_late.on)}, after the late window closed on "
            f"{en_date(close)}: missed",
        )
    if ended is not None:  # the late window was cut by the body's end, not closed by its length
        return (
            f"hồ sơ không có hoạt động nào đáp ứng; từ ngày {vi_date(ended)} không còn chủ thể thực hiện nên "
            "không thể thực hiện chậm: không thực hiện",
            f"the record shows no qualifying activity, and from {en_date(ended)} no body remains to do it "
            "late: missed",
        )
    return (
        "hồ sơ không có hoạt động nào đáp ứng và đã hết thời hạn chấp nhận thực hiện chậm "
        f"({vi_date(close)}): không thực hiện",
        f"the record shows no qualifying activity and the late window closed on {en_date(close)}: missed",
    )


def outcome_not_binding(
    decision: Decision, proof: Proof | None, close: dt.date | None, modality: Labels
) -> tuple[str, str]:
    """:func:`outcome` for a request or an encouragement: it has no binding deadline, so no overdue wording."""
    if proof is not None:
        vi, en = _shown(proof)
        return (
            f"hồ sơ có {vi} ngày {vi_date(proof.on)}: đã thực hiện",
            f"the record shows {en} of {en_date(proof.on)}: done",
        )
    if decision.status is Status.UPCOMING:
        return "hồ sơ chưa có hoạt động nào đáp ứng", "the record shows no qualifying activity yet"
    return (
        f"hồ sơ chưa có hoạt động nào đáp ứng; đây là nội dung {modality.vi}, không có thời hạn bắt buộc",
        f"the record shows no qualifying activity; this is {modality.en}, with no binding deadline",
    )


#: How the explanation names a request and an encouragement.
NOT_BINDING = {
    "request": labels("đề nghị", "a request"),
    "encouragement": labels("khuyến khích", "an encouragement"),
}


def qualitative_outcome(proofs: tuple[Proof, ...]) -> tuple[str, str]:
    """What the record shows for a qualitative duty."""
    if not proofs:
        return (
            "hồ sơ không có xác nhận hay tài liệu kiểm chứng nào trong kỳ: chưa xác minh được",
            "the record holds no attestation or evidence for the period: unverified",
        )
    vi, en = _shown(proofs[0])
    more_vi = f" và {len(proofs) - 1} tài liệu kiểm chứng khác" if len(proofs) > 1 else ""
    more_en = f" and {len(proofs) - 1} more" if len(proofs) > 1 else ""
    return (
        f"hồ sơ có {vi} ngày {vi_date(proofs[0].on)}{more_vi}: đã thực hiện",
        f"the record shows {en} of {en_date(proofs[0].on)}{more_en}: met",
    )


def join(opening: tuple[str, str], result: tuple[str, str]) -> Labels:
    """``opening; result.`` in both languages."""
    return labels(f"{opening[0]}; {result[0]}.", f"{opening[1]}; {result[1]}.")


def not_applicable(opening: tuple[str, str], reason: Labels) -> Labels:
    """``opening: không áp dụng, vì <reason>.`` in both languages."""
    return labels(
        f"{opening[0]}: không áp dụng, vì {reason.vi}.",
        f"{opening[1]}: not applicable, as {reason.en}.",
    )


def reason_not_bearer(bearers: list[Labels], kind: Labels, kind_id: str) -> Labels:
    """The obligation's bearers do not include the organisation (its kind's id only in English)."""
    names_vi, names_en = _listed(bearers)
    return labels(
        f"chủ thể thực hiện là {names_vi}, còn hồ sơ là của {_clause(kind.vi)}",
        f"it is addressed to {names_en}, and the record is of the kind “{kind.en}” ({kind_id})",
    )


def reason_not_binding(bearers: list[Labels], notes: list[Labels | None]) -> Labels:
    """The obligation is addressed only to bodies or people no organisation's record answers for.

    ``notes`` say each bearer's true force (a state instrument does not command the Party or the Front;
    citizens answer for their own duties); a bearer without one is only named.
    """
    said = [n for n in dict.fromkeys(notes) if n is not None]
    if said:
        vi = "; ".join(_clause(n.vi) for n in said)
        en = "; ".join(n.en.strip().rstrip(".") for n in said)
    else:
        names_vi, names_en = _listed(bearers)
        vi = f"không cơ quan, đơn vị nào trả lời thay cho {names_vi}"
        en = f"no organisation answers for {names_en}"
    return labels(
        vi + "; nội dung được ghi để tham chiếu, không đánh giá",
        en + "; it is listed for reference, not assessed",
    )


def reason_flag_off(interpretation_id: str, title: Labels) -> Labels:
    """The bearer came from an interpretation that the user turned off."""
    return labels(
        f"văn bản không nêu chủ thể, và người dùng đã thay đổi nội dung diễn giải “{_clause(title.vi)}” thành “không”",
        f"the text names no subject, and the interpretation “{title.en.strip().rstrip('.')}” ({interpretation_id}) is overridden to no",
    )


def reason_level(scope: tuple[str, ...], level: str) -> Labels:
    """The instrument does not govern the organisation's level."""
    return labels(
        f"phạm vi của văn bản là {', '.join(_LEVELS[s][0] for s in scope)}, còn hồ sơ thuộc {_LEVELS[level][0]}",
        f"the instrument governs the {', '.join(_LEVELS[s][1] for s in scope)} level, "
        f"and the organisation is at {_LEVELS[level][1]} level",
    )


def reason_not_in_force(effective: dt.date, due: dt.date | None) -> Labels:
    """The instance fell due (or the record ended) before the instrument took effect."""
    if due is None:
        return labels(
            f"kỳ của hồ sơ kết thúc trước ngày văn bản có hiệu lực ({vi_date(effective)})",
            f"the record's period ends before the instrument took effect ({en_date(effective)})",
        )
    return labels(
        f"hạn ngày {vi_date(due)} trước ngày văn bản có hiệu lực ({vi_date(effective)})",
        f"it fell due on {en_date(due)}, before the instrument took effect ({en_date(effective)})",
    )


def reason_partly_in_force(effective: dt.date, left: int, title: Labels) -> Labels:
    """The instrument took effect during the period with too little of it left for its duty to be assessed."""
    return labels(
        f"văn bản có hiệu lực từ ngày {vi_date(effective)}, khi kỳ này chỉ còn {left} ngày, ít hơn thời gian tối "
        f"thiểu theo nội dung diễn giải “{_clause(title.vi)}”, nên nhiệm vụ của kỳ này không được đánh giá",
        f"the instrument took effect on {en_date(effective)}, with {left} days of this period left, less than the "
        f"interpretation “{title.en.strip().rstrip('.')}” asks for, so the duty of this period is not assessed",
    )


def reason_not_yet_in_force(effective: dt.date, as_of: dt.date) -> Labels:
    """The evaluation date is before the instrument took effect: nothing of it binds yet."""
    return labels(
        f"tại ngày đánh giá ({vi_date(as_of)}) văn bản chưa có hiệu lực (có hiệu lực từ ngày {vi_date(effective)})",
        f"on the evaluation date ({en_date(as_of)}) the instrument was not yet in force "
        f"(in force from {en_date(effective)})",
    )


def reason_no_event(events: list[Labels]) -> Labels:
    """No event in the record opened a triggered duty."""
    return labels(
        f"hồ sơ không có sự việc nào làm phát sinh nghĩa vụ này ({_either([_clause(e.vi) for e in events], 'hoặc')})",
        f"no event in the record gave rise to it ({_either([_clause(e.en) for e in events], 'or')})",
    )


def reason_outside_period(due: dt.date) -> Labels:
    """A one-off duty whose window lies outside the record's period."""
    return labels(
        f"nhiệm vụ thực hiện một lần, hạn ngày {vi_date(due)}, nằm ngoài kỳ của hồ sơ",
        f"it is a one-off duty, due {en_date(due)}, outside the record's period",
    )


def reason_no_longer_in_force(until: dt.date) -> Labels:
    """The instance opens after the instrument ceased to be in force."""
    return labels(
        f"văn bản chỉ có hiệu lực đến ngày {vi_date(until)}",
        f"the instrument was in force only until {en_date(until)}",
    )


def reason_no_addressee(until: dt.date, bearers: list[Labels], successor: bool = False) -> Labels:
    """The bearer no longer exists when the instance falls due (``successor``: a merger reading could revive it)."""
    names_vi, names_en = _listed(bearers)
    vi = f"từ ngày {vi_date(until)} không còn chủ thể thực hiện ({names_vi})"
    en = f"from {en_date(until)} there is no addressee ({names_en})"
    if successor:
        # "thay đổi", as the list of interpretations says of one the user set ("do người dùng thay đổi"),
        # not the programmers' "ghi đè"
        vi += (
            "; theo diễn giải mặc định, cơ quan kế thừa sau khi hợp nhất tỉnh không bị đánh giá thay "
            "(người dùng có thể thay đổi nội dung diễn giải này)"
        )
        en += "; by the default reading, the successor after the provinces' merger is not judged in its place (overridable)"
    return labels(vi, en)
