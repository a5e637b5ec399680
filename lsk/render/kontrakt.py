"""The template contract: what a repository's own template in ``mallar/`` may use, and its version.

A template override binds to the names lsk passes to the shipped template it replaces (``hb``,
``version``, ``doc``, …), to their attributes, and to the globals and filters of the environment.
This module lists all of them with their types and meanings; ``docs/mallar.md`` is generated
from it (``make docs``), and the tests check both directions: every name and attribute a shipped
template uses is listed here, and everything listed here exists in the code.

``MALL_KONTRAKT`` is the contract's version. It is raised when something an override may rely on
is removed, renamed or changes type or meaning, or when every copy should take a change of a
shipped template (e.g. a security rule); adding something does not raise it. ``lsk mallar``
records the version each copy was made from, and ``lsk render`` warns about older copies.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsk.model.falt import falttext

MALL_KONTRAKT = 2
"""The version of the template contract; see the module docstring for when it is raised.

2: the organisation became a tree of units of any depth (``Organisation.enheter``, the model's
tree methods); ``forvaltning`` is only the older shape and may be None, the types Avdelning and
Forvaltning are gone; ``ansvar`` may be an organ or a unit (use ``m.party``), with ``medverkar``;
the shipped templates call new ``_makron`` macros (``styrdokument``, ``decision``,
``header_fields``), so an old copy of ``_makron.html`` beside new templates would break; the
årshjul's ``Dot`` gave way to ``Sector.lines``, ``Band`` and ``Line``, and ``Handelse.manad`` may
be a list of months."""

PACKAGED = Path(__file__).parent / "mallar"
"""lsk's own templates, shipped inside the package."""

MARKER = "mallkontrakt.txt"
"""In a template folder: the contract version each copy was made from (written by lsk mallar)."""


@dataclass(frozen=True)
class Attr:
    typ: str
    """Shown as written; ``[Namn]`` links to the type's section."""
    betydelse: str


@dataclass(frozen=True)
class Typ:
    beskrivning: str
    attribut: dict[str, Attr]


@dataclass(frozen=True)
class Mall:
    beskrivning: str
    variabler: tuple[str, ...]
    format: str
    """'html', 'md' (Markdown environment), 'svg' (part of HTML) or 'statisk' (not rendered)."""


def read_marker(folder: Path) -> dict[str, int]:
    """``mallkontrakt.txt`` in ``folder``: file name → version; lines that are not 'namn: N' and
    a missing or unreadable file give nothing (the check is advice, never a failure)."""
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out = {}
    for line in text.splitlines():
        match = re.fullmatch(r"\s*([^\s#:][^:]*?)\s*:\s*(\d{1,6})\s*", line)
        if match:
            out[match.group(1)] = int(match.group(2))
    return out


def marker_text(versions: dict[str, int]) -> str:
    lines = ["# Mallkontraktets version som varje mall i mappen kopierades från (lsk mallar).",
             "# lsk render varnar när en kopia gjordes från en äldre version än lsk:s: jämför den",
             "# då med lsk:s nya mall (lsk mallar --out /tmp/nya NAMN), ändra det som behövs och",
             "# skriv in den nya versionen här. Se docs/mallar.md i lsk.",
             *(f"{name}: {versions[name]}" for name in sorted(versions))]
    return "\n".join(lines) + "\n"


# --- The variables the templates receive -----------------------------------------------------

VARIABLER: dict[str, Attr] = {
    "hb": Attr("[Handbook]", "Handboken: ledningssystemet ordnat som sidorna läser det."),
    "version": Attr("[Version]", "Versionsraden: commit, publiceringsdatum och fastställelse."),
    "url": Attr("[Urls]", "Länkar från den sida som skrivs till allt annat i handboken; samma "
                "anrop ger rätt länk i webbplatsen, Markdown och PDF:en."),
    "menu": Attr("lista av (namn, rubrik)", "Menyns sidor i ordning: ('index', 'Start'), "
                 "('organisation', 'Organisation') …; namnet går till `url.page`."),
    "current": Attr("text", "Menynamnet för den sida som skrivs ('index', 'processer' …), för "
                    "`aria-current`."),
    "h": Attr("heltal", "Rubriknivå för delmallens översta rubrik (1 på en egen sida, 2 i PDF:en "
              "och på samlingssidor); underrubriker skrivs `h + 1`."),
    "process": Attr("[Process]", "Processen som sidan eller delmallen visar."),
    "routine": Attr("[Rutin]", "Rutinen som sidan eller delmallen visar."),
    "matrix": Attr("[Matrix]", "Ansvarsmatrisen: roller, organ och enheter × processer."),
    "f": Attr("[Flow]", "Flödesschemats lägen, från `flow(process, hb, url)`."),
    "w": Attr("[Wheel]", "Årshjulets lägen, från `wheel(hb, url)`."),
    "c": Attr("[OrgChart]", "Organisationsschemats lägen, från `org_chart(organisation, url)`."),
    "kommun": Attr("text", "Kommunens namn (lsk.yaml), för logotypens text."),
    "doc": Attr("[Document]", "Kvalitetsberättelsen som dokument: rubriker, stycken, tabeller "
                "och diagram i ordning."),
    "figures": Attr("[Figures]", "Kvalitetsberättelsens siffror, framräknade ur årets poster "
                    "(antal per enhet redan maskade)."),
    "chapters": Attr("lista av [Kapiteltext]", "De skrivna kapitlen (kapitel/NN-namn.md) i "
                     "handbokens ordning, med text och placerade delar färdiga för formatet; "
                     "tom när repot inte har några."),
    "chapter": Attr("[Kapiteltext]", "Kapitlet som sidan visar."),
    "chart_file": Attr("funktion(namn) → text", "Filnamnet för ett diagram (`Chart.name`) som "
                       "skrivs som SVG-fil bredvid Markdown-filen."),
}

_SITE = ("hb", "version", "url", "menu", "current")
_HANDBOOK = ("hb", "version", "url")
_PART = ("hb", "version", "url", "h")

