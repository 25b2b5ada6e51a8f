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

import errno
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


#: The errors of the operating system a user meets (a missing file, no permission, a full disk), by
#: errno: their words in the catalogue, so that a Vietnamese message says them in Vietnamese.
_OS_ERRORS: dict[int, str] = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.ENOSPC: "os.no_space",
    errno.EROFS: "os.read_only",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EEXIST: "os.exists",
    errno.ELOOP: "os.loop",
    errno.EIO: "os.io",
}


def os_reason(exc: BaseException, lang: Lang | None = None) -> str:
    """Why a file could not be read or written, in ``lang``: "không có tệp hoặc thư mục này", never the
    system's English "No such file or directory" inside a Vietnamese message; an error it does not know
    is said as the system says it."""
    key = _OS_ERRORS.get(exc.errno) if isinstance(exc, OSError) and exc.errno else None
    if key is not None:
        return tr(key, lang)
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def thousands(number: int) -> str:
    """A whole number with the thousands separator of the current language: 20,971,520 or 20.971.520."""
    return f"{number:,}".replace(",", tr("number.thousands"))


#: English; the text the tests and golden files have always asserted.
EN: dict[str, str] = {
    # the command line
    "cli.description": "Grassroots-democracy obligations (Luật 10/2022/QH15) as code: rules, records, reports.",
    "cli.version": "show the version and exit",
    # laid out by hand: the help keeps its lines as they are
    "cli.exit_codes": "exit codes:\n"
    "  0    success\n"
    "  1    the inputs were read but fail: an invalid record (validate, import), a\n"
    "       result with a status in --fail-on (check), a rule problem (rules lint),\n"
    "       text not covered (rules coverage)\n"
    "  2    usage errors; unreadable input; an invalid record or option (check,\n"
    "       calendar, template); output that cannot be written\n"
    "  3    an internal error (a bug), told in one line with where to report it\n"
    "  141  the reader of standard output left before the end (| head)",
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
    "cli.cannot_write_stdout": "<stdout>: cannot write the output: {reason}",
    # the operating system's errors (os_reason), as Linux words them
    "os.not_found": "No such file or directory",
    "os.denied": "Permission denied",
    "os.is_folder": "Is a directory",
    "os.not_folder": "Not a directory",
    "os.no_space": "No space left on device",
    "os.read_only": "Read-only file system",
    "os.name_too_long": "File name too long",
    "os.exists": "File exists",
    "os.loop": "Too many levels of symbolic links",
    "os.io": "Input/output error",
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
    "help.as_of": "the evaluation date, YYYY-MM-DD, from {first} to {last} (default: today)",
    # check
    "check.help.records": "activity records: JSON files, folders (every *.json and *.jsonl below them), JSON Lines "
    "files, or - for standard input (one record, or JSON Lines)",
    "check.help.interpretations": "a YAML or JSON file overriding interpretations by id",
    "check.help.format": "the report's format (default: text)",
    "check.help.output": "write the report to PATH (a folder, existing or ending in /, gets ORGANISATION-ID.EXT); "
    "for several records: a folder for each report, the overview and the run's manifest .dancoso-run.json",
    "check.help.fail_on": "exit 1 when a result has one of these statuses (default: {default}; 'none' never "
    "fails); the reports still count missed and overdue duties as failing",
    "check.help.width": "text width, {first} to {last} columns (default: COLUMNS, or the terminal's)",
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
    "calendar.help.record": "an activity record (JSON or .xlsx), or - for one JSON record on standard input",
    "calendar.help.until": "leave out upcoming duties due after DATE (default: keep every one the record's period "
    "gives)",
    "calendar.help.days": "the agenda's span in days from the evaluation date (text and markdown; default: 30)",
    "calendar.help.format": "ics: an iCalendar file; text or markdown: the agenda (default: ics)",
    "calendar.help.output": "write to PATH instead of standard output (PATH/ or a folder: PATH/<organisation-id>.ics, .md or .txt)",
    "calendar.help.interpretations": "a YAML or JSON file overriding interpretations",
    # template and import
    "template.help.output": "the workbook to write (default: {default}; PATH/ or a folder: that name in it; - for standard output)",
    "template.help.from": "fill the workbook with this record (JSON or .xlsx): export a record to Excel",
    "help.force": "write over an existing file",
    "import.help.files": "one .xlsx workbook, or the .csv files of its sheets (saved as 'CSV UTF-8')",
    "import.help.output": "write the JSON record to PATH (default: standard output; PATH/ or a folder: PATH/<organisation-id>.json)",
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
    "rules.help.coverage": "how far the packs cover their source texts; exit 1 when some text is not covered",
    "rules.help.coverage_path": "a rule folder or pack folder (default: bundled)",
    "rules.help.format": "text or json",
    # option values
    "arg.days": "expected a number of days from 1 to 3660; got {got!r}",
    "arg.date": "expected a date that exists, written YYYY-MM-DD; got {got!r}",
    "arg.as_of": "expected an evaluation date from {first} to {last}, the days a record may name; got {got!r}",
    "arg.width": "expected a width from {first} to {last} columns; got {got!r}",
    "arg.jobs": "expected a number of processes of at least 1; got {got!r}",
    "arg.output_empty": "expected a file, a folder (PATH/) or - for standard output; got an empty path, which "
    "would name the current folder",
    "arg.period": "expected a period written YYYY, YYYY-H1 or YYYY-H2; got {got!r}",
    "arg.period_years": "expected a period in a year from {first} to {last}, as a record's periods are; got {got!r}",
    "output.cannot_write": "cannot write the report: {reason}",
    # validate
    "validate.help.paths": "record files, JSON Lines files, folders (every *.json and *.jsonl below them), glob "
    "patterns, or - for standard input",
    "validate.help.format": "text (file:line:col /pointer: message), json, or github (GitHub Actions annotations)",
    "validate.help.skip": "skip, with a note, JSON that is not an activity record (no organisation, period or "
    "activities)",
    "validate.help.rules": "a rule folder to check against instead of the bundled one",
    "validate.skipped": "{path}: skipped: {reason}",
    "validate.not_record_like": "not an activity record (no organisation, period or activities)",
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
    "record.not_a_file": "not a regular file (a broken link, a pipe or a device): it cannot be checked",
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
    # --- rules and CLI messages ---
    # rule files: reading and YAML
    "rules.file_too_large": "the file is {size} bytes; a rule or interpretation file may be at most {limit} bytes "
    "(4 MiB)",
    "rules.file_grew": "the file grew past the size limit while it was read",
    "rules.not_utf8": "not UTF-8 text (byte {byte})",
    "rules.top_mapping": "expected a mapping at the top of the file",
    "overrides.none": "the override file overrides nothing: expected 'interpretations' with at least one entry "
    "(leave out --interpretations to use the rules' own readings)",
    "rules.source_hash": "{file} has sha256 {digest}, not the one recorded; the source text changed",
    "rules.pack_id_folder": "pack id {id!r} must equal its folder name {folder!r}",
    "rules.no_provisions": "the pack has no provisions (expected dieu-N.yaml files)",
    "rules.not_rule_folder": "not a rule folder: expected vocabulary.yaml in it",
    "rules.no_packs": "no rule pack in this folder: expected a folder holding pack.yaml in it",
    "rules.no_pack_yaml": "provisions (dieu-*.yaml) without pack.yaml: expected the instrument's pack.yaml "
    "beside them",
    "rules.unknown_pack": "unknown pack {pack!r}{hint} (known: {known})",
    "evaluate.unknown_pack": "unknown rule pack {pack!r}{hint} (known: {known})",
    "render.unknown_choice": "unknown {name} {value!r}{hint} (expected one of {choices})",
    "evaluate.no_territory_pack": "no rule pack governs territory {territory!r}{hint} (territories: "
    "{territories}); a record names its former province",
    "evaluate.former_territory": "; did you mean {names}, the former territory?",
    "yaml.invalid": "not valid YAML: {reason}",
    "yaml.empty": "the file is empty; expected a YAML mapping",
    "yaml.tag": "the tag {tag!r} is not allowed; rule files hold plain data",
    "yaml.alias": "YAML aliases are not allowed in rule files; write the value out",
    "yaml.not_a_number": "expected a number, such as 0.5",
    "yaml.not_an_integer": "expected a whole number, such as 12",
    "yaml.integer_too_long": "a whole number has at most {limit} digits",
    "yaml.not_a_boolean": "expected true or false",
    "yaml.not_a_date": "expected a date such as 2025-03-31",
    "yaml.key": "a mapping key must be a plain string",
    "yaml.duplicate_key": "duplicate key {key!r} (first at line {line}, column {column}); each key may appear once",
    "yaml.bad_value": "not a valid {tag} value {value}: {reason}",
    "yaml.characters": "{start}… ({count} characters)",
    "pattern.sha256_lower": "expected a sha256: 64 lower-case hexadecimal digits",
    "value.expected": "expected {rest}",
    "value.unknown_tag": "unknown {name} {tag!r}{hint} (expected one of: {expected})",
    "value.greater_than": "expected a number greater than {limit}",
    "value.less_than": "expected a number less than {limit}",
    "value.at_most": "expected a number less than or equal to {limit}",
    # rule files: what the models check
    "model.duration_form": "expected an ISO 8601 duration such as 'P3M', 'P30D' or 'P1Y', or working days first "
    "such as 'P10WD' or 'P10WD30D', got {text!r}",
    "model.duration_long": "the duration {text!r} is longer than a hundred years; at most P100Y ({months} months) "
    "and {days} days",
    "model.duration_working": "the duration {text!r} counts more than {limit} working days",
    "model.flag_value": "a flag interpretation's value must be 'yes' or 'no'; got {value!r}",
    "model.frequency_value": "a frequency interpretation's value must be one of {allowed}; got {value!r}",
    "model.dated_order": "a dated value ends ({until}) before it starts ({since})",
    "model.legal_source": "an interpretation with basis 'legal_source' must cite its source",
    "model.after_period_due": "a duty done after its period ends needs 'due': the interpretation saying how long "
    "after",
    "model.plan_due": "a plan for a period needs 'due': the interpretation saying how long after the period begins",
    "model.provision_text": "a provision needs its verbatim 'text' (or, for a titled Điều, its 'heading')",
    "model.provision_one_of": "a provision has either 'obligations' or 'non_operative' (with the reason), exactly "
    "one of them",
    # rule files: cross-checks
    "section.activity_types": "activity type",
    "section.bearers": "bearer",
    "section.event_types": "event type",
    "section.evidence_kinds": "evidence kind",
    "lint.duplicate_vocabulary_id": "duplicate {section} id {id!r}; ids must be unique",
    "lint.unknown_bearer_in": "unknown bearer {bearer!r} in {attribute}{hint}",
    "lint.unknown_bearer": "unknown bearer {bearer!r}{hint}",
    "lint.successor": "successor {id!r} must name a flag interpretation: {what}{hint}",
    "lint.no_such_interpretation": "no interpretation has this id",
    "lint.it_is_a": "it is a {kind}",
    "lint.duplicate_interpretation": "duplicate interpretation id {id!r}; interpretation ids are unique across all "
    "packs",
    "lint.legal_basis": "the legal basis is not quoted verbatim from the source",
    "lint.erratum": "the erratum's reading is not in the source",
    "lint.duplicate_provision": "duplicate provision id {id!r}",
    "lint.malformed_citation": "malformed citation {citation!r} for {provision}; expected {expected!r}",
    "lint.heading_not_verbatim": "the provision's heading is not verbatim in the source",
    "lint.text_not_verbatim": "the provision's text is not verbatim in the source",
    "lint.unknown_instrument": "unknown instrument {instrument!r}; expected the one the pack implements",
    "lint.duplicate_obligation": "duplicate obligation id {id!r} in {provision}",
    "lint.quote_not_verbatim": "the quote is not a verbatim part of {citation} (after NFC and white-space folding)",
    "lint.reference_modality": "modality 'reference' is for what the issuer cannot command: every bearer must be "
    "one the vocabulary marks 'answerable: false'",
    "lint.dangling": "dangling interpretation {id!r}: no interpretation has this id{hint}",
    "lint.interpretation_kind": "interpretation {id!r} is a {kind}; expected a {expected}",
    "lint.not_covered": "{citation} ({unit}) is not covered by any provision: {excerpt!r}",
    "lint.not_in_source": "provision {id!r} is not a unit of the source text",
    "lint.out_of_order": "provision {id!r} is out of the source's order",
    "lint.time_words": "the quote says {words} but the schedule is {schedule!r}; expected one of {allowed}",
    "lint.time_words_qualitative": "the quote says {words} but the schedule is qualitative; a note must say why "
    "this is a continuing effort rather than an act done regularly",
    "lint.force_words": "the quote says {word!r}: expected modality {expected!r}, not {modality!r}",
    "coverage.no_provision": "no provision in the pack",
    "coverage.words_differ": "the provision's words differ from the source",
    # interpretation overrides
    "interpretation.none": "no interpretation {id!r}{hint}",
    "interpretation.key_differs": "the key {key!r} differs from the interpretation's id {id!r}",
    "interpretation.not_one": (
        "expected an Interpretation (e.g. one of rulebook.interpretations with msgspec.structs.replace(...)), "
        "not a {got}; an override file is read with load_overrides()"
    ),
    "interpretation.twice": "interpretation {id!r} is overridden twice",
    "interpretation.unknown": "unknown interpretation {id!r} (an override must name one the rules have){hint}",
    "interpretation.other_kind": "interpretation {id!r} is a {kind}; the override gives a {given}",
    "interpretation.impossible": "interpretation {id!r} set to {value} would make {duty!r}{more} impossible: it "
    "would fall due before its window opens (the window opens the day after the period ends, or as long before "
    "the period begins as it is due after); give a delay of at least one day",
    "interpretation.more": " and {count} more",
    # rules list, lint, coverage, show
    "rules.no_such_path": "no such file or folder",
    "rules.not_rules": "not a rule folder or pack: expected vocabulary.yaml or pack.yaml",
    "rules.lint_problems": "{count} problem(s)",
    "rules.lint_ok": "ok: {packs} pack(s), {obligations} obligation(s), no problems",
    "rules.nothing_has_id": "nothing has the id {id!r}{hint}",
    "rules.list_no_number": "no.: (not given in the text)",
    "rules.list_effective": "in force from {date}",
    "rules.list_counts": "{provisions} provisions, {obligations} obligations, version {version}",
    "coverage.covered": "{pack}: {covered} of {total} provisions covered",
    "coverage.no_sub_units": "no sub-units",
    "coverage.by_schedule": "obligations by schedule: {counts}",
    "coverage.by_modality": "obligations by modality: {counts}",
    "coverage.non_operative": "non-operative provisions: {counts}",
    "coverage.uncovered": "UNCOVERED {citation} ({unit}): {problem}: {text}",
    "coverage.not_in_source": "NOT IN SOURCE {id}",
    "coverage.complete": "no uncovered text",
    "coverage.none": "none",
    # the words of rules coverage's counts: in English, the ids themselves
    "coverage.schedule.periodic": "periodic",
    "coverage.schedule.regular": "regular",
    "coverage.schedule.triggered": "triggered",
    "coverage.schedule.one_off": "one_off",
    "coverage.schedule.qualitative": "qualitative",
    "coverage.modality.duty": "duty",
    "coverage.modality.request": "request",
    "coverage.modality.encouragement": "encouragement",
    "coverage.modality.study": "study",
    "coverage.modality.reference": "reference",
    "coverage.non_operative.heading": "heading",
    "coverage.non_operative.scope": "scope",
    "coverage.non_operative.funding": "funding",
    "coverage.non_operative.reference": "reference",
    "coverage.non_operative.entry_into_force": "entry_into_force",
    "coverage.non_operative.goal": "goal",
    # check, output, template, import
    "check.unknown_status": "unknown status {status!r}; expected a comma-separated list of {statuses}, or none",
    "check.docx_one": "--format docx writes the report of one record; check one record at a time",
    "output.parent_is_file": "a parent folder is a file",
    "output.is_folder": "is a folder; expected a file",
    "output.over_input": "refusing to write the report over an input file",
    "output.into_rules": "refusing to write into the rule folder {folder}, which this run reads",
    "batch.cannot_write": "cannot write the reports: {reason}",
    "batch.not_folder": "is a file, not a folder: the reports of several records are written into a folder",
    "batch.cannot_remove": "{path}: warning: cannot remove an earlier run's report: {reason}",
    "batch.file": "file",
    "batch.files": "files",
    "batch.others": "{folder}: note: {count} {noun} not written by this run ({shown}); {manifest} lists the "
    "reports of this run",
    "batch.inside_input": "refusing to write reports inside the input folder {folder!r}: they would be read as "
    "records next time",
    "batch.holds_input": "refusing to write reports into a folder that holds a record of this run ({record}): "
    "they would be read as records next time",
    "template.terminal": "refusing to write a workbook to a terminal; give --output FILE.xlsx",
    "check.terminal": "refusing to write a .{ext} document to a terminal; give --output FILE.{ext}",
    "output.exists": "the file exists: refusing to write over it (it may hold work done by hand: a filled-in "
    "workbook, an edited record); use --force",
    "import.expected_files": "expected one .xlsx workbook, or one or more .csv files (the sheets of one record)",
    # --- record messages ---
    "word.or": " or ",
    "number.thousands": ",",
    "problems.more": "{count} more problem(s) in this file are not shown (only the first {limit} are reported); "
    "correct these and validate again",
    # the record's file and its JSON
    "json.too_large": "the file is {size} bytes; a record may be at most {limit} bytes (20 MiB): split it by period",
    "json.bom_utf16": "the file starts with a UTF-16 byte-order mark; save the file as UTF-8 (without BOM)",
    "json.not_utf8": "not UTF-8 text: byte 0x{byte} cannot start or continue a character; save the file as UTF-8",
    "json.not_a_number": "{name} is not a JSON number; write a number or null",
    "json.long_integer": "a number of more than {digits} digits",
    "json.too_deep": "nested deeper than {depth} levels; a record needs far fewer",
    "json.surrogate": "an unpaired \\uD800-\\uDFFF escape is not text",
    "json.duplicate_key": "duplicate key {key!r} (first at line {line}, column {column}); each key may appear once",
    # the standard library's JSON parser (its English words, kept as they were)
    "json.reason.value": "Expecting value",
    "json.reason.property_name": "Expecting property name enclosed in double quotes",
    "json.reason.comma": "Expecting ',' delimiter",
    "json.reason.colon": "Expecting ':' delimiter",
    "json.reason.extra_data": "Extra data",
    "json.reason.unterminated": "Unterminated string starting at",
    "json.reason.control": "Invalid control character at",
    "json.reason.escape": "Invalid \\escape",
    "json.reason.unicode_escape": "Invalid \\uXXXX escape",
    "json.reason.trailing_comma": "Illegal trailing comma before end of object or array",
    "record.bom_utf8": "the file starts with a UTF-8 byte-order mark (BOM), which is skipped; UTF-8 without BOM "
    "is preferred",
    "record.top_level": "expected a JSON object (an activity record) at the top of the file",
    "record.input_type": "expected a record as a path, bytes, a mapping or an ActivityRecord; got {type}",
    "record.no_json_in_folder": "no *.json files in this folder",
    "record.no_match": "no file matches this pattern",
    "record.is_report": "a report written by dancoso check, not an activity record: it is not checked as one "
    "(write reports with --output outside the folders of records)",
    "record.is_overview": "an overview written by dancoso check, not an activity record: it is not checked as one "
    "(write reports with --output outside the folders of records)",
    "record.empty_path": "an empty path names no record (it would be the current folder): expected a file, a folder, "
    "a pattern or -",
    # the schema's own rules
    "date.bad_year": "year {year} is out of range",
    "date.out_of_range": "a date must lie between {first} and {last}",
    "as_of.not_a_date": "expected the evaluation date as a datetime.date; got {got}",
    "as_of.out_of_range": "the evaluation date must lie between {first} and {last}, as a record's days do; "
    "got {got}",
    "period.out_of_range": "a period must lie between {first} and {last}",
    "report_period.written": "expected a report period written YYYY or YYYY-H1 / YYYY-H2 and a data window of "
    "{windows}; got {got}",
    "report_period.nd09_second_half": "Nghị định 09/2019/NĐ-CP sets data windows for the six-month report "
    "(15/12–14/6) and the yearly one (15/12–14/12), not for the second half; use {year} or {year}-H1",
    "report_period.out_of_range": "the report period must be in a year from {first} to {last}, as a record's "
    "periods are; got {got!r}",
    "period.label": "expected a period written '2025', '2025-H1', '2025-Q3' or '2025-07'",
    "period.ends_before_start": "the period ends ({end}) before it starts ({start})",
    "period.too_long": "the period {start}..{end} is longer than ten years; split the record by year",
    "evidence.no_reference": "evidence needs at least one of 'number', 'url' or 'file'",
    "activity.date_and_range": "give either 'date' or 'start' and 'end', not both",
    "activity.no_date": "an activity needs a 'date', or both 'start' and 'end'",
    "activity.ends_before_start": "the activity ends ({end}) before it starts ({start})",
    "event.resolved_before": "the event is resolved ({resolved}) before it happened ({date})",
    "event.extended_before": "the last day of the extended resolution period ({until}) is before the event "
    "({date})",
    "event.not_extensible": "only a complaint (complaint_received) or a denunciation (denunciation_received) may "
    "have a longer resolution period; this event is a {type}",
    "type.one_of": "expected {expected}",
    "type.exactly": "expected {expected}",
    "type.number_at_least": "expected a number greater than or equal to {minimum}",
    "type.at_most_characters": "expected at most {count} characters",
    "type.at_least_characters": "expected at least {count} characters",
    "pattern.slug": "expected an id of lower-case letters and digits joined by '_' or '-' (e.g. 'staff_conference')",
    "pattern.item_id": "expected an id of letters, digits and '.', '_', ':' or '-', beginning with a letter or digit",
    "pattern.url": "expected a web address beginning with http:// or https://, without spaces",
    "pattern.sha256": "expected a sha256: 64 hexadecimal digits",
    "pattern.other": "does not have the expected form (pattern {pattern})",
    # the record against the rulebook
    "record.level_mismatch": "level {level!r} does not fit kind {kind!r}, which is at level {levels}",
    "record.kind_enterprise": "kind 'enterprise' is read as a private enterprise: public-sector duties (citizen "
    'reception, a People\'s Inspection Board) do not bind it; a state-owned enterprise writes "kind": '
    '"state_owned_enterprise"',
    "record.bodies_undeclared": "activity {pointer} is work of a {body!r}, which 'bodies' does not list, so its "
    'duties are not assessed; add {body!r} to "bodies" (with "head_of_unit" and the other bodies it has)',
    "record.function_is_body": "{word!r} is a body: list it in 'bodies', not in 'functions'",
    "record.function_is_other": "{word!r} is a {category} in the vocabulary, not a kind or a competence "
    "(known: {known})",
    "record.kind_is_competence": "{word!r} is a competence, not a kind of organisation: keep the kind "
    "(known: {known}) and add {word!r} to 'functions'",
    "record.kind_is_other": "{word!r} is a {category} in the vocabulary, not a kind of organisation (known: {known})",
    "record.category.organisation": "organisation",
    "record.category.competence": "competence",
    "record.category.body": "body",
    "record.category.person": "person",
    "record.category.external": "external",
    "record.territory_merged": "{territory!r} is the province since {since}; 'territory' names the former "
    "province whose instruments govern the organisation: did you mean {names}? Keep {territory!r} in 'province'",
    "record.the_merger": "the merger",
    "record.no_pack_loaded": "none: no rule pack is loaded",
    "record.province_mismatch": "province {province!r} does not hold the former territory {territory!r}, which "
    "is part of {successors} today",
    "record.pack_territory": "pack {pack!r} governs {governs!r}, not the organisation's territory {territory!r}",
    "record.unknown_link": "unknown provision, obligation or event {target!r}{hint} (write '<pack>.<provision>', "
    "'<pack>.<provision>.<obligation>' or the id of an event of this record; see `dancoso rules show ID`)",
    "record.unknown_obligation": "unknown obligation {target!r}{hint} (write its full id "
    "'<pack>.<provision>.<obligation>'; see `dancoso rules show ID`)",
    "record.outside_period": "the activity ({when}) lies outside the record's period {start}..{end}; it may "
    "belong in the record of another period",
    # the spreadsheet (.xlsx, or the .csv files of its sheets)
    "sheet.control_character": (
        "a control character (or U+FFFE, U+FFFF) cannot be written to an Excel cell: {value!r};"
        " remove it from the record"
    ),
    "sheet.date": "expected a date written as a date cell or YYYY-MM-DD, got {value}",
    "sheet.whole_number": "expected a whole number, got {value}",
    "sheet.whole_number_inexact": (
        "Excel keeps only 15 digits of a number, so {value} may not be the number typed:"
        " type it as text (an apostrophe first: ')"
    ),
    "sheet.choice": "expected a word from the drop-down list{hint}, got {value}",
    "sheet.too_many_rows": "sheet {sheet!r} has more than {limit} rows",
    "sheet.csv_same_sheet": "{first} and {second} are both the sheet '{sheet}': give one .csv file for each sheet",
    "sheet.not_a_template_sheet": "not a sheet of the record template: expected the field keys on row 2 "
    "(of {tables}) or in column B (of {single})",
    "sheet.missing": "missing sheet {name!r} (the template's sheets are {expected}; found {present})",
    "sheet.former_and_current": "the workbook has both sheet {former!r}, the former name, and sheet {current!r}; "
    "keep one of them (the template's is {current!r})",
    "sheet.none": "none",
    "sheet.merged_cell": "cell {cell} is in the merged range {range}, read as empty (only its first cell, {first}, "
    "holds the value shown): {message}; unmerge the cells and fill in each one",
    "sheet.merged_row": " ({cells}: read as empty, only the first cell of a merged range holds its value; unmerge "
    "the cells and fill in each one)",
    "sheet.merged_in_range": "cell {cell} is in the merged range {range}",
    "sheet.unknown_field": "unknown field {key!r} (expected one of {keys})",
    "sheet.unknown_field_key": "unknown field key {key!r} in row 2 (expected one of {keys})",
    "sheet.no_keys": "expected the field keys in row 2 ({keys})",
    "sheet.owner": "expected what the document belongs to, one of {owners}",
    "sheet.owner_got": ", got {value}",
    "sheet.owner_missing": "missing required value: what the document belongs to ({owners})",
    "sheet.owner_id_missing": "missing required value: the id of the row of sheet {sheet!r} the document belongs to",
    "sheet.no_such_id": "no row of sheet {sheet!r} has the id {id!r}{hint}",
    "sheet.too_large": "{size} bytes: larger than a record can be ({limit})",
    "sheet.too_large_rows": "{reason}: larger than a record can be",
    "sheet.not_xlsx": "not an Excel workbook (.xlsx): {error}",
    "sheet.not_csv": "not a CSV file: {error}",
    "sheet.not_utf8": "not UTF-8 text (save the CSV as 'CSV UTF-8'): {reason} at byte {at}",
}

