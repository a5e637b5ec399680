"""LSK604 risk-utan-atgard: en risk på eller över åtgärdsnivån saknar åtgärder.

``riskmatris.yaml`` anger från vilken nivå en risk måste mötas med åtgärder
(``atgard_kravs_fran``).
Åtgärd: besluta om åtgärder och ange dem i ``atgarder``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import Riskanalyser
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    matrix = corpus.risk_matrix
    if matrix is None:
        return
    for d in corpus.of(Riskanalyser):
        for i, r in enumerate(d.model.riskanalyser):
            if matrix.lacks_measures(r):
                level = matrix.level(r.sannolikhet, r.konsekvens).namn
                yield Finding(d.relpath, ("riskanalyser", i, "id"),
                              f"risken {r.id} har nivån {level} men inga åtgärder",
                              "Besluta om åtgärder och ange dem i 'atgarder'.")


RULE = Rule("LSK604", "risk-utan-atgard", Severity.WARNING,
            "En risk som kräver åtgärder saknar åtgärder.",
            "Riskanalysen ska leda till de åtgärder som behövs.",
            "SOSFS 2011:9 5 kap. 1 §", check)
