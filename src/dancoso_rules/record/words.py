"""The words a record may use, as one rulebook defines them: for the validator and the fast path alike.

:mod:`dancoso_rules.record.checks` explains an unknown word with "did you mean"; the clean-record
decoder (:mod:`dancoso_rules.record.fast`) only asks whether every word is known. Both read the
sets below, so that they can never disagree on what a rulebook knows.
"""

from __future__ import annotations

import msgspec

from dancoso_rules.model import Rulebook


class KnownWords(msgspec.Struct, frozen=True):
    """Every id a record may name, by what it names."""

    #: Organisation kinds, each with the levels it may be at (empty: any level).
    kinds: dict[str, tuple[str, ...]]
    #: What ``functions`` may name: kinds of organisation and competences.
    functions: frozenset[str]
    bodies: frozenset[str]
    territories: frozenset[str]
    packs: frozenset[str]
    activity_types: frozenset[str]
    event_types: frozenset[str]
    evidence_kinds: frozenset[str]
    #: What ``serves`` may name: every provision (``pack.provision``) and obligation, by full id.
    links: frozenset[str]
    #: What an attestation may name: every obligation, by full id.
    obligations: frozenset[str]


#: The words of the last rulebooks, by identity (hashing a rulebook reads all of it).
_KNOWN: dict[int, tuple[Rulebook, KnownWords]] = {}


def known_words(rulebook: Rulebook) -> KnownWords:
    """The words ``rulebook`` knows; worked out once per rulebook."""
    kept = _KNOWN.get(id(rulebook))
    if kept is not None and kept[0] is rulebook:
        return kept[1]
    vocabulary = rulebook.vocabulary
    obligations = frozenset(rulebook.obligation_by_uid)
    provisions = {f"{pack.id}.{provision.id}" for pack in rulebook.packs for provision in pack.provisions}
    words = KnownWords(
        kinds={b.id: tuple(b.levels) for b in vocabulary.organisation_kinds()},
        functions=frozenset(b.id for b in vocabulary.functions()),
        bodies=frozenset(b.id for b in vocabulary.bearers if b.category == "body"),
        territories=frozenset(pack.instrument.territory.province for pack in rulebook.packs),
        packs=frozenset(rulebook.pack_by_id),
        activity_types=frozenset(vocabulary.activity_type_ids),
        event_types=frozenset(vocabulary.event_type_ids),
        evidence_kinds=frozenset(vocabulary.evidence_kind_ids),
        links=frozenset(provisions) | obligations,
        obligations=obligations,
    )
    if len(_KNOWN) >= 8:
        _KNOWN.clear()
    _KNOWN[id(rulebook)] = (rulebook, words)
    return words
