"""LSK507 revision-passerad: datumet för nästa revidering har passerat.

En process, rutin eller ett styrdokument i ``styrdokument.yaml`` vars ``nasta_revision`` har
passerat beskriver kanske inte längre hur arbetet görs. Datumet som kontrollen utgår från är i
dag, eller ``--datum``.
Åtgärd: granska dokumentet och sätt ett nytt ``nasta_revision``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.base import passerat
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.governing:
        due = d.model.nasta_revision
        if passerat(due, corpus.today):
            yield Finding(d.relpath, ("nasta_revision",),
                          f"{d.model.id} skulle ha reviderats senast {due.isoformat()}",
                          "Granska dokumentet och sätt ett nytt datum i 'nasta_revision'.")
    for relpath, i, s in corpus.styrdokument:
        due = s.nasta_revision
        if passerat(due, corpus.today):
            yield Finding(relpath, ("styrdokument", i, "nasta_revision"),
                          f"styrdokumentet {s.id} skulle ha reviderats senast {due.isoformat()}",
                          "Lägg in det reviderade dokumentets beslut, eller sätt ett nytt datum "
                          "i 'nasta_revision' om det är granskat utan ändring.")


RULE = Rule("LSK507", "revision-passerad", Severity.WARNING,
            "Datumet för nästa revidering har passerat.",
            "Styrdokument ska vara aktuella; ett passerat datum betyder att ingen har granskat dem.",
            "SOSFS 2011:9 5 kap. 8 § (overifierad numrering): förbättra rutiner som inte fungerar",
            check)
