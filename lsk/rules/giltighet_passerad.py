"""LSK517 giltighet-passerad: ett styrdokument gäller inte längre.

Ett styrdokument med ``giltig_till`` (en plan för ett år, ett avtal, en tidsbegränsad riktlinje)
styr inte verksamheten efter det datumet, även om aktiviteter fortfarande hänvisar till det.
Datumet som kontrollen utgår från är i dag, eller ``--datum``.
Åtgärd: lägg in det nya dokumentet (nytt beslut och ny ``giltig_till``), förläng giltigheten
om beslutet gör det, eller ta bort dokumentet och hänvisningarna till det.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.base import passerat
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for relpath, i, s in corpus.styrdokument:
        end = s.giltig_till
        if passerat(end, corpus.today):
            yield Finding(relpath, ("styrdokument", i, "giltig_till"),
                          f"styrdokumentet {s.id} gällde till och med {end.isoformat()}",
                          "Lägg in det beslut som gäller nu (faststalld och giltig_till), eller "
                          "ta bort dokumentet och aktiviteternas hänvisningar till det.")


RULE = Rule("LSK517", "giltighet-passerad", Severity.WARNING,
            "Ett styrdokument gäller inte längre.",
            "Aktiviteter som styrs av ett dokument vars giltighet har gått ut saknar i praktiken "
            "styrning.",
            "SOSFS 2011:9 4 kap. 4 § (de rutiner som behövs för varje aktivitet)", check)
