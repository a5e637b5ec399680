"""The year's own words (``ar/<år>/berattelse.yaml``): introduction, what the nämnd did per
SOSFS 2011:9 chapter, and its own assessment of the year.

The kvalitetsberättelse computes its figures from the records; a real one also says, in the
nämnd's words, what was done and how well the requirements were met that year ("uppfyller inte
kraven fullt ut", with the reason). Each year has its own file, so one year's assessment never
changes another's.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from lsk.model.base import Labels, Modell, Text
from lsk.model.poster import Arspost

Arsbedomning = Annotated[
    Literal["uppfyller", "uppfyller_delvis", "uppfyller_inte"],
    Labels({"uppfyller": "uppfyller kraven", "uppfyller_delvis": "uppfyller inte kraven fullt ut",
            "uppfyller_inte": "uppfyller inte kraven"}),
]
Kapitelnummer = Annotated[
    Literal["3", "4", "5", "6", "7"],
    Labels({"3": "3 kap. Ansvar", "4": "4 kap. Ledningssystemets uppbyggnad",
            "5": "5 kap. Systematiskt förbättringsarbete", "6": "6 kap. Personalens medverkan",
            "7": "7 kap. Dokumentation"}),
]


class Egenbedomning(Modell):
    """The nämnd's own assessment, with its reason."""

    bedomning: Arsbedomning = Field(title="Bedömning", description=(
        "'uppfyller', 'uppfyller_delvis' (uppfyller inte kraven fullt ut) eller 'uppfyller_inte'."))
    motivering: Text = Field(title="Motivering", description="Varför nämnden bedömer så.")


class Kapitelberattelse(Modell):
    LABEL = "kapitel"
    ARTICLE = "ett"
    PLURAL = "kapitel"
    kapitel: Kapitelnummer = Field(title="Kapitel", description=(
        "Kapitlet i SOSFS 2011:9 som texten gäller: '3' till '7'."))
    text: Text = Field(title="Text", description=(
        "Vad nämnden gjorde under året inom kapitlet (Markdown)."))
    bedomning: Egenbedomning | None = Field(None, title="Egen bedömning", description=(
        "Nämndens egen bedömning av året inom kapitlet, med motivering."))


class Arsberattelse(Arspost):
    """Document ``ar/<år>/berattelse.yaml``: the year's narrative and self-assessment."""

    POSTER = "kapitel"
    ORDER = ("ar", "inledning", "syfte", "bedomning", "kapitel")
    inledning: str | None = Field(None, title="Inledning", description=(
        "Kvalitetsberättelsens inledning för året (Markdown)."))
    syfte: str | None = Field(None, title="Syfte", description=(
        "Syftet med berättelsen, som nämnden formulerar det (Markdown)."))
    bedomning: Egenbedomning | None = Field(None, title="Samlad bedömning", description=(
        "Nämndens samlade bedömning av året, med motivering."))
    kapitel: list[Kapitelberattelse] = Field([], title="Kapitel", description=(
        "En text per kapitel i SOSFS 2011:9 om vad nämnden gjorde under året."))

    @model_validator(mode="after")
    def _ett_per_kapitel(self) -> Arsberattelse:
        seen: set[str] = set()
        for k in self.kapitel:
            if k.kapitel in seen:
                raise ValueError(f"kapitel {k.kapitel} har mer än en text; slå ihop dem")
            seen.add(k.kapitel)
        return self

    def chapter(self, number: str) -> Kapitelberattelse | None:
        return next((k for k in self.kapitel if k.kapitel == number), None)
