"""Proofs that a rewritten document still says what the user wrote.

A rewrite (``lsk fmt``) may move keys, but every value must read back exactly as written and every
comment must still belong to the same thing. Both checks use lsk's own reader, so
"the same" means the same to ``lsk check``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

import yaml

from lsk.loader.yamlread import parse_yaml

HEADER = ("<början>",)
END = ("<slut>",)


def difference(before: str, after: str) -> str | None:
    """Why ``after`` is not a faithful rewrite of ``before``, or None when it is."""
    old, new = parse_yaml(before), parse_yaml(after)
    if not new.ok:
        return "resultatet skulle inte gå att läsa"
    if old.data != new.data:
        path = _first_difference(old.data, new.data, ())
        where = ".".join(str(part) for part in path) or "dokumentet"
        return (f"värdet i {where} skulle skrivas om; sätt värdet inom citattecken så läser alla "
                "YAML-läsare det likadant")
    was, now = comment_anchors(before, old.positions), comment_anchors(after, new.positions)
    moved, gained = was - now, now - was
    first = min(_line_starts(new.positions).items(), default=(0, END))[1]
    for comment, anchor, own_line in sorted(moved):
        # A comment above the key that now comes first reads as part of the file's header.
        if own_line and anchor == first and gained[(comment, HEADER, True)] > 0:
            gained[(comment, HEADER, True)] -= 1
            continue
        return (f"kommentaren '{comment}' skulle hamna vid en annan nyckel; flytta kommentaren "
                "eller ordna nycklarna för hand")
    return None


Anchor = tuple[str, tuple[Any, ...], bool]


def comment_anchors(text: str, positions: Any) -> Counter[Anchor]:
    """Each comment with the node it belongs to, and whether it has a line of its own.

    A comment on its own line belongs to the node that follows it; comments above the first
    node are the file's header and anchor to its start, comments after the last node to its
    end. A comment at the end of a line belongs to the node that owns the line (``_line_owner``).
    A list item anchors as the item, not as its first key, so reordering the keys inside an
    item keeps the comment above it in place.
    """
    starts = _line_starts(positions)
    lines = sorted(starts)
    anchors: Counter[Anchor] = Counter()
    for line, comment, own_line in comments(text):
        if own_line:
            after = bisect.bisect_right(lines, line)
            anchor = END if after == len(lines) else HEADER if after == 0 else starts[lines[after]]
        else:
            before = bisect.bisect_right(lines, line)
            anchor = _line_owner(positions, starts[lines[before - 1]]) if before else HEADER
        anchors[(comment, anchor, own_line)] += 1
    return anchors


def _line_owner(positions: Any, path: tuple[Any, ...]) -> tuple[Any, ...]:
    """The node an end-of-line comment belongs to: the outermost node on the line, except that
    on a '- key: value' line it is that key (ruamel keeps the comment with the key when the
    item's keys move). A flow mapping item ('- {a: 1}') stays the item."""
    if not path or not isinstance(path[-1], int):
        return path
    entry = positions
    for part in path:
        entry = entry[2][part]
    children = entry[2]
    if isinstance(children, dict):
        for key, child in children.items():
            if len(child) == 5 and (child[3], child[4]) == (entry[0], entry[1]):
                return (*path, key)
    return path


def comments(text: str) -> list[tuple[int, str, bool]]:
    """(line, comment, on a line of its own) for every comment, found between the scanner's
    tokens, so a '#' inside a quoted or block scalar is never taken for one."""
    found: list[tuple[int, str, bool]] = []
    position = 0
    for token in yaml.scan(text, Loader=yaml.CSafeLoader):
        if token.start_mark.index > position:
            _comments_in(text, position, token.start_mark.index, found)
        position = max(position, token.end_mark.index)
    _comments_in(text, position, len(text), found)
    return found


def _comments_in(text: str, start: int, end: int, found: list[tuple[int, str, bool]]) -> None:
    for match in _COMMENT.finditer(text, start, end):
        offset = match.start()
        own_line = not text[text.rfind("\n", 0, offset) + 1:offset].strip()
        found.append((text.count("\n", 0, offset) + 1, match.group().rstrip(), own_line))


_COMMENT = re.compile(r"#[^\n]*")


def _line_starts(positions: Any) -> dict[int, tuple[Any, ...]]:
    """Line number → the outermost node path that starts on that line."""
    starts: dict[int, tuple[Any, ...]] = {}

    def visit(entry: Any, path: tuple[Any, ...]) -> None:
        children = entry[2]
        if isinstance(children, dict):
            for key, child in children.items():
                line = child[3] if len(child) == 5 else child[0]
                starts.setdefault(line, (*path, key))
                visit(child, (*path, key))
        elif isinstance(children, list):
            for index, child in enumerate(children):
                starts.setdefault(child[0], (*path, index))
                visit(child, (*path, index))

    if positions is not None:
        visit(positions, ())
    return starts


def _first_difference(old: Any, new: Any, path: tuple[Any, ...]) -> tuple[Any, ...]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in old:
            if key not in new or old[key] != new[key]:
                return _first_difference(old[key], new.get(key), (*path, key))
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for index, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return _first_difference(a, b, (*path, index))
    return path
