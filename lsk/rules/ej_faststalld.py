"""LSK508 ej-faststalld: en rutin eller process har aldrig fastställts.

Enligt SOSFS 2011:9 4 kap. 2 § ska processerna fastställas; rutiner beslutas på samma sätt av
den som har mandat.
Åtgärd: lägg till ``faststalld`` med ``datum``, ``av`` och ``beslut``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.governing:
        if d.model.faststalld is None:
            yield Finding(d.relpath, ("id",), f"{d.model.id} är inte fastställd",
                          "Lägg till 'faststalld:' med datum, av (nämnd, utskott eller roll) "
                          "och beslut.")


RULE = Rule("LSK508", "ej-faststalld", Severity.WARNING,
            "En rutin eller process är inte fastställd.",
            "Processerna ska fastställas; ett dokument utan beslut styr inte verksamheten.",
            "SOSFS 2011:9 4 kap. 2 §", check)
