"""The organisation: nämnd, utskott, förvaltning with avdelningar and enheter, stab, utförare, råd."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from lsk.model.base import Labels, Modell, RollRef, Slug, Text, TjanstRef, Verksamhetsform

Regi = Annotated[Literal["egen", "extern"], Labels({"egen": "egen regi", "extern": "extern regi"})]
Parttyp = Annotated[
    Literal["region", "myndighet", "kommun", "skola", "polis", "ideell", "privat", "annan"],
    Labels({"region": "region", "myndighet": "myndighet", "kommun": "kommun", "skola": "skola",
            "polis": "polis", "ideell": "ideell organisation", "privat": "privat aktör",
            "annan": "annan part"}),
]


class Namnd(Modell):
    """The socialnämnd: ytterst ansvarig for the ledningssystem (SOSFS 2011:9 3 kap. 1 §)."""

    KIND = "namnd"
    LABEL = "nämnd"
    id: Slug
    namn: Text
    uppdrag: str | None = None
    reglemente: str | None = Field(None, description="Beslut om reglemente, t.ex. KF-paragraf.")
    ordforande: RollRef | None = None


class Utskott(Modell):
    KIND = "utskott"
    LABEL = "utskott"
    ARTICLE = "ett"
    id: Slug
    namn: Text
    uppdrag: str | None = None


class Enhet(Modell):
    KIND = "enhet"
    LABEL = "enhet"
    id: Slug
    namn: Text
    chef: RollRef | None = None
    verksamhetsformer: list[Verksamhetsform] = []
    beskrivning: str | None = None


class Avdelning(Modell):
    KIND = "avdelning"
    LABEL = "avdelning"
    id: Slug
    namn: Text
    chef: RollRef | None = None
    beskrivning: str | None = None
    enheter: list[Enhet] = []


class Forvaltning(Modell):
    KIND = "forvaltning"
    LABEL = "förvaltning"
    id: Slug
    namn: Text
    chef: RollRef | None = None
    avdelningar: list[Avdelning] = []


class Stabsfunktion(Modell):
    """Stab functions reporting to the förvaltning, e.g. MAS or personligt ombud."""

    KIND = "stab"
    LABEL = "stabsfunktion"
    id: Slug
    namn: Text
    roll: RollRef | None = None
    uppdrag: str | None = None


class Avtal(Modell):
    diarienummer: Text
    giltigt_fran: dt.date
    giltigt_till: dt.date | None = None
    uppfoljning: str | None = Field(None, description="Hur och hur ofta avtalet följs upp.")


class Utforare(Modell):
    """Who carries out services: own units (egen regi) or contracted providers (extern regi)."""

    KIND = "utforare"
    LABEL = "utförare"
    id: Slug
    namn: Text
    regi: Regi
    tjanster: list[TjanstRef] = []
    avtal: Avtal | None = None
    beskrivning: str | None = None

    @model_validator(mode="after")
    def _extern_har_avtal(self) -> Utforare:
        if self.regi == "extern" and self.avtal is None:
            raise ValueError("en utförare i extern regi ska ha ett avtal (nyckeln 'avtal')")
        return self


class Rad(Modell):
    """Councils the nämnd consults, e.g. pensionärsråd and funktionshinderråd."""

    KIND = "rad"
    LABEL = "råd"
    ARTICLE = "ett"
    id: Slug
    namn: Text
    syfte: str | None = None


class ExternPart(Modell):
    """A party outside the organisation that processes cooperate with (4 kap. 5-6 §§)."""

    KIND = "extern_part"
    LABEL = "extern part"
    id: Slug
    namn: Text
    typ: Parttyp = "annan"
    beskrivning: str | None = None


class Organisation(Modell):
    """Document ``organisation.yaml``."""

    namnd: Namnd
    utskott: list[Utskott] = []
    forvaltning: Forvaltning
    stab: list[Stabsfunktion] = []
    utforare: list[Utforare] = []
    rad: list[Rad] = []
    externa_parter: list[ExternPart] = []
