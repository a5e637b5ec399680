"""LSK526 arscykel-utan-tidpunkt: en årlig händelse saknar både månad och not.

En händelse som sker en gång per år utan ``manad`` hamnar under "någon gång under året" och har
december som sista månad i lsk status och kalendern. Det är rätt när dokumentet bara säger
"minst en gång per år", men oftast har månaden glömts bort.
Åtgärd: ange ``manad``, eller skriv dokumentets egna ord i ``not``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for relpath, cycle in corpus.cycle:
        for i, h in enumerate(cycle.handelser):
            if h.aterkommer == "arligen" and h.manad is None and not h.note:
                yield Finding(relpath, ("handelser", i, "vad"),
                              f"händelse {i + 1} i årscykeln saknar månad",
                              "Ange 'manad:', eller skriv i 'not:' vad dokumentet säger om när "
                              "(t.ex. \"minst en gång per år\").")


RULE = Rule("LSK526", "arscykel-utan-tidpunkt", Severity.WARNING,
            "En årlig händelse i årscykeln saknar både månad och not.",
            "Utan månad visas händelsen inte i årshjulet och blir sent förfallen i lsk status.",
            "Entydig årscykel (planering och uppföljning enligt SOSFS 2011:9 5 kap.)", check)
