"""The one diagnostic type every stage produces, and the registry of stable codes.

A code is never reused or renumbered. The code table in ``docs/diagnostikkoder.md`` is generated
from ``CODES`` (``lsk koder --format markdown``) and a test keeps the two identical. A code that
is no longer reported moves from ``CODES`` (or ``lsk.rules.registry``) to ``RETIRED``, and
``tests/golden/codes.txt`` lists every code ever used, so that none can vanish or come back.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def swedish(self) -> str:
        return {"error": "fel", "warning": "varning", "info": "info"}[self.value]


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("LSK001", "rot-saknas", _E, "Roten finns inte, är ingen mapp eller saknar dokument.",
             "Utan rot finns inget ledningssystem att kontrollera."),
        Code("LSK002", "teckenkodning", _E, "Filen är inte giltig UTF-8.",
             "Texten publiceras; felaktiga tecken blir oläsliga i handboken."),
        Code("LSK003", "fil-for-stor", _E, "Filen är större än gränsen (1 MiB).",
             "Skyddar mot filer som av misstag hamnat i repot och mot överbelastning."),
        Code("LSK004", "utanfor-roten", _E, "En länk (symlink) pekar utanför roten.",
             "Bara det som finns i repot får publiceras och versionshanteras."),
        Code("LSK005", "for-manga-filer", _E, "Fler YAML-filer än gränsen (50 000).",
             "Skyddar mot att fel mapp anges som rot."),
        Code("LSK006", "okand-fil", _W, "En YAML-fil ligger där ingen dokumenttyp hör hemma.",
             "Filen läses inte; troligen fel mapp eller felstavat filnamn."),
        Code("LSK007", "dokument-saknas", _E, "Ett obligatoriskt dokument saknas.",
             "lsk.yaml, organisation.yaml och roller.yaml bär upp resten av systemet."),
        Code("LSK008", "fil-olasbar", _E, "En fil eller mapp kunde inte läsas.",
             "Behörighet eller en trasig fil hindrar kontrollen."),
        Code("LSK009", "oanvant-undantag", _W,
             "En kommentar '# lsk: ignorera KOD' undantar något som inte finns.",
             "Gamla undantag döljer annars framtida fynd på samma rad."),
        Code("LSK010", "okand-regel", _E, "lsk.yaml nämner en regel som inte finns.",
             "En felstavad kod i inställningarna skulle annars tyst inte gälla."),
        Code("LSK011", "styrtecken", _W,
             "En citerad text innehåller styrtecken från en escape-sekvens (\\e, \\x1b).",
             "Styrtecken kan styra en terminal och hör inte hemma i publicerad text; lsk tar bort "
             "dem när texten läses."),
        Code("LSK020", "kapitel-filnamn", _E,
             "Ett kapitels filnamn börjar inte med ett nummer och ett bindestreck.",
             "Numret ordnar kapitlen i handboken; utan det vet lsk inte var kapitlet hör hemma."),
        Code("LSK021", "kapitel-rubrik", _E, "Ett kapitel börjar inte med sin rubrik ('# Rubrik').",
             "Rubriken på första raden blir kapitlets namn i innehållsförteckningen."),
        Code("LSK022", "okant-direktiv", _E, "En rad ':::' i ett kapitel namnger inget direktiv "
             "som finns.", "Raden skulle annars stå kvar som text där en genererad del skulle "
             "stå."),
        Code("LSK023", "direktiv-argument", _E,
             "Ett direktiv i ett kapitel har fel antal argument.",
             "T.ex. '::: process' behöver processens id för att veta vilken process som avses."),
        Code("LSK024", "del-saknas", _W,
             "Ett direktiv placerar en del som den här versionen av lsk inte har.",
             "Handboken visar en notering i stället för delen."),
        Code("LSK025", "kapitel-rubrikniva", _W,
             "Ett kapitel har mer än en rubrik på nivå 1.",
             "Nivå 1 är kapitlets rubrik; fler rubriker på nivå 1 bryter innehållsförteckningen."),
        Code("LSK101", "yaml-syntax", _E, "YAML-syntaxfel.", "Filen kan inte tolkas alls."),
        Code("LSK102", "dubblerad-nyckel", _E, "Samma nyckel står två gånger i en mappning.",
             "YAML behåller tyst bara det sista värdet; det första går förlorat."),
        Code("LSK103", "yaml-tagg", _E, "YAML-taggar (t.ex. !!python/object) är inte tillåtna.",
             "Taggar kan få andra verktyg att skapa objekt eller köra kod."),
        Code("LSK104", "alias-bomb", _E, "Alias kopierar för många värden.",
             "Skyddar mot 'billion laughs'-filer som fyller minnet."),
        Code("LSK105", "for-djup-nastling", _E, "Nästlingen är för djup.",
             "Skyddar mot filer som tar slut på stacken; riktiga dokument är grunda."),
        Code("LSK106", "flera-dokument", _E, "Filen innehåller flera YAML-dokument (---).",
             "Ett dokument per fil gör id, historik och granskning entydiga."),
        Code("LSK107", "tom-fil", _E, "Filen är tom.", "Ett tomt dokument saknar obligatoriska fält."),
        Code("LSK108", "komplex-nyckel", _E, "En nyckel är en lista eller mappning.",
             "Nycklar i lsk är alltid enkla ord."),
        Code("LSK201", "okand-nyckel", _E, "Nyckeln finns inte i dokumenttypen.",
             "Felstavade nycklar skulle annars tyst ignoreras."),
        Code("LSK202", "falt-saknas", _E, "Ett obligatoriskt fält saknas.",
             "SOSFS 2011:9 kräver t.ex. syfte, ägare och ansvar; utan dem är dokumentet ofullständigt."),
        Code("LSK203", "fel-typ", _E, "Värdet har fel typ eller är inte ett tillåtet värde.",
             "Ett datum, en lista eller ett av de tillåtna orden förväntas."),
        Code("LSK204", "fel-format", _E, "Värdet följer inte formatet (t.ex. id eller lagrum).",
             "Id och lagrumsreferenser måste gå att känna igen och länka."),
        Code("LSK301", "dubblerat-id", _E, "Samma id används för två saker i repot.",
             "Ett id ska peka ut exakt en sak; annars blir referenser tvetydiga."),
        Code("LSK302", "trasig-referens", _E, "En referens pekar på ett id som inte finns.",
             "Ansvar och styrning måste gå att följa (SOSFS 2011:9 4 kap. 4 §)."),
        Code("LSK303", "fel-sorts-referens", _E, "En referens pekar på fel sorts sak.",
             "T.ex. ett ansvar som pekar på en enhet i stället för en roll."),
        Code("LSK304", "okant-lagrum", Severity.WARNING,
             "Ett lagkrav finns inte i kravkatalogen.",
             "Spårbarheten mot lagen kräver att bestämmelsen är känd; lokala krav läggs i krav/."),
        Code("LSK401", "personnummer", _E, "Ett personnummer står i ett dokument, en mall eller "
             "ett fil- eller mappnamn, skrivet som det är eller som det läses publicerat.",
             "Handboken publiceras; personuppgifter får inte finnas i den (GDPR, OSL)."),
        Code("LSK402", "samordningsnummer", _E, "Ett samordningsnummer står i ett dokument, en "
             "mall eller ett fil- eller mappnamn, skrivet som det är eller som det läses "
             "publicerat.",
             "Handboken publiceras; personuppgifter får inte finnas i den (GDPR, OSL)."),
        Code("LSK403", "personnamn", _W, "Ett fält för en roll innehåller något som liknar ett "
             "personnamn.", "Roller, inte personer, bär ansvar i ledningssystemet; namn på "
             "enskilda ska inte publiceras."),
    )
}

RETIRED: dict[str, str] = {}
"""The ledger of retired codes: code → what it reported, when and why it was retired (in
Swedish, shown by ``lsk koder``), e.g. ``"LSK011": "okand-x: ... Avvecklad 2027-01-15 (version
1.4): ersatt av LSK012."``. A retired code stays here for good and is never registered again.
Empty when it was introduced: every LSK code in the git history until then was still
registered (``git log -p -S LSK -- lsk``)."""


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def diag(code: str, path: str, line: int, column: int, message: str, hint: str = "") -> Diagnostic:
    """A diagnostic whose severity comes from the code registry, not from the caller."""
    return Diagnostic(code, CODES[code].severity, path, line, column, message, hint)


def summarize(diagnostics: list[Diagnostic], files: int) -> dict[str, int]:
    counts = Counter(d.severity.value for d in diagnostics)
    return {
        "files": files,
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "infos": counts.get("info", 0),
    }


def cap(diagnostics: list[Diagnostic], per_code: int) -> list[Diagnostic]:
    """At most ``per_code`` diagnostics per file and code, in order; the rest become one line
    saying how many were left out."""
    from collections import Counter

    seen: Counter[tuple[str, str]] = Counter()
    out: list[Diagnostic] = []
    for d in diagnostics:
        seen[(d.path, d.code)] += 1
        if seen[(d.path, d.code)] <= per_code:
            out.append(d)
    for (path, code), n in seen.items():
        if n > per_code:
            first = next(d for d in out if (d.path, d.code) == (path, code))
            out.append(Diagnostic(code, first.severity, path, first.line, first.column,
                                  f"ytterligare {n - per_code} fynd av {code} i filen visas inte",
                                  f"lsk visar högst {per_code} per fil och kod; rätta dem och kör "
                                  "lsk check igen."))
    return out
