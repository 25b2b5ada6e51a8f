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
    # statuses: "upcoming" is "chưa đến hạn" (not yet due), since its due date may be months away
    "status.met": ("Đã thực hiện đúng hạn", "Met"),
    "status.late": ("Thực hiện muộn", "Late"),
    "status.overdue": ("Quá hạn", "Overdue"),
    "status.missed": ("Bỏ lỡ", "Missed"),
    "status.upcoming": ("Chưa đến hạn", "Upcoming"),
    "status.not_applicable": ("Không áp dụng", "Not applicable"),
    "status.unverified": ("Chưa xác minh", "Unverified"),
    # the force of the words
    "modality.duty": ("Nhiệm vụ", "Duty"),
    "modality.request": ("Đề nghị", "Request"),
    "modality.encouragement": ("Khuyến khích", "Encouragement"),
    "modality.study": ("Nghiên cứu", "Study"),
    # schedules
    "schedule.periodic": ("Định kỳ", "Periodic"),
    "schedule.regular": ("Thường xuyên", "Regular"),
    "schedule.triggered": ("Khi phát sinh", "When triggered"),
    "schedule.one_off": ("Một lần", "One-off"),
    "schedule.qualitative": ("Định tính", "Qualitative"),
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
    "report.interpretations": ("Cách hiểu được áp dụng", "Interpretations applied"),
    "report.no_interpretations": ("Không sử dụng cách hiểu nào.", "No interpretation was relied on."),
    "report.overridden": ("do người dùng thay đổi", "overridden by the user"),
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
    "report.attention": ("Cần chú ý", "Needs attention"),
    "report.fail_on": ("Trạng thái bị coi là không đạt", "Statuses counted as failing"),
    "report.verdict.pass": ("Không có nghĩa vụ nào không đạt.", "No duty is failing."),
    "report.verdict.fail": ("Có {n} kết quả không đạt.", "{n} result(s) failing."),
    # requests and encouragements keep their status but never fail (the instrument only asks)
    "report.verdict.soft": (
        "{n} kết quả khác, của nội dung khuyến khích, đề nghị, chưa đạt: không tính là không đạt, "
        "vì văn bản chỉ khuyến khích hoặc đề nghị.",
        "{n} more result(s), of encouragements or requests, not met: not counted as failing, "
        "since the instrument only encourages or requests them.",
    ),
    "report.soft": ("Khuyến khích, đề nghị chưa đạt", "Encouragements and requests not met"),
    "report.soft_note": (
        "Văn bản chỉ khuyến khích hoặc đề nghị, không bắt buộc: trạng thái được giữ nguyên nhưng không "
        "tính là không đạt.",
        "Only encouraged or requested by the instrument, not required: the status is kept but never "
        "counted as failing.",
    ),
    # a result's columns
    "col.citation": ("Điều khoản", "Provision"),
    "col.obligation": ("Nghĩa vụ", "Obligation"),
    "col.period": ("Kỳ", "Period"),
    "col.window": ("Thời gian thực hiện", "Window"),
    "col.due": ("Hạn", "Due"),
    "col.close": ("Hạn cuối (muộn)", "Closes"),
    "col.status": ("Trạng thái", "Status"),
    "col.days": ("Số ngày", "Days"),
    "col.evidence": ("Chứng cứ", "Evidence"),
    "col.explanation": ("Giải thích", "Explanation"),
    "col.interpretations": ("Cách hiểu", "Interpretations"),
    "col.organisation": ("Cơ quan, đơn vị", "Organisation"),
    "col.pack": ("Văn bản", "Instrument"),
    "col.clause": ("Khoản", "Clause"),
    "col.modality": ("Hiệu lực", "Force"),
    "col.schedule": ("Lịch", "Schedule"),
    "col.trigger": ("Sự việc phát sinh", "Trigger"),
    "col.reason": ("Lý do", "Reason"),
    "col.file": ("Tệp hồ sơ", "Record file"),
    "col.worst": ("Khoản cần chú ý", "Clauses needing attention"),
    "days.left": ("còn {n} ngày", "{n} days left"),
    "days.overdue": ("{n} ngày", "{n} days"),
    "days.late": ("{n} ngày", "{n} days"),
    "evidence.none": ("không có", "none"),
    "evidence.missing": ("chưa có hoạt động đáp ứng", "no qualifying activity"),
    # the overview of many organisations
    "overview.title": ("Tổng hợp tình hình thực hiện", "Overview of compliance"),
    "overview.subtitle": (
        "Theo cơ quan, đơn vị và khoản; đơn vị có nhiều kết quả không đạt xếp trước",
        "By organisation and clause, worst first",
    ),
    "overview.organisations": ("Số cơ quan, đơn vị", "Organisations"),
    "overview.invalid": ("Hồ sơ không hợp lệ", "Invalid records"),
    # the overview as a workbook (--format xlsx)
    "xlsx.sheet.summary": ("Tổng hợp", "Overview"),
    "xlsx.sheet.by_clause": ("Theo khoản", "By clause"),
    "xlsx.sheet.about": ("Thông tin", "About"),
    "xlsx.number": ("STT", "No."),
    "xlsx.id": ("Mã", "Id"),
    "xlsx.from": ("Từ ngày", "From"),
    "xlsx.to": ("Đến ngày", "To"),
    "xlsx.assessment": ("Đánh giá", "Assessment"),
    "xlsx.problems": ("Lỗi", "Problems"),
    "xlsx.nothing": ("Không có nghĩa vụ áp dụng", "No duty applies"),
    "xlsx.legend": (
        "Màu nền chỉ nhắc lại chữ trong ô: đỏ — bỏ lỡ; cam — quá hạn; vàng — thực hiện muộn; xám — chưa xác minh; "
        "xanh dương — chưa đến hạn; xanh lá — đã thực hiện đúng hạn.",
        "Colours only repeat the words in the cells: red — missed; orange — overdue; yellow — late; grey — "
        "unverified; blue — upcoming; green — met.",
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
    "period.half.1": ("đầu", "1"),
    "period.half.2": ("cuối", "2"),
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_PERIOD = re.compile(r"^(?P<y>\d{4})(?:-(?:H(?P<h>[12])|Q(?P<q>[1-4])|(?P<m>\d{2})))?$")
_PROVISION_PART = re.compile(r"^(art|cl|pt|ind)_([a-z0-9]+)$")


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
    """A date as officials write it: ``31/03/2026`` in Vietnamese, ISO ``2026-03-31`` in English."""
    if day is None:
        return "—"
    return day.isoformat() if lang == "en" else f"{day.day:02d}/{day.month:02d}/{day.year}"


def period_label(label: str, lang: str = "vi") -> str:
    """A period label in words: ``2025-Q3`` → "quý III/2025" / "2025 Q3"; other labels as given."""
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
    if match["m"]:
        return msg("period.month", lang, y=year, m=int(match["m"]), m2=match["m"])
    return msg("period.year", lang, y=year)


def citation(provision_id: str, vi_citation: str, lang: str = "vi") -> str:
    """A provision's citation: the rule file's own in Vietnamese, built from the id in English.

    ``art_2__cl_3__pt_d`` → "Article 2, clause 3, point d" (point "đ" is ``pt_dd``).
    """
    if lang != "en":
        return vi_citation
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
