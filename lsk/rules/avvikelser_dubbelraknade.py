"""LSK609 avvikelser-dubbelraknade: totalt räknar en avdelning två gånger.

Antal kan anges på vilken nivå som helst i organisationen. När en avdelning finns både som egen
rad och genom sina enheter räknar lsk enheterna, en gång. Ett ``totalt`` som i stället är summan
av alla rader, avdelningens egen rad inräknad, har räknat samma rapporter två gånger och skulle
ge kvalitetsberättelsen fel totalsumma.
Åtgärd: ange totalt räknat en gång (lsk visar summan), eller ta bort avdelningens egen rad.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.orgtree import OrgTree, Rollup, org_tree, roll_up
from lsk.diagnostics import Severity
from lsk.model.poster import AVVIKELSETYPER, RAPPORTER, Avvikelser
from lsk.rules.base import Finding, Rule


def double_counted(m: Avvikelser, rolled: Rollup) -> int | None:
    """The sum counted once, when ``totalt`` is instead the sum of every row (a place and the
    places below it both counted); else None."""
    if m.totalt is None or not rolled.overlaps:
        return None
    if m.rapporter:
        once, every = rolled.total(RAPPORTER), sum(r.antal for r in m.rapporter)
    else:
        once = sum(rolled.total(t) for t in AVVIKELSETYPER)
        every = sum(a.antal for a in m.antal)
    return once if m.totalt == every != once else None


def _places(rolled: Rollup, tree: OrgTree) -> str:
    names = sorted({tree.name(o.place) for o in rolled.overlaps})
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def check(corpus: Corpus) -> Iterator[Finding]:
    tree = org_tree(corpus)
    for d in corpus.of(Avvikelser):
        rolled = roll_up(d.model.counts(), tree)
        once = double_counted(d.model, rolled)
        if once is not None:
            yield Finding(d.relpath, ("totalt",),
                          f"totalt är {d.model.totalt} och räknar {_places(rolled, tree)} två "
                          f"gånger, både som egen rad och genom enheterna; räknat en gång blir "
                          f"det {once}",
                          f"Ändra totalt till {once}, eller ta bort avdelningens egen rad.")


RULE = Rule("LSK609", "avvikelser-dubbelraknade", Severity.ERROR,
            "Totalt räknar en avdelning både som egen rad och genom sina enheter.",
            "Samma rapporter får inte räknas två gånger i kvalitetsberättelsen.",
            "SOSFS 2011:9 7 kap. 1 §", check)
