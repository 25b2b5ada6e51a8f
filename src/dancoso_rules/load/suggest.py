"""'Did you mean ...?' for misspelt ids and field names."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""`` when nothing is close.

    Answers are kept for the last words asked: a file with thousands of problems repeats the same
    few misspellings, and each search compares the word with every choice.
    """
    return _did_you_mean(word, choices if isinstance(choices, frozenset) else frozenset(choices))


@lru_cache(maxsize=1024)
def _did_you_mean(word: str, choices: frozenset[str]) -> str:
    import difflib  # only when a message is written: a clean run never needs it

    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {matches[0]!r}?" if matches else ""


def one_of(choices: Iterable[str], limit: int = 12) -> str:
    """A short list of allowed values for a message: ``'a', 'b', 'c'`` (and how many more)."""
    ordered = sorted(choices)
    shown = ", ".join(repr(c) for c in ordered[:limit])
    return shown + (f" and {len(ordered) - limit} more" if len(ordered) > limit else "")
