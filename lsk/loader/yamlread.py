"""Parse YAML text into plain values plus a tree of source positions, never constructing objects.

Built on libyaml's event stream (PyYAML's C parser) rather than a composer: the walk is
iterative, so depth, alias expansion, tags and duplicate keys are all checked in one bounded pass,
and nothing in the file can make Python build an object (``!!python/object`` is just a tag here).

Plain scalars: ``null``/``~``/empty are null and only ``true``/``false`` are booleans (YAML 1.2
core; ``no`` and ``on`` stay text). Numbers and dates stay as written, and the model parses the
fields that want them: ``version: 2.10`` must not become 2.1. So a number of any length (a
4,300-digit integer, past Python's limit for ``int(str)``) is read as its text, and the model
reports it as LSK203 at the value when the field wants a number: the reader never converts one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from lsk import limits
from lsk.loader.positions import Pos, char_offset, line_col
from lsk.terminal import CONTROLS

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


@dataclass
class Parsed:
    data: Any = None
    positions: Pos | None = None
    problems: list[ParseProblem] = field(default_factory=list)
    notes: list[ParseProblem] = field(default_factory=list)
    """What was read but changed on the way (control characters from escapes): warnings that
    do not stop the file from being read."""

    @property
    def ok(self) -> bool:
        return not self.problems


def _plain(value: str) -> Any:
    if not value or value[0] in "~nNtTfF":
        if value in _NULLS:
            return None
        return _BOOLS.get(value, value)
    return value


_NO_KEY = object()
_KEY_HINT = "Skriv nyckeln som ett ord, t.ex. 'titel:'."
_DEPTH_HINT = "Dokumentet är felaktigt uppbyggt; ett riktigt dokument är grunt."


class _Stop(Exception):
    """Raised after a fatal problem: the rest of the file is not read."""


class _Frame:
    """An open mapping or list: its value, its positions, and the key waiting for a value."""

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

    @property
    def wants_key(self) -> bool:
        return self.is_map and self.key is _NO_KEY


class _Builder:
    """Turns the event stream into values and positions, enforcing lsk's limits on the way."""

    def __init__(self, out: Parsed) -> None:
        self.out = out
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, Any, int]] = {}
        self.alias_nodes = 0
        self.documents = 0
        self.root: tuple[Any, Any] | None = None

    def fail(self, code: str, line: int, col: int, message: str, hint: str) -> None:
        self.out.problems.append(ParseProblem(code, line, col, message, hint))
        raise _Stop

    def feed(self, event: Any) -> None:
        kind = type(event)
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if kind is yaml.ScalarEvent:
            self.scalar(event, line, col)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.open(event, kind is yaml.MappingStartEvent, line, col)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.value, frame.pos, frame.nodes)
            self.attach(frame.value, frame.pos, frame.nodes, frame.line, frame.col)
        elif kind is yaml.AliasEvent:
            self.alias(event.anchor, line, col)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail("LSK106", line, col, "filen innehåller mer än ett YAML-dokument",
                          "Dela upp filen: ett dokument per fil, utan '---' mitt i.")

    def scalar(self, event: Any, line: int, col: int) -> None:
        if event.tag is not None and event.tag != "!":
            # A tag asks a YAML library to build a type; lsk never does (safety).
            self.out.problems.append(ParseProblem(
                "LSK103", line, col, f"YAML-taggen '{event.tag}' är inte tillåten",
                "Ta bort taggen; skriv värdet som vanlig text."))
            value: Any = None
        elif not event.implicit[0] or (self.stack and self.stack[-1].wants_key):
            value = event.value  # quoted scalars and keys stay text
            if event.style == '"' and CONTROLS.search(value):
                value = self.controls(value, line, col)
        else:
            value = _plain(event.value)
        if event.anchor:
            self.anchors[event.anchor] = (value, None, 1)
        self.attach(value, None, 1, line, col)

    def controls(self, value: str, line: int, col: int) -> str:
        """A double-quoted text without the control characters its escapes made (``"\\e"``
        is ESC, which steers a terminal): no reader of the value, no output, ever sees them."""
        found = sorted(set(CONTROLS.findall(value)))
        shown = ", ".join(f"U+{ord(c):04X}" for c in found[:5])
        self.out.notes.append(ParseProblem(
            "LSK011", line, col,
            f"texten innehåller {'styrtecknet' if len(found) == 1 else 'styrtecknen'} {shown} "
            "(från en escape-sekvens); de tas bort när texten läses",
            "Ta bort escape-sekvensen (t.ex. \\e, \\x1b eller \\u0007) ur den citerade texten; "
            "skriv en radbrytning som \\n."))
        return CONTROLS.sub("", value)

    def open(self, event: Any, is_map: bool, line: int, col: int) -> None:
        if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            self.out.problems.append(ParseProblem(
                "LSK103", line, col, f"YAML-taggen '{event.tag}' är inte tillåten", "Ta bort taggen."))
        if self.stack and self.stack[-1].wants_key:
            self.fail("LSK108", line, col, "en nyckel måste vara en enkel text", _KEY_HINT)
        if len(self.stack) >= limits.MAX_DEPTH:
            self.fail("LSK105", line, col, f"nästlingen är djupare än {limits.MAX_DEPTH} nivåer",
                      _DEPTH_HINT)
        self.stack.append(_Frame(is_map, event.anchor, line, col))

    def alias(self, anchor: str, line: int, col: int) -> None:
        target = self.anchors.get(anchor)
        if target is None:  # pragma: no cover - libyaml reports an undefined alias first
            self.fail("LSK101", line, col, f"okänt ankare '*{anchor}'", "Definiera ankaret först.")
            return
        self.alias_nodes += target[2]
        if self.alias_nodes > limits.MAX_ALIAS_NODES:
            self.fail("LSK104", line, col,
                      f"alias (*{anchor}) kopierar fler än {limits.MAX_ALIAS_NODES} värden",
                      "Skriv ut värdena i stället för att använda ankare och alias.")
        self.attach(*target, line, col)

    def attach(self, value: Any, pos: Any, nodes: int, line: int, col: int) -> None:
        if not self.stack:
            self.root = (value, (line, col, pos))
            return
        top = self.stack[-1]
        top.nodes += nodes
        if not top.is_map:
            top.value.append(value)
            top.pos.append((line, col, pos))
        elif top.key is _NO_KEY:
            if not isinstance(value, str):  # an alias used as a key
                self.fail("LSK108", line, col, "en nyckel måste vara en enkel text", _KEY_HINT)
            if value in top.value:
                self.out.problems.append(ParseProblem(
                    "LSK102", line, col,
                    f"nyckeln '{value}' finns redan på rad {top.pos[value][3]}",
                    "Ta bort eller slå ihop den ena förekomsten; annars gäller bara den sista."))
            top.key = value
            top.key_mark = (line, col)
        else:
            top.value[top.key] = value
            top.pos[top.key] = (line, col, pos, *top.key_mark)
            top.key = _NO_KEY


