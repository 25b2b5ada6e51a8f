"""What the evaluator reads of a record, as protocols: any object with these attributes will do.

Two kinds of object satisfy them: the validated :class:`~dancoso_rules.record.model.ActivityRecord`
(pydantic) and the structs of :mod:`dancoso_rules.record.fast`, which a clean record is decoded
into in one pass when there is no problem to report. Both carry the same values for the same
record; the evaluator never needs to know which it was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol


class ParentLike(Protocol):
    """The body an organisation answers to."""

    @property
    def id(self) -> str | None: ...
    @property
    def name(self) -> str: ...


class OrganisationLike(Protocol):
    """Who a record is about."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def level(self) -> str: ...
    @property
    def territory(self) -> str: ...
    @property
    def packs(self) -> Sequence[str] | None: ...
    @property
    def functions(self) -> Sequence[str]: ...
    @property
    def bodies(self) -> Sequence[str] | None: ...


class PeriodLike(Protocol):
    """The period a record covers."""

    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...


class ActivityDays:
    """The days of an activity given as a ``date`` or a range (``start``, ``end``): shared by both readers."""

    __slots__ = ()

    if TYPE_CHECKING:
        date: dt.date | None
        start: dt.date | None
        end: dt.date | None

    @property
    def first_day(self) -> dt.date:
        """The day it began."""
        return self.date if self.date is not None else self.start  # type: ignore[return-value]

    @property
    def done_on(self) -> dt.date:
        """The day it was complete: its date, or the last day of its range."""
        return self.date if self.date is not None else self.end  # type: ignore[return-value]


class EvidenceLike(Protocol):
    """A document shown as evidence: only its date matters to the evaluator (none: undated)."""

    @property
    def date(self) -> dt.date | None: ...


class ActivityLike(Protocol):
    """An activity: its id, type, the day it was complete, its evidence, what it serves, the period it covers."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def end(self) -> dt.date | None: ...
    @property
    def done_on(self) -> dt.date: ...
    @property
    def evidence(self) -> Sequence[EvidenceLike]: ...
    @property
    def serves(self) -> Sequence[str]: ...
    @property
    def covers(self) -> str | None: ...


class ResolutionLike(Protocol):
    """When an event was resolved."""

    @property
    def date(self) -> dt.date: ...


class ExtensionLike(Protocol):
    """The last day of a longer period the law allows for an event, as the body decided it."""

    @property
    def until(self) -> dt.date: ...
    @property
    def basis(self) -> str: ...


class EventLike(Protocol):
    """An event that opens a triggered duty."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def resolution(self) -> ResolutionLike | None: ...
    @property
    def extension(self) -> ExtensionLike | None: ...


class AttestationLike(Protocol):
    """A signed statement that a qualitative duty was met."""

    @property
    def id(self) -> str: ...
    @property
    def obligation(self) -> str: ...
    @property
    def date(self) -> dt.date: ...


class RecordLike(Protocol):
    """A record as the evaluator reads it."""

    @property
    def organisation(self) -> OrganisationLike: ...
    @property
    def period(self) -> PeriodLike: ...
    @property
    def activities(self) -> Sequence[ActivityLike]: ...
    @property
    def events(self) -> Sequence[EventLike]: ...
    @property
    def attestations(self) -> Sequence[AttestationLike]: ...
