"""LSK504 steg-utan-ansvar: ett steg i en rutin saknar ansvarig roll.

En rutin är ett bestämt sätt att utföra en aktivitet *och* en angivelse av vem som ansvarar
(SOSFS 2011:9 2 kap. 1 §, 4 kap. 4 §).
Åtgärd: sätt ``ansvar`` på steget.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.routines:
        for i, step in enumerate(d.model.steg):
            if not step.ansvar:
                yield Finding(d.relpath, ("steg", i, "text"),
                              f"steg {i + 1} i {d.model.id} saknar ansvarig roll",
                              "Lägg till 'ansvar:' på steget (en roll, en enhet eller ett organ); "
                              "fler som deltar anges under 'medverkar:'.")


RULE = Rule("LSK504", "steg-utan-ansvar", Severity.ERROR,
            "Ett steg i en rutin saknar ansvarig roll.",
            "En rutin anger både hur något ska göras och vem som ansvarar.",
            "SOSFS 2011:9 4 kap. 4 §", check)
