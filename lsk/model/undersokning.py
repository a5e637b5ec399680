"""User surveys (``undersokningar/<id>.yaml``): one survey and all its years in one file.

A brukarundersökning, familjehemsenkät, Öppna jämförelser or Kommunens kvalitet i korthet is
repeated year after year with the same questions, so its history lives in one file rather than
in a year folder per year. The kvalitetsberättelse shows each survey as one table: its questions
in the survey's own order, a column per year, and the response rate.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import Labels, Modell, Slug, Text
from lsk.model.poster import Antalsvarde, Ar

Undersokningstyp = Annotated[
    Literal["brukarundersokning", "familjehemsenkat", "oppna_jamforelser", "kkik",
            "kvalitetsregister", "annan"],
    Labels({"brukarundersokning": "Brukarundersökning", "familjehemsenkat": "Familjehemsenkät",
            "oppna_jamforelser": "Öppna jämförelser", "kkik": "Kommunens kvalitet i korthet",
            "kvalitetsregister": "Nationellt kvalitetsregister",
            "annan": "Annan undersökning"}),
]


class Grupp(Modell):
    """A group the survey reports separately: a unit, a form of care, an age group."""

    LABEL = "grupp"
    id: Slug = Field(title="Id", description="Gruppens id i filen, t.ex. 'hemtjanst'.")
    namn: Text = Field(title="Namn", description="Gruppen som rapporten visar den, "
                       "t.ex. 'Hemtjänst'.")


class Tabellplats(Modell):
    """Where a survey's figure stands in its table: the year's column and the group's row. A
    response rate (``Svar``) and a question's value (``Varde``) are placed alike, and LSK612
    checks that each place is known and taken once."""

    ar: Ar = Field(title="År", description="Året siffran gäller: det år undersökningen gjordes.")
    grupp: Slug | None = Field(None, title="Grupp", description=(
        "Gruppen siffran gäller (ett id under 'grupper'); tomt = hela undersökningen."))

    @property
    def plats(self) -> tuple[int, str | None]:
        """(år, grupp): the place in the table."""
        return (self.ar, self.grupp)


class Svar(Tabellplats):
    """A year's response: how many answered, or that the rate is unknown."""

    LABEL = "år"
    ARTICLE = "ett"
    PLURAL = "år"
    svarsfrekvens: float | None = Field(None, ge=0, le=100, title="Svarsfrekvens", description=(
        "Andel som svarade, i procent; tomt när den inte är känd för året."))
    antal_svar: Antalsvarde | None = Field(None, title="Antal svar",
                                           description="Hur många som svarade.")


class Varde(Tabellplats):
    LABEL = "värde"
    ARTICLE = "ett"
    PLURAL = "värden"
    varde: float = Field(allow_inf_nan=False, title="Värde", description=(
        "Resultatet, t.ex. andel positiva svar i procent."))


class Fraga(Modell):
    LABEL = "fråga"
    PLURAL = "frågor"
    fraga: Text = Field(title="Fråga", description=(
        "Frågan eller måttet som undersökningen redovisar det."))
    enhet: str | None = Field(None, title="Måttenhet", description="T.ex. '%' eller 'poäng'.")
    varden: list[Varde] = Field([], title="Värden", description=(
        "Ett värde per år (och grupp), för så många år som finns."))


class Undersokning(Modell):
    """Document ``undersokningar/<id>.yaml``: one survey with every year's results."""

    KIND = "undersokning"
    LABEL = "undersökning"
    PLURAL = "undersökningar"
    ORDER = ("id", "namn", "typ", "malgrupp", "genomfors_av", "grupper", "svar", "fragor")
    id: Slug = Field(title="Id", description="Undersökningens id, samma som filnamnet.")
    namn: Text = Field(title="Namn", description=(
        "Undersökningens namn, t.ex. 'Vad tycker de äldre om äldreomsorgen?'."))
    typ: Undersokningstyp = Field(title="Typ", description=(
        "Brukarundersökning, familjehemsenkät, Öppna jämförelser, Kommunens kvalitet i "
        "korthet, kvalitetsregister (Senior alert, BPSD-registret, Svenska palliativregistret) "
        "eller annan."))
    malgrupp: Text = Field(title="Målgrupp", description="Vilka som tillfrågas.")
    genomfors_av: str | None = Field(None, title="Genomförs av", description=(
        "Vem som gör undersökningen, t.ex. Socialstyrelsen eller SKR."))
    grupper: list[Grupp] = Field([], title="Grupper", description=(
        "Grupper som redovisas var för sig, i den ordning rapporten visar dem."))
    svar: list[Svar] = Field([], title="Svarsfrekvens per år", description=(
        "Svarsfrekvens och antal svar per år; ett år kan sakna svarsfrekvens."))
    fragor: list[Fraga] = Field([], title="Frågor", description=(
        "Frågorna i undersökningens egen ordning, var och en med sina värden per år."))

    def years(self) -> list[int]:
        return sorted({v.ar for q in self.fragor for v in q.varden} | {s.ar for s in self.svar})
