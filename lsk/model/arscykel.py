"""The årscykel: recurring events per month that tie quality work to planning and budget."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import AktorRef, Labels, Modell, ProcessRef, Text
from lsk.model.labels import labels_of

Manad = Annotated[
    Literal["januari", "februari", "mars", "april", "maj", "juni",
            "juli", "augusti", "september", "oktober", "november", "december"],
    Labels({"januari": "Januari", "februari": "Februari", "mars": "Mars", "april": "April",
            "maj": "Maj", "juni": "Juni", "juli": "Juli", "augusti": "Augusti",
            "september": "September", "oktober": "Oktober", "november": "November",
            "december": "December"}),
]
MANADER: tuple[str, ...] = tuple(labels_of(Manad).text)

Produkt = Annotated[
    Literal[
        "verksamhetsplan", "budget", "internkontrollplan", "uppfoljning_internkontroll",
        "delarsrapport", "verksamhetsberattelse", "kvalitetsberattelse",
        "patientsakerhetsberattelse", "riskanalys", "egenkontroll", "brukarundersokning",
        "avvikelsesammanstallning", "uppfoljning_utforare", "revision_ledningssystem", "annat",
    ],
    Labels({
        "verksamhetsplan": "Verksamhetsplan",
        "budget": "Budget",
        "internkontrollplan": "Internkontrollplan",
        "uppfoljning_internkontroll": "Uppföljning av intern kontroll",
        "delarsrapport": "Delårsrapport",
        "verksamhetsberattelse": "Verksamhetsberättelse",
        "kvalitetsberattelse": "Kvalitetsberättelse",
        "patientsakerhetsberattelse": "Patientsäkerhetsberättelse",
        "riskanalys": "Riskanalys",
        "egenkontroll": "Egenkontroll",
        "brukarundersokning": "Brukarundersökning",
        "avvikelsesammanstallning": "Sammanställning av avvikelser",
        "uppfoljning_utforare": "Uppföljning av utförare",
        "revision_ledningssystem": "Revision av ledningssystemet",
        "annat": "Övrigt",
    }),
]
"""What an årscykel event produces; a yearly record kind names the product that promises it."""


class Handelse(Modell):
    LABEL = "händelse"
    manad: Manad
    vad: Text
    ansvar: AktorRef = Field(
        title="Ansvar",
        description="Roll, enhet, nämnd, utskott eller annat organ som ansvarar för händelsen, "
                    "t.ex. kommunfullmäktige som beslutar om budgeten.")
    medverkar: list[AktorRef] = Field(
        [], title="Medverkar",
        description="Roller, enheter, nämnd, utskott eller andra organ som medverkar i "
                    "händelsen utan att ansvara för den.")
    producerar: Produkt = "annat"
    process: ProcessRef | None = None
    senast: str | None = None


class Arscykel(Modell):
    """Document ``arscykel.yaml``."""

    handelser: list[Handelse]