MALLAR: dict[str, Mall] = {
    "sida.html": Mall("Sidmallen som varje sida på webbplatsen ärver (`extends`): huvud, "
                      "meny, sökfält och versionsrad. Sidans egna variabler finns också.",
                      _SITE, "html"),
    "start.html": Mall("Startsidan (index.html): kapitlen som innehållsförteckning, "
                       "processkartan och de genererade delarna.", (*_SITE, "chapters"), "html"),
    "kapitel.html": Mall("Ett skrivet kapitel på egen sida (kapitel/NAMN.html).",
                         (*_SITE, "chapters", "chapter"), "html"),
    "organisation.html": Mall("Sidan Organisation.", _SITE, "html"),
    "roller.html": Mall("Sidan Roller och ansvar.", (*_SITE, "matrix"), "html"),
    "processer.html": Mall("Sidan Processer: alla processer per typ.", _SITE, "html"),
    "process.html": Mall("En process på egen sida (processer/ID.html).", (*_SITE, "process"),
                         "html"),
    "rutiner.html": Mall("Sidan Rutiner: alla rutiner.", _SITE, "html"),
    "rutin.html": Mall("En rutin på egen sida (rutiner/ID.html).", (*_SITE, "routine"), "html"),
    "styrdokument.html": Mall("Sidan Styrdokument: styrdokumenten utanför lsk per typ.", _SITE,
                              "html"),
    "arscykel.html": Mall("Sidan Årscykel.", _SITE, "html"),
    "krav.html": Mall("Sidan Krav och spårbarhet.", _SITE, "html"),
    "sok.html": Mall("Söksidan; sökningen körs av sok.js i webbläsaren.", _SITE, "html"),
    "_makron.html": Mall("Makron som HTML-mallarna delar (`import … with context`).", _HANDBOOK,
                         "html"),
    "_organisation.html": Mall("Delmall: organisationen och tjänsterna (webbplats och PDF).",
                               _PART, "html"),
    "_roller.html": Mall("Delmall: ansvarsmatrisen och varje roll (webbplats och PDF).",
                         (*_PART, "matrix"), "html"),
    "_process.html": Mall("Delmall: en process med flödesschema och aktiviteter (webbplats och "
                          "PDF).", (*_PART, "process"), "html"),
    "_rutin.html": Mall("Delmall: en rutin med steg och ansvar (webbplats och PDF).",
                        (*_PART, "routine"), "html"),
    "_styrdokument.html": Mall("Delmall: styrdokumenten utanför lsk, en tabell per typ "
                               "(webbplats och PDF).", _PART, "html"),
    "_arscykel.html": Mall("Delmall: årshjulet och händelserna per månad (webbplats och PDF).",
                           _PART, "html"),
    "_krav.html": Mall("Delmall: kraven, deras status och vad som bär dem (webbplats och PDF).",
                       _PART, "html"),
    "_direktiv.html": Mall("Makron för de delar som kapitlens direktiv placerar (processkarta, "
                           "ansvarsmatris, arshjul, process, lagrum, organisationsschema, "
                           "styrdokument, begrepp, kvalitetsfaktorer, omrade, saknas); Start, "
                           "Roller och "
                           "Årscykel använder samma (`import … with context`).", _HANDBOOK,
                           "html"),
    "_flode.svg": Mall("Processens flödesschema som SVG, inuti _process.html.",
                       (*_HANDBOOK, "process", "f"), "svg"),
    "_arshjul.svg": Mall("Årshjulet som SVG, inuti _arscykel.html.", (*_HANDBOOK, "w"), "svg"),
    "_organisationsschema.svg": Mall("Organisationsschemat som SVG, inuti _organisation.html "
                                     "och som organisationsschema.svg bredvid Markdown-filen.",
                                     ("url", "c"), "svg"),
    "_logo.svg": Mall("Kommunens logotyp (tom hos lsk): i webbplatsens sidhuvud, på handbokens "
                      "titelsida och överst i kvalitetsberättelsen. Rita ett `<svg class=\"logo\">` "
                      "med attribut (`fill=\"…\"`), inte `style`.", ("kommun",), "svg"),
    "handbok-pdf.html": Mall("Handboken som ett HTML-dokument som WeasyPrint gör PDF av: "
                             "titelsida, innehållsförteckning, kapitlen och delmallarna.",
                             (*_HANDBOOK, "matrix", "chapters"), "html"),
    "handbok.md": Mall("Markdown: index.md med kapitlens innehållsförteckning, organisation, "
                       "roller, processlista, rutinlista, årscykel och krav.",
                       (*_HANDBOOK, "matrix", "chapters"), "md"),
    "kapitel.md": Mall("Markdown: ett skrivet kapitel (kapitel/NAMN.md).",
                       (*_HANDBOOK, "chapters", "chapter"), "md"),
    "_direktiv.md": Mall("Markdown: makron för de delar som kapitlens direktiv placerar.",
                         _HANDBOOK, "md"),
    "process.md": Mall("Markdown: en process (processer/ID.md).", (*_HANDBOOK, "process"), "md"),
    "rutin.md": Mall("Markdown: en rutin (rutiner/ID.md).", (*_HANDBOOK, "routine"), "md"),
    "_makron.md": Mall("Makron som Markdown-mallarna delar.", _HANDBOOK, "md"),
    "kvalitetsberattelse.html": Mall("Kvalitetsberättelsen som fristående HTML-sida, även "
                                     "underlag för dess PDF.", ("doc", "figures"), "html"),
    "kvalitetsberattelse.md": Mall("Kvalitetsberättelsen som Markdown; diagrammen blir "
                                   "SVG-filer bredvid.", ("doc", "figures", "chart_file"), "md"),
    "stil.css": Mall("Webbplatsens stil. Ersätt den inte för att byta färger: använd egen.css.",
                     (), "statisk"),
    "egen.css": Mall("Kommunens tillägg till stilen (tom hos lsk), läst efter lsk:s stil i "
                     "webbplatsen, handbokens PDF och kvalitetsberättelsen.", (), "statisk"),
    "pdf.css": Mall("Handbokens och kvalitetsberättelsens PDF: sidstorlek, sidnummer, "
                    "innehållsförteckning, tabellernas form (klasserna bred, liggande, "
                    "bryt-overallt, tal).", (), "statisk"),
    "sok.js": Mall("Sökningen på webbplatsen (läser resurser/sokindex.js).", (), "statisk"),
}


# --- Globals and filters ----------------------------------------------------------------------

GLOBALER: dict[str, Attr] = {
    "labels": Attr("[labels]", "Svensk visningstext för modellens ASCII-värden."),
    "flow": Attr("funktion(process, hb, url) → [Flow]", "Lägger ut en process flödesschema."),
    "wheel": Attr("funktion(hb, url) → [Wheel]", "Lägger ut årshjulet."),
    "org_chart": Attr("funktion([Organisation], url) → [OrgChart]",
                      "Lägger ut organisationsschemat."),
    "arshjul": Attr("funktion(hb, url) → SVG", "Det färdiga årshjulet (`_arshjul.svg`), för en "
                    "sida som placerar det själv; bara på webbplatsen och i PDF:en."),
    "anchor": Attr("funktion(prefix, värde) → text", "Ett id som fungerar i HTML och URL:er: "
                   "`anchor('krav', 'SOSFS-2011:9/4/4')` ger `krav-sosfs-2011-9-4-4`."),
    "mall_kontrakt": Attr("heltal", "Mallkontraktets version i den lsk som kör, t.ex. "
                          "`{% if mall_kontrakt > 1 %}`."),
    "css": Attr("funktion(namn) → Markup", "Bara i HTML-mallarna. En stilmall (.css) ur samma "
                "sökordning som mallarna, orenderad och säker att lägga i ett `<style>`-element "
                "(`</` kan inte avsluta det)."),
}

FILTER: dict[str, tuple[str, str]] = {
    "ymd": ("ÅÅÅÅ-MM-DD för ett datum; tom text för None.",
            "Samma."),
    "md": ("Ett fritextfält som Markdown → tvättad HTML i stycken (listor, betoning, länkar; "
           "ingen rå HTML, inga bilder eller rubriker).",
           "Fritextens Markdown som den är, med rå HTML och osäkra länkar oskadliggjorda."),
    "md_inline": ("Som md men inom en mening, cell eller listpunkt: bara betoning, kod och "
                  "länkar.", "Som md på en rad (en listpunkt eller tabellcell)."),
}

JINJA_GLOBALER = ("range", "dict", "lipsum", "cycler", "joiner", "namespace")
"""Jinja's own globals, always there and not part of lsk's contract."""


# --- The types behind the variables ------------------------------------------------------------

_DATES = "datum"

