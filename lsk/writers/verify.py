"""Proofs that a rewritten document still says what the user wrote.

A rewrite (``lsk fmt``) may move keys, but every value must read back exactly as written and every
full-line comment must still stand before the same thing. Both checks use lsk's own reader, so
"the same" means the same to ``lsk check``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

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
    for comment, anchor in sorted(moved):
        # A comment above the key that now comes first reads as part of the file's header.
        if anchor == first and gained[(comment, HEADER)] > 0:
            gained[(comment, HEADER)] -= 1
            continue
        return (f"kommentaren '{comment}' skulle hamna vid en annan nyckel; flytta kommentaren "
                "eller ordna nycklarna för hand")
    return None


def comment_anchors(text: str, positions: Any) -> Counter[tuple[str, tuple[Any, ...]]]:
    """Each full-line comment with the path of the node that follows it.

    Comments above the first node are the file's header and anchor to its start; comments after
    the last node anchor to its end. A list item anchors as the item, not as its first key, so
    reordering the keys inside an item keeps the comment above it in place.
    """
    starts = _line_starts(positions)
    lines = text.splitlines()
    anchors: Counter[tuple[str, tuple[Any, ...]]] = Counter()
    pending: list[str] = []
    seen_content = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped)
        elif stripped and number in starts:
            anchor = starts[number] if seen_content else HEADER
            anchors.update((comment, anchor) for comment in pending)
            pending = []
            seen_content = True
    anchors.update((comment, END) for comment in pending)
    return anchors


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
