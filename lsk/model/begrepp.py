"""Definitions and quality factors: what a handbook says its words mean and what good quality is.

Real handbooks open with a list of definitions (socialtjänst, ledningssystem, process,
riskanalys, egenkontroll …) and riktlinjer often name the quality factors the verksamhet strives
for ("kunskapsbaserad verksamhet", "god tillgänglighet" …), each with a short description. Both
are kept in ``begrepp.yaml`` and placed in a chapter with ``::: begrepp`` and
``::: kvalitetsfaktorer``.
"""

from __future__ import annotations

from pydantic import Field

from lsk.model.base import Modell, Text


class Begrepp(Modell):
    """A term and what it means in this ledningssystem."""

    LABEL = "begrepp"
    ARTICLE = "ett"
    PLURAL = "begrepp"
    ORDER = ("term", "definition", "kalla")
    term: Text = Field(title="Term", description="Ordet som definieras, t.ex. 'Egenkontroll'.")
    definition: Text = Field(
        title="Definition", description="Vad ordet betyder här, med egna ord; Markdown går att "
                                        "använda.")
    kalla: str | None = Field(
        None, title="Källa",
        description="Var definitionen kommer ifrån, t.ex. 'SOSFS 2011:9 1 kap. 2 §' eller "
                    "'Socialstyrelsens termbank'.")


class Kvalitetsfaktor(Modell):
    """A factor of good quality the verksamhet strives for, as the document names it."""

    LABEL = "kvalitetsfaktor"
    PLURAL = "kvalitetsfaktorer"
    namn: Text = Field(title="Namn", description="Faktorns namn, t.ex. 'Hög delaktighet'.")
    beskrivning: str | None = Field(
        None, title="Beskrivning",
        description="Vad faktorn innebär för verksamheten; Markdown går att använda.")


class Begreppslista(Modell):
    """Document ``begrepp.yaml``."""

    ORDER = ("begrepp", "kvalitetsfaktorer")
    begrepp: list[Begrepp] = Field(
        [], title="Begrepp", description="Definitioner och begrepp, i den ordning de ska visas.")
    kvalitetsfaktorer: list[Kvalitetsfaktor] = Field(
        [], title="Kvalitetsfaktorer",
        description="Faktorerna som beskriver god kvalitet i nämndens verksamhet.")
