"""LSK515 rekommenderat-falt: ett fält som bör vara ifyllt saknas.

Modellen markerar fält som ett dokument klarar sig utan men som en handbok behöver, t.ex. en
rutins ansvariga roll och omfattning: utan dem vet läsaren inte vem som äger rutinen eller när
den gäller. Vilka fält det gäller står i modellen (``RECOMMENDED``), med fältets namn på svenska.
Åtgärd: fyll i fältet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.base import Modell
from lsk.model.falt import falttext
from lsk.rules.base import Finding, Rule


def _parts(model: Modell, path: tuple[Any, ...]) -> Iterator[tuple[Modell, tuple[Any, ...]]]:
    """The model and every model inside it, with its path from the document's top."""
    yield model, path
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Modell):
            yield from _parts(value, (*path, name))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Modell):
                    yield from _parts(item, (*path, name, i))


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.documents:
        if d.relpath.startswith("@"):
            continue
        for part, path in _parts(d.model, ()):
            cls = type(part)
            for name in cls.RECOMMENDED:
                if not _empty(getattr(part, name)):
                    continue
                text = falttext(cls, name)
                ident = getattr(part, "id", None)
                who = f"{cls.LABEL} {ident}" if ident else cls.LABEL
                what = f" ({text.beskrivning.rstrip('.')})." if text.beskrivning else "."
                present = name in part.model_fields_set
                yield Finding(d.relpath, path or (("id",) if ident else ()),
                              f"{who}: {(text.titel or name).lower()} saknas",
                              (f"Fyll i '{name}'" if present else f"Lägg till '{name}:'") + what)


RULE = Rule("LSK515", "rekommenderat-falt", Severity.WARNING,
            "Ett fält som bör vara ifyllt saknas.",
            "Handboken ska visa vem som äger ett dokument och när det gäller.",
            "SOSFS 2011:9 4 kap. 4 § (rutiner med ansvar)", check)
