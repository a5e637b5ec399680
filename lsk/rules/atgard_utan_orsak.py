"""LSK611 atgard-utan-orsak: en åtgärd som inte genomfördes helt saknar orsak.

En åtgärd som är delvis genomförd, inte genomförd eller avbruten redovisas i
kvalitetsberättelsen med orsaken ('tidsbrist', 'väntar på beslut i kommunstyrelsen'); utan
orsak går det inte att bedöma vad som behöver göras nästa år.
Åtgärd: skriv orsaken i ``orsak``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.labels import value_label
from lsk.model.poster import OAVSLUTAD, Atgard, Atgarder
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Atgarder):
        for i, a in enumerate(d.model.atgarder):
            if a.status in OAVSLUTAD and not a.orsak:
                yield Finding(d.relpath, ("atgarder", i, "status"),
                              f"åtgärden {a.id} är {value_label(Atgard, 'status', a.status)} "
                              "men saknar orsak",
                              "Skriv varför i 'orsak', t.ex. 'tidsbrist'.")


RULE = Rule("LSK611", "atgard-utan-orsak", Severity.WARNING,
            "En åtgärd som inte genomfördes helt saknar orsak.",
            "Kvalitetsberättelsen ska kunna säga varför en åtgärd inte genomfördes.",
            "SOSFS 2011:9 7 kap. 1 § med allmänna råd", check)
