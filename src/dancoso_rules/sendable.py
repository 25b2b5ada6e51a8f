"""Frozen dataclasses that worker processes send and receive, pickled by their fields' values.

``pickle`` saves a dataclass with ``slots`` through its ``__getstate__`` and ``__setstate__``, which
loop over the fields in Python, once per object: about three times the cost of saving the values
themselves and calling the class again. A batch sends two such objects per record (the record's
source to a worker, its result back), so :func:`sendable` gives a class a ``__reduce__`` that does
the latter, with the values read in one step.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, TypeVar

T = TypeVar("T")


def sendable(cls: type[T]) -> type[T]:
    """``cls`` (a dataclass whose every field is an argument of its ``__init__``), pickled by value."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(field.init for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be an argument of __init__")
    if len(fields) < 2:  # attrgetter of one name gives the value, not a tuple
        raise TypeError(f"{cls.__name__}: a dataclass of fewer than two fields gains nothing")
    values = operator.attrgetter(*(field.name for field in fields))

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


__all__ = ["sendable"]
