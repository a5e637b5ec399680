"""Parse YAML text into plain values plus a tree of source positions, never constructing objects.

Built on libyaml's event stream (PyYAML's C parser) rather than a composer: the walk is
iterative, so depth, alias expansion, tags and duplicate keys are all checked in one bounded pass,
and nothing in the file can make Python build an object (``!!python/object`` is just a tag here).

Plain scalars: ``null``/``~``/empty are null and only ``true``/``false`` are booleans (YAML 1.2
core; ``no`` and ``on`` stay text). Numbers and dates stay as written, and the model parses the
fields that want them: ``version: 2.10`` must not become 2.1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from lsk import limits

# Positions: for a mapping, {key: (line, col, child, key_line, key_col)}; for a list,
# [(line, col, child)]; child is the position tree of the value when it is a container, else
# None. Lines and columns are 1-based.
Pos = tuple[int, int, Any]

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class _Loader(yaml.CSafeLoader):
    """The C parser with no implicit resolvers: scalars are resolved by ``_plain`` below."""

    yaml_implicit_resolvers: dict = {}


@dataclass
class ParseProblem:
    code: str
    line: int
    column: int
    message: str
    hint: str = ""
    fatal: bool = True


@dataclass
class Parsed:
    data: Any = None
    positions: Pos | None = None
    problems: list[ParseProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.fatal for p in self.problems)


def _plain(value: str) -> Any:
    if not value or value[0] in "~nNtTfF":
        if value in _NULLS:
            return None
        return _BOOLS.get(value, value)
    return value


class _Frame:
    __slots__ = ("value", "pos", "is_map", "key", "key_mark", "anchor", "nodes", "line", "col")

    def __init__(self, is_map: bool, anchor: str | None, line: int, col: int) -> None:
        self.is_map = is_map
        self.value: Any = {} if is_map else []
        self.pos: Any = {} if is_map else []
        self.key: Any = _NO_KEY
        self.key_mark = (0, 0)
        self.anchor = anchor
        self.nodes = 1
        self.line = line
        self.col = col


_NO_KEY = object()


def parse_yaml(text: str) -> Parsed:
    """Parse one YAML document; all problems come back as ``ParseProblem``s, never exceptions."""
    out = Parsed()
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, Any, int]] = {}
    alias_nodes = 0
    documents = 0
    root: tuple[Any, Any] | None = None

    def problem(code: str, mark: Any, message: str, hint: str = "", fatal: bool = True) -> None:
        out.problems.append(ParseProblem(code, mark.line + 1, mark.column + 1, message, hint, fatal))

    def attach(value: Any, pos: Any, nodes: int, line: int, col: int) -> bool:
        nonlocal root
        if not stack:
            root = (value, (line, col, pos))
            return True
        top = stack[-1]
        top.nodes += nodes
        if not top.is_map:
            top.value.append(value)
            top.pos.append((line, col, pos))
            return True
        if top.key is _NO_KEY:
            if pos is not None or not isinstance(value, str):
                if not isinstance(value, (str, int, float, bool)) and value is not None:
                    out.problems.append(ParseProblem(
                        "LSK108", line, col, "en nyckel måste vara en enkel text",
                        "Skriv nyckeln som ett ord, t.ex. 'titel:'."))
                    return False
                value = str(value).lower() if isinstance(value, bool) else str(value)
            if value in top.value:
                first = top.pos[value]
                out.problems.append(ParseProblem(
                    "LSK102", line, col, f"nyckeln '{value}' finns redan på rad {first[0]}",
                    "Ta bort eller slå ihop den ena förekomsten; annars gäller bara den sista.",
                ))
            top.key = value
            top.key_mark = (line, col)
            return True
        top.value[top.key] = value
        top.pos[top.key] = (line, col, pos, *top.key_mark)
        top.key = _NO_KEY
        return True

    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                mark = event.start_mark
                if event.tag is not None and event.tag != "!":
                    # A tag asks a YAML library to build a type; lsk never does (safety).
                    problem("LSK103", mark, f"YAML-taggen '{event.tag}' är inte tillåten",
                            "Ta bort taggen; skriv värdet som vanlig text.")
                    value: Any = None
                elif not event.implicit[0] or (stack and stack[-1].is_map
                                               and stack[-1].key is _NO_KEY):
                    value = event.value  # quoted scalars and keys stay text
                else:
                    value = _plain(event.value)
                if event.anchor:
                    anchors[event.anchor] = (value, None, 1)
                if not attach(value, None, 1, mark.line + 1, mark.column + 1):
                    return out
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                if event.tag is not None and event.tag not in ("!", "tag:yaml.org,2002:map",
                                                               "tag:yaml.org,2002:seq"):
                    problem("LSK103", mark, f"YAML-taggen '{event.tag}' är inte tillåten",
                            "Ta bort taggen.")
                if stack and stack[-1].is_map and stack[-1].key is _NO_KEY:
                    problem("LSK108", mark, "en nyckel måste vara en enkel text",
                            "Skriv nyckeln som ett ord, t.ex. 'titel:'.")
                    return out
                if len(stack) >= limits.MAX_DEPTH:
                    problem("LSK105", mark,
                            f"nästlingen är djupare än {limits.MAX_DEPTH} nivåer",
                            "Dokumentet är felaktigt uppbyggt; ett riktigt dokument är grunt.")
                    return out
                stack.append(_Frame(kind is yaml.MappingStartEvent, event.anchor,
                                    mark.line + 1, mark.column + 1))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    anchors[frame.anchor] = (frame.value, frame.pos, frame.nodes)
                attach(frame.value, frame.pos, frame.nodes, frame.line, frame.col)
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                target = anchors.get(event.anchor)
                if target is None:  # pragma: no cover - libyaml reports this first
                    problem("LSK101", mark, f"okänt ankare '*{event.anchor}'")
                    return out
                alias_nodes += target[2]
                if alias_nodes > limits.MAX_ALIAS_NODES:
                    problem("LSK104", mark,
                            f"alias (*{event.anchor}) kopierar fler än "
                            f"{limits.MAX_ALIAS_NODES} värden",
                            "Skriv ut värdena i stället för att använda ankare och alias.")
                    return out
                if not attach(target[0], target[1], target[2], mark.line + 1, mark.column + 1):
                    return out
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem("LSK106", event.start_mark, "filen innehåller mer än ett YAML-dokument",
                            "Dela upp filen: ett dokument per fil, utan '---' mitt i.")
                    return out
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "okänt fel"
        if "nesting depth" in reason:
            out.problems.append(ParseProblem(
                "LSK105", line, col, f"nästlingen är djupare än {limits.MAX_DEPTH} nivåer",
                "Dokumentet är felaktigt uppbyggt; ett riktigt dokument är grunt."))
        else:
            out.problems.append(ParseProblem(
                "LSK101", line, col, f"YAML-syntaxfel: {_swedish(reason)}",
                "Kontrollera indrag, kolon och citattecken på raden eller raden före."))
        return out
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, exc.position)
        out.problems.append(ParseProblem(
            "LSK101", line, col, f"otillåtet tecken U+{exc.character:04X} i filen",
            "Ta bort tecknet; YAML tillåter inte styrtecken."))
        return out
    if root is None:
        out.problems.append(ParseProblem("LSK107", 1, 1, "filen är tom",
                                         "Fyll i dokumentet eller ta bort filen."))
        return out
    out.data, out.positions = root
    return out


_LIBYAML_SV = {
    "mapping values are not allowed": "kolon på fel ställe (citera texten om den innehåller ': ')",
    "did not find expected key": "indraget stämmer inte; en nyckel saknas eller står fel",
    "did not find expected node content": "ett värde saknas",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "did not find expected '-' indicator": "indraget i listan stämmer inte",
    "found character that cannot start any token": "tecken som inte får inleda ett värde (tabb?)",
    "found undefined alias": "aliaset pekar på ett ankare som inte finns",
    "found unknown escape character": "okänd escape-sekvens i citerad text",
    "found unexpected end of stream": "filen tar slut mitt i ett värde",
    "did not find expected ',' or ']'": "',' eller ']' saknas i listan",
    "did not find expected ',' or '}'": "',' eller '}' saknas",
    "found duplicate anchor": "samma ankare används två gånger",
}


def _swedish(reason: str) -> str:
    for english, swedish in _LIBYAML_SV.items():
        if reason.startswith(english):
            return swedish
    return reason


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
