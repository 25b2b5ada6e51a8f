"""The one message catalogue: every label a report shows, in Vietnamese (the default) and English.

Terms follow the project's glossary (``Điều``/Article, ``khoản``/clause, ``điểm``/point, dash
item/indent). Renderers never write a label of their own: they ask :func:`msg`, so that a report is
complete in either language and a wording is changed in one place. Text that comes from the record
or the rules (names, titles, the law's words, the evaluator's explanations) is shown as given.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from dancoso_rules.text import vi_date

Lang = Literal["vi", "en"]
#: The languages a report is written in; Vietnamese is the authority and the default.
LANGS: tuple[Lang, ...] = ("vi", "en")

#: Statuses from worst to best, the order of every table, chart and "worst first" sort.
STATUS_ORDER: tuple[str, ...] = (
    "missed",
    "overdue",
    "late",
    "unverified",
    "upcoming",
    "met",
    "not_applicable",
)

_CATALOGUE: dict[str, tuple[str, str]] = {
    # statuses, in the words of administrative reports: "upcoming" is "chưa đến hạn" (not yet due),
    # since its due date may be months away; "missed" is "không thực hiện", not "bỏ lỡ" (colloquial)
    "status.met": ("Đã thực hiện đúng hạn", "Met"),
    # met, of a qualitative duty or of an instance that fell due before the instrument took effect: no
    # deadline it was on time for
    "status.met_untimed": ("Đã thực hiện", "Met"),
    "status.late": ("Thực hiện chậm", "Late"),
    "status.overdue": ("Quá hạn", "Overdue"),
    "status.missed": ("Không thực hiện", "Missed"),
    # missed, of a case (a complaint, a denunciation) that the record does not show resolved: still to resolve
    "status.missed_unresolved": ("Không thực hiện (chưa giải quyết)", "Missed (still unresolved)"),
    "status.missed_unresolved_days": (
        "Không thực hiện (chưa giải quyết, quá hạn {n} ngày)",
        "Missed (still unresolved, {n} days overdue)",
    ),
    "status.upcoming": ("Chưa đến hạn", "Upcoming"),
    "status.not_applicable": ("Không áp dụng", "Not applicable"),
    "status.unverified": ("Chưa xác minh", "Unverified"),
    # a request's or an encouragement's status: never failing, with no deadline of its own (legal review, 17)
    "status.soft_open": ("Chưa thực hiện ({force})", "Not done ({force})"),
    "status.soft_done": ("Đã thực hiện ({force})", "Done ({force})"),
    "status.soft_upcoming": ("Chưa đến mốc đối chiếu", "Before the reference date"),
    # the force of the words
    "modality.duty": ("Nhiệm vụ", "Duty"),
    "modality.request": ("Đề nghị", "Request"),
    "modality.encouragement": ("Khuyến khích", "Encouragement"),
    "modality.study": ("Nghiên cứu", "Study"),
    "modality.reference": ("Dẫn chiếu, không ràng buộc", "Reference, not binding"),
    # schedules
    "schedule.periodic": ("Định kỳ", "Periodic"),
    "schedule.regular": ("Thường xuyên", "Regular"),
    "schedule.triggered": ("Khi phát sinh", "When triggered"),
    "schedule.one_off": ("Một lần", "One-off"),
    # The text sets no time: said so, not "Định tính" (qualitative), which an official does not say of a duty.
    "schedule.qualitative": ("Không quy định thời hạn", "No time set"),
    # a frequency the instrument does not state (legal review, item 17)
    "schedule.interpreted": ("{cadence} (diễn giải)", "{cadence} (interpretation)"),
    "schedule.regular_at_least": (
        "Thường xuyên (diễn giải: tối thiểu {once})",
        "Regular (interpretation: at least {once})",
    ),
    "once.yearly": ("mỗi năm một lần", "once a year"),
    "once.half_yearly": ("6 tháng một lần", "once every six months"),
    "once.quarterly": ("mỗi quý một lần", "once a quarter"),
    "once.monthly": ("mỗi tháng một lần", "once a month"),
    "once.weekly": ("mỗi tuần một lần", "once a week"),
    # the report's frame
    "report.title": ("Báo cáo thực hiện dân chủ ở cơ sở", "Grassroots democracy compliance report"),
    "report.subtitle": (
        "Đối chiếu từng điều, khoản, điểm với hồ sơ hoạt động",
        "Clause by clause, against the activity record",
    ),
    "report.law": (
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
        "Law on Implementation of Grassroots Democracy No. 10/2022/QH15",
    ),
    "report.organisation": ("Cơ quan, đơn vị", "Organisation"),
    "report.parent": ("Cơ quan quản lý", "Managing body"),
    "report.period": ("Kỳ báo cáo", "Period"),
    "report.as_of": ("Tính đến ngày", "As of"),
    "report.record": ("Hồ sơ", "Record"),
    "report.instruments": ("Văn bản áp dụng", "Instruments applied"),
    "report.version": ("Phiên bản", "Version"),
    "report.source_sha256": ("Mã băm văn bản nguồn (SHA-256)", "Source text hash (SHA-256)"),
    "report.content_hash": ("Mã băm nội dung", "Content hash"),
    "report.effective": ("Có hiệu lực từ ngày", "In force from"),
    "report.summary": ("Tổng hợp", "Summary"),
    "report.total": ("Tổng cộng", "Total"),
    "report.results": ("Kết quả", "Results"),
    "report.by_clause": ("Tổng hợp theo khoản", "Totals by clause"),
    "report.chart_title": ("Kết quả theo từng khoản", "Results by clause"),
    "report.interpretations": ("Các nội dung diễn giải được áp dụng", "Interpretations applied"),
    "report.no_interpretations": (
        "Không áp dụng nội dung diễn giải nào.",
        "No interpretation was relied on.",
    ),
    "report.overridden": ("do người dùng thay đổi", "overridden by the user"),
    "report.applied": ("Giá trị áp dụng", "Value applied"),
    "report.applied.since": ("từ ngày {day}", "from {day}"),
    "report.applied.until": ("đến hết ngày {day}", "until {day}"),
    "report.applied.unverified": (
        "chưa đối chiếu được văn bản; áp dụng mức ít khắt khe hơn",
        "text not verified; the less demanding reading is applied",
    ),
    "frequency.yearly": ("hằng năm", "yearly"),
    "frequency.half_yearly": ("định kỳ 6 tháng", "half-yearly"),
    "frequency.quarterly": ("hằng quý", "quarterly"),
    "frequency.monthly": ("hằng tháng", "monthly"),
    "frequency.weekly": ("hằng tuần", "weekly"),
    # a flag interpretation's value ("yes"/"no" in the rule files), in words
    "flag.yes": ("có", "yes"),
    "flag.no": ("không", "no"),
    "level.province": ("cấp tỉnh", "provincial level"),
    "level.district": ("cấp huyện", "district level"),
    "level.commune": ("cấp xã", "commune level"),
    "level.hamlet": ("ấp, khu phố", "hamlet level"),
    "report.basis.legal_source": ("căn cứ pháp lý", "legal source"),
    "report.basis.project_default": ("mặc định của dự án", "project default"),
    "report.provisions": ("Nội dung đối chiếu", "Clause by clause"),
    "report.non_operative": ("Không đặt ra nghĩa vụ", "Imposes no duty"),
    "report.obligation": ("Nghĩa vụ", "Obligation"),
    "report.bearers": ("Chủ thể thực hiện", "Bearers"),
    "report.activity": ("Loại hoạt động", "Activity type"),
    "report.quote": ("Trích dẫn", "Quote"),
    "report.no_results": ("Không có kết quả.", "No results."),
    "report.generated_by": ("Lập bởi dancoso-rules", "Produced by dancoso-rules"),
    "report.disclaimer": (
        "Báo cáo tự động đối chiếu hồ sơ với quy định; kết quả cần được cán bộ có thẩm quyền xem xét.",
        "An automatic comparison of the record with the rules; a competent official should review it.",
    ),
    # "Việc cần làm": what to do first, opening every report for people
    "todo.title": ("Việc cần làm", "What to do"),
    "todo.overdue": (
        "Nhiệm vụ quá hạn ({n}), quá hạn lâu nhất xếp trước",
        "Overdue duties ({n}), most days overdue first",
    ),
    "todo.upcoming": (
        "Nhiệm vụ đến hạn trong {days} ngày tới ({n}), theo thứ tự hạn",
        "Duties due in the next {days} days ({n}), by due date",
    ),
    "todo.none": (
        "Không có nhiệm vụ quá hạn hoặc đến hạn trong {days} ngày tới.",
        "No duty is overdue or due in the next {days} days.",
    ),
    "todo.evidence": ("Tài liệu kiểm chứng cần có", "Evidence that would show it done"),
    "todo.cut": (
        "… và {n} nhiệm vụ khác (xem báo cáo đầy đủ).",
        "… and {n} more duties (see the full report).",
    ),
    "report.details": ("Chi tiết", "Details"),
    "report.compact.summary": (
        "Bản tóm tắt: chỉ gồm việc cần làm và số liệu tổng hợp; chi tiết từng điều, khoản có trong báo cáo "
        "đầy đủ (chạy lại lệnh không có tùy chọn --summary, hoặc với --format html).",
        "A summary: what to do and the totals only; the clause-by-clause detail is in the full report "
        "(run the command again without --summary, or with --format html).",
    ),
    "report.compact.limit": (
        "Bản rút gọn: báo cáo đầy đủ dài {n} ký tự, vượt giới hạn {limit} ký tự của một bình luận trên "
        "GitHub; phần chi tiết đã được lược bớt. Xem báo cáo đầy đủ với --format html.",
        "Shortened: the full report is {n} characters long, over GitHub's limit of {limit} characters "
        "for a comment; the detail has been cut. See the full report with --format html.",
    ),
    "report.compact.cut": (
        "Đã lược bớt {n} mục do giới hạn độ dài{which}.",
        "{n} item(s) left out to keep within the length limit{which}.",
    ),
    "report.attention": ("Cần chú ý", "Needs attention"),
    "report.fail_on": ("Trạng thái bị coi là không đạt", "Statuses counted as failing"),
    "report.verdict.pass": ("Không có nghĩa vụ nào không đạt.", "No duty is failing."),
    "report.verdict.fail": ("Có {n} kết quả không đạt.", "{n} result(s) failing."),
    # --fail-on sets the exit code only: the report keeps the true count and says what does not block
    "report.verdict.not_blocking": (
        "Với tùy chọn --fail-on {policy}, {n} kết quả không đạt này không làm lần kiểm tra thất bại.",
        "With --fail-on {policy}, {n} of these failing results do not fail the run.",
    ),
    # requests and encouragements keep their status but never fail (the instrument only asks)
    "report.verdict.soft": (
        "Ngoài ra, {n} kết quả thuộc nội dung văn bản chỉ khuyến khích hoặc đề nghị chưa được thực hiện; "
        "các kết quả này không tính vào số không đạt.",
        "{n} more result(s), of encouragements or requests, not done: not counted as failing, "
        "since the instrument only encourages or requests them.",
    ),
    "report.soft": ("Khuyến khích, đề nghị chưa thực hiện", "Encouragements and requests not done"),
    # the column of the requests' and encouragements' results, apart from the duties' counts by status
    "report.soft_count": ("Khuyến khích, đề nghị", "Encouragements, requests"),
    "report.soft_note": (
        "Văn bản chỉ khuyến khích hoặc đề nghị, không bắt buộc thực hiện; trạng thái được ghi nhận "
        "nhưng không tính vào số không đạt.",
        "Only encouraged or requested by the instrument, not required: the status is kept but never "
        "counted as failing.",
    ),
    # a result's columns
    "col.citation": ("Điều khoản", "Provision"),
    "col.obligation": ("Nghĩa vụ", "Obligation"),
    "col.period": ("Kỳ", "Period"),
    "col.window": ("Thời gian thực hiện", "Window"),
    "col.due": ("Hạn", "Due"),
    "col.reference_date": ("Mốc đối chiếu", "Reference date"),
    "col.counted_due": ("Hạn lùi đến ngày làm việc tiếp theo", "Due moved to the next working day"),
    "report.counted_due": ("lùi đến ngày làm việc tiếp theo", "moved to the next working day"),
    "report.due_interpreted": ("theo diễn giải", "an interpretation"),
    "col.close": ("Hạn chấp nhận thực hiện chậm", "Closes"),
    "col.status": ("Trạng thái", "Status"),
    "col.days": ("Số ngày", "Days"),
    "col.evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "col.explanation": ("Giải thích", "Explanation"),
    "col.interpretations": ("Nội dung diễn giải", "Interpretations"),
    "col.organisation": ("Cơ quan, đơn vị", "Organisation"),
    "col.pack": ("Văn bản", "Instrument"),
    "col.clause": ("Khoản", "Clause"),
    "col.modality": ("Tính chất", "Force"),
    "col.schedule": ("Tần suất", "Schedule"),
    "col.trigger": ("Sự việc phát sinh", "Trigger"),
    "col.reason": ("Lý do", "Reason"),
    "col.file": ("Tệp hồ sơ", "Record file"),
    "col.worst": ("Khoản cần chú ý", "Clauses needing attention"),
    "days.left": ("còn {n} ngày", "{n} days left"),
    "days.overdue": ("{n} ngày", "{n} days"),
    "days.late": ("{n} ngày", "{n} days"),
    "evidence.none": ("không có", "none"),
    "evidence.missing": ("chưa có hoạt động đáp ứng", "no qualifying activity"),
    "evidence.resolution": ("kết quả giải quyết sự việc {id}", "resolution of event {id}"),
    # the overview of many organisations
    "overview.title": ("Tổng hợp tình hình thực hiện", "Overview of compliance"),
    "overview.subtitle": (
        "Theo cơ quan, đơn vị và khoản; đơn vị có nhiều kết quả không đạt xếp trước",
        "By organisation and clause, most failing results first",
    ),
    "overview.organisations": ("Số cơ quan, đơn vị", "Organisations"),
    "overview.invalid": ("Hồ sơ không hợp lệ", "Invalid records"),
    "overview.invalid_cut": (
        "… và {n} hồ sơ không hợp lệ khác (thông báo chi tiết có trên đầu ra lỗi chuẩn và trong --format json).",
        "… and {n} more invalid records (their messages are on standard error and in --format json).",
    ),
    "overview.cut": (
        "Chỉ hiển thị {shown} cơ quan, đơn vị xếp đầu; đã lược bớt {n} cơ quan, đơn vị xếp sau để không vượt "
        "giới hạn {limit} ký tự của một bình luận trên GitHub. Xem bảng đầy đủ với --format html hoặc "
        "--format csv.",
        "Only the first {shown} organisations are shown; the {n} after them are left out to keep within "
        "GitHub's limit of {limit} characters for a comment. See the full table with --format html or "
        "--format csv.",
    ),
    # the overview as an HTML dashboard
    "dash.failing": ("Số kết quả không đạt", "Failing results"),
    "dash.id": ("Mã đơn vị", "Id"),
    "dash.search": ("Tìm cơ quan, đơn vị", "Find an organisation"),
    "dash.only_failing": ("Chỉ hiện đơn vị có kết quả không đạt", "Only organisations with failing results"),
    "dash.shown": ("Đang hiển thị {n}/{total} cơ quan, đơn vị", "Showing {n} of {total} organisations"),
    "dash.sort_hint": (
        "Bấm vào tiêu đề cột để sắp xếp; bấm vào tên để mở báo cáo của đơn vị",
        "Click a column heading to sort; click a name to open that organisation's report",
    ),
    "dash.heatmap": ("Bản đồ nhiệt: khoản × cơ quan, đơn vị", "Heat map: clause × organisation"),
    "dash.heatmap_note": (
        "Mỗi ô ghi ký hiệu trạng thái nặng nhất của các nghĩa vụ thuộc khoản đối với đơn vị, kèm số kết quả "
        "không đạt (nếu có); ◦: khoản chỉ có nội dung khuyến khích, đề nghị áp dụng đối với đơn vị; ô để trống: "
        "khoản không có nội dung nào áp dụng đối với đơn vị.",
        "Each cell shows the symbol of the worst status among the clause's duties for that organisation, "
        "with its number of failing results (if any); ◦: only encouragements or requests of that clause apply "
        "to it; a blank cell: nothing of that clause applies to it.",
    ),
    "dash.legend": ("Ký hiệu", "Key"),
    "dash.periods": ("{n} kỳ khác nhau", "{n} different periods"),
    # the overview as a workbook (--format xlsx)
    "xlsx.sheet.summary": ("Tổng hợp", "Overview"),
    "xlsx.sheet.by_clause": ("Theo khoản", "By clause"),
    "xlsx.sheet.about": ("Thông tin", "About"),
    "xlsx.number": ("STT", "No."),
    "xlsx.id": ("Mã", "Id"),
    "xlsx.provision_id": ("Mã khoản", "Provision id"),
    "xlsx.from": ("Từ ngày", "From"),
    "xlsx.to": ("Đến ngày", "To"),
    "xlsx.assessment": ("Đánh giá", "Assessment"),
    "xlsx.problems": ("Lỗi", "Problems"),
    "xlsx.nothing": ("Không có nghĩa vụ áp dụng", "No duty applies"),
    "xlsx.legend": (
        "Màu nền chỉ nhắc lại chữ trong ô: đỏ — không thực hiện; cam — quá hạn; vàng — thực hiện chậm; "
        "xám — chưa xác minh; xanh dương — chưa đến hạn; xanh lá — đã thực hiện đúng hạn. Các cột tình trạng "
        "đếm nhiệm vụ và mọi kết quả không áp dụng; cột «Khuyến khích, đề nghị» đếm riêng kết quả, đã hoặc chưa "
        "thực hiện, của nội dung văn bản chỉ khuyến khích, đề nghị.",
        "Colours only repeat the words in the cells: red — missed; orange — overdue; yellow — late; grey — "
        "unverified; blue — upcoming; green — met. The status columns count duties and every result that does "
        "not apply; the column «Encouragements, requests» counts apart the results, done or not, of what the "
        "instrument only encourages or requests.",
    ),
    # the English citation of a provision (the Vietnamese one is the rule file's own)
    "cite.article": ("Điều {n}", "Article {n}"),
    "cite.clause": ("khoản {n}", "clause {n}"),
    "cite.point": ("điểm {n}", "point {n}"),
    "cite.indent": ("gạch đầu dòng {n}", "indent {n}"),
    "cite.conclusions": ("Phần kết", "Closing formula"),
    # period labels (see period_label)
    "period.year": ("năm {y}", "{y}"),
    "period.half": ("6 tháng {h} năm {y}", "{y} H{n}"),
    "period.quarter": ("quý {q}/{y}", "{y} Q{n}"),
    "period.month": ("tháng {m}/{y}", "{y}-{m2}"),
    "period.week": ("tuần {n}/{y} (từ {first} đến {last})", "{y} week {n} ({first} to {last})"),
    "period.half.1": ("đầu", "1"),
    "period.half.2": ("cuối", "2"),
    # an interpretation's value in words (see value_label)
    "duration.working_days": ("{n} ngày làm việc", "{n} working days"),
    "duration.years": ("{n} năm", "{n} years"),
    "duration.months": ("{n} tháng", "{n} months"),
    "duration.weeks": ("{n} tuần", "{n} weeks"),
    "duration.days": ("{n} ngày", "{n} days"),
    "duration.and": ("{a} {b}", "{a} and {b}"),
    "duration.then": ("{a}, tiếp theo là {b}", "{a}, then {b}"),
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PERIOD = re.compile(r"^(?P<y>\d{4})(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|W(?P<w>\d{2})|(?P<m>\d{2})))?$")
_PROVISION_PART = re.compile(r"^(art|cl|pt|ind)_([a-z0-9]+)$")
_DURATION = re.compile(
    r"^P(?:(?P<working_days>\d+)WD)?(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$"
)


def msg(key: str, lang: str = "vi", **values: object) -> str:
    """The label ``key`` in ``lang`` (``vi`` unless ``en``), with ``{name}`` fields filled from ``values``."""
    vi, en = _CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def keys() -> tuple[str, ...]:
    """Every key of the catalogue (for the test that each has both languages)."""
    return tuple(_CATALOGUE)


def status_label(status: str, lang: str = "vi") -> str:
    """The name of a status, e.g. ``overdue`` → "Quá hạn" / "Overdue"."""
    return msg(f"status.{status}", lang)


def format_date(day: dt.date | None, lang: str = "vi") -> str:
    """A date as officials write it, in the one style of every Vietnamese sentence (``31/3/2026``,
    ``01/7/2025``: see :func:`~dancoso_rules.text.vi_date`); ISO ``2026-03-31`` in English."""
    if day is None:
        return "—"
    return day.isoformat() if lang == "en" else vi_date(day)


def due_notes(due: dt.date, counted_due: dt.date | None, interpreted: bool, lang: str = "vi") -> str:
    """What every format says after a deadline, with its leading space and brackets, or ``""``: that it rests
    on an interpretation, not on the instrument ("theo diễn giải"), and the day it was counted to when it was
    moved off a day off: ``31/12/2025 (theo diễn giải; lùi đến ngày làm việc tiếp theo: 02/01/2026)``."""
    notes = [msg("report.due_interpreted", lang)] if interpreted else []
    if counted_due is not None and counted_due != due:
        notes.append(f"{msg('report.counted_due', lang)}: {format_date(counted_due, lang)}")
    return f" ({'; '.join(notes)})" if notes else ""


def value_label(value: str, lang: str = "vi") -> str:
    """An interpretation's value in words: ``monthly`` → "hằng tháng", ``P30D`` → "30 ngày", ``P10WD30D``
    → "10 ngày làm việc, tiếp theo là 30 ngày" ("10 working days, then 30 days"), a flag's ``yes`` → "có";
    others as given.

    The codes stay in the machine formats (JSON, SARIF properties); people read words.
    """
    for kind in ("frequency", "flag"):
        if f"{kind}.{value}" in _CATALOGUE:
            return msg(f"{kind}.{value}", lang)
    match = _DURATION.fullmatch(value)
    if match is None or not any(match.groupdict().values()):
        return value
    parts = []
    for unit, number in match.groupdict().items():
        if number:
            words = msg(f"duration.{unit}", lang, n=int(number))
            parts.append(words[:-1] if lang == "en" and int(number) == 1 else words)  # "1 month"
    working = match["working_days"] and parts.pop(0)
    text = parts[0] if parts else ""
    for part in parts[1:]:
        text = msg("duration.and", lang, a=text, b=part)
    if working:  # working days are counted first, then the calendar part
        return msg("duration.then", lang, a=working, b=text) if text else working
    return text


def period_label(label: str, lang: str = "vi") -> str:
    """A period label in words: ``2025-Q3`` → "quý III/2025" / "2025 Q3", ``2025-W34`` → "tuần 34/2025 (từ
    18/8/2025 đến 24/8/2025)"; other labels as given."""
    match = _PERIOD.fullmatch(label)
    if match is None:
        return label
    year = match["y"]
    if match["h"]:
        half = int(match["h"])
        return msg("period.half", lang, y=year, n=half, h=msg(f"period.half.{half}", lang))
    if match["q"]:
        quarter = int(match["q"])
        return msg("period.quarter", lang, y=year, n=quarter, q=_ROMAN[quarter])
    if match["w"]:  # an ISO week: its Monday to its Sunday, which a reader need not count
        monday = dt.date.fromisocalendar(int(year), int(match["w"]), 1)
        sunday = monday + dt.timedelta(days=6)
        return msg(
            "period.week",
            lang,
            y=year,
            n=int(match["w"]),
            first=format_date(monday, lang),
            last=format_date(sunday, lang),
        )
    if match["m"]:
        return msg("period.month", lang, y=year, m=int(match["m"]), m2=match["m"])
    return msg("period.year", lang, y=year)


def citation(provision_id: str, vi_citation: str, lang: str = "vi", *, heading: bool = False) -> str:
    """A provision's citation: the rule file's own in Vietnamese, built from the id in English.

    ``art_2__cl_3__pt_d`` → "Article 2, clause 3, point d" (point "đ" is ``pt_dd``). Inside a sentence
    a Vietnamese citation starts in lower case ("khoản 1 Điều 2"); as a ``heading`` (a title, the first
    word of a table cell) it starts with a capital ("Khoản 1 Điều 2").
    """
    if lang != "en":
        return vi_citation[:1].upper() + vi_citation[1:] if heading else vi_citation
    if provision_id == "conclusions":
        return msg("cite.conclusions", "en")
    parts: list[str] = []
    for part in provision_id.split("__"):
        match = _PROVISION_PART.fullmatch(part)
        if match is None:
            return vi_citation
        kind, number = match.groups()
        if kind == "pt" and number == "dd":
            number = "đ"
        key = {"art": "cite.article", "cl": "cite.clause", "pt": "cite.point", "ind": "cite.indent"}[kind]
        parts.append(msg(key, "en", n=number))
    # English cites from large to small, the opposite of Vietnamese
    return ", ".join(parts)
