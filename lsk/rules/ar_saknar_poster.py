"""LSK608 ar-saknar-poster: ett avslutat år saknar poster som årscykeln utlovar.

När årscykeln säger att riskanalyser, egenkontroller, en sammanställning av avvikelser eller en
brukarundersökning görs varje år, kan ett avslutat år (ett år med poster, eller förra året)
utan dem inte redovisas i kvalitetsberättelsen. År före ``kvalitetsberattelse: forsta_ar`` i
lsk.yaml finns bara för jämförelsen och kontrolleras inte.
Åtgärd: lägg till posterna under ``ar/<år>/``, eller ange ``forsta_ar`` när ett äldre år bara
har siffror för jämförelsen.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.kinds import yearly_kinds
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    if not corpus.cycle or not corpus.years():
        return
    relpath, cycle = corpus.cycle[0]
    first = corpus.config.kvalitetsberattelse.forsta_ar if corpus.config else None
    last = corpus.today.year - 1
    years = {y for y in corpus.years() | {last} if y <= last and (first is None or y >= first)}
    for kind in yearly_kinds():
        events = [i for i, h in enumerate(cycle.handelser) if h.producerar == kind.promised_by]
        if not events:
            continue
        for year in sorted(years):
            docs = [d for k, d in corpus.records if k is kind and d.model.ar == year]
            if not any(d.model.poster() for d in docs) and not corpus.left_out_of(kind.name, year):
                hint = (f"Fyll i '{docs[0].model.POSTER}' i {docs[0].relpath}." if docs else
                        f"Lägg till {kind.patterns[0].replace('*', str(year))}.")
                if year < last and first is None:
                    hint += (f" Finns {year} bara för jämförelsen, ange det första året i "
                             f"lsk.yaml: 'kvalitetsberattelse: {{forsta_ar: {year + 1}}}'.")
                yield Finding(relpath, ("handelser", events[0]),
                              f"år {year} saknar {kind.label} som årscykeln anger", hint)


RULE = Rule("LSK608", "ar-saknar-poster", Severity.WARNING,
            "Ett avslutat år saknar poster som årscykeln anger.",
            "Kvalitetsberättelsen ska kunna redovisa årets arbete.",
            "SOSFS 2011:9 7 kap. 1 §", check)
