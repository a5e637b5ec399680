"""A semantic diff: which documents were added or removed, and which fields of the others changed.

Values are compared as parsed YAML, recursively. List items are matched by ``id`` when every item
has one (activities, roles); lists of plain values (lagkrav, rutiner) as sets; other lists (steps)
by position, aligned so that one inserted step reads as one addition, not as every later step
changed. Places are described the way a reader names them: "steg 3, ansvar".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lsk.history.snapshot import Document
from lsk.model.kinds import item_labels

Where = tuple[tuple[str, bool], ...]
"""Labels from the document down: (text, is a list item)."""


@dataclass(frozen=True)
class FieldChange:
    path: tuple[str | int, ...]
    """Keys, item ids and 0-based positions from the top of the document."""
    where: str
    change: str
    """'andrad', 'tillagd', 'borttagen', 'ordning', or 'ej_jamforbar' (a file that can't be read)."""
    old: Any = None
    new: Any = None

    def describe(self) -> str:
        if self.change == "andrad":
            return f"{self.where}: {show(self.old)} → {show(self.new)}"
        if self.change == "tillagd":
            return f"{self.where}: {show(self.new)} lades till"
        if self.change == "borttagen":
            return f"{self.where}: {show(self.old)} togs bort"
        if self.change == "ordning":
            return f"{self.where}: ordningen ändrades ({show(self.old)} → {show(self.new)})"
        return f"{self.where}: kan inte jämföras: {self.new}"


@dataclass
class DocumentDiff:
    status: str
    """'andrad', 'tillagd' or 'borttagen'."""
    document: Document
    """The document as it is now (as it was, when removed)."""
    old_relpath: str | None = None
    changes: list[FieldChange] = field(default_factory=list)
    previous: Document | None = None
    """The document as it was, for a changed one (names of removed items)."""


def words(value: Any, text: Callable[[str], str], mapping: Callable[[dict[str, Any]], str]) -> str:
    """A value in a sentence, walked the same way wherever a change is put in words: nothing is
    '(tomt)', a yes/no 'ja'/'nej', a list its values joined; ``mapping`` says a mapping and
    ``text`` a plain value (the parsed YAML's scalars are text). ``show`` says them plainly, the
    nämnd's reading (``readable.Reader``) with names and labels."""
    if value is None:
        return "(tomt)"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return ", ".join(words(v, text, mapping) for v in value) or "(tom lista)"
    if isinstance(value, dict):
        return mapping(value)
    return text(str(value))


def show(value: Any) -> str:
    """A value in a sentence: text quoted, an item by its id and name."""
    return words(value, _quoted, _named)


def _quoted(text: str) -> str:
    return text if text and " " not in text and len(text) < 40 else f"«{text}»"


def _named(value: dict[str, Any]) -> str:
    found = [value.get(k) for k in ("id", "namn", "titel", "text", "part")]
    named = [n for n in found if isinstance(n, str)]
    if named:
        return named[0] if len(named) == 1 else f"{named[0]} ({show(named[1])})"
    return "; ".join(f"{k}: {show(v)}" for k, v in value.items())


def _render(where: Where) -> str:
    text = ""
    for i, (label, item) in enumerate(where):
        sep = "" if i == 0 else (", " if item or where[i - 1][1] else ".")
        text += sep + label
    return text or "dokumentet"


def compare_data(old: Any, new: Any) -> list[FieldChange]:
    out: list[FieldChange] = []
    _diff(old, new, (), (), out)
    return out


def _diff(a: Any, b: Any, path: tuple[str | int, ...], where: Where,
          out: list[FieldChange]) -> None:
    if a == b and type(a) is type(b):
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*b, *(k for k in a if k not in b)]:
            sub, at = (*path, key), (*where, (key, False))
            if key not in a:
                out.append(FieldChange(sub, _render(at), "tillagd", None, b[key]))
            elif key not in b:
                out.append(FieldChange(sub, _render(at), "borttagen", a[key], None))
            elif isinstance(a[key], list) and isinstance(b[key], list):
                _diff_list(a[key], b[key], sub, where, key, out)
            else:
                _diff(a[key], b[key], sub, at, out)
    else:
        out.append(FieldChange(path, _render(where), "andrad", a, b))


