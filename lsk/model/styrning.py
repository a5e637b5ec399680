"""Steering: goals with indicators, and the yearly internal control plan."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import Faststallelse, Labels, Modell, ProcessRef, RollRef, Slug, Text

Riktning = Annotated[
    Literal["hogre_ar_battre", "lagre_ar_battre"],
    Labels({"hogre_ar_battre": "högre är bättre", "lagre_ar_battre": "lägre är bättre"}),
]
Malniva = Annotated[
    Literal["kommunfullmaktige", "namnd", "forvaltning"],
    Labels({"kommunfullmaktige": "kommunfullmäktige", "namnd": "nämnd",
            "forvaltning": "förvaltning"}),
]


class Indikator(Modell):
    KIND = "indikator"
    LABEL = "indikator"
    id: Slug
    namn: Text
    kalla: str | None = Field(None, description="Källa, t.ex. Kolada, brukarundersökning.")
    malvarde: float | None = None
    enhet: str | None = None
    riktning: Riktning = "hogre_ar_battre"


class Mal(Modell):
    KIND = "mal"
    LABEL = "mål"
    ARTICLE = "ett"
    id: Slug
    text: Text
    niva: Malniva = "namnd"
    period: str | None = None
    ansvar: RollRef | None = None
    indikatorer: list[Indikator] = []


class Malregister(Modell):
    """Document ``styrning/mal.yaml``."""

    mal: list[Mal]


class Kontrollmoment(Modell):
    KIND = "kontrollmoment"
    LABEL = "kontrollmoment"
    ARTICLE = "ett"
    id: Slug
    risk: Text
    kontroll: Text
    metod: str | None = None
    frekvens: str | None = None
    ansvar: RollRef
    rapporteras: str | None = None
    process: ProcessRef | None = None


class Internkontrollplan(Modell):
    """Document ``styrning/internkontrollplan-<år>.yaml``."""

    ar: int = Field(ge=2000, le=2100)
    faststalld: Faststallelse | None = None
    kontrollmoment: list[Kontrollmoment] = []
