"""Yearly records (``ar/<år>/``): the evidence of the year's systematic quality work.

Deviations are recorded as counts per unit and type, never as individual cases: the records
feed a published kvalitetsberättelse (SOSFS 2011:9 7 kap. 1 §) and must hold no personal data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from lsk.model.base import AktorRef, Labels, Modell, ProcessRef, Ref, Slug, Text
from lsk.model.labels import labels_of
from lsk.model.tidpunkt import Tidpunkt

EnhetRef = Annotated[str, Ref(("enhet", "utforare", "stab"))]
AtgardRef = Annotated[str, Ref(("atgard",))]
IndikatorRef = Annotated[str, Ref(("indikator",))]
UrsprungRef = Annotated[str, Ref(("risk", "egenkontroll", "avvikelsesammanstallning",
                                  "kontrollmoment", "fokusomrade"))]
Avvikelsetyp = Annotated[
    Literal["lex_sarah", "lex_maria", "personuppgiftsincident", "synpunkt_klagomal",
            "ovrig_avvikelse", "ej_avvikelse"],
    Labels({"lex_sarah": "Lex Sarah", "lex_maria": "Lex Maria",
            "personuppgiftsincident": "Personuppgiftsincident",
            "synpunkt_klagomal": "Synpunkt/klagomål", "ovrig_avvikelse": "Övrig avvikelse",
            "ej_avvikelse": "Bedömd som ej avvikelse"}),
]
AVVIKELSETYPER: tuple[str, ...] = tuple(labels_of(Avvikelsetyp).text)
"""The types in the order reports show them."""

RAPPORTER = "rapporter"
"""The column of reports per place, beside the types, in ``Avvikelser.counts``."""
HELA_NAMNDEN = ""
"""The place of counts given without a unit (``enhet`` left out): the whole nämnd, not
distributed over units. Such counts are in every total but in no unit's row."""

Metod = Annotated[
    Literal["journalgranskning", "brukarundersokning", "oppna_jamforelser", "kolada",
            "observation", "enkat", "intervju", "annan"],
    Labels({"journalgranskning": "journalgranskning", "brukarundersokning": "brukarundersökning",
            "oppna_jamforelser": "Öppna jämförelser", "kolada": "Kolada",
            "observation": "observation", "enkat": "enkät", "intervju": "intervju",
            "annan": "annan metod"}),
]
Atgardsstatus = Annotated[
    Literal["planerad", "pagaende", "genomford", "delvis_genomford", "inte_genomford",
            "avbruten"],
    Labels({"planerad": "planerad", "pagaende": "pågående", "genomford": "genomförd",
            "delvis_genomford": "delvis genomförd", "inte_genomford": "inte genomförd",
            "avbruten": "avbruten"},
           plural={"planerad": "planerade", "pagaende": "pågående", "genomford": "genomförda",
                   "delvis_genomford": "delvis genomförda", "inte_genomford": "inte genomförda",
                   "avbruten": "avbrutna"}),
]
OAVSLUTAD = ("delvis_genomford", "inte_genomford", "avbruten")
"""Statuses of a measure that was not carried out in full: each should say why (``orsak``)."""
AnsvarRef = AktorRef
"""Who is responsible for a record: a role, a unit, the nämnd or another organ (as for an
activity)."""
ANSVAR_HELP = "En roll, en enhet eller avdelning, eller nämnden."
Ar = Annotated[int, Field(ge=2000, le=2100)]
MAX_ANTAL = 1_000_000
"""Largest count of one kind a nämnd records in a year: far above any real figure, and small
enough that sums and tables never turn into numbers Python cannot print."""
MAX_STEG = 5
"""Highest step on a risk scale: the risk matrix is at most 5×5 (``riskmatris.storlek``)."""
Antalsvarde = Annotated[int, Field(ge=0, le=MAX_ANTAL)]
Steg = Annotated[int, Field(ge=1, le=MAX_STEG)]


class Arspost(Modell):
    """A yearly record ``ar/<år>/…``: one kind of the year's evidence of quality work.

    A new kind of yearly record is a subclass (with ``ar`` and the list named by ``POSTER``) and
    one entry in ``lsk.model.kinds``; LSK601, LSK608, the years lsk knows and the
    kvalitetsberättelse's overview then include it.
    """

    #: The list field that holds the year's items; empty means the year's work is not recorded.
    POSTER: ClassVar[str]
    ar: Ar

    def poster(self) -> Sequence[Modell]:
        items: Sequence[Modell] = getattr(self, self.POSTER)
        return items

    @classmethod
    def item_class(cls) -> type[Modell]:
        """The model of one of the year's items (``Risk`` for ``Riskanalyser``)."""
        from lsk.model.labels import item_class

        item = item_class(cls, cls.POSTER)
        if item is None:
            raise TypeError(f"{cls.__name__}.POSTER names no list of models")
        return item


