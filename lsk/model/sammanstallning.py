"""The year's other compilations (``ar/<år>/sammanstallningar.yaml``): figures by free category.

A real kvalitetsberättelse has tables that lsk's fixed record kinds do not: klagomål per
kategori, beröm, IVO:s tillsyn and beslut, SIP upprättade, LSS-uppföljningar, a register's
percentages. Each is a compilation here: a heading, where in the report it belongs, and a value
per category. The same heading in an earlier year's file is the same table, so the report
compares each category with the years before without anyone typing the old figures again.
Only counts and shares for the whole nämnd or for named categories belong here, never single
cases: the file is published as it stands.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import Labels, Modell, Text
from lsk.model.poster import Arspost

Avsnitt = Annotated[
    Literal["ansvar", "samverkan", "avvikelser", "tillsyn", "riskanalyser", "egenkontroller",
            "atgarder", "undersokningar", "personal", "ovrigt"],
    Labels({"ansvar": "Ansvar för kvalitetsarbetet (3 kap.)",
            "samverkan": "Ledningssystemets uppbyggnad och samverkan (4 kap.)",
            "avvikelser": "Avvikelser, klagomål och synpunkter",
            "tillsyn": "Tillsyn och beslut från IVO och andra myndigheter",
            "riskanalyser": "Riskanalyser", "egenkontroller": "Egenkontroller",
            "atgarder": "Förbättringsåtgärder",
            "undersokningar": "Brukarundersökningar och andra indikatorer",
            "personal": "Personalens medverkan (6 kap.)",
            "ovrigt": "Övriga sammanställningar"}),
]


class Kategorivarde(Modell):
    LABEL = "rad"
    PLURAL = "rader"
    kategori: Text = Field(title="Kategori", description=(
        "Vad värdet gäller, med samma ord varje år: 'Bemötande', 'Beslut med kritik'."))
    varde: float = Field(ge=0, le=1_000_000, allow_inf_nan=False, title="Värde", description=(
        "Antalet eller andelen för kategorin under året."))


class Sammanstallning(Modell):
    LABEL = "sammanställning"
    PLURAL = "sammanställningar"
    ORDER = ("rubrik", "avsnitt", "enhet", "rader", "kommentar")
    rubrik: Text = Field(title="Rubrik", description=(
        "Tabellens rubrik, med samma ord varje år: samma rubrik i ett tidigare års fil är samma "
        "tabell, och berättelsen jämför med den."))
    avsnitt: Avsnitt = Field("ovrigt", title="Avsnitt", description=(
        "Var i kvalitetsberättelsen tabellen står: ansvar, samverkan, avvikelser, tillsyn, "
        "riskanalyser, egenkontroller, atgarder, undersokningar, personal eller ovrigt."))
    enhet: str | None = Field(None, title="Måttenhet", description=(
        "Värdenas enhet, t.ex. '%'; tomt = antal."))
    rader: list[Kategorivarde] = Field([], title="Rader", description=(
        "Ett värde per kategori, i den ordning tabellen ska visa dem."))
    kommentar: str | None = Field(None, title="Kommentar", description=(
        "Nämndens kommentar till siffrorna; står under tabellen."))


class Sammanstallningar(Arspost):
    """Document ``ar/<år>/sammanstallningar.yaml``: the year's compilations by free category."""

    POSTER = "sammanstallningar"
    sammanstallningar: list[Sammanstallning] = Field([], title="Sammanställningar", description=(
        "Årets övriga sammanställningar: en tabell var, med rubrik och värde per kategori."))
