"""The repository's config file ``lsk.yaml``; it also marks the root of a ledningssystem."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import Labels, Modell, Text, Verksamhetsform

Allvarlighet = Annotated[
    Literal["fel", "varning", "info"],
    Labels({"fel": "fel", "varning": "varning", "info": "info"}),
]


class Regelinstallning(Modell):
    """Per-rule settings: turn a rule off or change its severity."""

    aktiv: bool = True
    allvarlighet: Allvarlighet | None = None


Andelsbas = Annotated[
    Literal["rapporter", "avvikelser"],
    Labels({"rapporter": "alla rapporter", "avvikelser": "rapporter bedömda som avvikelser"}),
]


class Berattelseinstallningar(Modell):
    """How the kvalitetsberättelse shows shares: over which number, rounded how."""

    andel_av: Andelsbas = Field("rapporter", title="Andel av", description=(
        "Vad varje typs andel räknas av: 'rapporter' (alla rapporter) eller 'avvikelser' "
        "(rapporterna utom de som bedömts inte vara avvikelser)."))
    decimaler: int = Field(1, ge=0, le=1, title="Decimaler i andelar", description=(
        "Hur andelar avrundas: 0 ger hela procent ('12 %'), 1 en decimal ('12,5 %')."))
    forsta_ar: int | None = Field(None, ge=2000, le=2100, title="Första året", description=(
        "Första året vars kvalitetsarbete hålls i lsk. Tidigare års poster finns bara för "
        "jämförelsen (t.ex. avvikelser ur en äldre kvalitetsberättelse) och behöver inte ha "
        "alla poster som årscykeln anger (LSK608)."))


class Konfiguration(Modell):
    kommun: Text
    namnd: Text = Field(description="Nämndens namn som det ska stå i handboken.")
    verksamhetsformer: list[Verksamhetsform] = Field(
        ["socialtjanst"],
        description="Vilka verksamheter nämnden bedriver; styr vilka krav som gäller.",
    )
    maskningsgrans: int = Field(
        5, ge=0, le=1000, description="Antal under gränsen visas som '<N' i publicerad statistik per enhet.")
    kvalitetsberattelse: Berattelseinstallningar = Field(
        default_factory=lambda: Berattelseinstallningar(andel_av="rapporter", decimaler=1,
                                                        forsta_ar=None),
        title="Kvalitetsberättelsen",
        description="Hur andelar räknas och avrundas, så att de blir som kommunen publicerar dem.")
    regler: dict[str, Regelinstallning] = Field(
        {}, description="Inställningar per regel, nyckel = kod, t.ex. LSK507: {allvarlighet: fel}.")
