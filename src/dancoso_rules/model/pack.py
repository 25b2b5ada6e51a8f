"""Rule packs (one instrument's provisions and interpretations) and the rulebook that holds them all."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Annotated

import msgspec

from dancoso_rules.model.common import Frozen
from dancoso_rules.model.instrument import Instrument
from dancoso_rules.model.interpretation import Interpretation
from dancoso_rules.model.obligation import Obligation
from dancoso_rules.model.provision import Provision
from dancoso_rules.model.vocabulary import Vocabulary


def obligation_uid(pack_id: str, provision_id: str, obligation_id: str) -> str:
    """The full, stable id of an obligation: ``tra-vinh-2024.art_2__cl_3__pt_d.staff-conference``."""
    return f"{pack_id}.{provision_id}.{obligation_id}"


class PlacedObligation(msgspec.Struct, frozen=True):
    """An obligation with the pack and provision it belongs to."""

    uid: str
    pack: RulePack
    provision: Provision
    obligation: Obligation


class RulePack(Frozen, frozen=True, kw_only=True, dict=True):
    """One instrument: its metadata, its source text, its provisions in source order, its interpretations."""

    instrument: Instrument
    source_text: str
    provisions: Annotated[tuple[Provision, ...], msgspec.Meta(min_length=1)]
    interpretations: tuple[Interpretation, ...] = ()

    @property
    def id(self) -> str:
        return self.instrument.id

    @cached_property
    def provision_by_id(self) -> dict[str, Provision]:
        return {p.id: p for p in self.provisions}

    def obligations(self) -> Iterator[PlacedObligation]:
        """Every obligation of the pack, in the instrument's order."""
        for provision in self.provisions:
            for obligation in provision.obligations:
                yield PlacedObligation(
                    obligation_uid(self.id, provision.id, obligation.id), self, provision, obligation
                )


class Rulebook(Frozen, frozen=True, kw_only=True, dict=True):
    """Everything the library knows: the shared vocabulary, shared interpretations and the packs."""

    vocabulary: Vocabulary
    interpretations: tuple[Interpretation, ...] = ()
    packs: tuple[RulePack, ...] = ()

    @cached_property
    def pack_by_id(self) -> dict[str, RulePack]:
        return {p.id: p for p in self.packs}

    @cached_property
    def packs_by_territory(self) -> dict[str, tuple[RulePack, ...]]:
        """The packs of each former province, in the rulebook's order."""
        found: dict[str, tuple[RulePack, ...]] = {}
        for pack in self.packs:
            province = pack.instrument.territory.province
            found[province] = (*found.get(province, ()), pack)
        return found

    @cached_property
    def interpretation_by_id(self) -> dict[str, Interpretation]:
        """Shared and pack interpretations by id (ids are unique across the rulebook)."""
        table = {i.id: i for i in self.interpretations}
        for pack in self.packs:
            table.update({i.id: i for i in pack.interpretations})
        return table

    @cached_property
    def obligation_by_uid(self) -> dict[str, PlacedObligation]:
        return {placed.uid: placed for pack in self.packs for placed in pack.obligations()}

    def obligations(self) -> Iterator[PlacedObligation]:
        """Every obligation of every pack, pack by pack in the instrument's order."""
        for pack in self.packs:
            yield from pack.obligations()
