"""LSK540 utforare-utan-avtal: en utförare i extern regi anger inget avtal.

Kommunen ska kontrollera och följa upp verksamhet som genom avtal lämnats över till en privat
utförare (kommunallagen 10 kap. 8 §), och avtalet är där kraven och uppföljningen regleras. Många
handböcker nämner bara att något "regleras i avtal" utan diarienummer eller giltighet; det är
en fråga till den som äger dokumentet, inte ett fel i filen, så regeln varnar.
Åtgärd: lägg till ``avtal:`` med det som är känt (``diarienummer``, ``giltigt_fran``,
``uppfoljning``), eller undanta raden med en kommentar när avtalen förtecknas någon annanstans.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.organisation import Organisation
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Organisation):
        for i, u in enumerate(d.model.utforare):
            if u.regi == "extern" and u.avtal is None:
                yield Finding(d.relpath, ("utforare", i, "id"),
                              f"utföraren {u.id} är i extern regi men anger inget avtal",
                              "Lägg till 'avtal:' med det som är känt (diarienummer, "
                              "giltigt_fran, uppfoljning); förtecknas avtalen någon annanstans, "
                              "skriv '# lsk: ignorera LSK540' på raden.")


RULE = Rule("LSK540", "utforare-utan-avtal", Severity.WARNING,
            "En utförare i extern regi anger inget avtal.",
            "Kraven på en upphandlad utförare och uppföljningen av dem regleras i avtalet.",
            "kommunallagen (2017:725) 10 kap. 8 § (kontroll och uppföljning av privata "
            "utförare)", check)
