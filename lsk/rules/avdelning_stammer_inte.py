"""LSK610 avdelning-stammer-inte: en avdelnings egen rad stämmer inte med dess enheter.

När antal anges både för en avdelning (eller förvaltningen) och för enheterna under den räknar
lsk enheterna och jämför avdelningens egen rad med deras summa. Skiljer de sig åt har en av dem
fel, eller så saknas en enhet; kvalitetsberättelsen visar enheternas summa.
Åtgärd: rätta avdelningens rad eller enheternas, eller ta bort avdelningens rad.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.orgtree import org_tree, roll_up
from lsk.diagnostics import Severity
from lsk.model.labels import value_label
from lsk.model.poster import RAPPORTER, Antal, Avvikelser
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    tree = org_tree(corpus)
    for d in corpus.of(Avvikelser):
        m = d.model
        for o in roll_up(m.counts(), tree).overlaps:
            if o.own == o.below:
                continue
            if o.column == RAPPORTER:
                i = next(i for i, r in enumerate(m.rapporter) if r.enhet == o.place)
                path: tuple[object, ...] = ("rapporter", i, "antal")
                what = "rapporter"
            else:
                i = next(i for i, a in enumerate(m.antal)
                         if a.enhet == o.place and a.typ == o.column)
                path = ("antal", i, "antal")
                what = value_label(Antal, "typ", o.column)
            yield Finding(d.relpath, path,
                          f"{tree.name(o.place)}: egen rad {o.own} ({what}) men enheterna under "
                          f"summerar till {o.below}",
                          "Kvalitetsberättelsen räknar enheterna. Rätta avdelningens rad eller "
                          "enheternas, eller ta bort avdelningens rad.")


RULE = Rule("LSK610", "avdelning-stammer-inte", Severity.WARNING,
            "En avdelnings egen rad stämmer inte med summan av dess enheter.",
            "Antal som anges på två nivåer ska gå ihop, annars är en av dem fel.",
            "SOSFS 2011:9 7 kap. 1 §", check)
