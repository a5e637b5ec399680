"""LSK606 egenkontroll-utan-resultat: en planerad egenkontroll har passerat utan resultat.

Enligt SOSFS 2011:9 5 kap. 2 § ska egenkontroll göras med den frekvens som behövs; en planerad
kontroll utan resultat är antingen inte gjord eller inte dokumenterad.
Åtgärd: fyll i ``genomford`` och ``resultat``, eller planera om.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import Egenkontroller
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Egenkontroller):
        for i, e in enumerate(d.model.egenkontroller):
            if e.missing_result(corpus.today):
                missing = "resultat" if not e.resultat else "datum för genomförandet"
                yield Finding(d.relpath, ("egenkontroller", i, "planerad"),
                              f"egenkontrollen {e.id} planerades till {e.planerad.isoformat()} "
                              f"men saknar {missing}", "Fyll i 'genomford' och 'resultat'.")


RULE = Rule("LSK606", "egenkontroll-utan-resultat", Severity.WARNING,
            "En planerad egenkontroll saknar resultat.",
            "Egenkontroller ska genomföras och dokumenteras.",
            "SOSFS 2011:9 5 kap. 2 §", check)
