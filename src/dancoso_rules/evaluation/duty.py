"""A duty: one obligation of the rulebook with what every result of it shares, computed once.

Its result fields that come from the rules alone (its id, pack, provision, citation, modality,
activity, bearers, schedule) and the opening of its sentence do not depend on any record;
:class:`~dancoso_rules.evaluation.prepared.Prepared` makes one :class:`Duty` per obligation, and
the results of every instance (:mod:`.outcomes`) are made from it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import msgspec

from dancoso_rules.evaluation import explain
from dancoso_rules.evaluation.result import DutyResult
from dancoso_rules.model import PlacedObligation


class Duty(msgspec.Struct, frozen=True):
    """One obligation with its fixed result fields and the opening of its sentence.

    ``result(**values)`` makes a result of this obligation with ``values`` for the instance.
    """

    placed: PlacedObligation
    fields: dict[str, Any]
    sentence: explain.Sentence
    result: Callable[..., DutyResult]

    @classmethod
    def of(cls, placed: PlacedObligation, binds: bool = True) -> Duty:
        """Prepare one placed obligation (``binds``: whether the instrument can command any of its bearers)."""
        obligation, provision = placed.obligation, placed.provision
        fields: dict[str, Any] = {
            "obligation": placed.uid,
            "pack": placed.pack.id,
            "provision": provision.id,
            "citation": provision.citation,
            "modality": obligation.modality,
            "activity": obligation.activity,
            "bearers": obligation.bearers,
            "schedule": obligation.schedule.kind,
        }
        sentence = explain.Sentence(provision.citation, provision.id, obligation, binds)
        return cls(placed, fields, sentence, functools.partial(DutyResult, **fields))
