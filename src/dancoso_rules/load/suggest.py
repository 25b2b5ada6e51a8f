"""'Did you mean ...?' for misspelt ids and field names."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from dancoso_rules.i18n import Lang, current_lang, tr


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""`` when nothing is close.

    Answers are kept for the last words asked: a file with thousands of problems repeats the same
    few misspellings, and each search compares the word with every choice.
    """
    return _did_you_mean(
        word, choices if isinstance(choices, frozenset) else frozenset(choices), current_lang()
    )


@lru_cache(maxsize=1024)
def _did_you_mean(word: str, choices: frozenset[str], lang: Lang) -> str:
    import difflib  # only when a message is written: a clean run never needs it

    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return tr("suggest.did_you_mean", lang, word=matches[0]) if matches else ""


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """A short list of allowed values for a message: ``'a', 'b', 'c'`` (and how many more)."""
    ordered = sorted(choices)
    shown = ", ".join(repr(c) for c in ordered[:limit])
    return shown + (tr("suggest.more", count=len(ordered) - limit) if len(ordered) > limit else "")
