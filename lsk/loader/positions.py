"""Source positions: the tree the YAML reader builds, and lookups into it."""

from __future__ import annotations

from typing import Any

# Positions: for a mapping, {key: (line, col, child, key_line, key_col)}; for a list,
# [(line, col, child)]; child is the position tree of the value when it is a container, else
# None. Lines and columns are 1-based.
Pos = tuple[int, int, Any]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def position_of(positions: Pos | None, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
    """Line and column of the value at ``path`` (of its key when ``key``).

    When the path does not exist (a missing field), the nearest existing ancestor is returned.
    """
    if positions is None:
        return (1, 1)
    entry: tuple[Any, ...] = positions
    for part in path:
        try:
            entry = entry[2][part]
        except (KeyError, IndexError, TypeError):
            return entry[0], entry[1]
    if key and len(entry) == 5:
        return entry[3], entry[4]
    return entry[0], entry[1]
