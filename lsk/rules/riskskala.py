"""LSK602 riskskala: en risk är bedömd utanför kommunens riskmatris.

Sannolikhet och konsekvens är steg 1..N i ``riskmatris.yaml``; ett värde utanför går inte att
placera eller jämföra, och utan matris kan ingen risk bedömas.
Åtgärd: rätta värdet, eller lägg till riskmatris.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import Riskanalyser
from lsk.rules.base import Finding, Rule

FIELDS = ("sannolikhet", "konsekvens", "efter_sannolikhet", "efter_konsekvens")


def check(corpus: Corpus) -> Iterator[Finding]:
    matrix = corpus.risk_matrix
    for d in corpus.of(Riskanalyser):
        if matrix is None:
            if d.model.riskanalyser and corpus.left_out_of("riskmatris"):
                yield Finding(d.relpath, ("riskanalyser",), "riskmatris.yaml har fel; riskerna "
                              "kan inte bedömas", "Rätta riskmatris.yaml (kör 'lsk check').")
            elif d.model.riskanalyser:
                yield Finding(d.relpath, ("riskanalyser",), "riskmatris.yaml saknas; riskerna kan "
                              "inte bedömas", "Lägg till riskmatris.yaml i roten.")
            continue
        for i, risk in enumerate(d.model.riskanalyser):
            for field in FIELDS:
                value = getattr(risk, field)
                if value is not None and value > matrix.storlek:
                    yield Finding(d.relpath, ("riskanalyser", i, field),
                                  f"{risk.id}: {field} {value} ligger utanför matrisen "
                                  f"(1–{matrix.storlek})", "Ange ett steg i riskmatrisen.")


RULE = Rule("LSK602", "riskskala", Severity.ERROR,
            "En risk är bedömd utanför riskmatrisen.",
            "Sannolikhet och konsekvens ska bedömas på kommunens egen skala.",
            "SOSFS 2011:9 5 kap. 1 §", check)
