"""Quality areas (områden): what the nämnd commits to in each, how it is followed up, who does what.

Many handbooks are built as a list of areas (bemötande, samverkan, personal och
kompetensförsörjning, avvikelser, synpunkter och klagomål, riskhantering …). Each has a short
text, a list of what "vi säkerställer att" (``sakerstaller``), how it is followed up
(``uppfoljning``) and who is responsible for what (``ansvar``: like a step in a rutin, a text
with the role, organ or unit that answers for it). The areas are kept in ``omraden.yaml`` and
placed in a chapter with ``::: omraden`` or one at a time with ``::: omrade ID``.
"""

from __future__ import annotations

from pydantic import Field

from lsk.model.base import (
    AktorRef,
    LagkravRef,
    Modell,
    ProcessRef,
    RutinRef,
    Slug,
    StyrdokumentRef,
    Text,
)


class Omradesansvar(Modell):
    """Who answers for what in an area: 'Verksamhetschef ansvarar för att …'."""

    LABEL = "ansvar"
    ARTICLE = "ett"
    ORDER = ("ansvar", "medverkar", "text")
    text: Text = Field(title="Text", description="Vad som ska göras, med egna ord.")
    ansvar: AktorRef = Field(
        title="Ansvar",
        description="Roll, enhet, nämnd, utskott eller utförare som ansvarar.")
    medverkar: list[AktorRef] = Field(
        [], title="Medverkar",
        description="Roller eller organ som ansvarar tillsammans med den ansvarige "
                    "('verksamhetschef tillsammans med enhetschef').")


class Omrade(Modell):
    """One quality area."""

    KIND = "omrade"
    LABEL = "område"
    ARTICLE = "ett"
    PLURAL = "områden"
    ORDER = ("id", "namn", "beskrivning", "sakerstaller", "uppfoljning", "ansvar", "processer",
             "rutiner", "styrdokument", "lagkrav")
    id: Slug
    namn: Text
    beskrivning: str | None = Field(
        None, title="Beskrivning",
        description="Varför området är viktigt och vad det omfattar; Markdown går att använda.")
    sakerstaller: list[Text] = Field(
        [], title="Vi säkerställer att",
        description="Det nämnden åtar sig inom området, en punkt per rad ('brukarens värdighet "
                    "respekteras').")
    uppfoljning: list[Text] = Field(
        [], title="Uppföljning", description="Hur området följs upp, en punkt per rad.")
    ansvar: list[Omradesansvar] = Field(
        [], title="Ansvar", description="Vem som ansvarar för vad inom området.")
    processer: list[ProcessRef] = Field(
        [], title="Processer", description="Processer som beskriver arbetet inom området.")
    rutiner: list[RutinRef] = Field(
        [], title="Rutiner", description="Rutiner som styr arbetet inom området.")
    styrdokument: list[StyrdokumentRef] = Field(
        [], title="Styrdokument",
        description="Styrdokument utanför lsk som gäller området (styrdokument.yaml).")
    lagkrav: list[LagkravRef] = Field(
        [], title="Lagkrav",
        description="Bestämmelser som området visar hur nämnden uppfyller; de visas med "
                    "området, och området räknas som det som bär dem (lsk trace, LSK510). "
                    "Kräver bestämmelsen en process eller rutin visas den ändå som delvis "
                    "uppfylld tills en sådan hänvisar till den.")


class Omraden(Modell):
    """Document ``omraden.yaml``."""

    omraden: list[Omrade] = Field(
        title="Områden", description="Kvalitetsområdena i den ordning handboken tar upp dem.")
