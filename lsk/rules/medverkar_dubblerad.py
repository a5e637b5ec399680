"""LSK520 medverkar-dubblerad: samma roll eller organ står två gånger för en aktivitet, ett steg
eller en händelse.

Den som ansvarar (``ansvar``) ska inte också stå bland dem som medverkar (``medverkar``), och
ingen ska stå två gånger bland de medverkande: ansvarsfördelningen ska gå att läsa entydigt
(SOSFS 2011:9 3 kap., 4 kap. 4 §), och ansvarsmatrisen visar annars samma sak två gånger.
Åtgärd: ta bort dubbletten ur ``medverkar``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def _doubles(ansvar: str | None, medverkar: list[str]) -> Iterator[tuple[int, str, str]]:
    """(index in medverkar, id, what it repeats) for every contributor named before."""
    seen: set[str] = set()
    for j, who in enumerate(medverkar):
        if who == ansvar:
            yield j, who, "ansvarar redan"
        elif who in seen:
            yield j, who, "står redan bland de medverkande"
        seen.add(who)


def check(corpus: Corpus) -> Iterator[Finding]:
    hint = "Ta bort dubbletten ur 'medverkar:'; den som ansvarar står bara under 'ansvar:'."
    for d in corpus.processes:
        for i, a in enumerate(d.model.aktiviteter):
            for j, who, why in _doubles(a.ansvar, a.medverkar):
                yield Finding(d.relpath, ("aktiviteter", i, "medverkar", j),
                              f"{who} {why} för aktiviteten {d.model.id}.{a.id}", hint)
    for r in corpus.routines:
        for i, s in enumerate(r.model.steg):
            for j, who, why in _doubles(s.ansvar, s.medverkar):
                yield Finding(r.relpath, ("steg", i, "medverkar", j),
                              f"{who} {why} för steg {i + 1} i {r.model.id}", hint)
    for relpath, cycle in corpus.cycle:
        for i, h in enumerate(cycle.handelser):
            where: tuple[Any, ...] = ("handelser", i, "medverkar")
            for j, who, why in _doubles(h.ansvar, h.medverkar):
                yield Finding(relpath, (*where, j),
                              f"{who} {why} för årscykelns händelse i {h.manad}", hint)


RULE = Rule("LSK520", "medverkar-dubblerad", Severity.WARNING,
            "Samma roll eller organ står två gånger för en aktivitet, ett steg eller en händelse.",
            "Ansvarsfördelningen ska gå att läsa entydigt: en ansvarig och de som medverkar.",
            "SOSFS 2011:9 3 kap. och 4 kap. 4 §", check)
