"""Source positions: the tree the YAML reader builds, and lookups into it."""

from __future__ import annotations

import re
from typing import Any

# Positions: for a mapping, {key: (line, col, child, key_line, key_col)}; for a list,
# [(line, col, child)]; child is the position tree of the value when it is a container, else
# None. Lines and columns are 1-based.
Pos = tuple[int, int, Any]


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""YAML's line breaks, as the reader (libyaml) counts them: CRLF is one break, and CR, LF, NEL,
LS and PS each one. Every position lsk reports counts lines this way."""


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of the character at ``offset`` (a character offset, not a byte
    offset: see ``char_offset``)."""
    line, start = 1, 0
    for m in _BREAK.finditer(text, 0, offset):
        if m.end() > offset:  # offset is the LF of a CRLF: still the line the CR ends
            break
        line, start = line + 1, m.end()
    return line, offset - start + 1


def char_offset(text: str, byte_offset: int) -> int:
    """The character offset in ``text`` of a byte offset into its UTF-8 encoding (libyaml and
    the UTF-8 decoder report bytes)."""
    return len(text.encode("utf-8", "surrogatepass")[:byte_offset].decode("utf-8", "ignore"))


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