TYPER: dict[str, Typ] = {
    "Handbook": Typ("Handbokens vymodell (`lsk.render.handbook`).", {
        "kommun": Attr("text", "Kommunens namn ur lsk.yaml ('kommunen' om det saknas)."),
        "namnd": Attr("text", "Nämndens namn ur lsk.yaml ('Socialnämnden' om det saknas)."),
        "title": Attr("text", "Handbokens titel: 'Ledningssystem för systematiskt "
                      "kvalitetsarbete – nämnd, kommun'."),
        "forms": Attr("mängd av text", "Verksamhetsformerna nämnden bedriver (socialtjanst, lss, "
                      "halso_och_sjukvard); visningstext i `labels.FORMS`."),
        "version": Attr("[Version]", "Samma som variabeln `version`."),
        "processes": Attr("lista av [Process]", "Alla processer: ledning, kärn, stöd, sedan id."),
        "routines": Attr("lista av [Rutin]", "Alla rutiner i id-ordning."),
        "roles": Attr("lista av [Roll]", "Alla roller i roller.yaml:s ordning."),
        "organisation": Attr("[Organisation] eller None", "Organisationen; None när "
                             "organisation.yaml saknas eller har fel."),
        "services": Attr("lista av [Tjanst]", "Tjänsterna i tjanster.yaml."),
        "goals": Attr("lista av [Mal]", "Målen i styrning/mal.yaml."),
        "months": Attr("lista av (text, lista av [Handelse])", "Årets tolv månader i ordning "
                       "('januari' …) med sina händelser; tomma månader finns med. En "
                       "återkommande händelse står i var och en av sina månader."),
        "rhythm": Attr("funktion(Handelse) → text", "När en händelse återkommer i ord ('en gång "
                       "per kvartal (januari, april, juli och oktober)', 'löpande under året'); "
                       "tom text för en händelse en gång om året i en månad."),
        "when": Attr("funktion(Handelse) → text", "När en händelse sker, för en lista: "
                     "'Mars', eller 'mars och augusti', 'löpande under året'."),
        "note": Attr("funktion(Handelse) → text", "Händelsens `not`, annars tom text (`not` "
                     "är ett reserverat ord i mallarna)."),
        "ongoing": Attr("lista av [Handelse]", "Händelser utan fasta månader: löpande, och de "
                        "som bara har en rytm ('en gång per kvartal', 'någon gång under året')."),
        "assessments": Attr("lista av [Assessment]", "Varje krav med status och bärare."),
        "coverage": Attr("ordbok", "Täckningen: `covered`, `total` (heltal), `percent` (tal) och "
                         "`chapters`, en lista av ordböcker med `chapter`, `covered`, `total` och "
                         "`percent`."),
        "statutes": Attr("lista av ([Forfattning] eller None, lista av [Assessment])",
                         "Kraven per författning: SOSFS 2011:9 först, sedan katalogens ordning."),
        "names": Attr("ordbok id → text", "Namnet på varje roll, organ, part och tjänst."),
        "name": Attr("funktion(id) → text", "Namnet för ett id, annars id:t självt; tom text för "
                     "None."),
        "role_ids": Attr("mängd av id", "Rollernas id (för `id in hb.role_ids`)."),
        "organ_ids": Attr("mängd av id", "Id för nämnd, politiska organ, utskott, enheter i alla "
                          "nivåer, stab, utförare, råd och externa parter."),
        "process_ids": Attr("mängd av id", "Processernas id."),
        "routine_ids": Attr("mängd av id", "Rutinernas id."),
        "process_names": Attr("ordbok id → text", "Processens namn per id."),
        "routine_titles": Attr("ordbok id → text", "Rutinens titel per id."),
        "processes_of": Attr("funktion(typ) → lista av [Process]", "Processerna av en typ: "
                             "'ledningsprocess', 'karnprocess' eller 'stodprocess'."),
        "used_in": Attr("ordbok rutin-id → lista av ([Process], [Aktivitet])", "Aktiviteterna "
                        "som en rutin styr; använd `.get(id, [])`."),
        "role_duties": Attr("ordbok id → ordbok", "Vad en roll eller ett organ gör: `processer` "
                            "(lista av [Process]), `aktiviteter` och `medverkar` (listor av "
                            "([Process], [Aktivitet])), `rutiner` och `steg` (listor av "
                            "[Rutin]) och `handelser` (lista av [Handelse], där den ansvarar "
                            "eller medverkar); använd `.get(id)`."),
        "begrepp": Attr("lista av [Begrepp]", "Definitionerna i begrepp.yaml, i filens ordning."),
        "kvalitetsfaktorer": Attr("lista av [Kvalitetsfaktor]", "Kvalitetsfaktorerna i "
                                  "begrepp.yaml, i filens ordning."),
        "omraden": Attr("lista av [Omrade]", "Kvalitetsområdena i omraden.yaml, i filens "
                        "ordning."),
        "role_areas": Attr("ordbok id → lista av ([Omrade], [Omradesansvar])", "Ansvarsraderna "
                           "i kvalitetsområdena som nämner en roll eller ett organ, som ansvarig "
                           "eller medverkande; använd `.get(id, [])`."),
        "styrdokument": Attr("lista av [Styrdokument]", "Styrdokumenten utanför lsk "
                             "(styrdokument.yaml), per typ och sedan titel."),
        "styrdokument_by_id": Attr("ordbok id → [Styrdokument]", "Styrdokumentet per id; använd "
                                   "`.get(id)`."),
        "styrdokument_groups": Attr("lista av (text, lista av [Styrdokument])", "Rubrik i plural "
                                    "('Riktlinjer') och dokumenten, för varje typ som har några."),
        "styrdokument_used_in": Attr("ordbok id → lista av ([Process], [Aktivitet])",
                                     "Aktiviteterna som ett styrdokument styr; använd "
                                     "`.get(id, [])`."),
        "styrdokument_in_steps": Attr("ordbok id → lista av [Rutin]", "Rutinerna med ett steg som "
                                      "följer styrdokumentet; använd `.get(id, [])`."),
        "approval_of": Attr("funktion([Process] eller [Rutin]) → [Approval] eller None",
                            "Vad som fastställer dokumentet: dess eget beslut eller den "
                            "fastställda utgåvan som innehåller det oförändrat (det senare av "
                            "dem); None när inget gör det (samma som LSK508)."),
        "link_kind": Attr("funktion([Styrdokument]) → text", "Vad `lank` är: 'webb', 'fil' (finns "
                          "i repot och kopieras till filer/), 'saknas' (filen finns inte) eller "
                          "'' (ingen länk)."),
        "linked_file": Attr("funktion([Styrdokument]) → text eller None", "Filen i repot som "
                            "styrdokumentet länkar till, när den finns."),
        "linked_files": Attr("lista av text", "Alla filer i repot som styrdokumenten länkar till "
                             "och som finns; de kopieras till filer/."),
        "carrier_label": Attr("funktion([Carrier]) → text", "Bärarens namn: 'rutin R004', "
                              "'roll Socialsekreterare', 'årscykel mars: kvalitetsberättelse'."),
        "carrier_url": Attr("funktion([Carrier], Urls) → text", "Var bäraren står i den här "
                            "utdatan; för ett kvalitetsområde det kapitel som placerar det, '' "
                            "när inget kapitel gör det. Använd den i stället för "
                            "`url.carrier`, som inte vet var kapitlen placerar områden."),
        "requirement_title": Attr("funktion(krav-id) → text eller None", "Kravets rubrik, None "
                                  "när id:t inte finns i kravkatalogen."),
    }),
    "Approval": Typ("Det som fastställer en process eller rutin (`lsk.analysis.corpus`).", {
        "decision": Attr("[Faststallelse]", "Beslutet: dokumentets eget, eller utgåvans som ett "
                         "beslut av nämnden (datum, beslut, dnr)."),
        "edition": Attr("text eller None", "Utgåvans tagg när beslutet är utgåvans, t.ex. "
                        "'faststalld/2026-01-28'; None för dokumentets eget beslut."),
    }),
    "Kapiteltext": Typ("Ett skrivet kapitel färdigt för ett format (`lsk.render.direktiv`).", {
        "namn": Attr("text", "Filnamnet utan .md ('01-ledningssystemet'): sidans namn."),
        "titel": Attr("text", "Kapitlets rubrik (första raden)."),
        "nummer": Attr("heltal", "Platsen i handboken, 1 för det första kapitlet."),
        "innehall": Attr("Markup", "Texten med de placerade delarna, som HTML eller Markdown."),
        "anchor": Attr("text", "Kapitlets ankare: 'kapitel-' och namnet."),
    }),
    "Version": Typ("Versionsraden (`lsk.render.version`).", {
        "commit": Attr("text eller None", "Kort commit-id, med ' (ändrad)' när filerna ändrats "
                       "sedan dess; None utanför git."),
        "commit_text": Attr("text", "`commit`, eller 'ej känd (inte ett git-repo)'."),
        "date": Attr(_DATES, "Publiceringsdatum (`--datum`, annars i dag)."),
        "approved": Attr("heltal", "Antal processer och rutiner som är fastställda, genom eget "
                         "beslut eller genom den fastställda utgåvan."),
        "documents": Attr("heltal", "Antal processer och rutiner."),
        "edition": Attr("text eller None", "Senaste fastställda utgåvan (lsk faststall), t.ex. "
                        "'faststalld/2024-04-25 (SN 2024-04-25 § 79)'."),
        "approval": Attr("text", "Fastställelsen i ord: utgåvan och hur många dokument som "
                         "ändrats därefter, eller hur många som är fastställda."),
        "changed_ids": Attr("mängd av id", "Processer och rutiner som ändrats efter den "
                            "fastställda utgåvan."),
        "last_change": Attr("ordbok id → text", "Datumet för dokumentets senaste commit, t.ex. "
                            "'2024-04-02'. Varken författare eller commitmeddelande publiceras: "
                            "de kan namnge en person."),
    }),
    "Urls": Typ("Länkar från den sida som skrivs (`lsk.render.urls`). I PDF:en är alla länkar "
                "ankare i dokumentet, i Markdown går de till .md-filerna.", {
        "style": Attr("text", "'html', 'md' eller 'pdf': vilket format som skrivs."),
        "prefix": Attr("text", "Vägen från sidan till utmappens rot: '' eller '../'."),
        "at": Attr("funktion(djup) → [Urls]", "Samma länkar från en sida `djup` mappar ner."),
        "page": Attr("funktion(namn, ankare='') → text", "En av menyns sidor, t.ex. "
                     "`url.page('roller')`."),
        "asset": Attr("funktion(namn) → text", "En fil i resurser/, t.ex. `url.asset('egen.css')`."),
        "process": Attr("funktion(id) → text", "En process."),
        "activity": Attr("funktion(process-id, aktivitets-id) → text", "En aktivitet i sin "
                         "process."),
        "routine": Attr("funktion(id) → text", "En rutin."),
        "chapter": Attr("funktion(namn, rubrik='') → text", "Ett skrivet kapitel, eller en "
                        "rubrik i det (rubrikens ankare)."),
        "role": Attr("funktion(id) → text", "En roll på sidan Roller och ansvar."),
        "organ": Attr("funktion(id) → text", "En del av organisationen."),
        "requirement": Attr("funktion(krav-id) → text", "Ett krav på sidan Krav."),
        "month": Attr("funktion(månad) → text", "En månad i årscykeln ('mars')."),
        "event": Attr("funktion(Handelse) → text", "En händelse i årscykeln: dess (första) "
                      "månad, eller listan över det som saknar fast månad."),
        "carrier": Attr("funktion([Carrier]) → text", "Det som bär ett krav."),
        "styrdokument": Attr("funktion(id) → text", "Ett styrdokument i förteckningen på sidan "
                             "Styrdokument."),
        "document": Attr("funktion(lank) → text eller None", "Dit ett styrdokuments `lank` leder: "
                         "webbadressen, eller kopian av filen under filer/; None för en fil i "
                         "PDF:en (visa då sökvägen som text)."),
    }),
    "Matrix": Typ("Ansvarsmatrisen (`lsk.render.matrix`).", {
        "roles": Attr("lista av [Roll]", "Rollerna (raderna är `actors`)."),
        "processes": Attr("lista av [Process]", "Kolumnerna."),
        "cells": Attr("ordbok (roll-id, process-id) → [Cell]", "De ifyllda cellerna."),
        "cell": Attr("funktion(roll-id, process-id) → [Cell] eller None", "En cell; None när "
                     "rollen inget gör i processen."),
        "actors": Attr("lista av [Actor]", "Raderna: alla roller, sedan de organ och enheter "
                       "som ansvarar eller medverkar någonstans."),
        "row": Attr("funktion(id) → lista av ([Process], [Cell])", "Processerna där en roll "
                    "eller ett organ gör något, med vad."),
    }),
    "Actor": Typ("En rad i ansvarsmatrisen (`lsk.render.matrix`).", {
        "id": Attr("text", "Rollens, organets eller enhetens id."),
        "namn": Attr("text", "Namnet."),
        "role": Attr("sant/falskt", "En roll (länk till Roller och ansvar); annars ett organ "
                     "eller en enhet (länk till Organisation)."),
    }),
    "Cell": Typ("En ruta i ansvarsmatrisen.", {
        "owner": Attr("sant/falskt", "Rollen äger processen eller ansvarar för dokumentet."),
        "activities": Attr("lista av text", "Aktiviteter rollen ansvarar för."),
        "routines": Attr("lista av id", "Rutiner där rollen har ansvar för steg."),
        "contributes": Attr("lista av text", "Aktiviteter (namn) och rutiner (id) som rollen "
                            "eller organet medverkar i."),
        "marks": Attr("text", "Ä, A, M och R: äger, ansvarar för aktivitet, medverkar, rutin."),
        "description": Attr("text", "Rutan i ord (för `title`)."),
    }),
    "Flow": Typ("Flödesschemats lägen (`lsk.render.svgflow`).", {
        "key": Attr("text", "Unik per sida: prefix för SVG:ns id."),
        "width": Attr("tal", "Bredd."),
        "height": Attr("tal", "Höjd."),
        "boxes": Attr("lista av [Box]", "Aktiviteterna i ordning."),
        "connectors": Attr("lista av text", "Pilarnas SVG-sökvägar (`d`)."),
        "box_w": Attr("heltal", "Rutornas bredd."),
        "box_h": Attr("heltal", "Rutornas höjd."),
    }),
    "Box": Typ("En aktivitet i flödesschemat.", {
        "number": Attr("heltal", "Aktivitetens nummer i flödet, från 1."),
        "x": Attr("tal", "Vänsterkant."),
        "y": Attr("tal", "Överkant."),
        "name": Attr("text", "Aktivitetens namn."),
        "lines": Attr("lista av text", "Namnet radbrutet (högst tre rader)."),
        "role": Attr("lista av text", "Ansvarig roll, radbruten."),
        "href": Attr("text", "Länk till aktiviteten."),
        "chips": Attr("lista av [Chip]", "Rutinerna som styr aktiviteten."),
    }),
    "Chip": Typ("En rutin under en aktivitet i flödesschemat.", {
        "x": Attr("tal", "Vänsterkant."),
        "y": Attr("tal", "Överkant."),
        "w": Attr("tal", "Bredd."),
        "label": Attr("text", "Rutinens id."),
        "href": Attr("text", "Länk till rutinen."),
        "title": Attr("text", "Tillgängligt namn: 'Rutin R001: Mottagning av ansökan'."),
    }),
    "OrgChart": Typ("Organisationsschemats lägen (`lsk.render.svgorg`): politiska organ överst, "
                    "enheterna som ett träd under.", {
        "key": Attr("text", "Unik per sida: prefix för SVG:ns id."),
        "width": Attr("tal", "Bredd."),
        "height": Attr("tal", "Höjd."),
        "boxes": Attr("lista av [OrgBox]", "Rutorna: organ, råd, enheter och stabsfunktioner."),
        "connectors": Attr("lista av text", "Linjernas SVG-sökvägar (`d`)."),
        "dashed": Attr("lista av text", "Streckade linjer till stabsfunktioner och råd."),
        "title": Attr("text", "Schemats titel."),
        "description": Attr("text", "Schemat i ord (för `desc`)."),
        "support": Attr("lista av [SupportLine]", "Prickade linjer från enheter till de organ "
                        "de ger stöd (`stodjer`)."),
        "legend": Attr("[Legend] eller None", "Teckenförklaringen för stödlinjerna; None när "
                       "schemat inte har några."),
    }),
    "SupportLine": Typ("En stödlinje i organisationsschemat: enheten ger organet stöd "
                       "(`stodjer`), inte linjeansvar.", {
        "d": Attr("text", "Linjens SVG-sökväg, från enhetens ruta till organets."),
        "fran": Attr("text", "Enhetens id."),
        "till": Attr("text", "Organets id."),
        "title": Attr("text", "I ord: 'Kommunkansliet ger stöd till Socialnämnden'."),
    }),
    "Legend": Typ("Organisationsschemats teckenförklaring (en rad under schemat).", {
        "x": Attr("tal", "Vänsterkant."),
        "y": Attr("tal", "Radens mitt."),
        "text": Attr("text", "Förklaringen."),
    }),
    "OrgBox": Typ("En ruta i organisationsschemat.", {
        "id": Attr("text", "Organets eller enhetens id."),
        "x": Attr("tal", "Vänsterkant."),
        "y": Attr("tal", "Överkant."),
        "w": Attr("tal", "Bredd."),
        "h": Attr("tal", "Höjd."),
        "name": Attr("text", "Namnet."),
        "lines": Attr("lista av text", "Namnet radbrutet så att det ryms i rutan."),
        "fit": Attr("lista av tal", "Per rad: bredden raden trycks ihop till (`textLength`) när "
                    "ett ord är längre än rutan, annars 0."),
        "kind": Attr("text", "Vad det är i ord ('kontor', 'stabsfunktion', 'råd' …); tom när "
                     "namnet säger det."),
        "style": Attr("text", "'organ', 'rad', 'enhet' eller 'stab'."),
        "href": Attr("text", "Länk till organets eller enhetens beskrivning."),
    }),
    "Wheel": Typ("Årshjulets lägen (`lsk.render.svgcycle`).", {
        "size": Attr("heltal", "Bredd (och hjulets höjd)."),
        "height": Attr("tal", "Hela bildens höjd, med raderna under hjulet."),
        "center": Attr("tal", "Mittpunktens x och y."),
        "inner": Attr("tal", "Radien på hålet i mitten."),
        "sectors": Attr("lista av [Sector]", "Månaderna medurs från januari."),
        "bands": Attr("lista av [Band]", "Under hjulet: det som sker varje månad, löpande "
                      "eller utan fast månad."),
    }),
    "Sector": Typ("En månad i årshjulet.", {
        "month": Attr("text", "Månaden ('januari')."),
        "label": Attr("text", "Månaden som rubrik ('Januari')."),
        "count": Attr("heltal", "Antal händelser, även de som sker varje månad."),
        "path": Attr("text", "Sektorns SVG-sökväg."),
        "href": Attr("text", "Länk till månadens händelser."),
        "label_xy": Attr("(tal, tal)", "Rubrikens läge (mitten av texten)."),
        "lines": Attr("lista av [Line]", "Händelsernas namn, en eller två rader var, och "
                      "'+N till' när alla inte får plats."),
    }),
    "Band": Typ("En grupp händelser under årshjulet.", {
        "heading": Attr("text", "'Varje månad', 'Löpande under året' eller 'Utan fast månad'."),
        "heading_xy": Attr("(tal, tal)", "Rubrikens läge (vänster kant)."),
        "lines": Attr("lista av [Line]", "En rad per händelse."),
    }),
    "Line": Typ("En rad text i årshjulet.", {
        "x": Attr("tal", "Textens vänstra kant."),
        "y": Attr("tal", "Textens baslinje."),
        "text": Attr("text", "Händelsens namn (eller en del av det)."),
        "title": Attr("text", "Händelsen i ord (tom på en fortsättningsrad)."),
        "category": Attr("text", "'planering', 'uppfoljning', 'kvalitet' eller 'annat' "
                         "(`labels.CATEGORIES`)."),
        "bullet": Attr("sant/falskt", "Om raden börjar en händelse (och får en prick)."),
    }),
    "Assessment": Typ("Ett krav och hur ledningssystemet bär det (`lsk.analysis.coverage`).", {
        "krav": Attr("[Krav]", "Bestämmelsen."),
        "status": Attr("text", "'uppfylls', 'uppfylls_delvis', 'uppfylls_ej', 'ej_tillamplig' "
                       "eller 'informativ'; visningstext i `labels.STATUS`."),
        "derived": Attr("text", "Statusen som lsk räknat fram, före nämndens egen bedömning."),
        "motivation": Attr("text", "Skälet till statusen i ord: motiveringen i "
                           "sjalvskattning.yaml, annars det lsk räknat fram (vad som visar "
                           "kravet, eller vad som saknas)."),
        "carriers": Attr("lista av [Carrier]", "Det som bär kravet."),
        "missing": Attr("lista av text", "Evidens som kravet kräver men som saknas, i ord."),
        "counted": Attr("sant/falskt", "Räknas i täckningen (tillämpligt och kräver evidens)."),
        "covered": Attr("sant/falskt", "Något bär kravet."),
        "chapter": Attr("text", "'SOSFS-2011:9 4 kap.', eller författningen när den saknar "
                        "kapitel."),
    }),
    "Carrier": Typ("Något som bär ett krav.", {
        "kind": Attr("text", "'process', 'aktivitet', 'rutin', 'roll', 'tjanst' eller "
                     "'arscykel'."),
        "id": Attr("text", "Id; för en aktivitet 'KP01.utreda', för årscykeln 'mars/riskanalys'."),
    }),
    "labels": Typ("Svensk visningstext för modellens ASCII-värden (`lsk.render.labels`); alla "
                  "tabeller är ordböcker värde → text.", {
        "PROCESS_TYPES": Attr("ordbok", "Processtyp → rubrik i plural ('Kärnprocesser'), i "
                              "processkartans ordning."),
        "PROCESS_TYPE": Attr("ordbok", "Processtyp → 'kärnprocess'."),
        "PRODUCTS": Attr("ordbok", "Årscykelns `producerar` → 'Kvalitetsberättelse'."),
        "DOCUMENT_TYPE": Attr("ordbok", "Styrdokumentets typ → 'delegationsordning', 'rutin i "
                              "dokumentsystemet'."),
        "CATEGORIES": Attr("ordbok", "Årshjulets kategori → (rubrik, produkter)."),
        "CATEGORY_OF": Attr("ordbok", "Produkt → kategori."),
        "FORMS": Attr("ordbok", "Verksamhetsform → 'hälso- och sjukvård'."),
        "REGI": Attr("ordbok", "'egen'/'extern' → 'egen regi'."),
        "PART_TYPES": Attr("ordbok", "Extern parts typ → text."),
        "UNIT_TYPES": Attr("ordbok", "Enhetens typ ('kontor') → text."),
        "ORGAN_TYPES": Attr("ordbok", "Politiskt organs typ ('kommunfullmaktige') → text."),
        "LEVELS": Attr("ordbok", "Beslutsnivå → text."),
        "CARRIER_KINDS": Attr("ordbok", "Bärarens `kind` → text."),
        "STATUS": Attr("ordbok", "Kravets status → 'uppfylls delvis'."),
        "EVIDENCE": Attr("ordbok", "Evidenstyp → text."),
        "TEXTTYP": Attr("ordbok", "Kravtextens typ → 'Parafras'."),
        "month_label": Attr("funktion(månad) → text", "'mars' → 'Mars'."),
    }),
    "Document": Typ("Kvalitetsberättelsen som dokument (`lsk.reports.kvalitet.document`); "
                    "Markdown, HTML, PDF och DOCX visar samma struktur.", {
        "title": Attr("text", "'Kvalitetsberättelse 2025'."),
        "intro": Attr("lista av text", "Inledningens stycken."),
        "sections": Attr("lista av [Section]", "Avsnitten i ordning."),
        "draft": Attr("sant/falskt", "Utkast (`--utkast`) ur poster med fel: varje sida ska "
                      "säga det."),
    }),
    "Section": Typ("Ett avsnitt i kvalitetsberättelsen.", {
        "heading": Attr("text", "Rubriken."),
        "level": Attr("heltal", "Rubriknivå: 2 eller 3."),
        "requires": Attr("lista av (text, text, text)", "(bestämmelsens id, vad den kräver, "
                         "bedömningen); rubriken slutar på ' *' när texten inte är verifierad."),
        "paragraphs": Attr("lista av text", "Stycken; kan innehålla Markdown från posterna "
                           "(använd `md` i HTML)."),
        "tables": Attr("lista av [Table]", "Tabeller."),
        "charts": Attr("lista av [Chart]", "Diagram."),
        "requires_table": Attr("[Table]", "`requires` som en tabell med tre textkolumner."),
    }),
    "Table": Typ("En tabell i kvalitetsberättelsen; alla celler är färdig text.", {
        "caption": Attr("text", "Tabellens rubrik."),
        "header": Attr("lista av text", "Kolumnrubrikerna."),
        "rows": Attr("lista av lista av text", "Raderna; dolda antal visas som ×."),
        "note": Attr("text", "Not under tabellen, annars tom."),
        "kinds": Attr("lista av text eller None", "Kolumnernas angivna typ, 'tal' eller 'text'; "
                      "None: läses ur cellerna (se `columns`)."),
        "columns": Attr("lista av text", "Varje kolumns typ, 'tal' (högerställd) eller 'text', "
                        "angiven eller läst ur alla kolumnens celler, aldrig ur första tecknet."),
        "plan": Attr("[Plan]", "Tabellens form på en A4-sida, från innehållet."),
    }),
    "Plan": Typ("Hur en tabell läggs på sidan (`lsk.typografi.plan`).", {
        "widths": Attr("lista av tal", "Varje kolumns andel av bredden (summan 1)."),
        "form": Attr("text", "'' (vanlig stil), 'bred' (mindre stil), 'liggande' (liggande "
                     "sida), ev. med ' bryt-overallt'; används som CSS-klass."),
        "min_chars": Attr("lista av heltal", "Varje kolumns minsta rimliga bredd i tecken."),
    }),
    "Chart": Typ("Ett diagram i kvalitetsberättelsen.", {
        "name": Attr("text", "Filnamnets del ('avvikelser-per-typ'); se `chart_file`."),
        "alt": Attr("text", "Diagrammet i ord."),
        "svg": Attr("Markup", "Diagrammet som SVG, redan säkert att skriva ut."),
    }),
    "Figures": Typ("Kvalitetsberättelsens siffror (`lsk.reports.kvalitet.figures`). Antal per "
                   "enhet finns bara maskade (`by_unit`), utom med `--intern`.", {
        "year": Attr("heltal", "Året som berättelsen gäller."),
        "kommun": Attr("text", "Kommunens namn."),
        "namnd": Attr("text", "Nämndens namn."),
        "internal": Attr("sant/falskt", "Intern version (`--intern`): inget maskas."),
        "threshold": Attr("heltal", "Maskningsgränsen."),
        "deviations_total": Attr("heltal", "Rapporter om avvikelser, synpunkter och klagomål "
                                 "under året; en rapport kan ha flera typer."),
        "deviations_previous": Attr("heltal eller None", "Samma året före."),
        "not_deviations": Attr("heltal", "Rapporter som bedömdes inte vara avvikelser."),
        "not_deviations_previous": Attr("heltal eller None", "Samma året före."),
        "type_sum": Attr("heltal", "Typerna summerade; större än rapporterna när en rapport "
                         "har flera typer."),
        "share_base": Attr("text", "Vad andelarna räknas av: 'rapporter' eller 'avvikelser' "
                           "(lsk.yaml, kvalitetsberattelse.andel_av)."),
        "share_whole": Attr("heltal", "Talet som andelarna räknas av."),
        "decimals": Attr("heltal", "Decimaler i andelarna: 0 eller 1."),
        "reportable_ivo": Attr("heltal", "Lex Sarah- och lex Maria-ärenden (det som anmälningar "
                               "till IVO är en andel av)."),
        "reportable_imy": Attr("heltal", "Personuppgiftsincidenter (det som anmälningar till IMY "
                               "är en andel av)."),
        "by_type": Attr("lista av [TypeRow]", "Antal per typ för hela nämnden."),
        "by_unit": Attr("[MaskedTable] eller None", "Antal per enhet och typ, maskat."),
        "earlier_years": Attr("lista av heltal", "Åren före berättelsens år (högst två) som har "
                              "en avvikelsesammanställning; tabellerna jämför med dem."),
        "reports_earlier": Attr("ordbok år → heltal", "Rapporterna de tidigare åren."),
        "not_deviations_earlier": Attr("ordbok år → heltal", "Rapporter bedömda som ej "
                                       "avvikelse de tidigare åren."),
        "by_department_years": Attr("ordbok år → [MaskedTable]", "Varje års tabell per enhet, "
                                    "maskad som det årets berättelse; avdelningarnas summor "
                                    "jämförs över åren. Tom när det inte finns två år."),
        "departments_are": Attr("text", "'avdelning' när de översta raderna per enhet och i "
                                "jämförelsen över åren alla är avdelningar, annars 'enhet'."),
        "undistributed": Attr("ordbok typ → heltal", "Antal som getts för hela nämnden utan "
                              "enhet: med i summorna, i ingen enhets rad."),
        "unit_names": Attr("ordbok id → text", "Enheternas namn."),
        "reported_ivo": Attr("heltal eller None", "Anmälda till IVO."),
        "reported_imy": Attr("heltal eller None", "Personuppgiftsincidenter anmälda till IMY."),
        "reported_ivo_apart": Attr("ordbok typ → heltal", "Lex Sarah och lex Maria anmälda till "
                                   "IVO var för sig, när posten anger dem så."),
        "reportable_apart": Attr("ordbok typ → heltal", "Antalet lex Sarah- respektive lex "
                                 "Maria-ärenden, för varje typ i `reported_ivo_apart`."),
        "causes": Attr("lista av [Orsak]", "Orsaker enligt den samlade analysen."),
        "causes_previous": Attr("ordbok orsak → heltal eller None, eller None", "Antal per orsak året före "
                                "(samma ord); None utan avvikelsesammanställning "
                                "året före."),
        "analysis": Attr("text", "Den samlade analysen (Markdown)."),
        "risks": Attr("lista av [Risk]", "Årets analyserade risker."),
        "heat": Attr("ordbok (sannolikhet, konsekvens) → heltal", "Antal risker per ruta i "
                     "riskmatrisen."),
        "matrix": Attr("[Riskmatris] eller None", "Kommunens riskmatris."),
        "controls": Attr("lista av [Egenkontroll]", "Årets egenkontroller."),
        "controls_done": Attr("heltal", "Genomförda egenkontroller med resultat."),
        "measures": Attr("lista av [Atgard]", "Årets förbättringsåtgärder."),
        "measures_by_status": Attr("ordbok status → heltal", "Åtgärder per status."),
        "narrative": Attr("Arsberattelse eller None", "Årets egna ord och egen bedömning "
                          "(`ar/<år>/berattelse.yaml`)."),
        "compilations": Attr("lista av [Compilation]", "Årets övriga sammanställningar "
                             "(`ar/<år>/sammanstallningar.yaml`), jämförda med samma rubrik "
                             "tidigare år; `compilation_table` i document ställer upp dem."),
        "surveys": Attr("lista av Undersokning", "Undersökningar med resultat till och med året "
                        "(`undersokningar/*.yaml`); `survey_table` i document ställer upp dem."),
        "series": Attr("lista av [Series]", "Indikatorerna över åren."),
        "years": Attr("lista av heltal", "Åren som indikatorerna visas för."),
        "focus_followed": Attr("lista av [Fokusomrade]", "Förra årets utvecklingsområden, med "
                               "uppföljning."),
        "focus_next": Attr("lista av [Fokusomrade]", "Fokusområden för nästa år."),
        "chapters": Attr("ordbok kapitel → lista av [Assessment]", "SOSFS 2011:9:s krav per "
                         "kapitel ('3', '4' …)."),
        "processes": Attr("heltal", "Antal processer."),
        "routines": Attr("heltal", "Antal rutiner."),
        "coverage_percent": Attr("tal", "Täckningen av tillämpliga krav i procent."),
        "names": Attr("ordbok id → text", "Vad rapporten kallar ett id: en rolls eller enhets "
                      "namn, en posts egna ord. Visa namn, aldrig id (`figures.name(id)`)."),
    }),
    "TypeRow": Typ("En rad i tabellen Avvikelser per typ.", {
        "typ": Attr("text", "Avvikelsetypen ('lex_sarah')."),
        "namn": Attr("text", "Typen i ord ('Lex Sarah')."),
        "antal": Attr("heltal", "Antal under året."),
        "andel": Attr("text", "Andel av `share_whole`, avrundad som kommunen publicerar: "
                      "'12,5 %' eller '13 %'."),
        "foregaende": Attr("heltal eller None", "Antal året före."),
        "forandring": Attr("text", "Förändringen: '+3', '–'."),
        "tidigare": Attr("ordbok år → heltal", "Antal de tidigare åren (`earlier_years`)."),
    }),
    "Compilation": Typ("En sammanställning per kategori med tidigare års värden.", {
        "rubrik": Attr("text", "Tabellens rubrik; samma rubrik tidigare år är samma tabell."),
        "avsnitt": Attr("text", "Avsnittet den står i ('avvikelser', 'tillsyn' …)."),
        "enhet": Attr("text", "Måttenhet ('%'), eller tom för antal."),
        "years": Attr("lista av heltal", "Åren som visas, äldst först, berättelsens år sist."),
        "rows": Attr("lista av (text, ordbok år → tal)", "Kategorin och dess värde per år."),
        "kommentar": Attr("text", "Nämndens kommentar, eller tom."),
    }),
    "Series": Typ("En indikator över åren.", {
        "id": Attr("text", "Indikatorns id."),
        "namn": Attr("text", "Indikatorns namn."),
        "enhet": Attr("text", "Måttenhet ('%'), eller tom."),
        "values": Attr("ordbok år → tal", "Värdet per år."),
        "response": Attr("ordbok år → tal eller None", "Svarsfrekvens i procent."),
        "answers": Attr("ordbok år → heltal eller None", "Antal svar."),
    }),
    "MaskedTable": Typ("Antal per enhet och typ där små antal är dolda (×) så att ingen enskild "
                       "kan pekas ut (`lsk.reports.kvalitet.masking`).", {
        "rows": Attr("lista av id", "Enheterna."),
        "cols": Attr("lista av text", "Avvikelsetyperna."),
        "cells": Attr("ordbok (enhet, typ) → text", "Antal eller ×."),
        "row_totals": Attr("ordbok enhet → text", "Summa per enhet eller ×."),
        "col_totals": Attr("ordbok typ → text", "Summa per typ."),
        "total": Attr("text", "Totalsumman."),
        "subtotals": Attr("mängd av id", "Rader som är en avdelnings summa över raderna före."),
        "parent": Attr("ordbok id → id", "En enhets rad → avdelningens summarad."),
        "top": Attr("lista av id", "Raderna vars summa är kolumnsummorna."),
        "totals_are_reports": Attr("sant/falskt", "Radsummorna är rapporter, inte summan av "
                                   "typerna."),
    }),
}

