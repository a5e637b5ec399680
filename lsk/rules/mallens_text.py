"""LSK518 mallens-text: text från lsk ny står kvar.

``lsk ny`` skriver in meningar som "Beskriv vad processen ska åstadkomma." så att ett nytt
dokument går att läsa in; de är till för att ersättas. Står de kvar publicerar handboken dem
som om de vore nämndens beskrivning. Vilka meningar det gäller står i
``lsk.model.platshallare``.
Åtgärd: skriv dokumentets egen text i stället.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.base import Modell
from lsk.model.platshallare import PLATSHALLARE
from lsk.rules.base import Finding, Rule


def _texts(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every text in a document with its path from the document's top."""
    if isinstance(value, str):
        yield value, path
    elif isinstance(value, Modell):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*path, i))


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.documents:
        if d.relpath.startswith("@"):
            continue
        for text, path in _texts(d.model, ()):
            if text.strip() in PLATSHALLARE:
                key = next((p for p in reversed(path) if isinstance(p, str)), "")
                yield Finding(d.relpath, path,
                              f"{key}: mallens text står kvar: \"{text.strip()}\"",
                              "Skriv dokumentets egen text i stället för mallens (från lsk ny).")


RULE = Rule("LSK518", "mallens-text", Severity.WARNING,
            "Text från lsk ny:s mallar står kvar.",
            "Handboken ska beskriva hur nämnden faktiskt arbetar, inte mallens exempeltext.",
            "SOSFS 2011:9 7 kap. 1 § (det systematiska kvalitetsarbetet ska dokumenteras)", check)
