"""LSK506 samverkan-saknas: en process som kräver samverkan anger ingen.

Enligt SOSFS 2011:9 4 kap. 5 § ska de processer där samverkan behövs identifieras, och
processer och rutiner ska visa hur samverkan bedrivs (4 kap. 6 §, numreringen overifierad).
Åtgärd: lägg till ``samverkan`` med ``part`` och ``hur`` på aktiviteterna där den sker, eller
sätt ``samverkan_kravs: false``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.processes:
        p = d.model
        if p.samverkan_kravs and not any(a.samverkan for a in p.aktiviteter):
            yield Finding(d.relpath, ("samverkan_kravs",),
                          f"processen {p.id} kräver samverkan men ingen aktivitet anger med vem",
                          "Lägg till 'samverkan:' (part, hur) på de aktiviteter där den sker.")


RULE = Rule("LSK506", "samverkan-saknas", Severity.WARNING,
            "En process som kräver samverkan anger ingen samverkan.",
            "Processer och rutiner ska visa hur samverkan bedrivs.",
            "SOSFS 2011:9 4 kap. 5-6 §§ (6 § overifierad numrering)", check)
