"""LSK603 atgard-forsenad: en åtgärd har passerat sitt sista datum utan att vara klar.

Åtgärder som glider utan att någon märker det är glappet mellan att hitta ett problem och att
rätta det. Datumet som gäller är i dag, eller ``--datum``.
Åtgärd: genomför den, besluta om nytt ``sista_datum`` eller sätt ``status: avbruten``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import Atgarder
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Atgarder):
        for i, a in enumerate(d.model.atgarder):
            if a.overdue(corpus.today):
                yield Finding(d.relpath, ("atgarder", i, "sista_datum"),
                              f"åtgärden {a.id} skulle vara klar {a.sista_datum.isoformat()}",
                              "Genomför den, besluta om nytt datum eller avbryt den.")


RULE = Rule("LSK603", "atgard-forsenad", Severity.WARNING,
            "En åtgärd är försenad.",
            "Beslutade åtgärder ska genomföras och följas upp.",
            "SOSFS 2011:9 5 kap. 7 § (overifierad numrering)", check)
