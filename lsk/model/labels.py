"""Swedish labels read from the model: values of a ``Literal`` (``Labels``), classes (``LABEL``).

Everything that shows a model value to a person (messages, the handbook, the
kvalitetsberättelse, diffs) asks here, so a value is given its Swedish text in one place: beside
the ``Literal`` that allows it. ``tests/test_labels.py`` fails when a value, a list item or an id
kind has no label.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from lsk.model.base import Labels, Modell


def labels_of(tp: Any) -> Labels:
    """The ``Labels`` of ``Annotated[Literal[...], Labels(...)]`` (also inside ``list``/``| None``)."""
    found = _find_labels(tp)
    if found is None:
        raise LookupError(f"{tp!r} has no Labels")
    return found


def _find_labels(tp: Any) -> Labels | None:
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        return next((m for m in meta if isinstance(m, Labels)), None) or _find_labels(base)
    if origin in (Union, types.UnionType, list):
        for arg in get_args(tp):
            found = _find_labels(arg)
            if found is not None:
                return found
    return None


def literal_values(tp: Any) -> tuple[str, ...]:
    """The values a ``Literal`` (possibly annotated, in a list or optional) allows."""
    origin = get_origin(tp)
    if origin is Literal:
        return tuple(str(v) for v in get_args(tp))
    if origin in (Annotated, Union, types.UnionType, list):
        for arg in get_args(tp):
            values = literal_values(arg)
            if values:
                return values
    return ()


@cache
def _hints(cls: type[Modell]) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


def field_labels(cls: type[Modell], name: str) -> Labels:
    """The labels of the values of field ``name`` of ``cls``."""
    return labels_of(_hints(cls)[name])


def value_label(cls: type[Modell], name: str, value: str) -> str:
    """'karnprocess' in Process.typ → 'kärnprocess'."""
    return field_labels(cls, name).text[value]


def item_class(cls: type[Modell], name: str) -> type[Modell] | None:
    """The model of one item when field ``name`` is a list of models (possibly optional)."""
    tp = _hints(cls)[name]
    if get_origin(tp) in (Union, types.UnionType):
        tp = next((a for a in get_args(tp) if a is not type(None)), tp)
    if get_origin(tp) is list:
        (inner,) = get_args(tp)
        if isinstance(inner, type) and issubclass(inner, Modell):
            return inner
    return None


def submodels(cls: type[Modell]) -> Iterator[type[Modell]]:
    """``cls`` and every model class reachable through its fields, each once."""
    seen: set[type[Modell]] = set()
    todo = [cls]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        for tp in _hints(current).values():
            todo.extend(_model_classes(tp))


def _model_classes(tp: Any) -> Iterator[type[Modell]]:
    if isinstance(tp, type) and issubclass(tp, Modell):
        yield tp
    for arg in get_args(tp):
        yield from _model_classes(arg)


def list_item_labels(roots: list[type[Modell]]) -> dict[str, str]:
    """List key → what one item is called, over every list of models under ``roots``
    ('steg' → 'steg', 'aktiviteter' → 'aktivitet'). A key means the same everywhere."""
    out: dict[str, str] = {}
    for root in roots:
        for cls in submodels(root):
            for name in cls.model_fields:
                item = item_class(cls, name)
                if item is not None:
                    out.setdefault(name, item.LABEL)
    return out


def id_kind_classes(roots: list[type[Modell]]) -> dict[str, type[Modell]]:
    """Id kind ('roll', 'aktivitet') → the class that defines ids of that kind."""
    return {cls.KIND: cls for root in roots for cls in submodels(root) if cls.KIND}


_SPELLING = {
    "a": "å", "agare": "ägare", "aterkommer": "återkommer", "atgard": "åtgärd",
    "atgarder": "åtgärder", "bistand": "bistånd", "faststalld": "fastställd",
    "faststallelse": "fastställelse", "forvaltning": "förvaltning", "genomford": "genomförd",
    "handelse": "händelse", "handelser": "händelser", "kravs": "krävs", "malgrupp": "målgrupp",
    "mal": "mål", "manad": "månad", "manader": "månader", "nasta": "nästa", "namnd": "nämnd",
    "overenskommelse": "överenskommelse", "paragraf": "paragraf", "stodprocess": "stödprocess",
    "tjanst": "tjänst", "tjanster": "tjänster", "upprattad": "upprättad", "utforare": "utförare",
    "atgardsplan": "åtgärdsplan", "radgivning": "rådgivning", "anmarkning": "anmärkning",
    "omrade": "område", "omraden": "områden", "galler": "gäller", "ar": "år", "natt": "nått",
    "rad": "råd", "beslutsfattare": "beslutsfattare", "utskott": "utskott", "kalla": "källa",
    "sista": "sista", "datum": "datum", "forsenad": "försenad", "forvantat": "förväntat",
    "bedomning": "bedömning", "varde": "värde", "malvarde": "målvärde", "vardering": "värdering",
}
"""ASCII key words as Swedish spells them, for keys whose ``Field`` has no title yet."""


def field_title(cls: type[Modell] | None, name: str) -> str:
    """What field ``name`` of ``cls`` is called, in lower case: its ``Field`` title, else the key
    with å, ä and ö restored for the words above ('nasta_revision' → 'nästa revision')."""
    if cls is not None and name in cls.model_fields:
        title = cls.model_fields[name].title
        if title:
            return title[:1].lower() + title[1:]
    return " ".join(_SPELLING.get(w, w) for w in name.split("_"))
