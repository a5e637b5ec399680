"""Collect the ids a document defines and the references it makes, with their positions.

Works on the raw parsed data guided by the model's plan, so an invalid document still registers
its ids: one typo does not cascade into broken-reference errors all over the repository.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import BaseModel

from lsk.loader.positions import Pos, position_of
from lsk.model.introspect import plan


class Definition(NamedTuple):
    id: str
    kind: str
    line: int
    column: int


class Reference(NamedTuple):
    target: str
    kinds: tuple[str, ...]
    line: int
    column: int
    field: str


def collect(
    model: type[BaseModel], data: Any, positions: Pos | None
) -> tuple[list[Definition], list[Reference]]:
    defs: list[Definition] = []
    refs: list[Reference] = []

    def walk(cls: Any, value: Any, path: tuple[Any, ...], owner: str | None) -> None:
        if not isinstance(value, dict):
            return
        kind = cls.KIND
        if kind and isinstance(value.get("id"), str):
            qualified = f"{owner}.{value['id']}" if cls.LOCAL_ID and owner else value["id"]
            defs.append(Definition(qualified, kind, *position_of(positions, (*path, "id"))))
            owner = qualified
        for name, shape, target in plan(cls):
            item = value.get(name)
            if item is None:
                continue
            if shape == "ref":
                if isinstance(item, str):
                    refs.append(Reference(item, target, *position_of(positions, (*path, name)), name))
            elif shape == "list-ref":
                if isinstance(item, list):
                    for i, x in enumerate(item):
                        if isinstance(x, str):
                            refs.append(Reference(
                                x, target, *position_of(positions, (*path, name, i)), name))
            elif shape == "model":
                walk(target, item, (*path, name), owner)
            elif shape == "list-model" and isinstance(item, list):
                for i, x in enumerate(item):
                    walk(target, x, (*path, name, i), owner)

    walk(model, data, (), None)
    return defs, refs
