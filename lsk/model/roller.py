"""Roles (roller) and what each is responsible for (SOSFS 2011:9 3 kap.: division of tasks)."""

from __future__ import annotations

from pydantic import Field

from lsk.model.base import LagkravRef, Modell, RollPlatsRef, Slug, Text


class Roll(Modell):
    KIND = "roll"
    LABEL = "roll"
    PLURAL = "roller"
    id: Slug
    namn: Text
    organ: RollPlatsRef | None = Field(
        None, title="Organisatorisk placering",
        description="Var i organisationen rollen finns: nämnd, utskott, politiskt organ, enhet, "
                    "stabsfunktion eller utförare (t.ex. externa entreprenörer).")
    beskrivning: str | None = None
    ansvar: list[Text] = Field([], description="Rollens ansvar i kvalitetsarbetet.")
    lagkrav: list[LagkravRef] = []


class Rollregister(Modell):
    """Document ``roller.yaml``."""

    roller: list[Roll]
