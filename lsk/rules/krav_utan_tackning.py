"""LSK510 krav-utan-tackning: ett tillämpligt krav bärs inte av något.

IVO frågar bestämmelse för bestämmelse hur ledningssystemet uppfyller SOSFS 2011:9. Ett krav som
gäller nämndens verksamheter men som ingen process, aktivitet, rutin, roll, tjänst, område
eller händelse i årscykeln bär är en lucka. Katalogens krav pekas ut i lsk.yaml, egna krav där de står.
Åtgärd: hänvisa till kravet från det som uppfyller det, eller motivera i
``sjalvskattning.yaml`` varför det inte är tillämpligt (``status: ej_tillamplig``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.coverage import assess
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for a in assess(corpus):
        if a.counted and not a.covered:
            # a local requirement is pointed at where it is written; a catalog one at lsk.yaml
            relpath, path = (corpus.config_path, ()) if a.relpath.startswith("@") else (
                a.relpath, ("krav", a.index, "id"))
            yield Finding(relpath, path, f"{a.krav.id} ({a.krav.rubrik}) saknar täckning",
                          "Hänvisa till bestämmelsen från det som uppfyller den ('lagkrav:'), "
                          "eller motivera i sjalvskattning.yaml varför den inte är tillämplig.")


RULE = Rule("LSK510", "krav-utan-tackning", Severity.WARNING,
            "Ett tillämpligt krav bärs inte av något i ledningssystemet.",
            "Det ska gå att visa hur varje tillämplig bestämmelse uppfylls.",
            "SOSFS 2011:9 3 kap. 1 §; IVO:s tillsyn", check)
