"""What every field is called and means, in Swedish: one text per YAML key, written once.

A key means the same in every document (``nasta_revision`` is always the last day before the next
revision), so its title and description are written here once, not on each class that has it.
A field whose meaning is particular to its class says so on its own ``Field(title=...,
description=...)``, or with a ``Klass.falt`` entry below; that wins over the shared text.

Read through :func:`falttext`: the editor's schema (hover and completion), ``docs/mallar.md``
and the diagnostics that name a field (LSK515) all use it. ``tests/test_falt.py`` fails when a
field of any document kind has no Swedish title and description.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel


@dataclass(frozen=True)
class Falttext:
    titel: str
    beskrivning: str


def _t(titel: str, beskrivning: str = "") -> Falttext:
    """A text; without ``beskrivning`` only the title, where the ``Field`` describes itself."""
    return Falttext(titel, beskrivning)


ROLL_ID = "id ur roller.yaml"

FALT: dict[str, Falttext] = {
    # Ids, names and texts
    "id": _t("Id", "Beteckning som andra filer hänvisar till, unik i hela ledningssystemet, "
                   "t.ex. 'enhetschef-mottagning', 'KP01' eller 'R012'."),
    "namn": _t("Namn", "Namnet som det ska stå i handboken."),
    "titel": _t("Titel", "Titeln som det ska stå i handboken."),
    "rubrik": _t("Rubrik", "Kort rubrik som visas i listor och tabeller."),
    "kortnamn": _t("Kortnamn", "Kort namn som används i löpande text, t.ex. SoL."),
    "text": _t("Text", "Texten, med Markdown för stycken, listor och länkar."),
    "beskrivning": _t("Beskrivning", "Beskrivning med egna ord; Markdown går att använda."),
    "syfte": _t("Syfte", "Vad dokumentet eller funktionen ska åstadkomma."),
    "omfattning": _t("Omfattning", "Vilka verksamheter och situationer det gäller, och vilka "
                                   "det inte gäller."),
    "uppdrag": _t("Uppdrag", "Uppdraget enligt reglemente, delegationsordning eller beslut."),
    "anmarkning": _t("Anmärkning", "Kompletterande upplysning som visas vid posten."),
    "typ": _t("Typ", "Vilket slag det är; välj ett av de värden som editorn föreslår."),
    # Responsibility and organisation
    "agare": _t("Ägare", f"Roll som äger och följer upp ({ROLL_ID})."),
    "ansvar": _t("Ansvar", f"Roll som ansvarar ({ROLL_ID})."),
    "ansvarig": _t("Ansvarig", f"Roll som håller dokumentet aktuellt och reviderar det "
                               f"({ROLL_ID})."),
    "chef": _t("Chef", f"Roll som är chef för enheten ({ROLL_ID})."),
    "ordforande": _t("Ordförande", f"Rollen ordförande ({ROLL_ID})."),
    "roll": _t("Roll", f"Roll som utför funktionen ({ROLL_ID})."),
    "organ": _t("Organisatorisk placering",
                "Nämnd, utskott, förvaltning, avdelning, enhet eller stab där rollen finns "
                "(id ur organisation.yaml)."),
    "namnd": _t("Nämnd", "Nämnden som ledningssystemet gäller."),
    "utskott": _t("Utskott", "Nämndens utskott, med uppdrag."),
    "forvaltning": _t("Förvaltning", "Förvaltningen som verkställer nämndens beslut."),
    "avdelningar": _t("Avdelningar", "Förvaltningens avdelningar, var och en med sina enheter."),
    "enheter": _t("Enheter", "Enheterna under avdelningen."),
    "stab": _t("Stab", "Stabsfunktioner som stöder ledningen, t.ex. MAS eller "
                       "kvalitetsutvecklare."),
    "utforare": _t("Utförare", "Verksamheter som utför insatser, i egen eller extern regi."),
    "rad": _t("Råd", "Råd som nämnden samråder med, t.ex. kommunala pensionärsrådet."),
    "externa_parter": _t("Externa parter",
                         "Region, myndigheter och andra som processerna samverkar med."),
    "reglemente": _t("Reglemente", "Reglementet som anger nämndens ansvar, med beslut."),
    "regi": _t("Regi", "Egen regi (kommunen) eller extern regi (upphandlad eller "
                       "valfrihetssystem)."),
    "avtal": _t("Avtal", "Avtalet med en extern utförare."),
    "diarienummer": _t("Diarienummer", "Ärendets diarienummer, t.ex. SN 2024/118."),
    "giltigt_fran": _t("Giltigt från", "Första dag avtalet gäller."),
    "giltigt_till": _t("Giltigt till", "Sista dag avtalet gäller."),
    "verksamhetsformer": _t("Verksamhetsformer",
                            "Socialtjänst, LSS och/eller hälso- och sjukvård; styr vilka krav som "
                            "gäller."),
    "malgrupp": _t("Målgrupp", "Vilka tjänsten riktar sig till."),
    "tjanster": _t("Tjänster", "Tjänster som utföraren ger (id ur tjanster.yaml)."),
    "processer": _t("Processer", "Processer som levererar tjänsten (process-id, t.ex. KP03)."),
    # Documents and their life
    "version": _t("Version", "Dokumentets eget versionsnummer, t.ex. 2.1."),
    "upprattad": _t("Upprättad", "Datum då dokumentet först skrevs (ÅÅÅÅ-MM-DD)."),
    "faststalld": _t("Fastställd", "Vem som fastställde dokumentet, när och genom vilket "
                                   "beslut; utelämna om det inte är fastställt."),
    "reviderad": _t("Reviderad", "Datum då dokumentet senast ändrades i sak (ÅÅÅÅ-MM-DD)."),
    "granskad": _t("Granskad", "Datum då dokumentet senast granskades utan att ändras "
                               "(lsk granska)."),
    "nasta_revision": _t("Nästa revision", "Senaste datum för nästa revidering; dokumentet gäller "
                                           "till och med detta datum."),
    "datum": _t("Datum", "Datum (ÅÅÅÅ-MM-DD)."),
    "av": _t("Beslutat av", "Nämnd, utskott eller roll som fattade beslutet."),
    "beslut": _t("Beslut", "Beslutsreferens, t.ex. SN 2025-03-20 § 34 eller ett "
                           "delegationsbeslut."),
    # Processes and routines
    "aktiviteter": _t("Aktiviteter", "Processens aktiviteter i flödets ordning."),
    "steg": _t("Steg", "Rutinens steg i den ordning arbetet görs, vart och ett med ansvar."),
    "rutiner": _t("Rutiner", "Rutiner som styr hur aktiviteten utförs (rutin-id, t.ex. R012)."),
    "rutin": _t("Rutin", "Rutin som beskriver samverkan (rutin-id, t.ex. R022)."),
    "relaterade": _t("Relaterade rutiner", "Andra rutiner som hör ihop med denna (rutin-id)."),
    "resultat": _t("Resultat", "Vad aktiviteten leder till eller vad kontrollen visade."),
    "samverkan": _t("Samverkan", "Vilka aktiviteten samverkar med och hur (SOSFS 2011:9 "
                                 "4 kap. 6 §)."),
    "part": _t("Part", "Den som samverkan sker med: en roll, en del av organisationen, en "
                       "utförare, ett råd eller en extern part (id)."),
    "hur": _t("Hur", "Hur samverkan går till."),
    "process": _t("Process", "Processen som posten hör till (process-id, t.ex. SP03)."),
    "lagkrav": _t("Lagkrav", "Bestämmelser som detta bär, t.ex. SOSFS-2011:9/4/4 "
                             "(författning/kapitel/paragraf)."),
    # Årscykel
    "handelser": _t("Händelser", "Årscykelns händelser."),
    "manad": _t("Månad", "Månaden då händelsen inträffar."),
    "vad": _t("Vad", "Vad som görs."),
    "producerar": _t("Producerar", "Vad händelsen ger, t.ex. kvalitetsberättelse eller "
                                   "riskanalys; lsk kontrollerar att årets poster finns."),
    "senast": _t("Senast", "När det senast ska vara gjort, i ord, t.ex. 'före 1 mars'."),
    # Goals and internal control
    "mal": _t("Mål", "Nämndens mål med indikatorer."),
    "niva": _t("Nivå", "Vem som beslutat målet: kommunfullmäktige, nämnd eller förvaltning."),
    "period": _t("Period", "Perioden målet gäller, t.ex. 2025–2027."),
    "indikatorer": _t("Indikatorer", "Hur måluppfyllelsen mäts."),
    "indikator": _t("Indikator", "Indikatorn värdet gäller (indikator-id)."),
    "malvarde": _t("Målvärde", "Det värde som ska nås."),
    "enhet": _t("Enhet", "Måttenhet, t.ex. % eller antal."),
    "riktning": _t("Riktning", "Om ett högre eller ett lägre värde är bättre."),
    "kontrollmoment": _t("Kontrollmoment", "Internkontrollplanens kontrollmoment."),
    "risk": _t("Risk", "Risken som kontrollen ska fånga."),
    "kontroll": _t("Kontroll", "Vad som kontrolleras."),
    "metod": _t("Metod", "Hur kontrollen görs."),
    "frekvens": _t("Frekvens", "Hur ofta det görs, t.ex. 'en gång per kvartal'."),
    "rapporteras": _t("Rapporteras", "Till vem och när resultatet rapporteras."),
    # Requirements (krav)
    "forfattning": _t("Författning", "Författningen som kraven kommer ur."),
    "krav": _t("Krav", "Bestämmelsen det gäller (id, t.ex. SOSFS-2011:9/5/1)."),
    "kalla": _t("Källa", "Var uppgiften kommer ifrån: webbadress eller namn på källan."),
    "lydelse": _t("Lydelse", "Den lydelse texten återger, t.ex. 'SFS 2025:400 i lydelse "
                             "t.o.m. SFS 2025:999'."),
    "giltig_fran": _t("Gäller från", "Dag då bestämmelsen började gälla."),
    "andrad_genom": _t("Ändrad genom", "Författningen som senast ändrade bestämmelsen."),
    "upphavd": _t("Upphävd", "Dag från och med vilken bestämmelsen är upphävd."),
    "ersatt_av": _t("Ersatt av", "Det som ersatt den upphävda bestämmelsen."),
    "bedomningar": _t("Bedömningar", "Nämndens egna bedömningar per bestämmelse."),
    "status": _t("Status", "Läget; välj ett av de värden som editorn föreslår."),
    "motivering": _t("Motivering", "Skälet till bedömningen, med egna ord."),
    # Risk matrix
    "storlek": _t("Storlek", "Antal steg per axel i riskmatrisen, 3–5."),
    "sannolikhet": _t("Sannolikhet", "Sannolikhet, från 1 till riskmatrisens storlek."),
    "konsekvens": _t("Konsekvens", "Konsekvens, från 1 till riskmatrisens storlek."),
    "nivaer": _t("Nivåer", "Risknivåerna från lägst till högst."),
    "farg": _t("Färg", "Färgen i matrisen, som #rrggbb."),
    # Yearly records
    "ar": _t("År", "Året posterna gäller, t.ex. 2025."),
    "antal": _t("Antal", "Antal under året."),
    "orsak": _t("Orsak", "Orsaken, med egna ord."),
    "orsaker": _t("Orsaker", "De vanligaste orsakerna och hur många av dem."),
    "analys": _t("Analys", "Vad sammanställningen visar och vad som ska göras (7 kap. 1 § "
                           "SOSFS 2011:9)."),
    "atgarder": _t("Åtgärder", "Åtgärder som beslutats (åtgärds-id ur atgarder.yaml)."),
    "atgard": _t("Åtgärd", "Vad som ska göras."),
    "riskanalyser": _t("Riskanalyser", "Årets riskanalyser, en risk per post."),
    "handelse": _t("Händelse", "Den händelse som skulle kunna inträffa och ge brister i "
                               "verksamhetens kvalitet."),
    "efter_sannolikhet": _t("Sannolikhet efter åtgärd",
                            "Bedömd sannolikhet när åtgärderna är genomförda."),
    "efter_konsekvens": _t("Konsekvens efter åtgärd",
                           "Bedömd konsekvens när åtgärderna är genomförda."),
    "uppfoljning": _t("Uppföljning", "När eller hur det följs upp."),
    "egenkontroller": _t("Egenkontroller", "Årets egenkontroller."),
    "planerad": _t("Planerad", "Planerat datum (ÅÅÅÅ-MM-DD)."),
    "genomford": _t("Genomförd", "Datum då det genomfördes (ÅÅÅÅ-MM-DD)."),
    "varden": _t("Värden", "Årets uppmätta värden per indikator."),
    "varde": _t("Värde", "Uppmätt värde."),
    "antal_svar": _t("Antal svar", "Hur många som svarade."),
    "ursprung": _t("Ursprung", "Varifrån åtgärden kommer: en risk, en egenkontroll, en "
                               "avvikelsesammanställning, ett kontrollmoment eller ett "
                               "fokusområde (id)."),
    "sista_datum": _t("Sista datum", "Sista dag åtgärden ska vara genomförd."),
    "fokusomraden": _t("Fokusområden", "Utvecklingsområden som beslutats för året."),
    # Configuration
    "kommun": _t("Kommun", "Kommunens namn som det ska stå i handboken."),
    "regler": _t("Regler", "Inställningar per regel, nyckel = kod, t.ex. "
                           "LSK507: {allvarlighet: fel}."),
    "aktiv": _t("Aktiv", "Om regeln körs (true) eller är avstängd (false)."),
    "allvarlighet": _t("Allvarlighet", "Fel, varning eller info."),
    "maskningsgrans": _t("Maskningsgräns", "Antal under gränsen visas som × i publicerad "
                                           "statistik per enhet."),
    "roller": _t("Roller", "Ledningssystemets roller med ansvar."),
    # Titles of fields that carry their description on their own Field
    "effekt": _t("Effekt"),
    "totalt": _t("Totalt"),
    "anmalda_ivo": _t("Anmälda till IVO"),
    "anmalda_imy": _t("Anmälda till IMY"),
    "texttyp": _t("Texttyp"),
    "galler": _t("Gäller"),
    "evidens": _t("Evidens"),
    "senast_andrad": _t("Senast ändrad"),
    "verifierad": _t("Verifierad"),
    "svarsfrekvens": _t("Svarsfrekvens"),
    "till": _t("Till och med"),
    "samverkan_kravs": _t("Samverkan krävs"),
    "atgard_kravs_fran": _t("Åtgärd krävs från"),
}

PER_KLASS: dict[str, Falttext] = {
    "Aktivitet.id": _t("Id", "Aktivitetens beteckning, unik inom processen: små bokstäver a–z, "
                             "siffror och bindestreck."),
    "Roll.ansvar": _t("Ansvar", "Rollens ansvar i kvalitetsarbetet, en punkt per rad."),
    "Internkontrollplan.ar": _t("År", "Året planen gäller."),
    "Internkontrollplan.faststalld": _t("Fastställd", "När och genom vilket beslut nämnden "
                                                      "fastställde planen."),
    "Egenkontroll.metod": _t("Metod", "Hur egenkontrollen görs, t.ex. journalgranskning."),
    "Egenkontroll.vad": _t("Vad", "Vad egenkontrollen granskar."),
    "Egenkontroll.resultat": _t("Resultat", "Vad egenkontrollen visade."),
    "Egenkontroll.atgarder": _t("Åtgärder", "Åtgärder som egenkontrollen ledde till "
                                            "(åtgärds-id)."),
    "Risk.atgarder": _t("Åtgärder", "Åtgärder som minskar risken (åtgärds-id)."),
    "Risk.sannolikhet": _t("Sannolikhet", "Sannolikhet före åtgärder, från 1 till "
                                          "riskmatrisens storlek."),
    "Risk.konsekvens": _t("Konsekvens", "Konsekvens före åtgärder, från 1 till riskmatrisens "
                                        "storlek."),
    "Riskmatris.sannolikhet": _t("Sannolikhet", "Namnen på sannolikhetens steg, från lägst."),
    "Riskmatris.konsekvens": _t("Konsekvens", "Namnen på konsekvensens steg, från lägst."),
    "Avvikelser.atgarder": _t("Åtgärder", "Åtgärder som sammanställningen ledde till "
                                          "(åtgärds-id)."),
    "Orsak.antal": _t("Antal", "Hur många avvikelser som hade orsaken."),
    "Atgard.status": _t("Status", "Planerad, pågående, genomförd eller avbruten."),
    "Bedomning.datum": _t("Datum", "Dag då bedömningen gjordes."),
    "Bedomning.status": _t("Status", "Uppfylls, uppfylls delvis, uppfylls ej eller ej "
                                     "tillämplig."),
    "Mal.text": _t("Mål", "Målet som det är formulerat i beslutet."),
    "Mal.ansvar": _t("Ansvar", f"Roll som ansvarar för att målet nås ({ROLL_ID})."),
    "Steg.text": _t("Vad som görs", "Stegets innehåll: vad som görs, med Markdown."),
    "Niva.namn": _t("Namn", "Nivåns namn, t.ex. 'hög risk'."),
    "Forfattning.typ": _t("Typ", "Lag, förordning, föreskrift eller lokalt krav."),
    "Forfattning.ersatt_av": _t("Ersatt av", "Författningen som ersatt den upphävda "
                                             "(t.ex. SFS-2025:400)."),
    "Forfattning.id": _t("Id", "Författningens beteckning, t.ex. SOSFS-2011:9."),
    "Forfattning.namn": _t("Namn", "Författningens fullständiga namn."),
    "Process.typ": _t("Processtyp", "Ledningsprocess, kärnprocess eller stödprocess."),
    "ExternPart.typ": _t("Typ", "Vilket slag av part, t.ex. region eller myndighet."),
    "Kontrollmoment.ansvar": _t("Ansvar", f"Roll som genomför kontrollen ({ROLL_ID})."),
    "Kontrollmoment.metod": _t("Metod", "Hur kontrollen görs, t.ex. stickprov."),
    "Kontrollmoment.risk": _t("Risk", "Risken som kontrollen ska fånga."),
    "Konfiguration.namnd": _t("Nämnd", "Nämndens namn som det ska stå i handboken."),
}
"""Texts for fields whose meaning is particular to their class (``Klass.falt``)."""


def falttext(cls: type[BaseModel], name: str) -> Falttext:
    """The Swedish title and description of field ``name`` of ``cls``.

    The field's own ``Field(title=..., description=...)`` wins, then a ``Klass.falt`` entry,
    then the key's shared text. A missing text is an empty string (the tests forbid it).
    """
    info = cls.model_fields[name]
    shared = PER_KLASS.get(f"{cls.__name__}.{name}") or FALT.get(name) or Falttext("", "")
    return Falttext(info.title or shared.titel, info.description or shared.beskrivning)
