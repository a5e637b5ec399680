"""LSK605 risk-efter-atgard: risken efter åtgärder följer inte av åtgärderna.

En risk som är högre efter åtgärder än före är ett fel eller en varningssignal; en risk som
sänkts utan någon åtgärd (eller bara med avbrutna åtgärder) påstår en effekt som ingen har
orsakat.
Åtgärd: rätta bedömningen eller ange åtgärderna.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.poster import Atgarder, Riskanalyser
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    # a measure that was called off (avbruten) lowers nothing
    cancelled = {a.id for d in corpus.of(Atgarder) for a in d.model.atgarder
                 if a.status == "avbruten"}
    for d in corpus.of(Riskanalyser):
        for i, r in enumerate(d.model.riskanalyser):
            if r.efter_sannolikhet is None or r.efter_konsekvens is None:
                continue
            before, after = r.sannolikhet * r.konsekvens, r.efter_sannolikhet * r.efter_konsekvens
            if after > before:
                yield Finding(d.relpath, ("riskanalyser", i, "efter_sannolikhet"),
                              f"risken {r.id} är högre efter åtgärder ({after}) än före ({before})",
                              "Rätta bedömningen eller förklara ökningen i en ny riskanalys.")
            elif after < before and not set(r.atgarder) - cancelled:
                yield Finding(d.relpath, ("riskanalyser", i, "efter_sannolikhet"),
                              f"risken {r.id} sänks från {before} till {after} utan någon åtgärd",
                              "Ange åtgärderna som sänker risken.")


RULE = Rule("LSK605", "risk-efter-atgard", Severity.WARNING,
            "Risknivån efter åtgärder stämmer inte med åtgärderna.",
            "Bedömningen efter åtgärder ska spegla vad som faktiskt gjorts.",
            "SOSFS 2011:9 5 kap. 1 §", check)
