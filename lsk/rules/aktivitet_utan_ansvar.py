"""LSK503 aktivitet-utan-ansvar: en aktivitet saknar ansvarig roll.

Enligt SOSFS 2011:9 4 kap. 4 § ska det framgå vem som ansvarar för vad.
Åtgärd: sätt ``ansvar`` till den roll som svarar för aktiviteten.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.processes:
        for i, a in enumerate(d.model.aktiviteter):
            if not a.ansvar:
                yield Finding(d.relpath, ("aktiviteter", i, "id"),
                              f"aktiviteten {d.model.id}.{a.id} saknar ansvarig roll",
                              "Lägg till 'ansvar:' med id för en roll, en enhet, nämnden, ett utskott "
                              "eller ett annat organ; fler som deltar anges under 'medverkar:'.")


RULE = Rule("LSK503", "aktivitet-utan-ansvar", Severity.ERROR,
            "En aktivitet saknar ansvarig roll.",
            "Det ska framgå vem som ansvarar för varje del av arbetet.",
            "SOSFS 2011:9 4 kap. 4 §", check)
