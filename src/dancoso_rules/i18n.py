"""The messages an official reads outside a report: command-line help, summaries, validation messages.

Reports have their own catalogue (``report/messages.py``); this one sits at the lowest layer, so that
the record validator (below the reports) and the command line (above them) share it. Two catalogues,
:data:`VI` and :data:`EN`, with the same keys and the same ``{placeholders}`` (a test compares them).

The language of a message is the *current* one: the command line sets it from ``--lang`` (default:
the locale, Vietnamese when unsure, :func:`default_lang`); the library's own default is English, so
that a program calling the Python API gets the messages it always got. Machine-facing fields (a
problem's ``code``) never change with the language: only the text does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

Lang = Literal["vi", "en"]
#: The languages of the messages; Vietnamese is the authority.
LANGS: tuple[Lang, ...] = ("vi", "en")

_CURRENT: ContextVar[Lang] = ContextVar("dancoso_lang", default="en")


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the locale asks for: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set
    (POSIX's order); ``vi…`` → ``vi``, ``en…`` → ``en``, unset or anything else → ``vi``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def current_lang() -> Lang:
    """The language messages are written in now."""
    return _CURRENT.get()


def set_lang(lang: Lang) -> None:
    """Write the messages of this run (this context) in ``lang``."""
    _CURRENT.set(lang)


@contextmanager
def using_lang(lang: Lang) -> Iterator[None]:
    """Messages in ``lang`` inside the ``with`` block."""
    token = _CURRENT.set(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def tr(key: str, lang: Lang | None = None, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), ``values`` filled in."""
    catalogue = VI if (lang or _CURRENT.get()) == "vi" else EN
    text = catalogue[key]
    return text.format(**values) if values else text