class Antal(Modell):
    LABEL = "rad"
    PLURAL = "rader"
    enhet: EnhetRef | None = Field(None, title="Enhet", description=(
        "Enhet, avdelning, förvaltning, stab eller utförare som antalet gäller; antal kan anges "
        "på vilken nivå som helst och summeras uppåt i organisationen. Utan enhet gäller "
        "antalet hela nämnden utan fördelning på enheter (när bara summan är känd)."))
    typ: Avvikelsetyp = Field(title="Typ", description="Hur rapporterna klassades.")
    antal: Antalsvarde = Field(title="Antal", description="Antal rapporter med den typen.")


class Rapportantal(Modell):
    """How many reports (rapporter) came in for one unit, whatever types they were given."""

    LABEL = "rad"
    PLURAL = "rader"
    enhet: EnhetRef = Field(title="Enhet", description=(
        "Enhet, avdelning, förvaltning, stab eller utförare som rapporterna gäller."))
    antal: Antalsvarde = Field(title="Antal rapporter", description=(
        "Antal rapporter; en rapport kan ha flera typer, så antalet kan vara mindre än "
        "summan av enhetens typer."))


class Orsak(Modell):
    LABEL = "orsak"
    orsak: Text
    antal: Antalsvarde | None = None


class Avvikelser(Arspost):
    """Document ``ar/<år>/avvikelser.yaml``: the year's deviations, aggregated."""

    KIND = "avvikelsesammanstallning"
    LABEL = "avvikelsesammanställning"
    POSTER = "antal"
    ORDER = ("id", "ar", "antal", "rapporter", "totalt", "anmalda_ivo", "anmalda_ivo_lex_sarah",
             "anmalda_ivo_lex_maria", "anmalda_imy", "orsaker", "analys", "atgarder")
    id: Slug
    antal: list[Antal] = Field([], title="Antal per typ", description=(
        "Antal rapporter per enhet och typ. En rapport kan ha flera typer."))
    rapporter: list[Rapportantal] = Field([], title="Rapporter per enhet", description=(
        "Antal rapporter per enhet, oberoende av typ. Utan dem räknas varje typ som en egen "
        "rapport."))
    totalt: Antalsvarde | None = Field(None, title="Rapporter totalt", description=(
        "Antal rapporter under året. En rapport kan ha flera typer, så totalt får vara mindre "
        "än summan av typerna men inte mindre än någon enskild typ."))
    anmalda_ivo: Antalsvarde | None = Field(
        None, title="Anmälda till IVO",
        description="Anmälda till IVO (lex Sarah/lex Maria); tomt = inget beslut.")
    anmalda_ivo_lex_sarah: Antalsvarde | None = Field(
        None, title="Lex Sarah anmälda till IVO", description=(
            "Lex Sarah-ärenden som anmäldes till IVO, när berättelsen redovisar dem för sig."))
    anmalda_ivo_lex_maria: Antalsvarde | None = Field(
        None, title="Lex Maria anmälda till IVO", description=(
            "Lex Maria-ärenden som anmäldes till IVO, när berättelsen redovisar dem för sig."))
    anmalda_imy: Antalsvarde | None = Field(None, title="Anmälda till IMY",
                                            description="Personuppgiftsincidenter till IMY.")
    orsaker: list[Orsak] = []
    analys: str | None = None
    atgarder: list[AtgardRef] = []

    def ivo(self) -> int | None:
        """Anmälda till IVO: ``anmalda_ivo``, else lex Sarah and lex Maria given apart, summed;
        None when nothing is decided."""
        if self.anmalda_ivo is not None:
            return self.anmalda_ivo
        apart = [n for n in (self.anmalda_ivo_lex_sarah, self.anmalda_ivo_lex_maria)
                 if n is not None]
        return sum(apart) if apart else None

    def counts(self) -> dict[str, dict[str, int]]:
        """Place → type (or ``RAPPORTER``) → count, as entered (rows for one place summed)."""
        out: dict[str, dict[str, int]] = {}
        for a in self.antal:
            row = out.setdefault(HELA_NAMNDEN if a.enhet is None else a.enhet, {})
            row[a.typ] = row.get(a.typ, 0) + a.antal
        for r in self.rapporter:
            row = out.setdefault(r.enhet, {})
            row[RAPPORTER] = row.get(RAPPORTER, 0) + r.antal
        return out


class Risk(Modell):
    KIND = "risk"
    LABEL = "risk"
    PLURAL = "risker"
    id: Slug
    handelse: Text
    process: ProcessRef | None = None
    datum: Tidpunkt = Field(title="Datum", description=(
        "När risken bedömdes: ett datum eller en period ('våren 2026', 'kvartal 2 2026')."))
    sannolikhet: Steg
    konsekvens: Steg
    efter_sannolikhet: Steg | None = None
    efter_konsekvens: Steg | None = None
    atgarder: list[AtgardRef] = []
    agare: AnsvarRef = Field(title="Ägare", description=ANSVAR_HELP)
    uppfoljning: Tidpunkt | None = Field(None, title="Uppföljning", description=(
        "När risken följs upp: ett datum eller en period ('hösten 2026')."))


class Riskanalyser(Arspost):
    """Document ``ar/<år>/riskanalyser.yaml``."""

    POSTER = "riskanalyser"
    riskanalyser: list[Risk] = []


