"""LSK525 arscykel-tidpunkt: en händelse i årscykeln anger en tidpunkt som inte går ihop.

En löpande händelse har inga månader, en månadsvis händelse sker varje månad (utom de som står
i ``utom``), och en kvartals-, tertials- eller halvårsvis händelse anger bara månaden för första
tillfället. Står något annat tolkas händelsen på ett sätt som författaren inte menade.
Åtgärd: ta bort ``manad`` eller ``utom``, eller ändra ``aterkommer``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.arscykel import Aterkommer, Handelse
from lsk.model.labels import labels_of
from lsk.rules.base import Finding, Rule

_RHYTHM = labels_of(Aterkommer).text


def _problem(h: Handelse) -> tuple[str, str, str] | None:
    """(field, message, hint) when the event's timing contradicts itself."""
    rhythm = _RHYTHM[h.aterkommer]
    if h.aterkommer in ("lopande", "manadsvis") and h.manad is not None:
        return ("manad", f"en händelse som sker {rhythm} kan inte ha månad",
                "Ta bort 'manad:' eller ändra 'aterkommer:'."
                + (" Månader då den inte sker skrivs i 'utom:'." if h.aterkommer == "manadsvis"
                   else ""))
    if h.utom and h.aterkommer != "manadsvis":
        return ("utom", f"'utom' gäller bara månadsvisa händelser, inte {rhythm}",
                "Ta bort 'utom:' eller skriv 'aterkommer: manadsvis'.")
    if h.aterkommer in ("halvarsvis", "tertialvis", "kvartalsvis") and len(h.given_months) > 1:
        return ("manad", f"en händelse som sker {rhythm} anger bara månaden för första tillfället",
                "Skriv en månad; de följande tillfällena räknas fram. Händelser i månader utan "
                "jämna mellanrum skrivs med 'aterkommer: arligen' och en lista av månader.")
    return None


def check(corpus: Corpus) -> Iterator[Finding]:
    for relpath, cycle in corpus.cycle:
        for i, h in enumerate(cycle.handelser):
            problem = _problem(h)
            if problem:
                key, message, hint = problem
                yield Finding(relpath, ("handelser", i, key), message, hint)


RULE = Rule("LSK525", "arscykel-tidpunkt", Severity.ERROR,
            "En händelse i årscykeln anger en tidpunkt som inte går ihop.",
            "Årscykeln, lsk status och kalendern måste kunna räkna ut när händelsen sker.",
            "Entydig årscykel (planering och uppföljning enligt SOSFS 2011:9 5 kap.)", check)
