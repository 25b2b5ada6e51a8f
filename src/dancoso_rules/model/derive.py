"""Pydantic models derived from the structs, for input that is not trusted and for JSON Schemas.

The models of this library are msgspec structs (:mod:`dancoso_rules.model.common`): one definition of
each, which trusted code builds without validation. Validating a rule file, a user's override file or
a file of days off, and generating the published JSON Schemas, are pydantic's work: :func:`pydantic_model`
makes, once per struct, the pydantic model with the same name, fields, defaults, documentation and
constraints (``msgspec.Meta`` → ``Field``, :data:`~dancoso_rules.model.common.NFC` → an
``AfterValidator``, :class:`~dancoso_rules.model.common.FieldArgs` → more ``Field`` options), frozen
and forbidding unknown fields, whose after-validators are the struct's :func:`~dancoso_rules.model.common.check`
methods; :func:`validate` validates data with it and returns the struct. Only these cold paths import
this module, and with it pydantic: a run that reads a cached rulebook never does.
"""

from __future__ import annotations

import importlib
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, get_args, get_origin

import msgspec
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, create_model, model_validator

from dancoso_rules.model import common
from dancoso_rules.model.common import NFC, FieldArgs
from dancoso_rules.text import nfc

S = TypeVar("S", bound=msgspec.Struct)


class Derived(BaseModel):
    """The base of every derived model: a validated, immutable value; unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True)


def _nfc(value: str) -> str:
    return nfc(value)


#: The struct each derived model was made from.
_STRUCT_OF: dict[type[BaseModel], type[msgspec.Struct]] = {}
#: The ``Meta`` constraints that are ``Field`` options of the same name.
_META = ("gt", "ge", "lt", "le", "multiple_of", "pattern", "min_length", "max_length", "description", "title")


#: The derived models made so far, and the structs whose model is being made (a struct that holds
#: itself, as a provision section holds the sections below it, names its model by a forward reference).
_MADE: dict[type[msgspec.Struct], type[BaseModel]] = {}
_MAKING: set[type[msgspec.Struct]] = set()


def pydantic_model(struct: type[msgspec.Struct]) -> type[BaseModel]:
    """The pydantic model of ``struct`` (made once): the same name, module, fields and documentation.

    A struct may name the pydantic model that validates it instead, as ``__validated_by__ =
    "module:Name"`` (the record's organisation and period, whose models are written with pydantic)."""
    found = _MADE.get(struct)
    if found is not None:
        return found
    named = getattr(struct, "__validated_by__", None)
    if named is not None:
        module, _, name = named.partition(":")
        found = getattr(importlib.import_module(module), name)
        for annotation in typing.get_type_hints(struct).values():
            derived_annotation(annotation)  # the structs it holds know their models too (for to_struct)
    else:
        _MAKING.add(struct)
        try:
            found = _derive(struct)
        finally:
            _MAKING.discard(struct)
        found.model_rebuild(force=True, _types_namespace={struct.__name__: found})
    _MADE[struct] = found
    _STRUCT_OF[found] = struct
    return found


def _derive(struct: type[msgspec.Struct]) -> type[BaseModel]:
    hints = typing.get_type_hints(struct, include_extras=True)
    fields: dict[str, Any] = {}
    for info in msgspec.structs.fields(struct):
        annotation = derived_annotation(hints[info.name])
        if info.default_factory is not msgspec.NODEFAULT:
            fields[info.name] = (annotation, Field(default_factory=info.default_factory))
        elif info.default is not msgspec.NODEFAULT:
            fields[info.name] = (annotation, to_model(info.default))
        else:
            fields[info.name] = (annotation, ...)
    validators: dict[str, Any] = {
        name: model_validator(mode="after")(_after(function)) for name, function in _checks(struct).items()
    }
    model: type[BaseModel] = create_model(
        struct.__name__,
        __base__=Derived,
        __module__=struct.__module__,
        __doc__=struct.__doc__,
        __validators__=validators,
        **fields,
    )
    model.__qualname__ = struct.__qualname__
    return model


def _checks(struct: type[msgspec.Struct]) -> dict[str, Callable[..., None]]:
    """The :func:`~dancoso_rules.model.common.check` methods of ``struct`` and its bases, bases first."""
    found: dict[str, Callable[..., None]] = {}
    for klass in reversed(struct.__mro__):
        for name, value in vars(klass).items():
            if getattr(value, "__dancoso_check__", False):
                found[name] = value
    return found


def _after(function: Callable[..., None]) -> Callable[[Any], Any]:
    def validator(self: Any) -> Any:
        function(self)  # the check reads fields by name: the derived model has the struct's
        return self

    validator.__name__ = function.__name__
    return validator


def derived_annotation(annotation: Any) -> Any:
    """``annotation`` with every struct replaced by its pydantic model and every marker by pydantic's."""
    if isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
        return annotation.__name__ if annotation in _MAKING else pydantic_model(annotation)
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        inner, *metadata = args
        extra = [_pydantic_metadata(item) for item in metadata]
        return Annotated[(derived_annotation(inner), *extra)]
    if origin is typing.Union or origin is types.UnionType:
        return typing.Union[tuple(derived_annotation(a) for a in args)]  # noqa: UP007
    if origin is tuple:
        return tuple[tuple(a if a is Ellipsis else derived_annotation(a) for a in args)]  # type: ignore[misc]
    if origin is dict:
        key, value = args
        return dict[derived_annotation(key), derived_annotation(value)]  # type: ignore[misc]
    return annotation


def _pydantic_metadata(item: Any) -> Any:
    if item is NFC:
        return AfterValidator(_nfc)
    if isinstance(item, msgspec.Meta):
        return Field(**{k: getattr(item, k) for k in _META if getattr(item, k) is not None})
    if isinstance(item, FieldArgs):
        return Field(**item.options)
    return item


def to_struct(value: Any) -> Any:
    """A validated derived model as its struct, recursively (tuples and dicts of them too)."""
    struct = _STRUCT_OF.get(type(value))
    if struct is not None:
        return struct(**{name: to_struct(getattr(value, name)) for name in struct.__struct_fields__})
    if type(value) is tuple:
        return tuple(to_struct(item) for item in value)
    if type(value) is dict:
        return {key: to_struct(item) for key, item in value.items()}
    return value


def to_model(value: Any) -> Any:
    """A struct as an instance of its derived model (built without validation), recursively: a default
    value that the derived model's schema writes out."""
    if isinstance(value, msgspec.Struct):
        model = pydantic_model(type(value))
        fields = {name: to_model(getattr(value, name)) for name in value.__struct_fields__}
        return model.model_construct(**fields)
    if type(value) is tuple:
        return tuple(to_model(item) for item in value)
    return value


def validate(struct: type[S], data: Any) -> S:
    """``data`` validated as ``struct`` (pydantic's rules and messages) and returned as the struct.

    Raises :class:`pydantic.ValidationError` when it is not valid."""
    made: S = to_struct(pydantic_model(struct).model_validate(data))
    return made


if TYPE_CHECKING:  # for the type checker, what they hold
    Text = str
    Slug = str
else:
    #: :data:`~dancoso_rules.model.common.Text` and ``Slug`` for models written with pydantic (the record's).
    Text = derived_annotation(common.Text)
    Slug = derived_annotation(common.Slug)