MODELL_METODER: dict[str, dict[str, Attr]] = {
    "Organisation": {
        "enhet": Attr("funktion(id) → [Enhet] eller [Stabsfunktion] eller None",
                      "Enheten eller stabsfunktionen med id:t, i vilken nivå den än ligger."),
        "overordnad": Attr("funktion(id) → id eller None",
                           "Enheten närmast över; None överst och för okänt id."),
        "underordnade": Attr("funktion(id eller None) → lista av id",
                             "Det som ligger närmast under: stabsfunktionerna, sedan enheterna, "
                             "i filens ordning; `none` ger de översta enheterna."),
        "enhetsordning": Attr("funktion() → lista av id", "Alla enheter och stabsfunktioner, "
                              "var och en före det som ligger under den."),
        "overordnade": Attr("funktion(id) → lista av id", "Id:t och alla enheter över, närmast "
                            "först."),
        "gren": Attr("funktion(id) → lista av id", "Id:t och allt under det, i ordning."),
        "djup": Attr("funktion(id) → heltal", "0 för en enhet överst, 1 under den och så vidare."),
        "organ": Attr("funktion() → lista av (id, namn)", "Varje namngiven del av "
                      "organisationen."),
    },
    "Stabsfunktion": {
        "typ": Attr("text", "Alltid 'stab', så att en ur trädet kan skiljas från en enhet."),
    },
}
"""Methods of the model's classes that templates may use: part of the contract like fields."""

