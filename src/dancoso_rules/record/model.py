"""The activity record: what an organisation did, when, with which documents, over one period.

This is the format an officer fills in (or exports) and checks in CI; its JSON Schema
(``schemas/activity-record.schema.json``) is generated from these models. Dates are ISO 8601
calendar dates written as strings (``"2025-03-31"``); numbers are never taken for dates.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, model_validator

from dancoso_rules.i18n import tr
from dancoso_rules.model.derive import Derived, Slug, Text
from dancoso_rules.model.schedule import PERIOD_LABEL, labelled_period
from dancoso_rules.record.bounds import MAX_DATE as MAX_DATE
from dancoso_rules.record.bounds import MAX_PERIOD_MONTHS as MAX_PERIOD_MONTHS
from dancoso_rules.record.bounds import MIN_DATE as MIN_DATE
from dancoso_rules.record.bounds import covers_in_bounds as covers_in_bounds
from dancoso_rules.record.bounds import period_too_long as period_too_long
from dancoso_rules.record.extensions import LONGEST_EXTENSION
from dancoso_rules.record.view import ActivityDays

RECORD_SCHEMA_ID = "urn:dancoso-rules:schema:activity-record:1"

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits, as the schema's \d
#: The id of an activity, event or attestation: letters, digits and ``._:-``, as other systems write them.
ITEM_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
#: A web address of published evidence.
URL_PATTERN = r"^https?://\S+$"
#: A file's sha256, in either case.
SHA256_PATTERN = r"^[0-9a-fA-F]{64}$"
#: Dates already read, by their exact text: the records of a year repeat the same few hundred days,
#: and a record has two dates an activity. Only valid dates are kept, and only so many.
_READ: dict[str, dt.date] = {}
_READ_MAX = 8192


def _iso_date(value: Any) -> Any:
    if value.__class__ is str:
        found = _READ.get(value)
        if found is not None:
            return found
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError(tr("date.format"))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(tr("date.not_a_date", reason=_why_not_a_date(value))) from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValueError(tr("date.out_of_range", first=MIN_DATE, last=MAX_DATE))
    if value.__class__ is str and len(_READ) < _READ_MAX:
        _READ[value] = day
    return day


def _why_not_a_date(value: str) -> str:
    """Why ``YYYY-MM-DD`` is no day, in the current language (Python says it in English only)."""
    year, month = int(value[:4]), int(value[5:7])
    if year >= 1 and not 1 <= month <= 12:
        return tr("date.bad_month")
    if year >= 1:
        return tr("date.bad_day")
    return tr("date.bad_year", year=year)


#: A calendar date written ``YYYY-MM-DD`` in the JSON.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _period_label(value: str) -> str:
    try:
        labelled_period(value)
    except ValueError:
        raise ValueError(tr("period.label")) from None
    if not covers_in_bounds(value):
        raise ValueError(tr("period.out_of_range", first=MIN_DATE, last=MAX_DATE))
    return value


#: The calendar period an activity reports on or reviews: ``2025``, ``2025-H1``, ``2025-Q3``, ``2025-07``.
PeriodLabel = Annotated[str, AfterValidator(_period_label)]


def _sha256(value: str) -> str:
    return value.lower()


class RecordModel(Derived):
    """Base of the record models: frozen, unknown fields rejected, documented in the schema."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Period(RecordModel):
    """The period a record covers, first and last day included."""

    start: IsoDate = Field(description="The first day covered, e.g. '2025-01-01'.")
    end: IsoDate = Field(description="The last day covered, e.g. '2025-12-31'.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(tr("period.ends_before_start", end=self.end, start=self.start))
        if period_too_long(self.start, self.end):
            raise ValueError(tr("period.too_long", start=self.start, end=self.end))
        return self


class ParentBody(RecordModel):
    """The body an organisation answers to (its managing agency)."""

    id: Slug | None = Field(default=None, description="Its organisation id, when it keeps records too.")
    name: Text = Field(description="Its full name, e.g. 'Ủy ban nhân dân tỉnh Trà Vinh'.")


class Organisation(RecordModel):
    """Who the record is about: enough to decide which obligations bind it."""

    id: Slug = Field(description="A stable id of the organisation, e.g. 'so-noi-vu-tra-vinh'.")
    name: Text = Field(description="The organisation's full name, e.g. 'Sở Nội vụ tỉnh Trà Vinh'.")
    kind: Slug = Field(
        description="A bearer id of category 'organisation' from the vocabulary, e.g. "
        "'state_administrative_agency', 'public_service_unit', 'state_owned_enterprise', 'private_enterprise'."
    )
    level: Literal["province", "district", "commune", "hamlet"] = Field(
        description="Its administrative level."
    )
    territory: Slug = Field(
        description="The former province whose instruments govern it ('tra-vinh', 'long-an'); since 01/7/2025 the "
        "documents of a former province stay in force for its former territory."
    )
    province: Slug | None = Field(
        default=None,
        description="The province it belongs to today, when its former province was merged ('vinh-long' for "
        "'tra-vinh', 'tay-ninh' for 'long-an'); 'territory' still names the former province.",
    )
    packs: Annotated[tuple[Slug, ...], Field(min_length=1)] | None = Field(
        default=None,
        description="The rule packs it answers to, at least one; by default (no 'packs') every pack of its "
        "territory.",
    )
    functions: tuple[Slug, ...] = Field(
        default=(),
        description="Further bearer ids it acts as or competences it holds (never assumed from its kind), e.g. "
        "'emulation_commendation_body', 'inspection_competence', 'unit_evaluation_competence', "
        "'administrative_procedures'.",
    )
    bodies: tuple[Slug, ...] | None = Field(
        default=None,
        description="The bodies it has (bearer ids of category 'body'), e.g. 'peoples_inspection_board'. A People's "
        "Inspection Board, a Community Investment Supervision Board, a one-stop unit or a council binds only when "
        "listed here; when the list is absent, only the head of the unit is assumed.",
    )
    parent: ParentBody | None = Field(
        default=None, description="The body it answers to (its managing agency)."
    )


class FileRef(RecordModel):
    """A file kept as evidence, named and fingerprinted."""

    name: Text = Field(description="The file name as kept, e.g. 'BB-hoi-nghi-CBCC-2025.pdf'.")
    sha256: Annotated[str, Field(pattern=SHA256_PATTERN), AfterValidator(_sha256)] | None = None


class Evidence(RecordModel):
    """A document that shows an activity happened: its number, a link, or a file (at least one)."""

    # The schema says what the validator below enforces, so that editors flag it as it is typed.
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["number"]}, {"required": ["url"]}, {"required": ["file"]}]}
    )

    kind: Slug | None = Field(
        default=None, description="An evidence kind from the vocabulary, e.g. 'minutes'."
    )
    number: Text | None = Field(
        default=None, description="The document number as written, e.g. '123/KH-SNV'."
    )
    date: IsoDate | None = Field(default=None, description="The day the document was signed or published.")
    title: Text | None = Field(default=None, description="Its title (trích yếu).")
    url: Annotated[str, Field(pattern=URL_PATTERN)] | None = Field(
        default=None, description="Where it is published, e.g. on the organisation's web portal."
    )
    file: FileRef | None = Field(default=None, description="A file kept as evidence, with its sha256.")

    @model_validator(mode="after")
    def _something(self) -> Evidence:
        if self.number is None and self.url is None and self.file is None:
            raise ValueError(tr("evidence.no_reference"))
        return self


