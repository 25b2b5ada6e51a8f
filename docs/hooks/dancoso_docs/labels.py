"""The words of the generated pages, in Vietnamese and English (terms from shared/GLOSSARY.md)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

_WORDS: dict[str, tuple[str, str]] = {
    # page furniture
    "catalogue": ("Danh mục quy tắc", "Rule catalogue"),
    "other_lang": ("English", "Tiếng Việt"),
    "generated": (
        "Trang này được sinh tự động từ các tệp YAML trong `rules/` khi xây dựng tài liệu; không sửa tay.",
        "This page is generated from the YAML files in `rules/` when the site is built; do not edit it by hand.",
    ),
    "verbatim_note": (
        "Lời văn trong khung trích dẫn là nguyên văn của văn bản (chỉ chuẩn hóa Unicode NFC và khoảng trắng).",
        "Quoted text is the instrument's own Vietnamese words, verbatim (only Unicode NFC and white space normalised).",
    ),
    # instrument metadata
    "kind": ("Loại văn bản", "Kind"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "number": ("Số hiệu", "Number"),
    "adopted": ("Ngày thông qua / ký", "Adopted"),
    "effective": ("Có hiệu lực từ ngày", "In force from"),
    "in_force_until": ("Hết hiệu lực", "In force until"),
    "territory": ("Địa bàn", "Territory"),
    "merged": ("từ ngày {date} thuộc tỉnh {name} ({basis})", "from {date} part of {name} province ({basis})"),
    "scope": ("Phạm vi áp dụng", "Scope"),
    "scope_levels": ("Cấp áp dụng", "Levels governed"),
    "implements": ("Triển khai văn bản", "Implements"),
    "version": ("Phiên bản gói quy tắc", "Rule pack version"),
    "source_hash": ("SHA-256 của toàn văn", "SHA-256 of the full text"),
    "legal_bases": ("Căn cứ ban hành", "Legal bases"),
    "errata": ("Lỗi chính tả giữ nguyên trong văn bản", "Typographical errors kept in the text"),
    "reads": ("Văn bản ghi", "Reads"),
    "should_read": ("Nên đọc là", "Should read"),
    "where": ("Vị trí", "Where"),
    "none_given": ("không ghi trong văn bản", "not given in the text"),
    "totals": (
        "{provisions} đơn vị (điều, khoản, điểm, gạch đầu dòng), {obligations} nghĩa vụ: {modalities}.",
        "{provisions} provisions (articles, clauses, points, indents), {obligations} obligations: {modalities}.",
    ),
    "provisions": ("Điều khoản và nghĩa vụ", "Provisions and obligations"),
    # provisions
    "non_operative": ("Không đặt ra nghĩa vụ", "Imposes nothing"),
    "refers_to": ("Dẫn chiếu", "Refers to"),
    "obligation": ("Nghĩa vụ", "Obligation"),
    "modality": ("Tính chất", "Modality"),
    "bearers": ("Chủ thể thực hiện", "Bearers"),
    "activity": ("Loại hoạt động", "Activity type"),
    "schedule": ("Thời hạn, tần suất", "Schedule"),
    "evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "quote": ("Căn cứ nguyên văn", "Verbatim basis"),
    "interpretations": ("Diễn giải", "Interpretations"),
    "note": ("Ghi chú", "Note"),
    "not_binding": ("Không ràng buộc cơ quan, đơn vị nào", "Binds no organisation"),
    # interpretations
    "interpretations_used": ("Các nội dung diễn giải được áp dụng", "Interpretations relied on"),
    "interpretations_intro": (
        "Mọi con số, thời hạn mà văn bản không nêu là một diễn giải có mã, giá trị, lý do và nguồn; "
        "người dùng có thể thay thế bằng `--interpretations TỆP`.",
        "Every number or deadline the instrument does not state is an interpretation with an id, a value, a "
        "rationale and a source; users can override it with `--interpretations FILE`.",
    ),
    "value": ("Giá trị", "Value"),
    "basis": ("Cơ sở", "Basis"),
    "rationale": ("Lý do", "Rationale"),
    "legal_source": ("Nguồn pháp lý", "Legal source"),
    "project_default": ("Mặc định của dự án", "Project default"),
    "used_by": ("Được dùng bởi", "Used by"),
    "dated_value": ("Giá trị theo cấp, theo ngày", "Value by level and date"),
    "every_level": ("mọi cấp", "every level"),
    "since": ("từ ngày {day}", "from {day}"),
    "until": ("đến hết ngày {day}", "until {day}"),
    "unverified_text": ("chưa đối chiếu được văn bản", "text not verified"),
    # schedules
    "sched_periodic": ("định kỳ, {frequency}", "periodic, {frequency}"),
    "sched_periodic_interpreted": (
        "định kỳ theo diễn giải (văn bản không nêu rõ tần suất): {interp}",
        "periodic by interpretation (the text does not state the cadence): {interp}",
    ),
    "window_period": ("thực hiện trong kỳ", "done during the period"),
    "window_after_period": ("thực hiện sau khi kỳ kết thúc", "done after the period ends"),
    "window_plan": ("kế hoạch cho kỳ, lập khi kỳ bắt đầu", "a plan for the period, made as it begins"),
    "due_after_start": ("hạn: {interp} kể từ đầu kỳ", "due: {interp} after the period begins"),
    "due_end": ("hạn: ngày cuối kỳ", "due: the period's last day"),
    "due_after": ("hạn: {interp} sau ngày cuối kỳ", "due: {interp} after the period's last day"),
    "close": (
        "chấp nhận thực hiện chậm đến: {interp} sau hạn",
        "still counts, late, until {interp} after the due date",
    ),
    "sched_regular": ("thường xuyên; tần suất tối thiểu: {interp}", "regularly; minimum frequency: {interp}"),
    "sched_triggered": (
        "khi phát sinh: {events}; trả lời trong: {interp}",
        "when {events}; respond within {interp}",
    ),
    "sched_one_off": (
        "một lần; hạn: {interp} kể từ ngày có hiệu lực",
        "once; due {interp} after the instrument takes effect",
    ),
    "sched_qualitative": (
        "định tính: không xác định được bằng ngày tháng, cần minh chứng hoặc xác nhận",
        "qualitative: dates cannot decide it; shown by evidence or an attestation",
    ),
    # concordance
    "concordance": ("Đối chiếu Trà Vinh – Long An", "Concordance: Trà Vinh and Long An"),
}

MODALITY: dict[str, tuple[str, str]] = {
    "duty": ("nhiệm vụ", "duty"),
    "request": ("đề nghị", "request"),
    "encouragement": ("khuyến khích", "encouragement"),
    "study": ("nghiên cứu", "duty to study"),
    "reference": ("dẫn chiếu, không ràng buộc", "reference, not binding"),
}

FREQUENCY: dict[str, tuple[str, str]] = {
    "yearly": ("hằng năm", "yearly"),
    "half_yearly": ("định kỳ 6 tháng", "every six months"),
    "quarterly": ("hằng quý", "quarterly"),
    "monthly": ("hằng tháng", "monthly"),
    "weekly": ("hằng tuần", "weekly"),
}

NON_OPERATIVE: dict[str, tuple[str, str]] = {
    "heading": ("tên điều hoặc câu dẫn", "a title or lead-in"),
    "scope": ("phạm vi, đối tượng áp dụng", "scope and subjects"),
    "funding": ("kinh phí", "funding"),
    "reference": ("dẫn chiếu văn bản khác", "a reference to another instrument"),
    "entry_into_force": ("hiệu lực thi hành", "entry into force"),
    "goal": ("mục tiêu", "a goal"),
}

LEVEL: dict[str, tuple[str, str]] = {
    "province": ("cấp tỉnh", "province"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune"),
    "hamlet": ("ấp, khu phố", "hamlet or quarter"),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """The Vietnamese or the English member of a pair."""
    return pair[0] if lang == "vi" else pair[1]


def word(key: str, lang: Lang, **values: str) -> str:
    """A page word in ``lang``, with ``{placeholders}`` filled in."""
    return pick(_WORDS[key], lang).format(**values)
