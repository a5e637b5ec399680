"""Replace scalar values where they stand, every other byte unchanged, and prove it.

Used to rewrite references (``SFS-2001:453/14/3`` → ``SFS-2025:400/27/2``) inside lists such as
``lagkrav: [SOSFS-2011:9/4/4, SFS-2001:453/14/3]`` or block lists: the reader's position of
each value is where the text is changed, and the result must read back as the original with only
those values changed.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from lsk.loader.positions import position_of
from lsk.loader.yamlread import parse_yaml

# A plain scalar in flow or block context ends at ',', ']', '}', ' #' or the line end.
_SCALAR = re.compile(r"'(?P<single>[^']*)'|\"(?P<double>[^\"\\]*)\"|(?P<plain>[^\s,\]}#]+)")


@dataclass(frozen=True)
class ScalarEdit:
    path: tuple[Any, ...]
    """Where the value is, from the top of the document (keys and list positions)."""
    old: str
    new: str


def replace_scalars(text: str, edits: list[ScalarEdit]) -> str:
    """``text`` with each value at ``edit.path`` changed from ``old`` to ``new``.

    Raises ValueError when a value is not where and what the edit says, or when the edited text
    does not read back as the original with exactly those values changed.
    """
    before = parse_yaml(text)
    if not before.ok:
        raise ValueError("filen kan inte tolkas")
    lines = text.splitlines(keepends=True)
    located = sorted(((position_of(before.positions, e.path), e) for e in edits),
                     key=lambda item: item[0], reverse=True)  # right to left, bottom up
    for (line, col), edit in located:
        current = lines[line - 1]
        match = _SCALAR.match(current, col - 1)
        value = next((g for g in (match.group("single"), match.group("double"),
                                  match.group("plain")) if g is not None), None) if match else None
        if match is None or value != edit.old:
            raise ValueError(f"rad {line}: '{edit.old}' står inte där lsk väntade sig")
        group = "single" if match.group("single") is not None else (
            "double" if match.group("double") is not None else "plain")
        start, end = match.span(group)
        lines[line - 1] = current[:start] + edit.new + current[end:]
    edited = "".join(lines)
    after = parse_yaml(edited)
    expected = copy.deepcopy(before.data)
    for edit in edits:
        _set(expected, edit.path, edit.new)
    if not after.ok or after.data != expected:
        raise ValueError("ändringen skulle påverka mer än hänvisningarna; ändra för hand")
    return edited


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
