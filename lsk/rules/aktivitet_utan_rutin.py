"""LSK502 aktivitet-utan-rutin: en aktivitet styrs inte av någon rutin eller något styrdokument.

Enligt SOSFS 2011:9 4 kap. 4 § ska de rutiner som behövs för varje aktivitet finnas. Styrs
aktiviteten av ett dokument som finns utanför lsk (delegationsordningen, en riktlinje, en rutin i
dokumentsystemet), räcker en hänvisning till det under ``styrdokument``. Behövs ingen rutin,
undanta fyndet med en kommentar på raden som säger varför.
Åtgärd: ange rutinerna under ``rutiner`` eller styrdokumenten under ``styrdokument``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.processes:
        for i, a in enumerate(d.model.aktiviteter):
            if not a.rutiner and not a.styrdokument:
                yield Finding(d.relpath, ("aktiviteter", i, "id"),
                              f"aktiviteten {d.model.id}.{a.id} styrs inte av någon rutin eller "
                              "något styrdokument",
                              "Ange 'rutiner: [R0xx]' eller ett styrdokument utanför lsk "
                              "('styrdokument: [id]' ur styrdokument.yaml), eller skriv "
                              "'# lsk: ignorera LSK502' på raden om ingen rutin behövs.")


RULE = Rule("LSK502", "aktivitet-utan-rutin", Severity.WARNING,
            "En aktivitet saknar styrande rutin eller styrdokument.",
            "Varje aktivitet ska ha de rutiner som behövs för att utföra den.",
            "SOSFS 2011:9 4 kap. 4 §", check)