class Activity(RecordModel, ActivityDays):
    """Something the organisation did: a dated activity of one type, with its evidence."""

    # The schema's part of the rule below ('date', or 'start' and 'end'); the validator also refuses both.
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [{"required": ["date"]}, {"required": ["start", "end"]}]}
    )

    id: Annotated[str, Field(min_length=1, max_length=100, pattern=ITEM_ID_PATTERN)]
    type: Slug = Field(description="An activity type from the vocabulary, e.g. 'staff_conference'.")
    date: IsoDate | None = Field(default=None, description="The day it happened (or use 'start' and 'end').")
    start: IsoDate | None = Field(
        default=None, description="The first day, for an activity over several days."
    )
    end: IsoDate | None = Field(default=None, description="The last day: the day it was complete.")
    title: Text = Field(
        description="What it was, as written in its documents, e.g. 'Hội nghị CBCCVC năm 2025'."
    )
    participants: int | None = Field(default=None, ge=0, description="How many people took part.")
    items: int | None = Field(default=None, ge=0, description="How many items it produced or handled.")
    evidence: tuple[Evidence, ...] = Field(default=(), description="The documents that show it happened.")
    serves: tuple[Text, ...] = Field(
        default=(),
        description="What it was done for (optional): obligations, provisions or this record's events, by id. "
        "It counts for the duties of its type and for each obligation it names, whatever its type; for a duty "
        "arising from an event, an activity of the duty's type counts when it names the event. Naming a "
        "provision records the link only.",
    )
    covers: PeriodLabel | None = Field(
        default=None,
        description="The calendar period it reports on or reviews, when it names one: a year '2025', a half "
        "'2025-H1', a quarter '2025-Q3' or a month '2025-07'. It then counts only for the period of a duty that "
        "ends when this one ends (a review of H1 held on 15/7 counts for H1, never for H2).",
        json_schema_extra={"pattern": PERIOD_LABEL.pattern},
    )

    @model_validator(mode="after")
    def _dates(self) -> Activity:
        if self.date is not None and (self.start is not None or self.end is not None):
            raise ValueError(tr("activity.date_and_range"))
        if self.date is None and (self.start is None or self.end is None):
            raise ValueError(tr("activity.no_date"))
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(tr("activity.ends_before_start", end=self.end, start=self.start))
        return self