class Egenkontroll(Modell):
    KIND = "egenkontroll"
    LABEL = "egenkontroll"
    PLURAL = "egenkontroller"
    id: Slug
    vad: Text
    metod: Metod
    frekvens: str | None = None
    ansvar: AnsvarRef = Field(title="Ansvar", description=ANSVAR_HELP)
    process: ProcessRef | None = None
    planerad: Tidpunkt = Field(title="Planerad", description=(
        "När kontrollen ska göras: ett datum eller en period ('juni 2026', 'tertial 2 2026')."))
    genomford: Tidpunkt | None = Field(None, title="Genomförd", description=(
        "När kontrollen gjordes: ett datum eller en period."))
    resultat: str | None = None
    atgarder: list[AtgardRef] = []

    def missing_result(self, today: dt.date) -> bool:
        """Planned before ``today`` but without a recorded result."""
        return self.planerad < today and (self.genomford is None or not self.resultat)


class Egenkontroller(Arspost):
    """Document ``ar/<år>/egenkontroller.yaml``."""

    POSTER = "egenkontroller"
    egenkontroller: list[Egenkontroll] = []


class Matvarde(Modell):
    LABEL = "värde"
    ARTICLE = "ett"
    PLURAL = "värden"

    indikator: IndikatorRef
    varde: float = Field(allow_inf_nan=False)
    svarsfrekvens: float | None = Field(None, ge=0, le=100, description="Procent.")
    antal_svar: Antalsvarde | None = None
    kalla: str | None = None


class Indikatorvarden(Arspost):
    """Document ``ar/<år>/indikatorer.yaml``: survey results and other indicator values."""

    POSTER = "varden"
    varden: list[Matvarde] = []


class Atgard(Modell):
    KIND = "atgard"
    LABEL = "åtgärd"
    PLURAL = "åtgärder"
    ORDER = ("id", "atgard", "ursprung", "namndbeslut", "utvecklingsarbete", "agare",
             "sista_datum", "status", "orsak", "genomford", "effekt")
    id: Slug
    atgard: Text
    ursprung: UrsprungRef | None = Field(None, title="Ursprung", description=(
        "Risken, egenkontrollen, avvikelsesammanställningen, kontrollmomentet eller "
        "fokusområdet som åtgärden kommer från."))
    namndbeslut: str | None = Field(None, title="Nämndbeslut", description=(
        "Åtgärden kommer från ett beslut i nämnden, med paragraf: 'SN 2026-02-18 § 12'."))
    utvecklingsarbete: str | None = Field(None, title="Eget utvecklingsarbete", description=(
        "Åtgärden kommer från kommunens eget utvecklingsarbete: vilket."))
    agare: AnsvarRef = Field(title="Ägare", description=ANSVAR_HELP)
    sista_datum: Tidpunkt = Field(title="Sista datum", description=(
        "När åtgärden ska vara klar: ett datum eller en period ('kvartal 1 2027'); försenad "
        "först när hela perioden har passerat."))
    status: Atgardsstatus
    orsak: str | None = Field(None, title="Orsak", description=(
        "Varför åtgärden är delvis eller inte genomförd, eller avbruten: 'tidsbrist', "
        "'väntar på beslut i kommunstyrelsen'."))
    genomford: Tidpunkt | None = Field(None, title="Genomförd", description=(
        "När åtgärden genomfördes: ett datum eller en period."))
    effekt: str | None = Field(None, description="Uppföljning av åtgärdens effekt.")

    @model_validator(mode="after")
    def _ett_ursprung(self) -> Atgard:
        given = [k for k in ("ursprung", "namndbeslut", "utvecklingsarbete")
                 if getattr(self, k) is not None]
        if not given:
            raise ValueError("en åtgärd ska ha ett ursprung: 'ursprung' (en risk, egenkontroll "
                             "…), 'namndbeslut' eller 'utvecklingsarbete'")
        if len(given) > 1:
            raise ValueError(f"en åtgärd har ett ursprung, men här finns {' och '.join(given)}")
        return self

    def overdue(self, today: dt.date) -> bool:
        return self.status in ("planerad", "pagaende") and self.sista_datum < today


class Atgarder(Arspost):
    """Document ``ar/<år>/atgarder.yaml``: the log of measures."""

    POSTER = "atgarder"
    atgarder: list[Atgard] = []


class Fokusomrade(Modell):
    KIND = "fokusomrade"
    LABEL = "fokusområde"
    ARTICLE = "ett"
    PLURAL = "fokusområden"
    id: Slug
    rubrik: Text
    beskrivning: str | None = None
    ansvar: AnsvarRef = Field(title="Ansvar", description=ANSVAR_HELP)
    uppfoljning: str | None = Field(None, description="Hur området följdes upp (året efter).")


class Fokusomraden(Arspost):
    """Document ``ar/<år>/fokusomraden.yaml``: development areas decided for the next year."""

    POSTER = "fokusomraden"
    fokusomraden: list[Fokusomrade] = []