def parse_yaml(text: str) -> Parsed:
    """Parse one YAML document; all problems come back as ``ParseProblem``s, never exceptions."""
    out = Parsed()
    builder = _Builder(out)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Stop:
        return out
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "okänt fel"
        if "nesting depth" in reason:  # libyaml's own limit on flow nesting
            out.problems.append(ParseProblem(
                "LSK105", line, col, f"nästlingen är djupare än {limits.MAX_DEPTH} nivåer",
                _DEPTH_HINT))
        else:
            out.problems.append(ParseProblem(
                "LSK101", line, col, f"YAML-syntaxfel: {_swedish(reason)}",
                "Kontrollera indrag, kolon och citattecken på raden eller raden före."))
        return out
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, char_offset(text, exc.position))  # libyaml counts bytes
        out.problems.append(ParseProblem(
            "LSK101", line, col, f"otillåtet tecken U+{exc.character:04X} i filen",
            "Ta bort tecknet; YAML tillåter inte styrtecken."))
        return out
    if builder.root is None:
        out.problems.append(ParseProblem("LSK107", 1, 1, "filen är tom",
                                         "Fyll i dokumentet eller ta bort filen."))
        return out
    out.data, out.positions = builder.root
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
    "found invalid Unicode character escape code": "ogiltig \\u- eller \\U-kod i citerad text",
    "did not find expected hexdecimal number": "en \\x-, \\u- eller \\U-kod i citerad text har "
                                               "för få eller fel siffror",
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
