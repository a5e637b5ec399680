"""The diff as the nämnd reads it: names instead of ids, Swedish labels instead of keys, and the
words that changed instead of whole paragraphs.

``semdiff`` finds what changed, with paths and ids (the JSON keeps those). This module says the
same in the beslutsunderlag's words: a place is named by its items' names and the model's field
titles ("aktiviteten «Utredning och beslut», ansvar"), a value that is an id by the name it has
in either snapshot (a role's name), a value of a fixed list by its label ("Övrigt" for
``annat``), and a changed text by its changed words, struck through and in bold, with a few
words of context.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from lsk.history.semdiff import DocumentDiff, FieldChange, words
from lsk.history.snapshot import Document
from lsk.loader.files import CHAPTER_KIND
from lsk.model.base import Modell
from lsk.model.introspect import model_at
from lsk.model.kapitel import Kapitelinnehall
from lsk.model.kinds import by_name, item_labels
from lsk.model.labels import field_labels, field_title, list_item_labels

CONTEXT = 5
"""Words kept on each side of a change in a text."""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")
_NAME_KEYS = ("namn", "titel", "rubrik")


def md(text: str) -> str:
    """Plain text inside Markdown: nothing a value says becomes markup, a link or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _item_name(item: Any, names: dict[str, str] | None = None) -> str | None:
    """What an item is called: its name, title or text, or the name of the party it is about."""
    if isinstance(item, dict):
        for key in (*_NAME_KEYS, "text", "vad", "atgard"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        part = item.get("part")
        if isinstance(part, str):
            return (names or {}).get(part, part)
    return None


def _name_key(item: Any) -> str | None:
    """The key ``_item_name`` takes the item's name from."""
    if isinstance(item, dict):
        for key in (*_NAME_KEYS, "text", "vad", "atgard"):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return key
    return None


class Reader:
    """Names from both snapshots, and how each change reads."""

    def __init__(self, before: dict[str, Document], after: dict[str, Document]) -> None:
        self.names: dict[str, str] = {}
        for docs in (before, after):  # the new name wins
            for doc in docs.values():
                self._collect(doc.data)
        self._items = {**item_labels(), **list_item_labels([Kapitelinnehall])}

    def _collect(self, data: Any) -> None:
        if isinstance(data, dict):
            ident = data.get("id")
            name = next((data[k] for k in _NAME_KEYS if isinstance(data.get(k), str)), None)
            if isinstance(ident, str) and name:
                self.names[ident] = name
            for value in data.values():
                self._collect(value)
        elif isinstance(data, list):
            for value in data:
                self._collect(value)

    @staticmethod
    def document_title(doc: Document) -> str:
        """'Rutin R004 Utredning', 'Årscykel', 'Roller', 'Kapitel 2 Styrning'."""
        if doc.kind == CHAPTER_KIND:
            number = doc.data.get("ordning") if isinstance(doc.data, dict) else None
            return f"{Kapitelinnehall.LABEL.capitalize()} {number} {doc.title}" \
                if number is not None and doc.title else doc.relpath
        label = by_name(doc.kind).label if doc.kind else ""
        label = label[:1].upper() + label[1:]
        if doc.id:
            return f"{label} {doc.name}".strip()
        return label or doc.relpath

    # --- one change ----------------------------------------------------------------------

    def describe(self, d: DocumentDiff, c: FieldChange, before: Any) -> str:
        """One line of Markdown for ``c``; ``before`` is the document's old data."""
        if c.change == "ej_jamforbar":
            return f"Kan inte jämföras: {md(str(c.new))}"
        if c.path == ("fil",):
            return "Dokumentet har flyttats till en annan fil."
        root = self._model(d.document.kind)
        where, cls, key, whole = self._where(c.path, root, before, d.document.data)
        if whole and c.change in ("tillagd", "borttagen"):
            item = c.new if c.change == "tillagd" else c.old
            done = "har lagts till" if c.change == "tillagd" else "har tagits bort"
            details = self._details(item, _model_at(cls, (key, 0)))
            return f"{where} {done}" + (f" ({details})" if details else "")
        if c.change == "ordning":
            return f"{where}: ordningen har ändrats till {self._value(c.new, cls, key)}"
        if c.change == "tillagd":
            return f"{where}: {self._value(c.new, cls, key)} har lagts till"
        if c.change == "borttagen":
            return f"{where}: {self._value(c.old, cls, key)} har tagits bort"
        if _is_text(c.old) and _is_text(c.new) and not self._known(c.old, c.new, cls, key):
            return f"{where}: {word_diff(c.old, c.new)}"
        return (f"{where}: {self._value(c.old, cls, key)} → "
                f"{self._value(c.new, cls, key)}")

    @staticmethod
    def _model(kind: str) -> type[Modell] | None:
        if kind == CHAPTER_KIND:
            return Kapitelinnehall
        try:
            return by_name(kind).model
        except (KeyError, LookupError, StopIteration, ImportError, AttributeError):
            return None

    def _where(self, path: tuple[str | int, ...], root: type[Modell] | None, old: Any,
               new: Any) -> tuple[str, type[Modell] | None, str, bool]:
        """The place in words, the model of the mapping holding the last key, that key, and
        whether the path ends at a list item (a whole item added or removed)."""
        parts: list[str] = []
        loc: list[Any] = []  # the path with positions, for model_at
        cls: type[Modell] | None = root
        key = ""
        here_old, here_new = old, new
        in_list = ends_item = False
        for i, part in enumerate(path):
            ends_item = in_list
            if not in_list:
                cls = _model_at(root, tuple(loc))
                key = str(part)
                here_old, here_new = _get(here_old, part), _get(here_new, part)
                in_list = isinstance(here_new, list) or isinstance(here_old, list)
                if not (in_list and i + 1 < len(path)):  # an item's label says it
                    parts.append(field_title(cls, key))
                loc.append(part)
                continue
            # a list item: by position (int) or by id (str)
            list_key = path[i - 1] if i else ""
            label = self._items.get(str(list_key), "post")
            item_new, item_old = _item(here_new, part), _item(here_old, part)
            name = _item_name(item_new, self.names) or _item_name(item_old, self.names)
            if i + 2 == len(path) and path[i + 1] in (*_NAME_KEYS, "text", "vad", "atgard") \
                    and path[i + 1] in (_name_key(item_new), _name_key(item_old)):
                name = None  # the change itself shows the name
            if isinstance(part, int):
                text = f"{label} {part + 1}"
                if name:
                    text += f" «{_short(name)}»"
            else:
                text = f"{label} «{_short(name)}»" if name else f"{label} {self.names.get(part, part)}"
            parts.append(text)
            here_old, here_new = item_old, item_new
            in_list = False
            loc.append(0)
        where = ", ".join(parts) or "dokumentet"
        return where[:1].upper() + where[1:], cls, key, ends_item

    def _details(self, item: Any, cls: type[Modell] | None) -> str:
        """An added or removed item's fields besides its id and name: 'ansvar: Handläggare'."""
        if not isinstance(item, dict):
            return ""
        skip = {"id", *_NAME_KEYS, "text"}
        return "; ".join(f"{field_title(cls, str(k))}: {self._value(v, cls, str(k))}"
                         for k, v in item.items() if k not in skip and not isinstance(v, list | dict))

    def _known(self, old: str, new: str, cls: type[Modell] | None, key: str) -> bool:
        """Whether both values are ids or labelled values, which read as 'old → new'."""
        return all(v in self.names or _label(cls, key, v) is not None for v in (old, new))

    def _value(self, value: Any, cls: type[Modell] | None, key: str) -> str:
        """``value`` of field ``key`` of ``cls``, walked as ``semdiff.show`` walks it."""
        return words(value, lambda text: self._text(text, cls, key),
                     lambda mapping: self._mapping(mapping, cls, key))

    def _mapping(self, value: dict[str, Any], cls: type[Modell] | None, key: str) -> str:
        name = _item_name(value, self.names)
        if name:
            return f"«{md(_short(name, 80))}»"
        item = _model_at(cls, (key, 0)) if cls is not None else None
        return "; ".join(f"{field_title(item, str(k))}: {self._value(v, item, str(k))}"
                         for k, v in value.items())

    def _text(self, text: str, cls: type[Modell] | None, key: str) -> str:
        label = _label(cls, key, text)
        if label is not None:
            return md(label)
        if text in self.names:
            return md(self.names[text])
        return md(text) if " " not in text and len(text) < 40 else f"«{md(text)}»"


def _model_at(root: type[Modell] | None, loc: tuple[Any, ...]) -> type[Modell] | None:
    if root is None:
        return None
    found = model_at(root, loc)
    return found if isinstance(found, type) and issubclass(found, Modell) else None


def _label(cls: type[Modell] | None, key: str, value: str) -> str | None:
    if cls is None or key not in cls.model_fields:
        return None
    try:
        return field_labels(cls, key).text.get(value)
    except LookupError:
        return None


def _get(data: Any, key: Any) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _item(data: Any, part: str | int) -> Any:
    if not isinstance(data, list):
        return None
    if isinstance(part, int):
        return data[part] if 0 <= part < len(data) else None
    return next((x for x in data if isinstance(x, dict) and x.get("id") == part), None)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, bool)


def word_diff(old: str, new: str) -> str:
    """The new text with removed words ~~struck~~ and added words in **bold**, and only
    ``CONTEXT`` words of unchanged text around each change."""
    a, b = old.split(), new.split()
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[str] = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            words = a[i1:i2]
            first, last = n == 0, n == len(ops) - 1
            if len(words) > 2 * CONTEXT or (first and len(words) > CONTEXT) or \
                    (last and len(words) > CONTEXT):
                head = [] if first else words[:CONTEXT]
                tail = [] if last else words[-CONTEXT:]
                out += [*map(md, head), "…", *map(md, tail)]
            else:
                out += map(md, words)
            continue
        if op in ("delete", "replace"):
            out.append(f"~~{md(' '.join(a[i1:i2]))}~~")
        if op in ("insert", "replace"):
            out.append(f"**{md(' '.join(b[j1:j2]))}**")
    return " ".join(out)
