"""The årscykel: recurring events per month that tie quality work to planning and budget."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field

from lsk.model.base import AktorRef, Labels, Modell, ProcessRef, Text, ansvar_falt, medverkar_falt
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


Aterkommer = Annotated[
    Literal["arligen", "halvarsvis", "tertialvis", "kvartalsvis", "manadsvis", "lopande"],
    Labels({
        "arligen": "en gång per år",
        "halvarsvis": "en gång per halvår",
        "tertialvis": "en gång per tertial",
        "kvartalsvis": "en gång per kvartal",
        "manadsvis": "varje månad",
        "lopande": "löpande under året",
    }),
]
"""How often an event comes back, as municipal documents write it ("månadsvis", "per tertial")."""

PERIOD_LENGTH: dict[str, int] = {"arligen": 12, "halvarsvis": 6, "tertialvis": 4,
                                 "kvartalsvis": 3, "manadsvis": 1}
"""Months in one period of each rhythm; ``lopande`` has no periods."""


class Handelse(Modell):
    """One event of the årscykel: once a year in a given month, in several given months, once per
    period (month, quarter, tertial, half-year), or continuously."""

    LABEL = "händelse"
    ORDER = ("aterkommer", "manad", "utom", "namn", "vad", "ansvar", "medverkar", "producerar",
             "process", "senast", "not")
    manad: Manad | list[Manad] | None = Field(
        None, title="Månad",
        description="Månaden då händelsen sker, eller en lista av månader (t.ex. [mars, augusti]) "
                    "när den sker flera gånger om året. För halvårsvis, tertialvis och kvartalsvis: "
                    "månaden för första tillfället, de följande kommer med samma mellanrum. Utelämnas "
                    "för månadsvisa och löpande händelser, och när dokumentet inte säger när.")
    aterkommer: Aterkommer = Field(
        "arligen", title="Återkommer",
        description="Hur ofta händelsen återkommer: arligen (standard), halvarsvis, tertialvis, "
                    "kvartalsvis, manadsvis eller lopande (pågår hela året utan fast tidpunkt).")
    utom: list[Manad] = Field(
        [], title="Utom",
        description="Månader då en månadsvis händelse inte sker, t.ex. [juli] när nämnden inte "
                    "sammanträder.")
    namn: str | None = Field(
        None, title="Namn",
        description="Kort namn som visas i årshjulet, t.ex. \"Delårsrapport\". Utan namn visas "
                    "det som händelsen producerar, eller början av 'vad'.")
    vad: Text
    ansvar: AktorRef = ansvar_falt("händelsen", ", t.ex. kommunfullmäktige som beslutar om budgeten",
                                   kravs=True)
    medverkar: list[AktorRef] = medverkar_falt("händelsen")
    producerar: Produkt = "annat"
    process: ProcessRef | None = None
    senast: str | None = None
    __annotations__["not"] = "str | None"  # 'not' is a Python keyword; the YAML key is 'not'
    locals()["not"] = Field(
        None, title="Not",
        description="En anmärkning som visas med händelsen i handboken, i lsk status och i "
                    "kalendern, t.ex. \"minst en gång per år\" eller \"inför varje nämndsammanträde\": "
                    "dokumentets egna ord när tidpunkten inte går att ange exakt.")

    @property
    def note(self) -> str | None:
        """The event's ``not``."""
        value: str | None = getattr(self, "not")
        return value

    @property
    def given_months(self) -> tuple[str, ...]:
        """The months written in ``manad``, in the year's order."""
        if self.manad is None:
            return ()
        written = [self.manad] if isinstance(self.manad, str) else self.manad
        return tuple(m for m in MANADER if m in written)

    @property
    def dated(self) -> bool:
        """Whether the event falls in known months (not continuous, not 'some time in the
        period')."""
        return self.aterkommer == "manadsvis" or (self.aterkommer != "lopande"
                                                  and bool(self.given_months))

    def months(self) -> tuple[str, ...]:
        """The months of the year the event occurs in, in order. A periodic event without a month
        falls due in the last month of each period (its deadline); a continuous one in none."""
        if self.aterkommer == "lopande":
            return ()
        if self.aterkommer == "manadsvis":
            return tuple(m for m in MANADER if m not in self.utom)
        length = PERIOD_LENGTH[self.aterkommer]
        given = self.given_months
        if self.aterkommer == "arligen":
            return given or (MANADER[-1],)
        offset = MANADER.index(given[0]) % length if given else length - 1
        return tuple(MANADER[i] for i in range(offset, 12, length))

    def when(self) -> str:
        """The month of a once-a-year event, else its rhythm in words."""
        if self.aterkommer == "arligen" and len(self.given_months) == 1:
            return self.given_months[0]
        return self.rhythm()

    def rhythm(self) -> str:
        """When the event happens, in words: 'mars och augusti', 'en gång per kvartal (januari,
        april, juli, oktober)', 'varje månad utom juli', 'löpande under året'."""
        label = _RHYTHM[self.aterkommer]
        if self.aterkommer == "manadsvis":
            return label + (f" utom {_join(self.utom)}" if self.utom else "")
        if self.aterkommer == "arligen":
            return _join(self.given_months) if self.given_months else "någon gång under året"
        if self.aterkommer == "lopande":
            return label
        if self.given_months:
            return f"{label} ({_join(self.months())})"
        return f"{label}, senast i {_join(self.months())}"


def _join(months: Sequence[str]) -> str:
    names = [m for m in MANADER if m in months]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


_RHYTHM = dict(labels_of(Aterkommer).text)


class Arscykel(Modell):
    """Document ``arscykel.yaml``."""

    handelser: list[Handelse]
