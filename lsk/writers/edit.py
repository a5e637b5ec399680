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
    """Set ``key: value`` at the top level, then prove that nothing else changed.

    The edited text is parsed again and must equal the original with only ``key`` changed;
    anything else (anchors, block scalars, flow style) raises ValueError instead of corrupting.
    """
    edited = _edit(text, key, value, before)
    old, new = parse_yaml(text), parse_yaml(edited)
    expected = dict(old.data) if isinstance(old.data, dict) else None
    if expected is not None:
        expected[key] = value
    if not new.ok or not isinstance(new.data, dict) or expected is None or \
            {k: v for k, v in new.data.items() if k != key} != \
            {k: v for k, v in expected.items() if k != key} or str(new.data.get(key)) != value:
        raise ValueError(f"'{key}' står på ett sätt som lsk inte kan ändra säkert; ändra det för "
                         "hand")
    return edited


def _edit(text: str, key: str, value: str, before: str | None) -> str:
    """Replace the value in place, or insert a new line above ``before`` (else at the end)."""
    parsed = parse_yaml(text)
    if not parsed.ok or not isinstance(parsed.data, dict):
        raise ValueError("dokumentet kan inte tolkas")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    if key in parsed.data:
        line, col = position_of(parsed.positions, (key,))
        current = lines[line - 1]
        match = _VALUE.match(current, col - 1)
        if match is None or isinstance(parsed.data[key], (dict, list)):
            raise ValueError(f"'{key}' är inte ett enkelt värde")
        lines[line - 1] = current[: match.start()] + value + current[match.end():]
        return "".join(lines)
    new_line = f"{key}: {value}{newline}"
    if before is not None and before in parsed.data:
        at = position_of(parsed.positions, (before,), key=True)[0] - 1
        lines.insert(at, new_line)
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
        lines.append(new_line)
    return "".join(lines)
