"""The årscykel: recurring events per month that tie quality work to planning and budget."""

from __future__ import annotations

from typing import Literal

from lsk.model.base import Modell, ProcessRef, RollRef, Text

Manad = Literal[
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]
MANADER: tuple[str, ...] = Manad.__args__  # type: ignore[attr-defined]

Produkt = Literal[
    "verksamhetsplan",
    "budget",
    "internkontrollplan",
    "uppfoljning_internkontroll",
    "delarsrapport",
    "verksamhetsberattelse",
    "kvalitetsberattelse",
    "patientsakerhetsberattelse",
    "riskanalys",
    "egenkontroll",
    "brukarundersokning",
    "avvikelsesammanstallning",
    "uppfoljning_utforare",
    "revision_ledningssystem",
    "annat",
]


class Handelse(Modell):
    manad: Manad
    vad: Text
    ansvar: RollRef
    producerar: Produkt = "annat"
    process: ProcessRef | None = None
    senast: str | None = None


class Arscykel(Modell):
    """Document ``arscykel.yaml``."""

    handelser: list[Handelse]
