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
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
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
    if root:  # blank lines between the file's header comment and the first key go with the key
        leading[keys[0]] = _take_header_tail(data)
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
        tokens = data.ca.comment[1] or []
        if tokens:  # ruamel writes a header token's trailing blank lines, not a blank token
            tokens[-1].value = str(tokens[-1].value) + first
        else:
            tokens.append(_token(first))
        data.ca.comment[1] = tokens
    elif first:
        _prepend_to_mapping(data, first)


def _prepend_to_mapping(data: CommentedMap, lines: str) -> None:
    """Comment lines above the first key of a nested block mapping, where ruamel keeps them:
    after the parent key's end-of-line comment, else among the mapping's pre-comments (the
    first line unindented, its column apart)."""
    comment = data.ca.comment or [None, None]
    if comment[0] is not None:  # the parent key's end-of-line comment, shared: lines follow it
        value = str(comment[0].value)
        comment[0].value = (value if value.endswith("\n") else value + "\n") + lines
        return
    stripped = lines.lstrip(" ")
    column = len(lines) - len(stripped)
    data.ca.comment = [None, [*(comment[1] or []), _token(stripped, column)]]


def _take_header_tail(data: CommentedMap) -> str:
    """The blank lines after the last header comment (ruamel keeps them in its token)."""
    tokens = data.ca.comment[1] if data.ca.comment else None
    if not tokens:
        return ""
    last = tokens[-1]
    body = str(last.value).rstrip("\n")
    if not body:
        tokens.pop()
        return str(last.value)
    tail = str(last.value)[len(body) + 1:]
    last.value = body + "\n"
    return tail


def _holder(container: Any, key: Any) -> tuple[list[Any], int, bool]:
    """The comment slot after the deepest last node of ``container[key]``, and whether that node
    is a block scalar (``|`` or ``>``): its slot holds only the lines after it, because the
    scalar's own last line break belongs to the scalar."""
    value = container[key]
    if isinstance(value, CommentedMap) and value and value.fa.flow_style() is not True:
        return _holder(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and value and value.fa.flow_style() is not True:
        return _holder(value, len(value) - 1)
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    block = isinstance(value, (LiteralScalarString, FoldedScalarString))
    return entry, (2 if isinstance(container, CommentedMap) else 0), block


def _take_following(container: Any, key: Any) -> str:
    """Remove and return the comment lines below ``key``'s line (its own line comment stays)."""
    entry, slot, block = _holder(container, key)
    token = entry[slot]
    lines = ""
    if token is not None and block:  # the whole token is lines below the scalar, the first one
        entry[slot] = None  # stored without its indentation (an empty token crashes ruamel)
        lines = str(token.value)
        if lines and not lines.startswith("\n"):
            lines = " " * token.start_mark.column + lines
    elif token is not None and "\n" in token.value:
        head, lines = token.value.split("\n", 1)
        token.value = head + "\n"
    return lines + _take_end_comments(container[key])


def _take_end_comments(value: Any) -> str:
    """Comments ruamel keeps at the end of a block collection (after a flow-style last item)."""
    if not isinstance(value, (CommentedMap, CommentedSeq)) or not value or \
            value.fa.flow_style() is True:
        return ""
    last = value[list(value)[-1]] if isinstance(value, CommentedMap) else value[-1]
    inner = _take_end_comments(last)
    end = getattr(value.ca, "end", None) or []
    value.ca.end = []
    return inner + "".join(str(token.value) for token in end)


def _append_following(container: Any, key: Any, lines: str) -> None:
    if not lines:
        return
    entry, slot, block = _holder(container, key)
    if entry[slot] is None and block:  # as ruamel stores it: first line unindented, column apart
        stripped = lines.lstrip(" ")
        column = len(lines) - len(stripped) if not lines.startswith("\n") else 0
        entry[slot] = _token(stripped if column else lines, column)
    elif entry[slot] is None:
        entry[slot] = _token("\n" + lines)
    else:
        value = entry[slot].value
        if value and not value.endswith("\n"):
            value += "\n"
        entry[slot].value = value + lines


def _token(value: str, column: int = 0) -> CommentToken:
    return CommentToken(value, CommentMark(column), None)