class Resolution(RecordModel):
    """How and when an event (a complaint, a violation) was dealt with."""

    date: IsoDate = Field(description="The day it was resolved (the decision or answer was issued).")
    title: Text | None = Field(default=None, description="How it was resolved.")
    evidence: tuple[Evidence, ...] = Field(default=(), description="The documents that show the resolution.")


class Extension(RecordModel):
    """A longer period than the ordinary one that the law allows for this case, as the body decided it."""

    until: IsoDate = Field(
        description="The last day of the longer period, counted by the body: a complex complaint's 45 days "
        "from acceptance (Luật Khiếu nại 2011, Điều 28), a denunciation's extended period (Luật Tố cáo 2018, "
        "Điều 30)."
    )
    basis: Text = Field(
        description="Why and by what, e.g. 'Vụ việc phức tạp, Thông báo thụ lý số 12/TB-SNV' or "
        "'Quyết định gia hạn số 05/QĐ-SNV'."
    )


class Event(RecordModel):
    """Something that happened to the organisation and opens a triggered duty."""

    id: Annotated[str, Field(min_length=1, max_length=100, pattern=ITEM_ID_PATTERN)]
    type: Slug = Field(description="An event type from the vocabulary, e.g. 'complaint_received'.")
    date: IsoDate = Field(description="The day it was received or found (thụ lý).")
    title: Text = Field(description="What it was, e.g. 'Đơn khiếu nại về chế độ phụ cấp'.")
    reference: Text | None = Field(default=None, description="Its register or document number.")
    resolution: Resolution | None = Field(
        default=None, description="How and when it was resolved; absent while open."
    )
    extension: Extension | None = Field(
        default=None,
        description="A longer period the law allows for this case, as decided: only for a complaint "
        "(complaint_received, at most 30 days more) or a denunciation (denunciation_received, at most 60 "
        "days more). The evaluation then holds the resolution to it, never beyond that ceiling.",
    )

    @model_validator(mode="after")
    def _resolved_after(self) -> Event:
        if self.resolution is not None and self.resolution.date < self.date:
            raise ValueError(tr("event.resolved_before", resolved=self.resolution.date, date=self.date))
        if self.extension is not None:
            if self.type not in LONGEST_EXTENSION:
                raise ValueError(tr("event.not_extensible", type=self.type))
            if self.extension.until < self.date:
                raise ValueError(tr("event.extended_before", until=self.extension.until, date=self.date))
        return self


class Attestation(RecordModel):
    """A signed statement that a qualitative duty was met over a period."""

    id: Annotated[str, Field(min_length=1, max_length=100, pattern=ITEM_ID_PATTERN)]
    obligation: Text = Field(
        description="The full id of the obligation attested, e.g. 'tra-vinh-2024.art_2__cl_1__pt_d.…'."
    )
    attested_by: Text = Field(description="Who attests: name and position.")
    date: IsoDate = Field(description="The day it was signed.")
    statement: Text = Field(description="What is attested, in the attester's words.")
    evidence: tuple[Evidence, ...] = Field(default=(), description="Documents that support it.")


class ActivityRecord(RecordModel):
    """One organisation's activity record for one period."""

    schema_: str | None = Field(default=None, alias="$schema", description="The JSON Schema, for editors.")
    record_version: Literal["1"] = Field(default="1", description="The version of this format.")
    organisation: Organisation = Field(description="Who the record is about.")
    period: Period = Field(description="The period it covers, usually a calendar year.")
    activities: tuple[Activity, ...] = Field(default=(), description="What the organisation did.")
    events: tuple[Event, ...] = Field(default=(), description="What happened to it that opens a duty.")
    attestations: tuple[Attestation, ...] = Field(
        default=(), description="Signed statements for qualitative duties."
    )
