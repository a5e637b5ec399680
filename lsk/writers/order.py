"""Put the keys of a round-trip document in the model's canonical order, comments included.

ruamel stores a full-line comment with the node *above* it (on the deepest last value before the
comment). People write comments above the key they describe, so before moving keys the comment
lines after each key are lifted off and, after the move, put back above the key that followed
them. End-of-line comments stay on their line. ``writers.verify`` proves the result.
"""

from __future__ import annotations

import itertools
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from lsk.model.introspect import plan


def reorder(model: type[BaseModel], data: Any, root: bool = True) -> None:
    """Reorder ``data`` (a CommentedMap) in place, children first, following ``model``."""
    if not isinstance(data, CommentedMap):
        return
    for name, shape, target in plan(model):
        value = data.get(name)
        if shape == "model":
            reorder(target, value, root=False)
        elif shape == "list-model" and isinstance(value, list):
            for item in value:
                reorder(target, item, root=False)
    order = model.key_order() if hasattr(model, "key_order") else tuple(model.model_fields)
    keys = list(data)
    wanted = [k for k in order if k in data] + [k for k in keys if k not in order]
    if wanted == keys:
        return
    leading = {after: _take_following(data, before) for before, after in itertools.pairwise(keys)}
    tail = _take_following(data, keys[-1])
    for key in wanted:
        data.move_to_end(key)
    for before, after in itertools.pairwise(wanted):
        _append_following(data, before, leading.get(after, ""))
    _append_following(data, wanted[-1], tail)
    first = leading.get(wanted[0], "")
    if first and root:
        if data.ca.comment is None:
            data.ca.comment = [None, []]
        data.ca.comment[1] = [*(data.ca.comment[1] or []), _token(first)]
    elif first:
        _append_following(data, wanted[-1], first)  # nowhere better; verify() refuses it


def _holder(container: Any, key: Any) -> tuple[list[Any], int]:
    """The comment slot after the deepest last node of ``container[key]``."""
    value = container[key]
    if isinstance(value, CommentedMap) and value and value.fa.flow_style() is not True:
        return _holder(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value and value.fa.flow_style() is not True:
        return _holder(value, len(value) - 1)
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    return entry, (2 if isinstance(container, CommentedMap) else 0)


def _take_following(container: Any, key: Any) -> str:
    """Remove and return the comment lines below ``key``'s line (its own line comment stays)."""
    entry, slot = _holder(container, key)
    token = entry[slot]
    if token is None or "\n" not in token.value:
        return ""
    head, rest = token.value.split("\n", 1)
    token.value = head + "\n"
    return rest


def _append_following(container: Any, key: Any, lines: str) -> None:
    if not lines:
        return
    entry, slot = _holder(container, key)
    if entry[slot] is None:
        entry[slot] = _token("\n" + lines)
    else:
        value = entry[slot].value
        entry[slot].value = (value if value.endswith("\n") else value + "\n") + lines


def _token(value: str) -> CommentToken:
    return CommentToken(value, CommentMark(0), None)
