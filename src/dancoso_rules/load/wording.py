"""What the words of a quote imply about its obligation: time words → schedule, force words → modality.

These are the honesty checks that a transcription agrees with the law's own words. They are data,
so that a reviewer reads them as a table.
"""

from __future__ import annotations

import re

from dancoso_rules.i18n import tr
from dancoso_rules.model import Obligation
from dancoso_rules.text import fold

#: A time word, and the schedules it allows (kind, or kind:frequency).
TIME_WORDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\bh[àằ]ng năm\b", re.IGNORECASE), frozenset({"periodic:yearly"})),
    (re.compile(r"\bđịnh kỳ 0?6 tháng\b", re.IGNORECASE), frozenset({"periodic:half_yearly"})),
    (re.compile(r"\bh[àằ]ng quý\b", re.IGNORECASE), frozenset({"periodic:quarterly", "periodic:monthly"})),
    (re.compile(r"\bh[àằ]ng tháng\b", re.IGNORECASE), frozenset({"periodic:monthly"})),
    # "Thường xuyên" is an act done regularly, or a continuing effort (renewing methods, strengthening a
    # board) that no count of acts shows: then the obligation is qualitative.
    (re.compile(r"\bthường xuyên\b", re.IGNORECASE), frozenset({"regular", "qualitative"})),
)

#: A force word, and the modality it requires.
FORCE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^đề nghị\b", re.IGNORECASE), "request"),
    (re.compile(r"^khuyến khích\b", re.IGNORECASE), "encouragement"),
    (re.compile(r"^nghiên cứu\b", re.IGNORECASE), "study"),
    (re.compile(r"\bquan tâm, tạo điều kiện\b", re.IGNORECASE), "encouragement"),
)


def schedule_label(obligation: Obligation) -> str:
    """``periodic:yearly``, ``regular``, ``triggered``, ... for comparing with :data:`TIME_WORDS`."""
    schedule = obligation.schedule
    if schedule.kind == "periodic":
        # A cadence given by an interpretation fits any periodic time word ("hàng quý, tháng").
        return "periodic:*" if schedule.interpreted else f"periodic:{schedule.frequency}"
    return schedule.kind


def time_word_problem(obligation: Obligation) -> str | None:
    """A message when the quote's time words do not allow the obligation's schedule."""
    quote = fold(obligation.quote)
    allowed: set[str] = set()
    found: list[str] = []
    for pattern, schedules in TIME_WORDS:
        match = pattern.search(quote)
        if match:
            found.append(match.group(0))
            allowed |= schedules
    label = schedule_label(obligation)
    if label == "periodic:*" and any(a.startswith("periodic:") for a in allowed):
        return None
    words = ", ".join(repr(w) for w in found)
    if found and label not in allowed:
        return tr("lint.time_words", words=words, schedule=label, allowed=", ".join(sorted(allowed)))
    # A continuing effort must say why it is one, so that no regular act is quietly made qualitative.
    if found and label == "qualitative" and obligation.note is None:
        return tr("lint.time_words_qualitative", words=words)
    return None


def force_word_problem(obligation: Obligation) -> str | None:
    """A message when the quote holds a word of force that the modality does not keep."""
    quote = fold(obligation.quote)
    for pattern, modality in FORCE_WORDS:
        match = pattern.search(quote)
        if match and obligation.modality.value != modality:
            return tr(
                "lint.force_words", word=match.group(0), expected=modality, modality=obligation.modality.value
            )
    return None