#: Tiếng Việt: văn phong hành chính, thuật ngữ theo ``GLOSSARY.md``.
VI: dict[str, str] = {
    "cli.description": "Nghĩa vụ thực hiện dân chủ ở cơ sở (Luật 10/2022/QH15) dưới dạng mã: quy tắc, hồ sơ, "
    "báo cáo.",
    "cli.version": "hiển thị phiên bản và thoát",
    "cli.exit_codes": "mã thoát:\n"
    "  0    thành công\n"
    "  1    đã đọc được đầu vào nhưng không đạt: hồ sơ không hợp lệ (validate,\n"
    "       import), có kết quả ở tình trạng nêu tại --fail-on (check), bộ quy tắc\n"
    "       có lỗi (rules lint), văn bản còn nội dung chưa bao quát (rules coverage)\n"
    "  2    dùng lệnh sai; đầu vào không đọc được; hồ sơ hoặc tham số không hợp lệ\n"
    "       (check, calendar, template); không ghi được kết quả\n"
    "  3    lỗi nội bộ của phần mềm, báo bằng một dòng kèm nơi báo lỗi\n"
    "  141  chương trình đọc đầu ra chuẩn đã dừng trước khi hết (| head)",
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
    "cli.cannot_write_stdout": "<stdout>: không ghi được kết quả: {reason}",
    "os.not_found": "không có tệp hoặc thư mục này",
    "os.denied": "không có quyền truy cập",
    "os.is_folder": "đây là thư mục, không phải tệp",
    "os.not_folder": "một phần của đường dẫn không phải là thư mục",
    "os.no_space": "ổ đĩa đã hết dung lượng",
    "os.read_only": "hệ thống tệp chỉ cho phép đọc",
    "os.name_too_long": "tên tệp quá dài",
    "os.exists": "tệp đã có",
    "os.loop": "đường dẫn có quá nhiều liên kết tượng trưng lồng nhau",
    "os.io": "lỗi đọc, ghi thiết bị",
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
    "help.as_of": "ngày đánh giá, YYYY-MM-DD, từ {first} đến {last} (mặc định: hôm nay)",
    "check.help.records": "hồ sơ hoạt động: tệp JSON, thư mục (mọi tệp *.json và *.jsonl bên trong), tệp JSON "
    "Lines, hoặc - để đọc từ đầu vào chuẩn (một hồ sơ, hoặc JSON Lines)",
    "check.help.interpretations": "tệp YAML hoặc JSON thay thế các nội dung diễn giải theo mã",
    "check.help.format": "định dạng của báo cáo (mặc định: text)",
    "check.help.output": "ghi báo cáo vào PATH (một thư mục, đã có hoặc kết thúc bằng /, nhận tệp "
    "MÃ-CƠ-QUAN.ĐUÔI); với nhiều hồ sơ: một thư mục chứa từng báo cáo, báo cáo tổng hợp và tệp kê "
    ".dancoso-run.json của lần chạy",
    "check.help.fail_on": "trả mã thoát 1 khi có kết quả ở một trong các trạng thái này (mặc định: {default}; "
    "'none': không bao giờ); báo cáo vẫn tính các nhiệm vụ không thực hiện và quá hạn là không đạt",
    "check.help.width": "độ rộng văn bản, từ {first} đến {last} cột (mặc định: COLUMNS, hoặc độ rộng của cửa "
    "sổ dòng lệnh)",
    "check.help.report_period": "docx: kỳ báo cáo, YYYY hoặc YYYY-H1 / YYYY-H2 (mặc định: năm kết thúc kỳ của "
    "hồ sơ)",
    "check.help.data_window": "docx: chia kỳ theo ngày dương lịch, hoặc theo thời gian chốt số liệu của "
    "NĐ 09/2019/NĐ-CP (15/12–14/6, 15/12–14/12; 6 tháng cuối năm không có thời gian chốt riêng) (mặc định: calendar)",
    "check.help.summary": "text, markdown, html: chỉ những việc cần làm và số liệu tổng hợp (markdown: bản rút "
    "gọn, dưới 65.536 ký tự của GitHub, dùng cho $GITHUB_STEP_SUMMARY)",
    "check.help.sarif_all": "với --format sarif: mọi kết quả (đúng hạn, không áp dụng, chưa đến hạn...), không chỉ "
    "các kết quả không đạt",
    "check.help.unit_sheets": "với --format xlsx cho nhiều hồ sơ: thêm mỗi cơ quan, đơn vị một trang trong sổ "
    "tổng hợp",
    "check.help.jobs": "khi kiểm tra nhiều hồ sơ: số tiến trình cùng kiểm tra (mặc định: số lõi "
    "được dùng); 1 là kiểm tra trong tiến trình này",
    "calendar.help.record": "một hồ sơ hoạt động (JSON hoặc .xlsx), hoặc - để đọc một hồ sơ JSON từ đầu vào chuẩn",
    "calendar.help.until": "bỏ các nhiệm vụ chưa đến hạn có hạn sau DATE (mặc định: giữ mọi nhiệm vụ trong kỳ "
    "của hồ sơ)",
    "calendar.help.days": "số ngày của lịch công tác, tính từ ngày đánh giá (text và markdown; mặc định: 30)",
    "calendar.help.format": "ics: tệp iCalendar; text hoặc markdown: lịch công tác (mặc định: ics)",
    "calendar.help.output": "ghi vào PATH thay cho đầu ra chuẩn (PATH/ hoặc một thư mục: PATH/<mã-cơ-quan>.ics, .md hoặc .txt)",
    "calendar.help.interpretations": "tệp YAML hoặc JSON thay thế các nội dung diễn giải",
    "template.help.output": "sổ cần ghi (mặc định: {default}; PATH/ hoặc một thư mục: tên đó trong thư mục; - để ghi ra đầu ra chuẩn)",
    "template.help.from": "điền sổ bằng hồ sơ này (JSON hoặc .xlsx): xuất hồ sơ ra Excel",
    "help.force": "ghi đè tệp đã có",
    "import.help.files": "một sổ .xlsx, hoặc các tệp .csv của các trang trong sổ (lưu dạng 'CSV UTF-8')",
    "import.help.output": "ghi hồ sơ JSON vào PATH (mặc định: đầu ra chuẩn; PATH/ hoặc một thư mục: PATH/<mã-cơ-quan>.json)",
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
    "rules.help.coverage": "mức độ các bộ quy tắc bao quát văn bản nguồn; trả mã thoát 1 khi còn nội dung "
    "chưa được bao quát",
    "rules.help.coverage_path": "thư mục quy tắc hoặc thư mục bộ quy tắc (mặc định: bộ kèm theo)",
    "rules.help.format": "text hoặc json",
    "arg.days": "cần số ngày từ 1 đến 3660; giá trị đã ghi: {got!r}",
    "arg.date": "cần một ngày có thật, ghi theo dạng YYYY-MM-DD; giá trị đã ghi: {got!r}",
    "arg.as_of": "cần ngày đánh giá trong khoảng từ {first} đến {last}, như các ngày ghi trong hồ sơ; "
    "giá trị đã ghi: {got!r}",
    "arg.width": "cần độ rộng từ {first} đến {last} cột; giá trị đã ghi: {got!r}",
    "arg.jobs": "cần số tiến trình ít nhất là 1; giá trị đã ghi: {got!r}",
    "arg.output_empty": "cần một tệp, một thư mục (PATH/) hoặc - để ghi ra đầu ra chuẩn; đường dẫn đã ghi để "
    "trống, sẽ trỏ vào thư mục hiện hành",
    "arg.period": "cần kỳ ghi theo dạng YYYY, YYYY-H1 hoặc YYYY-H2; giá trị đã ghi: {got!r}",
    "arg.period_years": "cần kỳ báo cáo thuộc một năm từ {first} đến {last}, như các kỳ ghi trong hồ sơ; "
    "giá trị đã ghi: {got!r}",
    "output.cannot_write": "không ghi được báo cáo: {reason}",
    "validate.help.paths": "tệp hồ sơ, tệp JSON Lines, thư mục (mọi tệp *.json và *.jsonl bên trong), mẫu tên "
    "tệp, hoặc - để đọc từ đầu vào chuẩn",
    "validate.help.format": "text (tệp:dòng:cột /con trỏ: thông báo), json, hoặc github (chú thích của GitHub "
    "Actions)",
    "validate.help.skip": "bỏ qua, kèm ghi chú, tệp JSON không phải hồ sơ hoạt động (không có cơ quan, đơn vị, "
    "kỳ báo cáo hoặc hoạt động)",
    "validate.help.rules": "thư mục quy tắc dùng để kiểm tra thay cho bộ quy tắc kèm theo",
    "validate.skipped": "{path}: bỏ qua: {reason}",
    "validate.not_record_like": "không phải hồ sơ hoạt động (không có cơ quan, đơn vị, kỳ báo cáo hoặc hoạt động)",
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
    "record.not_a_file": "không phải là tệp thông thường (liên kết hỏng, ống dẫn hoặc thiết bị), không kiểm tra được",
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
    # --- rules and CLI messages ---
    "rules.file_too_large": "tệp có {size} byte; tệp quy tắc hoặc tệp diễn giải chỉ được tối đa {limit} byte "
    "(4 MiB)",
    "rules.file_grew": "tệp tăng kích thước vượt giới hạn trong khi đang đọc",
    "rules.not_utf8": "không phải văn bản mã hóa UTF-8 (byte thứ {byte})",
    "rules.top_mapping": "đầu tệp phải là một bảng ánh xạ (các cặp khóa và giá trị)",
    "overrides.none": "tệp diễn giải không thay thế nội dung diễn giải nào: cần mục 'interpretations' có ít nhất "
    "một nội dung (bỏ --interpretations nếu dùng các nội dung diễn giải của bộ quy tắc)",
    "rules.source_hash": "mã sha256 của {file} là {digest}, khác với mã đã ghi nhận; văn bản nguồn đã bị thay đổi",
    "rules.pack_id_folder": "mã bộ quy tắc {id!r} phải trùng với tên thư mục {folder!r}",
    "rules.no_provisions": "bộ quy tắc chưa có quy định nào (cần các tệp dieu-N.yaml)",
    "rules.not_rule_folder": "không phải thư mục quy tắc: thư mục phải có tệp vocabulary.yaml",
    "rules.no_packs": "thư mục không có bộ quy tắc nào: cần một thư mục con có tệp pack.yaml",
    "rules.no_pack_yaml": "có các quy định (dieu-*.yaml) nhưng thiếu pack.yaml: cần tệp pack.yaml của văn bản "
    "đặt cùng thư mục",
    "rules.unknown_pack": "không có bộ quy tắc {pack!r}{hint} (các bộ hiện có: {known})",
    "evaluate.unknown_pack": "không có bộ quy tắc {pack!r}{hint} (các bộ hiện có: {known})",
    "render.unknown_choice": "giá trị {value!r} của {name} không hợp lệ{hint} (cần một trong các giá trị: {choices})",
    "evaluate.no_territory_pack": "không có bộ quy tắc nào áp dụng cho địa bàn {territory!r}{hint} (các địa bàn: "
    "{territories}); hồ sơ ghi tỉnh trước sắp xếp",
    "evaluate.former_territory": "; có phải là {names}, địa bàn trước sắp xếp?",
    "yaml.invalid": "không phải YAML hợp lệ: {reason}",
    "yaml.empty": "tệp trống; cần một bảng ánh xạ YAML",
    "yaml.tag": "không được dùng thẻ {tag!r}; tệp quy tắc chỉ chứa dữ liệu thuần",
    "yaml.alias": "không được dùng bí danh YAML trong tệp quy tắc; đề nghị ghi đầy đủ giá trị",
    "yaml.not_a_number": "cần một số, ví dụ 0.5",
    "yaml.not_an_integer": "cần một số nguyên, ví dụ 12",
    "yaml.integer_too_long": "số nguyên có nhiều nhất {limit} chữ số",
    "yaml.not_a_boolean": "cần true hoặc false",
    "yaml.not_a_date": "cần một ngày, ví dụ 2025-03-31",
    "yaml.key": "khóa của bảng ánh xạ phải là một chuỗi văn bản thông thường",
    "yaml.duplicate_key": "khóa {key!r} bị trùng (đã có tại dòng {line}, cột {column}); mỗi khóa chỉ được ghi "
    "một lần",
    "yaml.bad_value": "giá trị {value} không hợp lệ với kiểu {tag}: {reason}",
    "yaml.characters": "{start}… ({count} ký tự)",
    "pattern.sha256_lower": "cần một mã băm sha256: 64 chữ số hệ mười sáu viết thường",
    "value.expected": "cần giá trị {rest}",
    "value.unknown_tag": "giá trị {tag!r} của mục {name} không hợp lệ{hint} (các giá trị hợp lệ: {expected})",
    "value.greater_than": "cần một số lớn hơn {limit}",
    "value.less_than": "cần một số nhỏ hơn {limit}",
    "value.at_most": "cần một số nhỏ hơn hoặc bằng {limit}",
    "model.duration_form": "cần một khoảng thời gian theo ISO 8601 như 'P3M', 'P30D' hoặc 'P1Y', hoặc số ngày làm "
    "việc ghi trước như 'P10WD' hoặc 'P10WD30D'; giá trị đã ghi: {text!r}",
    "model.duration_long": "khoảng thời gian {text!r} dài hơn một trăm năm; tối đa P100Y ({months} tháng) và "
    "{days} ngày",
    "model.duration_working": "khoảng thời gian {text!r} vượt quá {limit} ngày làm việc",
    "model.flag_value": "giá trị của nội dung diễn giải loại 'flag' phải là 'yes' hoặc 'no'; giá trị đã ghi: "
    "{value!r}",
    "model.frequency_value": "giá trị của nội dung diễn giải loại 'frequency' phải là một trong: {allowed}; giá trị "
    "đã ghi: {value!r}",
    "model.dated_order": "giá trị theo thời gian có ngày kết thúc ({until}) trước ngày bắt đầu ({since})",
    "model.legal_source": "nội dung diễn giải có căn cứ 'legal_source' phải ghi văn bản làm căn cứ",
    "model.after_period_due": "nhiệm vụ thực hiện sau khi kết thúc kỳ phải có 'due': nội dung diễn giải về thời "
    "hạn sau kỳ",
    "model.plan_due": "kế hoạch của một kỳ phải có 'due': nội dung diễn giải về thời hạn tính từ ngày bắt đầu kỳ",
    "model.provision_text": "quy định phải có 'text' nguyên văn (hoặc, với Điều có tên, 'heading')",
    "model.provision_one_of": "quy định phải có đúng một trong hai mục: 'obligations' hoặc 'non_operative' (kèm "
    "lý do)",
    "section.activity_types": "loại hoạt động",
    "section.bearers": "chủ thể thực hiện",
    "section.event_types": "loại sự việc",
    "section.evidence_kinds": "loại tài liệu kiểm chứng",
    "lint.duplicate_vocabulary_id": "mã {section} {id!r} bị trùng; mỗi mã chỉ được dùng một lần",
    "lint.unknown_bearer_in": "chủ thể thực hiện {bearer!r} tại mục {attribute} không có trong danh mục{hint}",
    "lint.unknown_bearer": "chủ thể thực hiện {bearer!r} không có trong danh mục{hint}",
    "lint.successor": "mục 'successor' {id!r} phải là mã của một nội dung diễn giải loại 'flag' (có/không): "
    "{what}{hint}",
    "lint.no_such_interpretation": "không có nội dung diễn giải nào mang mã này",
    "lint.it_is_a": "nội dung diễn giải này thuộc loại {kind}",
    "lint.duplicate_interpretation": "mã nội dung diễn giải {id!r} bị trùng; mã nội dung diễn giải không được "
    "trùng nhau giữa các bộ quy tắc",
    "lint.legal_basis": "căn cứ pháp lý không được trích nguyên văn từ văn bản nguồn",
    "lint.erratum": "nội dung đính chính không có trong văn bản nguồn",
    "lint.duplicate_provision": "mã quy định {id!r} bị trùng",
    "lint.malformed_citation": "trích dẫn điều khoản {citation!r} của {provision} ghi sai; cần ghi {expected!r}",
    "lint.heading_not_verbatim": "tên điều của quy định không trùng nguyên văn với văn bản nguồn",
    "lint.text_not_verbatim": "nội dung của quy định không trùng nguyên văn với văn bản nguồn",
    "lint.unknown_instrument": "văn bản {instrument!r} không hợp lệ; cần ghi văn bản mà bộ quy tắc hướng dẫn "
    "thi hành",
    "lint.duplicate_obligation": "mã nghĩa vụ {id!r} bị trùng trong {provision}",
    "lint.quote_not_verbatim": "đoạn trích không phải nguyên văn một phần của {citation} (sau khi chuẩn hóa NFC "
    "và khoảng trắng)",
    "lint.reference_modality": "tính chất 'reference' chỉ dành cho nội dung cơ quan ban hành không có thẩm quyền "
    "giao: mọi chủ thể thực hiện phải được danh mục ghi 'answerable: false'",
    "lint.dangling": "nội dung diễn giải {id!r} không tồn tại: không có nội dung diễn giải nào mang mã này{hint}",
    "lint.interpretation_kind": "nội dung diễn giải {id!r} thuộc loại {kind}; cần loại {expected}",
    "lint.not_covered": "{citation} ({unit}) chưa được quy định nào thể hiện: {excerpt!r}",
    "lint.not_in_source": "quy định {id!r} không tương ứng với đơn vị nào của văn bản nguồn",
    "lint.out_of_order": "quy định {id!r} không theo đúng thứ tự của văn bản nguồn",
    "lint.time_words": "đoạn trích ghi {words} nhưng tần suất là {schedule!r}; cần một trong các tần suất: "
    "{allowed}",
    "lint.time_words_qualitative": "đoạn trích ghi {words} nhưng nội dung được đánh giá định tính; cần ghi chú "
    "nêu lý do đây là yêu cầu duy trì liên tục, không phải việc làm theo kỳ",
    "lint.force_words": "đoạn trích ghi {word!r}: tính chất phải là {expected!r}, không phải {modality!r}",
    "coverage.no_provision": "bộ quy tắc chưa có quy định tương ứng",
    "coverage.words_differ": "câu chữ của quy định khác với văn bản nguồn",
    "interpretation.none": "không có nội dung diễn giải {id!r}{hint}",
    "interpretation.key_differs": "khóa {key!r} khác với mã của nội dung diễn giải {id!r}",
    "interpretation.not_one": (
        "cần một Interpretation (ví dụ một phần tử của rulebook.interpretations, sửa bằng "
        "msgspec.structs.replace(...)), không phải {got}; tệp diễn giải thay thế được đọc bằng load_overrides()"
    ),
    "interpretation.twice": "nội dung diễn giải {id!r} bị thay thế hai lần",
    "interpretation.unknown": "nội dung diễn giải {id!r} không có trong bộ quy tắc (nội dung thay thế phải ghi mã "
    "của một nội dung diễn giải đã có){hint}",
    "interpretation.other_kind": "nội dung diễn giải {id!r} thuộc loại {kind}; nội dung thay thế lại thuộc loại "
    "{given}",
    "interpretation.impossible": "đặt nội dung diễn giải {id!r} bằng {value} sẽ làm nhiệm vụ {duty!r}{more} "
    "không thể thực hiện đúng hạn: hạn thực hiện sẽ đến trước khi bắt đầu thời gian thực hiện (thời gian thực "
    "hiện bắt đầu từ ngày sau khi kết thúc kỳ, hoặc trước ngày bắt đầu kỳ một khoảng bằng thời hạn sau kỳ); "
    "đề nghị đặt thời hạn ít nhất một ngày",
    "interpretation.more": " và {count} nhiệm vụ khác",
    "rules.no_such_path": "không có tệp hoặc thư mục này",
    "rules.not_rules": "không phải thư mục quy tắc hoặc bộ quy tắc: cần có tệp vocabulary.yaml hoặc pack.yaml",
    "rules.lint_problems": "{count} vấn đề",
    "rules.lint_ok": "đạt: {packs} bộ quy tắc, {obligations} nghĩa vụ, không có vấn đề",
    "rules.nothing_has_id": "không có nội dung nào mang mã {id!r}{hint}",
    "rules.list_no_number": "số: (không ghi trong văn bản)",
    "rules.list_effective": "có hiệu lực từ ngày {date}",
    "rules.list_counts": "{provisions} quy định, {obligations} nghĩa vụ, phiên bản {version}",
    "coverage.covered": "{pack}: đã thể hiện {covered}/{total} quy định",
    "coverage.no_sub_units": "không có đơn vị nhỏ hơn",
    "coverage.by_schedule": "nghĩa vụ theo tần suất: {counts}",
    "coverage.by_modality": "nghĩa vụ theo tính chất: {counts}",
    "coverage.non_operative": "quy định không đặt ra nghĩa vụ: {counts}",
    "coverage.uncovered": "CHƯA THỂ HIỆN {citation} ({unit}): {problem}: {text}",
    "coverage.not_in_source": "KHÔNG CÓ TRONG VĂN BẢN NGUỒN {id}",
    "coverage.complete": "đã thể hiện toàn bộ văn bản",
    "coverage.none": "không có",
    "coverage.schedule.periodic": "định kỳ",
    "coverage.schedule.regular": "thường xuyên",
    "coverage.schedule.triggered": "khi phát sinh",
    "coverage.schedule.one_off": "một lần",
    "coverage.schedule.qualitative": "định tính",
    "coverage.modality.duty": "nhiệm vụ",
    "coverage.modality.request": "đề nghị",
    "coverage.modality.encouragement": "khuyến khích",
    "coverage.modality.study": "nghiên cứu",
    "coverage.modality.reference": "dẫn chiếu (không ràng buộc)",
    "coverage.non_operative.heading": "tên điều hoặc câu dẫn",
    "coverage.non_operative.scope": "phạm vi, đối tượng áp dụng",
    "coverage.non_operative.funding": "kinh phí",
    "coverage.non_operative.reference": "dẫn chiếu văn bản khác",
    "coverage.non_operative.entry_into_force": "hiệu lực thi hành",
    "coverage.non_operative.goal": "mục tiêu",
    "check.unknown_status": "tình trạng {status!r} không hợp lệ; cần danh sách các tình trạng, cách nhau bằng "
    "dấu phẩy, trong số: {statuses}, hoặc none",
    "check.docx_one": "--format docx chỉ lập báo cáo của một hồ sơ; đề nghị kiểm tra từng hồ sơ một",
    "output.parent_is_file": "một thư mục cha là tệp",
    "output.is_folder": "là thư mục; cần một tệp",
    "output.over_input": "không ghi báo cáo đè lên tệp đầu vào",
    "output.into_rules": "không ghi vào thư mục bộ quy tắc {folder} mà lần chạy này đọc",
    "batch.cannot_write": "không ghi được các báo cáo: {reason}",
    "batch.not_folder": "là một tệp, không phải thư mục: báo cáo của nhiều hồ sơ được ghi vào một thư mục",
    "batch.cannot_remove": "{path}: cảnh báo: không xóa được báo cáo của lần chạy trước: {reason}",
    "batch.file": "tệp",
    "batch.files": "tệp",
    "batch.others": "{folder}: ghi chú: {count} {noun} không do lần chạy này ghi ({shown}); {manifest} liệt kê "
    "các báo cáo của lần chạy này",
    "batch.inside_input": "không ghi báo cáo vào bên trong thư mục đầu vào {folder!r}: lần chạy sau sẽ đọc "
    "chúng như hồ sơ",
    "batch.holds_input": "không ghi báo cáo vào thư mục đang chứa hồ sơ của lần chạy này ({record}): lần chạy "
    "sau sẽ đọc chúng như hồ sơ",
    "template.terminal": "không ghi sổ Excel ra cửa sổ dòng lệnh; đề nghị ghi --output TỆP.xlsx",
    "check.terminal": "không ghi tệp .{ext} ra cửa sổ dòng lệnh; đề nghị ghi --output TỆP.{ext}",
    "output.exists": "tệp đã có: không ghi đè (tệp có thể chứa nội dung đã nhập tay: sổ đã điền, hồ sơ đã sửa); "
    "dùng --force để ghi đè",
    "import.expected_files": "cần một sổ .xlsx, hoặc một hay nhiều tệp .csv (các trang của một hồ sơ)",
    # --- record messages ---
    "word.or": " hoặc ",
    "number.thousands": ".",
    "problems.more": "còn {count} vấn đề khác trong tệp này không được hiển thị (chỉ báo {limit} vấn đề đầu tiên); "
    "đề nghị sửa các vấn đề này rồi kiểm tra lại",
    "json.too_large": "tệp có dung lượng {size} byte; mỗi hồ sơ tối đa {limit} byte (20 MiB): đề nghị tách hồ sơ "
    "theo kỳ báo cáo",
    "json.bom_utf16": "tệp bắt đầu bằng dấu thứ tự byte (BOM) UTF-16; đề nghị lưu tệp dưới dạng UTF-8 "
    "(không có BOM)",
    "json.not_utf8": "không phải văn bản UTF-8: byte 0x{byte} không thể bắt đầu hoặc tiếp nối một ký tự; đề nghị "
    "lưu tệp dưới dạng UTF-8",
    "json.not_a_number": "{name} không phải là số trong JSON; đề nghị ghi một số hoặc null",
    "json.long_integer": "số có hơn {digits} chữ số",
    "json.too_deep": "dữ liệu lồng nhau quá {depth} cấp; một hồ sơ chỉ cần ít cấp hơn nhiều",
    "json.surrogate": "chuỗi thoát \\uD800-\\uDFFF đứng riêng lẻ, không thành cặp, không phải là văn bản",
    "json.duplicate_key": "khóa {key!r} bị trùng (đã có tại dòng {line}, cột {column}); mỗi khóa chỉ được ghi "
    "một lần",
    "json.reason.value": "thiếu giá trị tại vị trí này",
    "json.reason.property_name": "cần tên trường đặt trong dấu nháy kép",
    "json.reason.comma": "thiếu dấu phẩy ','",
    "json.reason.colon": "thiếu dấu hai chấm ':'",
    "json.reason.extra_data": "có dữ liệu thừa sau hồ sơ",
    "json.reason.unterminated": "chuỗi văn bản thiếu dấu nháy đóng, bắt đầu tại đây",
    "json.reason.control": "ký tự điều khiển trong chuỗi văn bản",
    "json.reason.escape": "chuỗi thoát \\ không hợp lệ",
    "json.reason.unicode_escape": "chuỗi thoát \\uXXXX không hợp lệ",
    "json.reason.trailing_comma": "dấu phẩy thừa trước dấu đóng đối tượng hoặc danh sách",
    "record.bom_utf8": "tệp bắt đầu bằng dấu thứ tự byte (BOM) UTF-8, dấu này được bỏ qua; nên lưu tệp dưới dạng "
    "UTF-8 không có BOM",
    "record.top_level": "đầu tệp phải là một đối tượng JSON (một hồ sơ hoạt động)",
    "record.input_type": "hồ sơ phải được cung cấp dưới dạng đường dẫn, bytes, mapping hoặc ActivityRecord; "
    "đã nhận {type}",
    "record.no_json_in_folder": "thư mục này không có tệp *.json nào",
    "record.no_match": "không có tệp nào khớp với mẫu này",
    "record.is_report": "báo cáo do dancoso check ghi, không phải hồ sơ hoạt động: không kiểm tra như hồ sơ (đề "
    "nghị ghi báo cáo bằng --output ra ngoài các thư mục hồ sơ)",
    "record.is_overview": "bảng tổng hợp do dancoso check ghi, không phải hồ sơ hoạt động: không kiểm tra như hồ sơ "
    "(đề nghị ghi báo cáo bằng --output ra ngoài các thư mục hồ sơ)",
    "record.empty_path": "đường dẫn trống không chỉ hồ sơ nào (sẽ trỏ vào thư mục hiện hành): cần một tệp, một thư "
    "mục, một mẫu tên tệp hoặc -",
    "date.bad_year": "năm {year} nằm ngoài phạm vi cho phép",
    "date.out_of_range": "ngày phải nằm trong khoảng từ {first} đến {last}",
    "as_of.not_a_date": "ngày đánh giá phải là một datetime.date; nhận được {got}",
    "as_of.out_of_range": "ngày đánh giá phải nằm trong khoảng từ {first} đến {last}, như các ngày ghi trong "
    "hồ sơ; giá trị đã ghi: {got}",
    "period.out_of_range": "kỳ phải nằm trong khoảng từ {first} đến {last}",
    "report_period.written": "cần kỳ báo cáo ghi theo dạng YYYY hoặc YYYY-H1 / YYYY-H2 và cách chốt số liệu "
    "là {windows}; giá trị đã ghi: {got}",
    "report_period.nd09_second_half": "Nghị định 09/2019/NĐ-CP chỉ quy định thời gian chốt số liệu cho báo cáo "
    "6 tháng (15/12–14/6) và báo cáo năm (15/12–14/12), không có cho 6 tháng cuối năm; đề nghị dùng {year} hoặc "
    "{year}-H1",
    "report_period.out_of_range": "kỳ báo cáo phải thuộc một năm từ {first} đến {last}, như các kỳ ghi trong "
    "hồ sơ; giá trị đã ghi: {got!r}",
    "period.label": "cần kỳ ghi theo dạng '2025', '2025-H1', '2025-Q3' hoặc '2025-07'",
    "period.ends_before_start": "kỳ báo cáo kết thúc ({end}) trước ngày bắt đầu ({start})",
    "period.too_long": "kỳ báo cáo {start}..{end} dài hơn mười năm; đề nghị tách hồ sơ theo từng năm",
    "evidence.no_reference": "tài liệu kiểm chứng phải có ít nhất một trong các trường 'number', 'url' hoặc 'file'",
    "activity.date_and_range": "chỉ ghi 'date', hoặc 'start' và 'end'; không ghi đồng thời cả hai",
    "activity.no_date": "hoạt động phải có 'date', hoặc có đủ 'start' và 'end'",
    "activity.ends_before_start": "hoạt động kết thúc ({end}) trước ngày bắt đầu ({start})",
    "event.resolved_before": "sự việc được giải quyết ({resolved}) trước ngày phát sinh ({date})",
    "event.extended_before": "ngày cuối của thời hạn giải quyết được kéo dài ({until}) trước ngày tiếp nhận sự "
    "việc ({date})",
    "event.not_extensible": "chỉ khiếu nại (complaint_received) và tố cáo (denunciation_received) mới được kéo "
    "dài, gia hạn thời hạn giải quyết; sự việc này thuộc loại {type}",
    "type.one_of": "cần một trong các giá trị {expected}",
    "type.exactly": "cần giá trị {expected}",
    "type.number_at_least": "cần một số lớn hơn hoặc bằng {minimum}",
    "type.at_most_characters": "cần tối đa {count} ký tự",
    "type.at_least_characters": "cần ít nhất {count} ký tự",
    "pattern.slug": "cần một mã gồm chữ thường không dấu và chữ số, nối bằng '_' hoặc '-' (ví dụ 'staff_conference')",
    "pattern.item_id": "cần một mã gồm chữ cái không dấu, chữ số và các ký tự '.', '_', ':', '-', bắt đầu bằng "
    "chữ cái hoặc chữ số",
    "pattern.url": "cần một địa chỉ trang web bắt đầu bằng http:// hoặc https://, không có dấu cách",
    "pattern.sha256": "cần một mã băm sha256: 64 chữ số hệ mười sáu",
    "pattern.other": "không đúng dạng quy định (mẫu {pattern})",
    "record.level_mismatch": "cấp {level!r} không phù hợp với loại {kind!r}, là loại thuộc cấp {levels}",
    "record.kind_enterprise": "loại 'enterprise' được hiểu là doanh nghiệp ngoài nhà nước: các nghĩa vụ của khu "
    'vực công (tiếp công dân, Ban Thanh tra nhân dân) không áp dụng; doanh nghiệp nhà nước ghi "kind": '
    '"state_owned_enterprise"',
    "record.bodies_undeclared": "hoạt động {pointer} là công việc của {body!r}, nhưng 'bodies' không liệt kê tổ "
    'chức này nên các nghĩa vụ tương ứng không được đánh giá; đề nghị bổ sung {body!r} vào "bodies" (cùng '
    '"head_of_unit" và các tổ chức khác mà cơ quan, đơn vị có)',
    "record.function_is_body": "{word!r} là một tổ chức, bộ phận: ghi vào 'bodies', không ghi vào 'functions'",
    "record.function_is_other": "{word!r} là {category} trong danh mục, không phải loại cơ quan, đơn vị hoặc "
    "thẩm quyền (các giá trị hợp lệ: {known})",
    "record.kind_is_competence": "{word!r} là một thẩm quyền, không phải loại cơ quan, đơn vị: giữ nguyên loại "
    "(các giá trị hợp lệ: {known}) và bổ sung {word!r} vào 'functions'",
    "record.kind_is_other": "{word!r} là {category} trong danh mục, không phải loại cơ quan, đơn vị "
    "(các giá trị hợp lệ: {known})",
    "record.category.organisation": "một loại cơ quan, tổ chức",
    "record.category.competence": "một thẩm quyền",
    "record.category.body": "một tổ chức, bộ phận",
    "record.category.person": "một cá nhân, chức danh",
    "record.category.external": "một tổ chức bên ngoài",
    "record.territory_merged": "{territory!r} là tỉnh từ {since}; 'territory' ghi tỉnh trước sắp xếp có văn bản "
    "áp dụng cho cơ quan, đơn vị: có phải là {names}? Giữ {territory!r} tại 'province'",
    "record.the_merger": "khi sắp xếp",
    "record.no_pack_loaded": "không có: chưa nạp bộ quy tắc nào",
    "record.province_mismatch": "tỉnh {province!r} không bao gồm địa bàn tỉnh cũ {territory!r}; địa bàn này nay "
    "thuộc {successors}",
    "record.pack_territory": "bộ quy tắc {pack!r} áp dụng cho {governs!r}, không phải địa bàn {territory!r} của "
    "cơ quan, đơn vị",
    "record.unknown_link": "quy định, nghĩa vụ hoặc sự việc {target!r} không hợp lệ{hint} (ghi '<pack>.<provision>', "
    "'<pack>.<provision>.<obligation>' hoặc mã của một sự việc trong hồ sơ này; xem `dancoso rules show ID`)",
    "record.unknown_obligation": "nghĩa vụ {target!r} không hợp lệ{hint} (ghi đầy đủ mã "
    "'<pack>.<provision>.<obligation>'; xem `dancoso rules show ID`)",
    "record.outside_period": "hoạt động ({when}) nằm ngoài kỳ báo cáo của hồ sơ {start}..{end}; có thể hoạt động "
    "này thuộc hồ sơ của kỳ khác",
    "sheet.control_character": (
        "không thể ghi ký tự điều khiển (hoặc U+FFFE, U+FFFF) vào ô Excel: {value!r};"
        " đề nghị xóa ký tự đó khỏi hồ sơ"
    ),
    "sheet.date": "cần một ngày, nhập dạng ô ngày tháng hoặc YYYY-MM-DD; giá trị đã ghi: {value}",
    "sheet.whole_number": "cần một số nguyên; giá trị đã ghi: {value}",
    "sheet.whole_number_inexact": (
        "Excel chỉ giữ 15 chữ số của một số, nên {value} có thể không đúng số đã nhập:"
        " đề nghị nhập dưới dạng văn bản (gõ dấu ' ở đầu)"
    ),
    "sheet.choice": "cần một giá trị trong danh sách chọn{hint}; giá trị đã ghi: {value}",
    "sheet.too_many_rows": "trang tính {sheet!r} có quá {limit} dòng",
    "sheet.csv_same_sheet": "{first} và {second} đều là trang tính '{sheet}': mỗi trang tính chỉ được có một tệp .csv",
    "sheet.not_a_template_sheet": "không phải trang tính của mẫu hồ sơ: cần các mã trường ở dòng 2 (của {tables}) "
    "hoặc ở cột B (của {single})",
    "sheet.missing": "thiếu trang tính {name!r} (mẫu gồm các trang tính {expected}; tệp có {present})",
    "sheet.former_and_current": "tệp có cả trang tính {former!r} (tên cũ) và trang tính {current!r}; "
    "chỉ giữ một trong hai (mẫu hiện hành dùng {current!r})",
    "sheet.none": "không có",
    "sheet.merged_cell": "ô {cell} nằm trong vùng gộp {range} nên được đọc như ô trống (chỉ ô đầu {first} giữ giá "
    "trị hiển thị): {message}; đề nghị bỏ gộp ô và ghi giá trị vào từng ô",
    "sheet.merged_row": " ({cells}: được đọc như ô trống, vì chỉ ô đầu của vùng gộp giữ giá trị; đề nghị bỏ gộp ô "
    "và ghi giá trị vào từng ô)",
    "sheet.merged_in_range": "ô {cell} nằm trong vùng gộp {range}",
    "sheet.unknown_field": "mã trường {key!r} không hợp lệ (cần một trong các mã {keys})",
    "sheet.unknown_field_key": "mã trường {key!r} ở dòng 2 không hợp lệ (cần một trong các mã {keys})",
    "sheet.no_keys": "cần các mã trường ở dòng 2 ({keys})",
    "sheet.owner": "cần ghi tài liệu thuộc về mục nào, một trong các giá trị {owners}",
    "sheet.owner_got": "; giá trị đã ghi: {value}",
    "sheet.owner_missing": "thiếu giá trị bắt buộc: tài liệu thuộc về mục nào ({owners})",
    "sheet.owner_id_missing": "thiếu giá trị bắt buộc: mã của dòng trong trang tính {sheet!r} mà tài liệu thuộc về",
    "sheet.no_such_id": "không có dòng nào trong trang tính {sheet!r} có mã {id!r}{hint}",
    "sheet.too_large": "{size} byte: lớn hơn dung lượng tối đa của một hồ sơ ({limit})",
    "sheet.too_large_rows": "{reason}: lớn hơn dung lượng tối đa của một hồ sơ",
    "sheet.not_xlsx": "không phải sổ Excel (.xlsx): {error}",
    "sheet.not_csv": "không phải tệp CSV: {error}",
    "sheet.not_utf8": "không phải văn bản UTF-8 (đề nghị lưu tệp dưới dạng 'CSV UTF-8'): {reason} tại byte {at}",
}
