"""LSK608 ar-saknar-poster: ett avslutat år saknar poster som årscykeln utlovar.

När årscykeln säger att riskanalyser, egenkontroller, en sammanställning av avvikelser eller en
brukarundersökning görs varje år, kan ett avslutat år (ett år med poster, eller förra året)
utan dem inte redovisas i kvalitetsberättelsen.
Åtgärd: lägg till posterna under ``ar/<år>/``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import RECORD_FOR_PRODUCT
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    if not corpus.cycle or not corpus.years():
        return
    relpath, cycle = corpus.cycle[0]
    years = {y for y in corpus.years() | {corpus.today.year - 1} if y < corpus.today.year}
    for product, (kind, field) in RECORD_FOR_PRODUCT.items():
        events = [i for i, h in enumerate(cycle.handelser) if h.producerar == product]
        if not events:
            continue
        for year in sorted(years):
            docs = [d for d in corpus.of(kind) if d.model.ar == year]
            if not any(getattr(d.model, field) for d in docs):
                yield Finding(relpath, ("handelser", events[0]),
                              f"år {year} saknar {kind} som årscykeln anger",
                              f"Lägg till ar/{year}/{kind}.yaml.")


RULE = Rule("LSK608", "ar-saknar-poster", Severity.WARNING,
            "Ett avslutat år saknar poster som årscykeln anger.",
            "Kvalitetsberättelsen ska kunna redovisa årets arbete.",
            "SOSFS 2011:9 7 kap. 1 §", check)
