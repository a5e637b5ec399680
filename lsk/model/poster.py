"""Yearly records (``ar/<år>/``): the evidence of the year's systematic quality work.

Deviations are recorded as counts per unit and type, never as individual cases: the records
feed a published kvalitetsberättelse (SOSFS 2011:9 7 kap. 1 §) and must hold no personal data.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import Modell, ProcessRef, Ref, RollRef, Slug, Text

EnhetRef = Annotated[str, Ref(("enhet", "avdelning", "utforare", "stab"))]
AtgardRef = Annotated[str, Ref(("atgard",))]
IndikatorRef = Annotated[str, Ref(("indikator",))]
UrsprungRef = Annotated[str, Ref(("risk", "egenkontroll", "avvikelsesammanstallning",
                                  "kontrollmoment", "fokusomrade"))]
Avvikelsetyp = Literal["lex_sarah", "lex_maria", "personuppgiftsincident", "synpunkt_klagomal",
                       "ovrig_avvikelse", "ej_avvikelse"]
AVVIKELSETYPER: tuple[str, ...] = Avvikelsetyp.__args__  # type: ignore[attr-defined]
Ar = Annotated[int, Field(ge=2000, le=2100)]

RECORD_FOR_PRODUCT: dict[str, tuple[str, str]] = {
    "riskanalys": ("riskanalyser", "riskanalyser"),
    "egenkontroll": ("egenkontroller", "egenkontroller"),
    "avvikelsesammanstallning": ("avvikelser", "antal"),
    "brukarundersokning": ("indikatorer", "varden"),
}
"""årscykel product → (record kind, list field that shows the year's work was recorded)."""


class Antal(Modell):
    enhet: EnhetRef
    typ: Avvikelsetyp
    antal: int = Field(ge=0)


class Orsak(Modell):
    orsak: Text
    antal: int | None = Field(None, ge=0)


class Avvikelser(Modell):
    """Document ``ar/<år>/avvikelser.yaml``: the year's deviations, aggregated."""

    KIND = "avvikelsesammanstallning"
    id: Slug
    ar: Ar
    antal: list[Antal] = []
    totalt: int | None = Field(None, ge=0, description="Om angivet: ska vara summan av antal.")
    anmalda_ivo: int | None = Field(
        None, ge=0, description="Anmälda till IVO (lex Sarah/lex Maria); tomt = inget beslut.")
    anmalda_imy: int | None = Field(None, ge=0, description="Personuppgiftsincidenter till IMY.")
    orsaker: list[Orsak] = []
    analys: str | None = None
    atgarder: list[AtgardRef] = []


class Risk(Modell):
    KIND = "risk"
    id: Slug
    handelse: Text
    process: ProcessRef | None = None
    datum: dt.date
    sannolikhet: int = Field(ge=1)
    konsekvens: int = Field(ge=1)
    efter_sannolikhet: int | None = Field(None, ge=1)
    efter_konsekvens: int | None = Field(None, ge=1)
    atgarder: list[AtgardRef] = []
    agare: RollRef
    uppfoljning: dt.date | None = None


class Riskanalyser(Modell):
    """Document ``ar/<år>/riskanalyser.yaml``."""

    ar: Ar
    riskanalyser: list[Risk] = []


class Egenkontroll(Modell):
    KIND = "egenkontroll"
    id: Slug
    vad: Text
    metod: Literal["journalgranskning", "brukarundersokning", "oppna_jamforelser", "kolada",
                   "observation", "enkat", "intervju", "annan"]
    frekvens: str | None = None
    ansvar: RollRef
    process: ProcessRef | None = None
    planerad: dt.date
    genomford: dt.date | None = None
    resultat: str | None = None
    atgarder: list[AtgardRef] = []

    def missing_result(self, today: dt.date) -> bool:
        """Planned before ``today`` but without a recorded result."""
        return self.planerad < today and (self.genomford is None or not self.resultat)


class Egenkontroller(Modell):
    """Document ``ar/<år>/egenkontroller.yaml``."""

    ar: Ar
    egenkontroller: list[Egenkontroll] = []


class Matvarde(Modell):
    indikator: IndikatorRef
    varde: float
    svarsfrekvens: float | None = Field(None, ge=0, le=100, description="Procent.")
    antal_svar: int | None = Field(None, ge=0)
    kalla: str | None = None


class Indikatorvarden(Modell):
    """Document ``ar/<år>/indikatorer.yaml``: survey results and other indicator values."""

    ar: Ar
    varden: list[Matvarde] = []


class Atgard(Modell):
    KIND = "atgard"
    id: Slug
    atgard: Text
    ursprung: UrsprungRef
    agare: RollRef
    sista_datum: dt.date
    status: Literal["planerad", "pagaende", "genomford", "avbruten"]
    genomford: dt.date | None = None
    effekt: str | None = Field(None, description="Uppföljning av åtgärdens effekt.")

    def overdue(self, today: dt.date) -> bool:
        return self.status in ("planerad", "pagaende") and self.sista_datum < today


class Atgarder(Modell):
    """Document ``ar/<år>/atgarder.yaml``: the log of measures."""

    ar: Ar
    atgarder: list[Atgard] = []


class Fokusomrade(Modell):
    KIND = "fokusomrade"
    id: Slug
    rubrik: Text
    beskrivning: str | None = None
    ansvar: RollRef
    uppfoljning: str | None = Field(None, description="Hur området följdes upp (året efter).")


class Fokusomraden(Modell):
    """Document ``ar/<år>/fokusomraden.yaml``: development areas decided for the next year."""

    ar: Ar
    fokusomraden: list[Fokusomrade] = []
