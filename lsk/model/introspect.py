"""Read the model's annotations once: which fields are references, sub-models or lists of them.

The loader walks documents with these plans instead of hand-written code per kind, so a new
document kind gets id registration and reference checks just by using the ``Ref`` types.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from lsk.model.base import Ref

# A field plan: (field name, shape, target) where shape is "ref" (target: kinds), "model"
# (target: class), or the same prefixed by "list-".
FieldPlan = tuple[str, str, Any]


def _shape(tp: Any) -> tuple[str, Any] | None:
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        for m in meta:
            if isinstance(m, Ref):
                return ("ref", m.kinds)
        return _shape(base)
    if origin in (Union, types.UnionType):
        shapes = [s for a in get_args(tp) if a is not type(None) and (s := _shape(a))]
        return shapes[0] if len(shapes) == 1 else None
    if origin is list:
        inner = _shape(get_args(tp)[0])
        return ("list-" + inner[0], inner[1]) if inner and "list" not in inner[0] else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp)
    return None


def _annotation(cls: type[BaseModel], name: str) -> Any:
    return typing.get_type_hints(cls, include_extras=True)[name]


@cache
def plan(cls: type[BaseModel]) -> tuple[FieldPlan, ...]:
    """Fields of ``cls`` that hold references or sub-models, in declaration order."""
    hints = typing.get_type_hints(cls, include_extras=True)
    out = []
    for name in cls.model_fields:
        shape = _shape(hints[name])
        if shape:
            out.append((name, shape[0], shape[1]))
    return tuple(out)


def model_at(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` inside a ``cls`` document."""
    current: type[BaseModel] | None = cls
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        if part not in current.model_fields:
            return None
        shape = _shape(_annotation(current, part))
        current = shape[1] if shape and shape[0] in ("model", "list-model") else None
    return current
