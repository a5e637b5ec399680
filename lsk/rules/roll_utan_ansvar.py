"""LSK509 roll-utan-ansvar: en roll ansvarar inte för något någonstans.

SOSFS 2011:9 3 kap. kräver att det framgår hur uppgifterna i kvalitetsarbetet är fördelade.
En roll som ingen process, aktivitet, rutin, enhet eller dokument pekar på, och som inte själv
anger sitt ansvar (``ansvar:`` i roller.yaml), bär inget ansvar. Verkliga handböcker fördelar
ofta ansvaret i en tabell per roll ("Medarbetare: bidrar till god kvalitet …") utan att koppla
rollen till en viss process; den tabellen är just den fördelning som krävs, så den räknas.
Åtgärd: skriv rollens ansvar, ange rollen där den ansvarar, eller ta bort den.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    used = {ref.target for f in corpus.files for ref in f.references if "roll" in ref.kinds}
    for relpath, i, role in corpus.roles:
        if role.id not in used and not role.ansvar:
            yield Finding(relpath, ("roller", i, "id"),
                          f"rollen {role.id} har inget ansvar någonstans i ledningssystemet",
                          "Skriv rollens ansvar under 'ansvar:' i roller.yaml, ange rollen som "
                          "ansvar, ägare eller chef där den ansvarar, eller ta bort den.")


RULE = Rule("LSK509", "roll-utan-ansvar", Severity.WARNING,
            "En roll ansvarar inte för något.",
            "Ansvarsfördelningen i kvalitetsarbetet ska framgå.",
            "SOSFS 2011:9 3 kap. (3 § overifierad numrering)", check)
