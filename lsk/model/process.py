"""Processes (SOSFS 2011:9 4 kap. 2-6 §§): ordered activities, routines, samverkan."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import (
    AktorRef,
    Dokumenthuvud,
    Labels,
    LagkravRef,
    Modell,
    PartRef,
    ProcessId,
    RollRef,
    RutinRef,
    Slug,
    StyrdokumentRef,
    Text,
    ansvar_falt,
    medverkar_falt,
)

Processtyp = Annotated[
    Literal["ledningsprocess", "karnprocess", "stodprocess"],
    Labels({"ledningsprocess": "ledningsprocess", "karnprocess": "kärnprocess",
            "stodprocess": "stödprocess"},
           plural={"ledningsprocess": "Ledningsprocesser", "karnprocess": "Kärnprocesser",
                   "stodprocess": "Stödprocesser"}),
]
"""The process map's three kinds; the plural is the heading of each group on the map."""


class Samverkan(Modell):
    """Who an activity cooperates with, and how (4 kap. 6 §)."""

    LABEL = "samverkan"

    part: PartRef
    hur: Text
    rutin: RutinRef | None = None


class Aktivitet(Modell):
    KIND = "aktivitet"
    LABEL = "aktivitet"
    LOCAL_ID = True
    id: Slug
    namn: Text
    beskrivning: str | None = None
    ansvar: AktorRef | None = ansvar_falt("aktiviteten")
    medverkar: list[AktorRef] = medverkar_falt("aktiviteten")
    rutiner: list[RutinRef] = Field([], description="Rutiner som styr aktiviteten (4 kap. 4 §).")
    styrdokument: list[StyrdokumentRef] = Field(
        [], title="Styrdokument",
        description="Styrdokument utanför lsk som styr aktiviteten (styrdokument.yaml), t.ex. "
                    "delegationsordningen eller en riktlinje.")
    resultat: str | None = None
    lagkrav: list[LagkravRef] = []
    samverkan: list[Samverkan] = []


class Process(Dokumenthuvud):
    """Document ``processer/<id>-<namn>.yaml``; the list order of ``aktiviteter`` is the flow."""

    KIND = "process"
    LABEL = "process"
    PLURAL = "processer"
    RECOMMENDED = ("omfattning",)
    ORDER = ("id", "namn", "typ", "syfte", "agare", "ansvarig", "omfattning", "version",
             "upprattad", "faststalld", "reviderad", "granskad", "nasta_revision",
             "samverkan_kravs", "lagkrav", "aktiviteter")
    id: ProcessId
    namn: Text
    typ: Processtyp
    syfte: Text
    agare: RollRef = Field(title="Processägare",
                           description="Roll som äger processen och ansvarar för beskrivningen.")
    ansvarig: RollRef | None = Field(
        None, title="Ansvarig för beskrivningen",
        description="Roll som skriver och reviderar processbeskrivningen, om det är en annan än "
                    "processägaren; utan den är det processägaren.")
    omfattning: str | None = Field(
        None, title="Omfattning", description="Vilka verksamheter och ärenden processen gäller.")
    samverkan_kravs: bool = Field(
        False, description="Processen kräver samverkan (identifierad enligt 4 kap. 5 §)."
    )
    aktiviteter: list[Aktivitet] = []
    lagkrav: list[LagkravRef] = []
