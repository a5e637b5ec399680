"""LSK505 rutin-utan-lagkrav: en rutin hänvisar inte till något krav.

Utan hänvisning till den bestämmelse (eller det lokala krav) som rutinen uppfyller syns inte
varför den finns, och ``lsk trace`` kan inte visa den.
Åtgärd: lägg till ``lagkrav``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.routines:
        if not d.model.lagkrav:
            yield Finding(d.relpath, ("id",), f"rutinen {d.model.id} hänvisar inte till något krav",
                          "Lägg till 'lagkrav:' med bestämmelserna rutinen uppfyller.")


RULE = Rule("LSK505", "rutin-utan-lagkrav", Severity.WARNING,
            "En rutin saknar hänvisning till krav.",
            "Spårbarheten från lag till rutin kräver en hänvisning.",
            "SOSFS 2011:9 4 kap. 4 §; spårbarhet", check)