INTERNT = ("hb.corpus", "attribut och metoder som börjar med _",
           "andra metoder på modellens klasser (t.ex. Riskmatris.level)")
"""Reachable from a template but not part of the contract: they change without a new version."""


# --- The model's types, from the pydantic models ---------------------------------------------


_ROOT_MODELS = (
    ("lsk.model.process", "Process"), ("lsk.model.rutin", "Rutin"), ("lsk.model.roller", "Roll"),
    ("lsk.model.organisation", "Organisation"), ("lsk.model.tjanster", "Tjanst"),
    ("lsk.model.styrning", "Mal"), ("lsk.model.arscykel", "Handelse"), ("lsk.model.krav", "Krav"),
    ("lsk.model.krav", "Forfattning"), ("lsk.model.poster", "Orsak"), ("lsk.model.poster", "Risk"),
    ("lsk.model.poster", "Egenkontroll"), ("lsk.model.poster", "Atgard"),
    ("lsk.model.poster", "Fokusomrade"), ("lsk.model.riskmatris", "Riskmatris"),
    ("lsk.model.styrdokument", "Styrdokument"), ("lsk.model.begrepp", "Begrepp"),
    ("lsk.model.begrepp", "Kvalitetsfaktor"), ("lsk.model.omraden", "Omrade"),
)
"""The model classes templates reach (through hb, figures …); nested ones follow from them."""


