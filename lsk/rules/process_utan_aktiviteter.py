"""LSK501 process-utan-aktiviteter: en process saknar aktiviteter.

Enligt SOSFS 2011:9 4 kap. 3 § ska aktiviteterna i varje process och deras ordning vara
identifierade. En process utan aktiviteter beskriver ett syfte men inte hur arbetet går till.
Åtgärd: lägg till processens ``aktiviteter`` i den ordning arbetet utförs.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.processes:
        if not d.model.aktiviteter:
            yield Finding(d.relpath, ("id",), f"processen {d.model.id} har inga aktiviteter",
                          "Lägg till 'aktiviteter:' i den ordning arbetet utförs.")


RULE = Rule("LSK501", "process-utan-aktiviteter", Severity.ERROR,
            "En process saknar aktiviteter.",
            "Processens aktiviteter och deras ordning ska vara identifierade.",
            "SOSFS 2011:9 4 kap. 3 §", check)
