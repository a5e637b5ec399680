"""LSK541 ej-placerad: begrepp, kvalitetsfaktorer eller ett område som inget kapitel placerar.

Begreppen, kvalitetsfaktorerna och kvalitetsområdena (``begrepp.yaml``, ``omraden.yaml``) har
ingen egen sida i handboken: de står där ett skrivet kapitel placerar dem (``::: begrepp``,
``::: kvalitetsfaktorer``, ``::: omraden``, ``::: omrade ID``). Det som inget kapitel placerar
publiceras inte, och det märks först när någon letar efter det i handboken.
Åtgärd: skriv direktivet i det kapitel där delen ska stå.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.begrepp import Begreppslista
from lsk.model.kapitel import Placering
from lsk.model.omraden import Omraden
from lsk.rules.base import Finding, Rule


def _placed(corpus: Corpus) -> tuple[set[str], set[str]]:
    """(directive names placed anywhere, area ids placed one at a time)."""
    names: set[str] = set()
    areas: set[str] = set()
    for d in corpus.chapters:
        for part in d.model.delar:
            if isinstance(part, Placering):
                names.add(part.namn)
                if part.namn == "omrade" and part.argument:
                    areas.add(part.argument[0])
    return names, areas


def check(corpus: Corpus) -> Iterator[Finding]:
    names, areas = _placed(corpus)
    for b in corpus.of(Begreppslista):
        for key, directive in (("begrepp", "begrepp"), ("kvalitetsfaktorer", "kvalitetsfaktorer")):
            if getattr(b.model, key) and directive not in names:
                yield Finding(b.relpath, (key,), f"{key} placeras inte i något kapitel och "
                              "publiceras därför inte",
                              f"Skriv '::: {directive}' på en egen rad i det kapitel där de ska "
                              "stå.")
    if "omraden" in names:
        return
    for d in corpus.of(Omraden):
        for i, o in enumerate(d.model.omraden):
            if o.id not in areas:
                yield Finding(d.relpath, ("omraden", i, "id"),
                              f"området {o.id} placeras inte i något kapitel och publiceras "
                              "därför inte",
                              f"Skriv '::: omrade {o.id}' i det kapitel där det ska stå, eller "
                              "'::: omraden' för alla områden.")


RULE = Rule("LSK541", "ej-placerad", Severity.WARNING,
            "Begrepp, kvalitetsfaktorer eller ett kvalitetsområde placeras inte i något kapitel.",
            "Det som inget kapitel placerar publiceras inte i handboken.",
            "lsk: handbokens kapitel", check)
