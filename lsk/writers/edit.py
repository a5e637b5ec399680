"""Surgical edits: change one scalar value or add one key, leaving every other byte alone.

Round-trip dumping could still re-emit a line differently; for a one-field change lsk edits the
text itself at the position the reader reports.
"""

from __future__ import annotations

import re
from typing import Any

from lsk.loader.positions import position_of
from lsk.loader.yamlread import parse_yaml

_VALUE = re.compile(r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s#]+)")

Path = tuple[str | int, ...]
"""Keys and list positions from the top of the document to a mapping."""


def set_top_level(text: str, key: str, value: str, before: str | None = None) -> str:
    """Set ``key: value`` at the top level, then prove that nothing else changed.

    The edited text is parsed again and must equal the original with only ``key`` changed;
    anything else (anchors, block scalars, flow style) raises ValueError instead of corrupting.
    """
    return set_in(text, (), key, value, (before,) if before else ())


def set_in(text: str, path: Path, key: str, value: str, before: tuple[str, ...] = ()) -> str:
    """Set ``key: value`` in the block mapping at ``path`` (``()``: the top level; ``("styrdokument",
    2)``: the third entry of a list file), then prove that nothing else changed.

    A new key goes on its own line above the first of ``before`` the mapping has (the model's key
    order), else after the mapping's last line. The edited text is parsed again and must equal
    the original with only that one value changed; anything else (anchors, block scalars, flow
    style) raises ValueError instead of corrupting the file.
    """
    edited = _edit(text, path, key, value, before)
    old, new = parse_yaml(text), parse_yaml(edited)
    old_node, new_node = _at(old.data, path), _at(new.data, path)
    if not new.ok or not isinstance(old_node, dict) or not isinstance(new_node, dict) or \
            str(new_node.get(key)) != value or _without(new.data, path, key) != \
            _without(old.data, path, key):
        raise ValueError(f"'{key}' står på ett sätt som lsk inte kan ändra säkert; ändra det för "
                         "hand")
    return edited


def _at(data: Any, path: Path) -> Any:
    for part in path:
        found = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data))
        if not found:
            return None
        data = data[part]
    return data


def _without(data: Any, path: Path, key: str) -> Any:
    """``data`` with ``key`` left out of the mapping at ``path`` (everything else as it is)."""
    if not path:
        return {k: v for k, v in data.items() if k != key} if isinstance(data, dict) else data
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: (_without(v, rest, key) if k == head else v) for k, v in data.items()}
    if isinstance(data, list):
        return [_without(v, rest, key) if i == head else v for i, v in enumerate(data)]
    return data


def _edit(text: str, path: Path, key: str, value: str, before: tuple[str, ...]) -> str:
    """Replace the value in place, or insert a new line above ``before`` (else at the end)."""
    parsed = parse_yaml(text)
    node = _at(parsed.data, path) if parsed.ok else None
    if not isinstance(node, dict):
        raise ValueError("dokumentet kan inte tolkas")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    if key in node:
        line, col = position_of(parsed.positions, (*path, key))
        current = lines[line - 1]
        match = _VALUE.match(current, col - 1)
        if match is None or isinstance(node[key], (dict, list)):
            raise ValueError(f"'{key}' är inte ett enkelt värde")
        lines[line - 1] = current[: match.start()] + value + current[match.end():]
        return "".join(lines)
    if not path:
        new_line = f"{key}: {value}{newline}"
        following = next((b for b in before if b in node), None)
        if following is not None:
            at = position_of(parsed.positions, (following,), key=True)[0] - 1
            lines.insert(at, new_line)
        else:
            if lines and not lines[-1].endswith("\n"):
                lines[-1] += newline
            lines.append(new_line)
        return "".join(lines)
    if not node:
        raise ValueError("posten är tom")
    first_line, indent = position_of(parsed.positions, (*path, next(iter(node))), key=True)
    new_line = " " * (indent - 1) + f"{key}: {value}{newline}"
    following = next((b for b in before if b in node), None)
    if following is not None:
        at, col = position_of(parsed.positions, (*path, following), key=True)
        if lines[at - 1][: col - 1].strip():  # not a block mapping's own line
            raise ValueError(f"'{key}' står på ett sätt som lsk inte kan ändra säkert; ändra det "
                             "för hand")
        lines.insert(at - 1, new_line)
        return "".join(lines)
    end = _last_line(lines, _deepest(parsed.positions, path), indent)
    if not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines.insert(end, new_line)
    return "".join(lines)


def _deepest(positions: Any, path: Path) -> int:
    """The last line on which a value under ``path`` starts."""
    entry: Any = positions
    for part in path:
        entry = entry[2][part]

    def walk(e: Any) -> int:
        child = e[2] if len(e) >= 3 else None
        found = [e[0]]
        if isinstance(child, dict):
            found += [walk(c) for c in child.values()]
        elif isinstance(child, list):
            found += [walk(c) for c in child]
        return max(found)

    return walk(entry)


def _last_line(lines: list[str], start: int, indent: int) -> int:
    """The 1-based last line of a mapping whose keys stand in column ``indent``, given the line
    on which its last value starts: a block scalar or nested mapping runs on while lines are
    indented deeper (blank lines inside it included)."""
    end = start
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) >= indent:
            end = number
        else:
            break
    return end
