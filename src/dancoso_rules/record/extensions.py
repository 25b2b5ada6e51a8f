"""Which events the laws let a body give a longer period than the ordinary one, and how much longer at most.

An event's ``extension`` (:class:`~dancoso_rules.record.model.Extension`) records the longer period the
body decided for one case. The laws allow it for two kinds of case only, each with its own ceiling,
counted here in days after the ordinary period (the project's ordinary deadline is 30 days after
acceptance, ``complaint-resolution-deadline``):

- a first-instance complaint: 30 days from acceptance, a complex case up to 45, in remote areas 45 and
  a complex case there up to 60 (Luật Khiếu nại 2011, Điều 28): at most **30** days more;
- a denunciation: 30 days from acceptance, extended once for a complex case and twice for an especially
  complex one, each time by up to 30 days (Luật Tố cáo 2018, Điều 30): at most **60** days more.

The validator refuses an extension on any other event (a petition, a violation found: no law sets them a
longer period), and the evaluation never counts one beyond its ceiling.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

#: By event type, the most days the laws add to the ordinary period of resolving it, and the law's words.
LONGEST_EXTENSION: Mapping[str, tuple[int, str, str]] = MappingProxyType(
    {
        "complaint_received": (30, "kéo dài", "Luật Khiếu nại 2011, Điều 28"),
        "denunciation_received": (60, "gia hạn", "Luật Tố cáo 2018, Điều 30"),
    }
)

__all__ = ["LONGEST_EXTENSION"]
