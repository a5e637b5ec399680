"""Steering: goals with indicators, and the yearly internal control plan."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lsk.model.base import Faststallelse, Modell, ProcessRef, RollRef, Slug, Text


class Indikator(Modell):
    KIND = "indikator"
    id: Slug
    namn: Text
    kalla: str | None = Field(None, description="Källa, t.ex. Kolada, brukarundersökning.")
    malvarde: float | None = None
    enhet: str | None = None
    riktning: Literal["hogre_ar_battre", "lagre_ar_battre"] = "hogre_ar_battre"


class Mal(Modell):
    KIND = "mal"
    id: Slug
    text: Text
    niva: Literal["kommunfullmaktige", "namnd", "forvaltning"] = "namnd"
    period: str | None = None
    ansvar: RollRef | None = None
    indikatorer: list[Indikator] = []


class Malregister(Modell):
    """Document ``styrning/mal.yaml``."""

    mal: list[Mal]


class Kontrollmoment(Modell):
    KIND = "kontrollmoment"
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
