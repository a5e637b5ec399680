"""Surgical edits: change one scalar value or add one key, leaving every other byte alone.

Round-trip dumping could still re-emit a line differently; for a one-field change lsk edits the
text itself at the position the reader reports.
"""

from __future__ import annotations

import re

from lsk.loader.positions import position_of
from lsk.loader.yamlread import parse_yaml

_VALUE = re.compile(r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s#]+)")


def set_top_level(text: str, key: str, value: str, before: str | None = None) -> str:
    """Set ``key: value`` at the top level: replace the value in place, or insert a new line.

    A new line goes right above ``before`` when that key exists, else at the end.
    """
    parsed = parse_yaml(text)
    if not parsed.ok or not isinstance(parsed.data, dict):
        raise ValueError("dokumentet kan inte tolkas")
    lines = text.splitlines(keepends=True)
    if key in parsed.data:
        line, col = position_of(parsed.positions, (key,))
        current = lines[line - 1]
        match = _VALUE.match(current, col - 1)
        if match is None or isinstance(parsed.data[key], (dict, list)):
            raise ValueError(f"'{key}' är inte ett enkelt värde")
        lines[line - 1] = current[: match.start()] + value + current[match.end():]
        return "".join(lines)
    new_line = f"{key}: {value}\n"
    if before is not None and before in parsed.data:
        at = position_of(parsed.positions, (before,), key=True)[0] - 1
        lines.insert(at, new_line)
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(new_line)
    return "".join(lines)