def _ids(items: list[Any]) -> list[str] | None:
    ids = [x.get("id") for x in items if isinstance(x, dict)]
    ok = len(ids) == len(items) and all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)
    return ids if ok else None  # type: ignore[return-value]


def _diff_list(a: list[Any], b: list[Any], path: tuple[str | int, ...], parent: Where, key: str,
               out: list[FieldChange]) -> None:
    label, here = item_labels().get(key, key), _render((*parent, (key, False)))
    ids_a, ids_b = _ids(a), _ids(b)
    if ids_a is not None and ids_b is not None and (a or b):
        old, new = dict(zip(ids_a, a, strict=True)), dict(zip(ids_b, b, strict=True))
        for i in ids_b:
            at = _render((*parent, (f"{label} {i}", True)))
            if i not in old:
                out.append(FieldChange((*path, i), at, "tillagd", None, new[i]))
            else:
                _diff(old[i], new[i], (*path, i), (*parent, (f"{label} {i}", True)), out)
        out.extend(FieldChange((*path, i), _render((*parent, (f"{label} {i}", True))), "borttagen",
                               old[i], None) for i in ids_a if i not in new)
        kept_a, kept_b = [i for i in ids_a if i in new], [i for i in ids_b if i in old]
        if kept_a != kept_b:
            out.append(FieldChange(path, here, "ordning", kept_a, kept_b))
        return
    if all(not isinstance(x, dict | list) for x in (*a, *b)):
        out.extend(FieldChange(path, here, "borttagen", x, None) for x in a if x not in b)
        out.extend(FieldChange(path, here, "tillagd", None, x) for x in b if x not in a)
        if sorted(map(str, a)) == sorted(map(str, b)) and a != b:
            out.append(FieldChange(path, here, "ordning", a, b))
        return
    keys_a, keys_b = [_key(x) for x in a], [_key(x) for x in b]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        for k in range(pairs):
            _diff(a[i1 + k], b[j1 + k], (*path, j1 + k), (*parent, (f"{label} {j1 + k + 1}", True)),
                  out)
        out.extend(FieldChange((*path, j), _render((*parent, (f"{label} {j + 1}", True))), "tillagd",
                               None, b[j]) for j in range(j1 + pairs, j2))
        out.extend(FieldChange((*path, i), _render((*parent, (f"{label} {i + 1}", True))),
                               "borttagen", a[i], None) for i in range(i1 + pairs, i2))


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def compare(old: dict[str, Document], new: dict[str, Document]) -> list[DocumentDiff]:
    """Every document that differs, in the order of the document kinds, then by id."""
    old = _align(old, new)
    out = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (new.get(k) or old[k]).sort_key()):
        before, after = old.get(key), new.get(key)
        if before is None and after is not None:
            out.append(DocumentDiff("tillagd", after))
        elif after is None and before is not None:
            out.append(DocumentDiff("borttagen", before))
        elif before is not None and after is not None:
            changes = _document_changes(before, after)
            if changes:
                moved = before.relpath if before.relpath != after.relpath else None
                out.append(DocumentDiff("andrad", after, moved, changes, before))
    return out


def _align(old: dict[str, Document], new: dict[str, Document]) -> dict[str, Document]:
    """Old documents re-keyed to the new key when only one side has an id for the same file
    (a file broken or repaired, an id renumbered): one changed document, not one removed and
    one added."""
    new_only = {d.relpath: k for k, d in new.items() if k not in old}
    out = {}
    for key, doc in old.items():
        target = new_only.get(doc.relpath) if key not in new else None
        out[target or key] = doc
    return out


def _document_changes(before: Document, after: Document) -> list[FieldChange]:
    changes = []
    if before.relpath != after.relpath:
        changes.append(FieldChange(("fil",), "fil", "andrad", before.relpath, after.relpath))
    if after.problem or before.problem:
        if before.digest != after.digest:
            changes.append(FieldChange((), "dokumentet", "ej_jamforbar", before.problem,
                                       after.problem or before.problem))
        return changes
    return changes + compare_data(before.data, after.data)
