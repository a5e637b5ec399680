"""Put the keys of a round-trip document in the model's canonical order, comments included.

ruamel keeps a key's comments with the key, so moving keys keeps every comment (a comment
written *between* two keys belongs to the key above it and moves with that key).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from lsk.model.introspect import plan


def reorder(model: type[BaseModel], data: Any) -> None:
    """Reorder ``data`` (a CommentedMap) in place, recursively, following ``model``."""
    if not hasattr(data, "move_to_end"):
        return
    order = model.key_order() if hasattr(model, "key_order") else tuple(model.model_fields)
    known = [k for k in order if k in data]
    unknown = [k for k in data if k not in order]
    for key in [*known, *unknown]:
        data.move_to_end(key)
    for name, shape, target in plan(model):
        value = data.get(name)
        if shape == "model":
            reorder(target, value)
        elif shape == "list-model" and isinstance(value, list):
            for item in value:
                reorder(target, item)
