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


class Konfiguration(Modell):
    kommun: Text
    namnd: Text = Field(description="Nämndens namn som det ska stå i handboken.")
    verksamhetsformer: list[Verksamhetsform] = Field(
        ["socialtjanst"],
        description="Vilka verksamheter nämnden bedriver; styr vilka krav som gäller.",
    )
    maskningsgrans: int = Field(
        5, ge=0, le=1000, description="Antal under gränsen visas som '<N' i publicerad statistik per enhet.")
    regler: dict[str, Regelinstallning] = Field(
        {}, description="Inställningar per regel, nyckel = kod, t.ex. LSK507: {allvarlighet: fel}.")