def model_types() -> dict[str, Any]:
    """Name → pydantic class for every model type a template can reach, in a stable order."""
    import importlib

    from lsk.model.base import Modell

    out: dict[str, Any] = {}

    def visit(cls: Any) -> None:
        if cls.__name__ in out:
            return
        out[cls.__name__] = cls
        for info in cls.model_fields.values():
            for inner in _classes_in(info.annotation):
                if issubclass(inner, Modell):
                    visit(inner)

    for module, name in _ROOT_MODELS:
        visit(getattr(importlib.import_module(module), name))
    return out


def _classes_in(annotation: Any) -> list[type]:
    if isinstance(annotation, type):
        return [annotation]
    return [c for arg in typing.get_args(annotation) for c in _classes_in(arg)]


def _ref_kinds(metadata: tuple[Any, ...]) -> tuple[str, ...] | None:
    for m in metadata:
        if hasattr(m, "kinds"):
            return tuple(m.kinds)
    return None


_SCALARS = {str: "text", int: "heltal", float: "tal", bool: "sant/falskt", dt.date: "datum"}


def _model_type(annotation: Any, metadata: tuple[Any, ...] = ()) -> str:
    """A field's type in the contract's words: 'lista av id (rutin)', '[Faststallelse] eller None'."""
    from lsk.model.base import Modell

    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _model_type(args[0], (*metadata, *annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        shown = [_model_type(a, metadata) for a in args if a is not type(None)]
        return " eller ".join(shown) + (" eller None" if type(None) in args else "")
    if origin is typing.Literal:
        words = [f"'{a}'" for a in args]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " eller " + words[-1]
    if origin is list:
        return "lista av " + _model_type(args[0])
    if origin is dict:
        return f"ordbok {_model_type(args[0])} → {_model_type(args[1])}"
    kinds = _ref_kinds(metadata)
    if kinds:
        return f"id ({' eller '.join(kinds)})" if len(kinds) <= 3 else "id"
    if isinstance(annotation, type) and issubclass(annotation, Modell):
        return f"[{annotation.__name__}]"
    if isinstance(annotation, type) and annotation.__name__ == "HttpUrl":
        return "webbadress"
    return _SCALARS.get(annotation, getattr(annotation, "__name__", str(annotation)))


def model_attributes(cls: Any) -> dict[str, Attr]:
    return {name: Attr(_model_type(info.annotation, tuple(info.metadata)),
                       falttext(cls, name).beskrivning)
            for name, info in cls.model_fields.items()}


# --- docs/mallar.md ----------------------------------------------------------------------------

CSS_VARIABLER = {
    "--text": "Brödtexten.",
    "--dampad": "Dämpad text: ansvar, bildtexter, versionsrad.",
    "--lank": "Länkar.",
    "--accent": "Rubriker och sidhuvudets bakgrund (med vit text).",
    "--yta": "Bakgrund i faktarutor och tabellhuvuden.",
    "--kant": "Linjer och ramar.",
    "--ok": "Status uppfylls.",
    "--delvis": "Status uppfylls delvis.",
    "--ej": "Status uppfylls ej.",
    "--markering": "Markering: vald menypunkt, knappar och fokusram.",
}
"""The custom properties in stil.css's :root that egen.css may set (pdf.css and the
kvalitetsberättelse use those of them they need)."""


def _link(text: str) -> str:
    return re.sub(r"\[([A-Za-z]+)\]", lambda m: f"[{m.group(1)}](#{m.group(1).lower()})", text)


def _cell(text: str) -> str:
    return _link(text).replace("|", "\\|")


def _blocks_and_macros(name: str) -> tuple[list[str], list[str]]:
    from jinja2 import Environment, nodes

    if MALLAR[name].format == "statisk":
        return [], []
    ast = Environment().parse((PACKAGED / name).read_text(encoding="utf-8"))
    blocks = [b.name for b in ast.find_all(nodes.Block)]
    macros = [f"{m.name}({', '.join(a.name for a in m.args)})" for m in ast.find_all(nodes.Macro)]
    return blocks, macros


def markdown() -> str:
    out = [
        "# Egna mallar och mallkontraktet",
        "",
        "Genererad av `make docs` ur `lsk/render/kontrakt.py`; redigera inte för hand.",
        "",
        f"**Mallkontrakt version {MALL_KONTRAKT}.** Den här sidan listar allt som en egen mall "
        "kan använda: vilka variabler varje mall får, deras attribut, och de globala namnen och "
        "filtren. Det som står här är kontraktet; annat som går att nå från en mall (se "
        "[Utanför kontraktet](#utanför-kontraktet)) kan ändras utan förvarning.",
        "",
        "## Var egna mallar ligger",
        "",
        "En fil med samma namn som en av lsk:s mallar ersätter den. lsk letar i den här "
        "ordningen och tar den första som finns:",
        "",
        "1. `mallar/` bredvid ledningssystemets rot, alltså högst upp i repot bredvid "
        "`ledningssystem/`: platsen för egna mallar;",
        "2. `ledningssystem/mallar/`, den äldre platsen: läses fortfarande, men varje körning "
        "påminner om att flytta filerna;",
        "3. lsk:s egna mallar (`lsk/render/mallar/`).",
        "",
        "Bara en mapp som heter exakt `mallar` läses, aldrig genom en symbolisk länk (en länkad "
        "mapp hoppas över med en varning), och en mall som är en länk ut ur mappen är ett fel. "
        "lsk läser aldrig filerna i `mallar/` som YAML-dokument, och `lsk check` bryr sig inte "
        "om dem.",
        "",
        "`lsk mallar` kopierar lsk:s mallar dit för redigering, men aldrig över en befintlig fil "
        "utan `--force`: `lsk mallar egen.css _logo.svg` kopierar två, `lsk mallar` alla. Kopiera "
        "bara det du ändrar: en kopia följer inte med när lsk förbättrar sin mall.",
        "",
        "## Versionen",
        "",
        f"Kontraktets version är {MALL_KONTRAKT} (`MALL_KONTRAKT` i `lsk/render/kontrakt.py`, "
        "`mall_kontrakt` i mallarna). Den höjs när något som en egen mall kan bygga på tas bort, "
        "byter namn eller ändrar typ eller betydelse, eller när alla kopior bör ta efter en "
        "ändring i lsk:s mall (t.ex. en säkerhetsregel). Något nytt höjer den inte.",
        "",
        "`lsk mallar` skriver i `mallar/mallkontrakt.txt` vilken version varje kopia gjordes "
        "från, en rad per fil (`stil.css: 1`). När en egen mall kopierades från en äldre version "
        "än den lsk som kör varnar `lsk render` och `lsk kvalitetsberattelse` en gång, med ett "
        "tips. Jämför då kopian med lsk:s nya mall (`lsk mallar --out /tmp/nya NAMN`), ändra "
        "det som behövs och skriv in den nya versionen på filens rad. En fil som saknas i "
        "mallkontrakt.txt, t.ex. en som kopierats för hand, kontrolleras inte.",
        "",
        "## Säkerhet",
        "",
        "* Alla mallar körs med autoescape: varje värde escapas för HTML (i Markdown-mallarna "
        "för Markdown), och en mall kan inte glömma det. Skriv aldrig `| safe` på ett värde som "
        "kommer från YAML.",
        "* StrictUndefined: ett felstavat namn eller attribut är ett fel med mallens namn och "
        "rad, inte en tom ruta.",
        "* Fritextfält (syfte, beskrivning, steg …) går genom `md` eller `md_inline`, som "
        "ger säker HTML (ingen rå HTML, bara tillåtna länkar och attribut).",
        "* Webbplatsens sidor har en Content-Security-Policy som bara tillåter handbokens egna "
        "skript och stilmallar: inga `<script>` i sidan, inga `style`-attribut, inget som "
        "hämtas utifrån. PDF:en hämtar ingenting utifrån. Behåll `<meta http-equiv="
        "\"Content-Security-Policy\">` i en egen `sida.html`.",
        "* Mallarna är kod som körs när handboken byggs: granska ändringar i `mallar/` som "
        "ändringar i programkod.",
        "",
        "## Mallarna",
        "",
        "| mall | format | vad | variabler |",
        "| --- | --- | --- | --- |",
    ]
    formats = {"html": "HTML", "md": "Markdown", "svg": "SVG i HTML", "statisk": "statisk fil"}
    for name, mall in MALLAR.items():
        variables = ", ".join(f"`{v}`" for v in mall.variabler) or "–"
        out.append(f"| `{name}` | {formats[mall.format]} | {_cell(mall.beskrivning)} | "
                   f"{variables} |")
    out += ["", "HTML- och SVG-mallarna körs i HTML-miljön, Markdown-mallarna i Markdown-miljön; "
            "statiska filer kopieras som de är. En delmall (`_…`) som tas med (`include`) ser "
            "också allt som mallen den tas med i ser, men bara variablerna i tabellen är "
            "säkra: samma delmall tas med både i webbplatsen och i PDF:en.", "",
            "## Variablerna", "", "| variabel | typ | betydelse | mallar |",
            "| --- | --- | --- | --- |"]
    for v, attr in VARIABLER.items():
        users = ", ".join(name for name, mall in MALLAR.items() if v in mall.variabler)
        out.append(f"| `{v}` | {_cell(attr.typ)} | {_cell(attr.betydelse)} | {users} |")
    out += ["", "## Block och makron", "",
            "En egen sida kan ärva `sida.html` och fylla dess block; makrona tas in med "
            "`{% import \"_makron.html\" as m with context %}`.", "",
            "| mall | block | makron |", "| --- | --- | --- |"]
    for name in MALLAR:
        blocks, macros = _blocks_and_macros(name)
        if blocks or macros:
            out.append(f"| `{name}` | {', '.join(f'`{b}`' for b in blocks) or '–'} | "
                       f"{', '.join(f'`{m}`' for m in macros) or '–'} |")
    out.append("")
    out += ["## Globala namn", "", "Finns i alla mallar.", "", "| namn | typ | betydelse |",
            "| --- | --- | --- |"]
    out += [f"| `{n}` | {_cell(a.typ)} | {_cell(a.betydelse)} |" for n, a in GLOBALER.items()]
    out += ["", "Dessutom Jinjas egna: " + ", ".join(f"`{n}`" for n in JINJA_GLOBALER) + ".", "",
            "## Filter", "", "| filter | HTML | Markdown |", "| --- | --- | --- |"]
    out += [f"| `{n}` | {_cell(h)} | {_cell(m)} |" for n, (h, m) in FILTER.items()]
    out += ["", "Dessutom Jinjas inbyggda filter (`length`, `sort`, `lower`, `format` …).", "",
            "## CSS-variabler", "",
            "Färgerna i `stil.css` (och de av dem som `pdf.css` och kvalitetsberättelsen "
            "använder) är CSS-variabler. Ge dem nya värden i en egen `egen.css`, som läses efter "
            "lsk:s stil i alla format, i stället för att ersätta `stil.css`:", "", "```css",
            ":root { --accent: #0e4d5c; --lank: #0b5f73; }", "```", "",
            "| variabel | färgar |", "| --- | --- |"]
    out += [f"| `{n}` | {m} |" for n, m in CSS_VARIABLER.items()]
    out += ["", "Logotypens storlek sätts av klassen `logo`: `svg.logo` i `stil.css`, "
            "`.titelsida svg.logo` i `pdf.css`.", "", "## Typerna", ""]
    for name, typ in TYPER.items():
        out += [f"### {name}", "", _link(typ.beskrivning), "",
                "| attribut | typ | betydelse |", "| --- | --- | --- |"]
        out += [f"| `{a}` | {_cell(x.typ)} | {_cell(x.betydelse)} |"
                for a, x in typ.attribut.items()]
        out.append("")
    out += ["## Modellens typer", "",
            "Dokumenten som lsk läst in, med fälten som de heter i YAML-filerna (se `lsk schema`). "
            "Ett fält som saknas i filen har sitt standardvärde: None, en tom lista eller det "
            "som står i schemat.", ""]
    for name, cls in model_types().items():
        out += [f"### {name}", "", "| fält | typ | betydelse |", "| --- | --- | --- |"]
        out += [f"| `{a}` | {_cell(x.typ)} | {_cell(x.betydelse)} |"
                for a, x in {**model_attributes(cls), **MODELL_METODER.get(name, {})}.items()]
        out.append("")
    out += ["## Utanför kontraktet", "",
            "Det här går att nå från en mall men ingår inte i kontraktet och kan ändras utan att "
            "versionen höjs:", ""]
    out += [f"* {x}" for x in INTERNT]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # make docs
    import sys

    from lsk.atomic import write_atomic

    write_atomic(Path(sys.argv[1]), markdown())
