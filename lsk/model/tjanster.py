"""The central social services the nämnd names, and the processes that deliver them."""

from __future__ import annotations

from lsk.model.base import LagkravRef, Modell, ProcessRef, Slug, Text


class Tjanst(Modell):
    KIND = "tjanst"
    LABEL = "tjänst"
    id: Slug
    namn: Text
    beskrivning: str | None = None
    malgrupp: str | None = None
    processer: list[ProcessRef] = []
    lagkrav: list[LagkravRef] = []


class Tjansteregister(Modell):
    """Document ``tjanster.yaml``."""

    tjanster: list[Tjanst]