#: English; the text the tests and golden files have always asserted.
EN: dict[str, str] = {
    # the command line
    "cli.description": "Grassroots-democracy obligations (Luật 10/2022/QH15) as code: rules, records, reports.",
    "cli.version": "show the version and exit",
    "cli.lang": "the language of messages, help and reports: vi or en (default: from the locale "
    "LC_ALL / LC_MESSAGES / LANG; vi when unsure)",
    "cli.command.rules": "list, show, lint and measure the coverage of rule packs",
    "cli.command.validate": "validate activity records against the published schema",
    "cli.command.check": "evaluate activity records and report each duty's status",
    "cli.command.calendar": "the duties still to do as an iCalendar file, or the agenda",
    "cli.command.template": "write the .xlsx workbook to fill in a record, empty or from a record",
    "cli.command.import": "turn a filled-in .xlsx workbook (or its .csv sheets) into a JSON record",
    "cli.internal": "dancoso: internal error ({what}); this is a bug: please report it, with the command you ran, "
    "to {where} (DANCOSO_DEBUG=1 shows the traceback)",
    "cli.report_bugs": "the dancoso-rules maintainers (the issue tracker of the repository you installed it from)",
    "cli.cannot_read_write": "{file}: cannot read or write: {reason}",
    # argparse's own words (msgids of the standard library's gettext catalogue)
    "argparse.usage: ": "usage: ",
    "argparse.options": "options",
    "argparse.positional arguments": "positional arguments",
    "argparse.show this help message and exit": "show this help message and exit",
    "argparse.%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argparse.the following arguments are required: %s": "the following arguments are required: %s",
    "argparse.unrecognized arguments: %s": "unrecognized arguments: %s",
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse.expected one argument": "expected one argument",
    "argparse.argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "argparse.invalid %(type)s value: %(value)r": "invalid %(type)s value: %(value)r",
    # options several commands share
    "help.strict": "treat warnings as errors",
    "help.rules": "a rule folder to use instead of the bundled one",
    "help.rules_dir": "a rule folder instead of the bundled one",
    "help.as_of": "the evaluation date, YYYY-MM-DD (default: today)",
    # check
    "check.help.records": "activity records: JSON files, folders (every *.json and *.jsonl below them), JSON Lines "
    "files, or - for standard input (one record, or JSON Lines)",
    "check.help.interpretations": "a YAML or JSON file overriding interpretations by id",
    "check.help.format": "the report's format (default: text)",
    "check.help.output": "write the report to PATH (a folder, existing or ending in /, gets ORGANISATION-ID.EXT); "
    "for several records: a folder for each report, the overview and the run's manifest .dancoso-run.json",
    "check.help.fail_on": "exit 1 when a result has one of these statuses (default: {default}; 'none' never "
    "fails); the reports still count missed and overdue duties as failing",
    "check.help.width": "text width (default: COLUMNS, or the terminal's)",
    "check.help.report_period": "docx: the period reported, YYYY or YYYY-H1 / YYYY-H2 (default: the year the "
    "record's period ends)",
    "check.help.data_window": "docx: cut the period by calendar days, or by the data windows of NĐ 09/2019/NĐ-CP "
    "(15/12–14/6, 15/12–14/12; no window for a second half) (default: calendar)",
    "check.help.summary": "text, markdown, html: only what to do and the totals (markdown: the compact comment, "
    "under GitHub's 65,536 characters, as for $GITHUB_STEP_SUMMARY)",
    "check.help.sarif_all": "with --format sarif: every result (met, not applicable, upcoming...), not only the "
    "failing ones",
    "check.help.unit_sheets": "with --format xlsx over many records: one sheet per organisation in the overview "
    "workbook too",
    "check.help.jobs": "over many records: how many processes check them (default: the number of usable "
    "cores); 1 checks them in this process",
    # calendar
    "calendar.help.record": "an activity record (JSON)",
    "calendar.help.until": "leave out upcoming duties due after DATE (default: keep every one the record's period "
    "gives)",
    "calendar.help.days": "the agenda's span in days from the evaluation date (text and markdown; default: 30)",
    "calendar.help.format": "ics: an iCalendar file; text or markdown: the agenda (default: ics)",
    "calendar.help.output": "write to FILE instead of standard output",
    "calendar.help.interpretations": "a YAML or JSON file overriding interpretations",
    # template and import
    "template.help.output": "the workbook to write (default: {default}; - for standard output)",
    "template.help.from": "fill the workbook with this record (JSON or .xlsx): export a record to Excel",
    "template.help.force": "write over an existing file",
    "import.help.files": "one .xlsx workbook, or the .csv files of its sheets (saved as 'CSV UTF-8')",
    "import.help.output": "write the JSON record to PATH (default: standard output)",
    "import.not_imported": "{file}: not imported: {errors} error(s)",
    "wrote": "wrote {path}",
    "template.wrote_filled": "wrote {path} (filled with {record})",
    "template.wrote_empty": "wrote {path} (empty)",
    # rules
    "rules.help.list": "list the rule packs",
    "rules.help.list_format": "ids: one obligation id a line",
    "rules.help.show": "show a pack, provision, obligation, interpretation or activity type",
    "rules.help.id": "a pack id, provision id, obligation id, interpretation id or activity type",
    "rules.help.lint": "check a rule folder or pack; exit 1 when it has problems",
    "rules.help.lint_path": "a rule folder, pack folder or rule file (default: bundled)",
    "rules.help.coverage": "how far the packs cover their source texts",
    "rules.help.coverage_path": "a rule folder or pack folder (default: bundled)",
    "rules.help.format": "text or json",
    # option values
    "arg.days": "expected a number of days from 1 to 3660; got {got!r}",
    "arg.date": "expected a date that exists, written YYYY-MM-DD; got {got!r}",
    "arg.width": "expected a width of at least 20 columns; got {got!r}",
    "arg.jobs": "expected a number of processes of at least 1; got {got!r}",
    "arg.period": "expected a period written YYYY, YYYY-H1 or YYYY-H2; got {got!r}",
    "output.cannot_write": "cannot write the report: {reason}",
    # validate
    "validate.help.paths": "record files, JSON Lines files, folders (every *.json and *.jsonl below them), glob "
    "patterns, or - for standard input",
    "validate.help.format": "text (file:line:col /pointer: message), json, or github (GitHub Actions annotations)",
    "validate.help.skip": "skip, with a note, JSON that is not an activity record (no organisation, period or "
    "activities)",
    "validate.help.rules": "a rule folder to check against instead of the bundled one",
    "validate.skipped": "{path}: skipped: not an activity record (no organisation, period or activities)",
    "validate.summary": "{count} {noun} checked: {valid} valid, {invalid} invalid; {errors} error(s), "
    "{warnings} warning(s)",
    "validate.summary.skipped": "; {skipped} skipped: not records",
    "noun.records": "record(s)",
    "noun.files": "file(s)",
    # check
    "check.summary": "{records} record(s) checked: {evaluated} evaluated, {invalid} invalid; "
    "{failing} failing (a duty with a status in --fail-on)",
    "check.progress": "{records} records, {rate}/s ",
    # validation messages
    "problem.warning": "warning: ",
    "record.not_json": "the record is not JSON data ({error}); dates are written as 'YYYY-MM-DD' strings",
    "record.cannot_read": "cannot read: {reason}",
    "record.empty_jsonl": "the file is empty; expected one record per line",
    "record.duplicate_id.activity": "duplicate activity id {id!r} (first at line {line}, {first}); "
    "each activity in {key!r} needs its own id",
    "record.duplicate_id.event": "duplicate event id {id!r} (first at line {line}, {first}); "
    "each event in {key!r} needs its own id",
    "record.duplicate_id.attestation": "duplicate attestation id {id!r} (first at line {line}, {first}); "
    "each attestation in {key!r} needs its own id",
    "json.invalid": "not valid JSON: {reason}",
    "json.empty": "the file is empty; expected a JSON object (an activity record)",
    "date.format": "expected a date written YYYY-MM-DD, as a string",
    "date.not_a_date": "not a date that exists: {reason}",
    "date.bad_month": "month must be in 1..12",
    "date.bad_day": "day is out of range for month",
    "suggest.did_you_mean": "; did you mean {word!r}?",
    "suggest.more": " and {count} more",
    "word.known": " (known: {words})",
    "word.unknown.activity_type": "unknown activity type {word!r}",
    "word.unknown.event_type": "unknown event type {word!r}",
    "word.unknown.evidence_kind": "unknown evidence kind {word!r}",
    "word.unknown.body": "unknown body {word!r}",
    "word.unknown.function": "unknown function {word!r}",
    "word.unknown.organisation_kind": "unknown organisation kind {word!r}",
    "word.unknown.territory": "unknown territory {word!r}",
    "word.unknown.pack": "unknown rule pack {word!r}",
    "field.unknown": "unknown field {field!r}{hint}",
    "field.allowed": " (allowed: {fields})",
    "field.missing": "missing required field {field!r}",
    "field.got": "{message} (got {value!r})",
    "type.text": "expected text (a string in quotes)",
    "type.whole_number": "expected a whole number",
    "type.bool": "expected true or false",
    "type.list": "expected a list",
    "type.object": "expected an object (a mapping of names to values)",
    "type.non_empty_text": "expected non-empty text",
    "type.non_empty_list": "expected at least one item",
}

