"""Routines (rutiner, SOSFS 2011:9 4 kap. 4 §): a set way of doing an activity, with responsibility."""

from __future__ import annotations

from pydantic import Field

from lsk.model.base import (
    AktorRef,
    Dokumenthuvud,
    LagkravRef,
    Modell,
    RutinId,
    RutinRef,
    StyrdokumentRef,
    Text,
    ansvar_falt,
    medverkar_falt,
)


class Steg(Modell):
    LABEL = "steg"
    ARTICLE = "ett"

    text: Text
    ansvar: AktorRef | None = ansvar_falt("steget")
    medverkar: list[AktorRef] = medverkar_falt("steget", "det")
    anmarkning: str | None = None
    styrdokument: list[StyrdokumentRef] = Field(
        [], title="Styrdokument",
        description="Styrdokument utanför lsk som steget följer (styrdokument.yaml).")


class Rutin(Dokumenthuvud):
    """Document ``rutiner/<id>-<namn>.yaml``; the list order of ``steg`` is the order of work."""

    KIND = "rutin"
    LABEL = "rutin"
    PLURAL = "rutiner"
    RECOMMENDED = ("ansvarig", "omfattning")
    ORDER = ("id", "titel", "syfte", "omfattning", "ansvarig", "version", "upprattad",
             "faststalld", "reviderad", "granskad", "nasta_revision", "lagkrav", "relaterade",
             "steg")
    id: RutinId
    titel: Text
    syfte: Text
    omfattning: str | None = Field(
        None, title="Omfattning", description="Vilka verksamheter och situationer rutinen gäller.")
    steg: list[Steg] = []
    lagkrav: list[LagkravRef] = []
    relaterade: list[RutinRef] = []
