"""Requirements (krav): provisions of statutes and the municipality's own requirements.

The same format serves the catalog shipped in ``lsk/catalog/data/`` and a repository's own
``krav/*.yaml`` (local riktlinjer, avtal, nämndbeslut).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, HttpUrl

from lsk.model.arscykel import Produkt
from lsk.model.base import Labels, LagkravId, LagkravRef, Modell, Text, Verksamhetsform
from lsk.model.labels import labels_of

_PRODUCTS = labels_of(Produkt).text
_EVIDENCE_PRODUCTS = ("verksamhetsplan", "internkontrollplan", "riskanalys", "egenkontroll",
                      "avvikelsesammanstallning", "brukarundersokning", "kvalitetsberattelse",
                      "patientsakerhetsberattelse", "uppfoljning_utforare",
                      "revision_ledningssystem")
Evidens = Annotated[
    Literal[
        "process", "rutin", "roll",
        # produced by an årscykel event (Handelse.producerar):
        "verksamhetsplan", "internkontrollplan", "riskanalys", "egenkontroll",
        "avvikelsesammanstallning", "brukarundersokning", "kvalitetsberattelse",
        "patientsakerhetsberattelse", "uppfoljning_utforare", "revision_ledningssystem",
    ],
    Labels({"process": "process", "rutin": "rutin", "roll": "roll",
            **{p: _PRODUCTS[p].lower() for p in _EVIDENCE_PRODUCTS}}),
]
Texttyp = Annotated[
    Literal["citat", "aldre_lydelse", "parafras"],
    Labels({"citat": "Författningstext", "aldre_lydelse": "Författningstext i en äldre lydelse",
            "parafras": "Parafras"}),
]
Sakerhet = Annotated[
    Literal["mycket_hog", "hog"],
    Labels({"mycket_hog": "mycket hög (en annan gällande lag hänvisar till den nya paragrafen)",
            "hog": "hög (lagtexterna jämförda paragraf för paragraf)"}),
]
"""How sure the mapping from a repealed provision to its replacement is, by its source."""

Forfattningstyp = Annotated[
    Literal["lag", "forordning", "foreskrift", "lokal"],
    Labels({"lag": "lag", "forordning": "förordning", "foreskrift": "föreskrift",
            "lokal": "lokalt krav"}),
]


class Krav(Modell):
    """One provision (paragraf) or local requirement."""

    KIND = "lagkrav"
    LABEL = "krav"
    ARTICLE = "ett"
    id: LagkravId = Field(description="T.ex. 'SOSFS-2011:9/4/4'; lokalt krav t.ex. 'SN-2024:79/1'.")
    rubrik: Text = Field(description="Kort rubrik för bestämmelsen.")
    text: Text = Field(description="Författningstexten eller en trogen parafras.")
    texttyp: Texttyp = Field(
        "parafras", description="citat: gällande lydelse ordagrant; aldre_lydelse: ordagrant ur en "
        "äldre lydelse (se anmarkning); parafras: med egna ord.")
    galler: list[Verksamhetsform] = Field(
        ["socialtjanst", "lss", "halso_och_sjukvard"],
        description="Verksamheter som bestämmelsen gäller.")
    evidens: list[Evidens] = Field(
        [], description="Vad i ledningssystemet som visar att kravet uppfylls; tom = informativ.")
    giltig_fran: dt.date | None = None
    senast_andrad: dt.date | None = Field(
        None, description="Ikraftträdande för bestämmelsens senaste ändring.")
    andrad_genom: str | None = None
    upphavd: dt.date | None = None
    ersatt_av: list[LagkravRef] = Field([], description="Bestämmelser som ersatt denna.")
    ersatt_av_sakerhet: Sakerhet | None = Field(
        None, title="Säkerhet i ersatt_av",
        description="Hur säker motsvarigheten i ersatt_av är: mycket_hog när en annan gällande lag "
        "hänvisar till den nya paragrafen, hog när lagtexterna jämförts.")
    kalla: HttpUrl | None = Field(None, description="Källa för texten (om annan än författningens).")
    verifierad: bool = Field(
        False, description="Texten är kontrollerad mot källan (annars markerad som overifierad).")
    anmarkning: str | None = None


class Forfattning(Modell):
    """A statute or regulation (författning) and where its text comes from."""

    KIND = "forfattning"
    LABEL = "författning"
    id: Text = Field(description="T.ex. 'SOSFS-2011:9', 'SFS-2001:453'.")
    namn: Text
    kortnamn: Text
    typ: Forfattningstyp
    kalla: HttpUrl | None = None
    lydelse: str | None = Field(None, description="Konsoliderad t.o.m., t.ex. 'HSLF-FS 2023:27'.")
    giltig_fran: dt.date | None = None
    upphavd: dt.date | None = None
    ersatt_av: str | None = None
    kapitel: dict[str, Text] = Field(
        {}, title="Kapitelrubriker",
        description="Kapitelnummer → rubrik i författningen, t.ex. '27': 'Missförhållanden'.")


class Kravkatalog(Modell):
    """Document: one författning and its provisions (``krav/*.yaml`` or the shipped catalog)."""

    forfattning: Forfattning
    krav: list[Krav]