#: Tiếng Việt: văn phong hành chính, thuật ngữ theo ``GLOSSARY.md``.
VI: dict[str, str] = {
    "cli.description": "Nghĩa vụ thực hiện dân chủ ở cơ sở (Luật 10/2022/QH15) dưới dạng mã: quy tắc, hồ sơ, "
    "báo cáo.",
    "cli.version": "hiển thị phiên bản và thoát",
    "cli.lang": "ngôn ngữ của thông báo, hướng dẫn và báo cáo: vi hoặc en (mặc định: theo thiết lập vùng "
    "LC_ALL / LC_MESSAGES / LANG; vi khi không xác định được)",
    "cli.command.rules": "liệt kê, xem, kiểm tra và đo mức bao quát của các bộ quy tắc",
    "cli.command.validate": "kiểm tra hồ sơ hoạt động theo lược đồ đã công bố",
    "cli.command.check": "đánh giá hồ sơ hoạt động và báo cáo tình trạng thực hiện từng nhiệm vụ",
    "cli.command.calendar": "các nhiệm vụ còn phải thực hiện, dưới dạng tệp iCalendar hoặc lịch công tác",
    "cli.command.template": "xuất sổ .xlsx để điền hồ sơ, để trống hoặc từ một hồ sơ có sẵn",
    "cli.command.import": "chuyển sổ .xlsx đã điền (hoặc các trang .csv của sổ) thành hồ sơ JSON",
    "cli.internal": "dancoso: lỗi nội bộ ({what}); đây là lỗi của phần mềm: đề nghị báo, kèm câu lệnh đã chạy, "
    "cho {where} (DANCOSO_DEBUG=1 hiển thị chi tiết truy vết)",
    "cli.report_bugs": "nhóm duy trì dancoso-rules (mục báo lỗi của kho mã nguồn đã cài đặt)",
    "cli.cannot_read_write": "{file}: không đọc hoặc ghi được: {reason}",
    "argparse.usage: ": "cách dùng: ",
    "argparse.options": "tùy chọn",
    "argparse.positional arguments": "tham số vị trí",
    "argparse.show this help message and exit": "hiển thị hướng dẫn này và thoát",
    "argparse.%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argparse.the following arguments are required: %s": "thiếu các tham số bắt buộc sau: %s",
    "argparse.unrecognized arguments: %s": "tham số không nhận biết được: %s",
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn %(value)r không hợp lệ (chọn một "
    "trong: %(choices)s)",
    "argparse.expected one argument": "cần một giá trị",
    "argparse.argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "argparse.invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "help.strict": "coi cảnh báo là lỗi",
    "help.rules": "thư mục quy tắc dùng thay cho bộ quy tắc kèm theo",
    "help.rules_dir": "thư mục quy tắc dùng thay cho bộ quy tắc kèm theo",
    "help.as_of": "ngày đánh giá, YYYY-MM-DD (mặc định: hôm nay)",
    "check.help.records": "hồ sơ hoạt động: tệp JSON, thư mục (mọi tệp *.json và *.jsonl bên trong), tệp JSON "
    "Lines, hoặc - để đọc từ đầu vào chuẩn (một hồ sơ, hoặc JSON Lines)",
    "check.help.interpretations": "tệp YAML hoặc JSON thay thế các nội dung diễn giải theo mã",
    "check.help.format": "định dạng của báo cáo (mặc định: text)",
    "check.help.output": "ghi báo cáo vào PATH (một thư mục, đã có hoặc kết thúc bằng /, nhận tệp "
    "MÃ-CƠ-QUAN.ĐUÔI); với nhiều hồ sơ: một thư mục chứa từng báo cáo, báo cáo tổng hợp và tệp kê "
    ".dancoso-run.json của lần chạy",
    "check.help.fail_on": "trả mã thoát 1 khi có kết quả ở một trong các trạng thái này (mặc định: {default}; "
    "'none': không bao giờ); báo cáo vẫn tính các nhiệm vụ không thực hiện và quá hạn là chưa đạt",
    "check.help.width": "độ rộng văn bản (mặc định: COLUMNS, hoặc độ rộng của cửa sổ dòng lệnh)",
    "check.help.report_period": "docx: kỳ báo cáo, YYYY hoặc YYYY-H1 / YYYY-H2 (mặc định: năm kết thúc kỳ của "
    "hồ sơ)",
    "check.help.data_window": "docx: chia kỳ theo ngày dương lịch, hoặc theo thời gian chốt số liệu của "
    "NĐ 09/2019/NĐ-CP (15/12–14/6, 15/12–14/12; 6 tháng cuối năm không có thời gian chốt riêng) (mặc định: calendar)",
    "check.help.summary": "text, markdown, html: chỉ những việc cần làm và số liệu tổng hợp (markdown: bản rút "
    "gọn, dưới 65.536 ký tự của GitHub, dùng cho $GITHUB_STEP_SUMMARY)",
    "check.help.sarif_all": "với --format sarif: mọi kết quả (đúng hạn, không áp dụng, chưa đến hạn...), không chỉ "
    "các kết quả chưa đạt",
    "check.help.unit_sheets": "với --format xlsx cho nhiều hồ sơ: thêm mỗi cơ quan, đơn vị một trang trong sổ "
    "tổng hợp",
    "check.help.jobs": "khi kiểm tra nhiều hồ sơ: số tiến trình cùng kiểm tra (mặc định: số lõi "
    "được dùng); 1 là kiểm tra trong tiến trình này",
    "calendar.help.record": "một hồ sơ hoạt động (JSON)",
    "calendar.help.until": "bỏ các nhiệm vụ chưa đến hạn có hạn sau DATE (mặc định: giữ mọi nhiệm vụ trong kỳ "
    "của hồ sơ)",
    "calendar.help.days": "số ngày của lịch công tác, tính từ ngày đánh giá (text và markdown; mặc định: 30)",
    "calendar.help.format": "ics: tệp iCalendar; text hoặc markdown: lịch công tác (mặc định: ics)",
    "calendar.help.output": "ghi vào FILE thay cho đầu ra chuẩn",
    "calendar.help.interpretations": "tệp YAML hoặc JSON thay thế các nội dung diễn giải",
    "template.help.output": "sổ cần ghi (mặc định: {default}; - để ghi ra đầu ra chuẩn)",
    "template.help.from": "điền sổ bằng hồ sơ này (JSON hoặc .xlsx): xuất hồ sơ ra Excel",
    "template.help.force": "ghi đè tệp đã có",
    "import.help.files": "một sổ .xlsx, hoặc các tệp .csv của các trang trong sổ (lưu dạng 'CSV UTF-8')",
    "import.help.output": "ghi hồ sơ JSON vào PATH (mặc định: đầu ra chuẩn)",
    "import.not_imported": "{file}: chưa nhập được: {errors} lỗi",
    "wrote": "đã ghi {path}",
    "template.wrote_filled": "đã ghi {path} (điền từ hồ sơ {record})",
    "template.wrote_empty": "đã ghi {path} (sổ trống)",
    "rules.help.list": "liệt kê các bộ quy tắc",
    "rules.help.list_format": "ids: mỗi dòng một mã nghĩa vụ",
    "rules.help.show": "xem một bộ quy tắc, quy định, nghĩa vụ, nội dung diễn giải hoặc loại hoạt động",
    "rules.help.id": "mã bộ quy tắc, mã quy định, mã nghĩa vụ, mã nội dung diễn giải hoặc loại hoạt động",
    "rules.help.lint": "kiểm tra một thư mục quy tắc hoặc bộ quy tắc; trả mã thoát 1 khi có vấn đề",
    "rules.help.lint_path": "thư mục quy tắc, thư mục bộ quy tắc hoặc tệp quy tắc (mặc định: bộ kèm theo)",
    "rules.help.coverage": "mức độ các bộ quy tắc bao quát văn bản nguồn",
    "rules.help.coverage_path": "thư mục quy tắc hoặc thư mục bộ quy tắc (mặc định: bộ kèm theo)",
    "rules.help.format": "text hoặc json",
    "arg.days": "cần số ngày từ 1 đến 3660; giá trị đã ghi: {got!r}",
    "arg.date": "cần một ngày có thật, ghi theo dạng YYYY-MM-DD; giá trị đã ghi: {got!r}",
    "arg.width": "cần độ rộng ít nhất 20 cột; giá trị đã ghi: {got!r}",
    "arg.jobs": "cần số tiến trình ít nhất là 1; giá trị đã ghi: {got!r}",
    "arg.period": "cần kỳ ghi theo dạng YYYY, YYYY-H1 hoặc YYYY-H2; giá trị đã ghi: {got!r}",
    "output.cannot_write": "không ghi được báo cáo: {reason}",
    "validate.help.paths": "tệp hồ sơ, tệp JSON Lines, thư mục (mọi tệp *.json và *.jsonl bên trong), mẫu tên "
    "tệp, hoặc - để đọc từ đầu vào chuẩn",
    "validate.help.format": "text (tệp:dòng:cột /con trỏ: thông báo), json, hoặc github (chú thích của GitHub "
    "Actions)",
    "validate.help.skip": "bỏ qua, kèm ghi chú, tệp JSON không phải hồ sơ hoạt động (không có cơ quan, đơn vị, "
    "kỳ báo cáo hoặc hoạt động)",
    "validate.help.rules": "thư mục quy tắc dùng để kiểm tra thay cho bộ quy tắc kèm theo",
    "validate.skipped": "{path}: bỏ qua: không phải hồ sơ hoạt động (không có cơ quan, đơn vị, kỳ báo cáo "
    "hoặc hoạt động)",
    "validate.summary": "Đã kiểm tra {count} {noun}: {valid} hợp lệ, {invalid} không hợp lệ; {errors} lỗi, "
    "{warnings} cảnh báo",
    "validate.summary.skipped": "; bỏ qua {skipped} tệp không phải hồ sơ",
    "noun.records": "hồ sơ",
    "noun.files": "tệp",
    "check.summary": "Đã kiểm tra {records} hồ sơ: {evaluated} đã đánh giá, {invalid} không hợp lệ; "
    "{failing} có nhiệm vụ ở tình trạng nêu tại --fail-on",
    "check.progress": "{records} hồ sơ, {rate}/giây ",
    "problem.warning": "cảnh báo: ",
    "record.not_json": "hồ sơ không phải dữ liệu JSON ({error}); ngày được ghi dưới dạng chuỗi 'YYYY-MM-DD'",
    "record.cannot_read": "không đọc được: {reason}",
    "record.empty_jsonl": "tệp trống; mỗi dòng phải là một hồ sơ",
    "record.duplicate_id.activity": "mã hoạt động {id!r} bị trùng (đã có tại dòng {line}, {first}); "
    "mỗi hoạt động trong {key!r} phải có mã riêng",
    "record.duplicate_id.event": "mã sự việc {id!r} bị trùng (đã có tại dòng {line}, {first}); "
    "mỗi sự việc trong {key!r} phải có mã riêng",
    "record.duplicate_id.attestation": "mã xác nhận {id!r} bị trùng (đã có tại dòng {line}, {first}); "
    "mỗi xác nhận trong {key!r} phải có mã riêng",
    "json.invalid": "không phải dữ liệu JSON hợp lệ: {reason}",
    "json.empty": "tệp trống; cần một đối tượng JSON (một hồ sơ hoạt động)",
    "date.format": "cần một ngày ghi theo dạng YYYY-MM-DD, đặt trong dấu nháy",
    "date.not_a_date": "ngày không có thật trên lịch ({reason})",
    "date.bad_month": "tháng phải từ 1 đến 12",
    "date.bad_day": "tháng này không có ngày đó",
    "suggest.did_you_mean": "; có phải là {word!r}?",
    "suggest.more": " và {count} mục khác",
    "word.known": " (các giá trị hợp lệ: {words})",
    "word.unknown.activity_type": "loại hoạt động {word!r} không hợp lệ",
    "word.unknown.event_type": "loại sự việc {word!r} không hợp lệ",
    "word.unknown.evidence_kind": "loại tài liệu kiểm chứng {word!r} không hợp lệ",
    "word.unknown.body": "tổ chức, bộ phận {word!r} không hợp lệ",
    "word.unknown.function": "chức năng {word!r} không hợp lệ",
    "word.unknown.organisation_kind": "loại cơ quan, đơn vị {word!r} không hợp lệ",
    "word.unknown.territory": "địa bàn {word!r} không hợp lệ",
    "word.unknown.pack": "bộ quy tắc {word!r} không hợp lệ",
    "field.unknown": "trường {field!r} không hợp lệ{hint}",
    "field.allowed": " (các trường được phép: {fields})",
    "field.missing": "thiếu trường bắt buộc {field!r}",
    "field.got": "{message} (giá trị đã ghi: {value!r})",
    "type.text": "cần một chuỗi văn bản (đặt trong dấu nháy)",
    "type.whole_number": "cần một số nguyên",
    "type.bool": "cần true hoặc false",
    "type.list": "cần một danh sách",
    "type.object": "cần một đối tượng (tập hợp các cặp tên và giá trị)",
    "type.non_empty_text": "cần văn bản không để trống",
    "type.non_empty_list": "cần ít nhất một mục",
}
