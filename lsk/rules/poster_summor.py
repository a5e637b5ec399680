"""LSK601 poster-summor: summor och andelar i årets poster går inte ihop.

Kvalitetsberättelsens siffror räknas fram ur posterna, så posterna måste stämma med sig själva:
``totalt`` är summan av antalen, inte fler anmälda till IVO än det fanns lex Sarah- och lex
Maria-ärenden, inte fler till IMY än personuppgiftsincidenter, varje enhet och typ räknas en
gång, och året i filen är mappens år.
Åtgärd: rätta siffrorna i posten.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.labels import value_label
from lsk.model.poster import Antal, Avvikelser
from lsk.rules.base import Finding, Rule
from lsk.swedish import count


def _sum(doc: Avvikelser, *types: str) -> int:
    return sum(a.antal for a in doc.antal if not types or a.typ in types)


def _only(n: int, singular: str, plural: str, none: str) -> str:
    """'bara 1 lex Sarah- eller lex Maria-ärende', 'inga personuppgiftsincidenter'."""
    return f"inga {none}" if n == 0 else f"bara {count(n, singular, plural)}"


def check(corpus: Corpus) -> Iterator[Finding]:
    for _, record in corpus.records:
        folder = record.relpath.split("/")[1] if record.relpath.startswith("ar/") else None
        if folder is not None and folder != str(record.model.ar):
            yield Finding(record.relpath, ("ar",),
                          f"ar: {record.model.ar} men filen ligger i ar/{folder}/",
                          "Flytta filen eller rätta året.")
    for d in corpus.of(Avvikelser):
        m = d.model
        if m.totalt is not None and m.totalt != _sum(m):
            yield Finding(d.relpath, ("totalt",), f"totalt är {m.totalt} men antalen summerar "
                          f"till {_sum(m)}", "Rätta totalt eller antalen.")
        reportable = _sum(m, "lex_sarah", "lex_maria")
        if m.anmalda_ivo is not None and m.anmalda_ivo > reportable:
            yield Finding(d.relpath, ("anmalda_ivo",),
                          f"{count(m.anmalda_ivo, 'anmäld', 'anmälda')} till IVO men "
                          + _only(reportable, "lex Sarah- eller lex Maria-ärende",
                                  "lex Sarah- och lex Maria-ärenden",
                                  "lex Sarah- eller lex Maria-ärenden"),
                          "Rätta siffrorna.")
        incidents = _sum(m, "personuppgiftsincident")
        if m.anmalda_imy is not None and m.anmalda_imy > incidents:
            yield Finding(d.relpath, ("anmalda_imy",),
                          f"{count(m.anmalda_imy, 'anmäld', 'anmälda')} till IMY men "
                          + _only(incidents, "personuppgiftsincident", "personuppgiftsincidenter",
                                  "personuppgiftsincidenter"),
                          "Rätta siffrorna.")
        seen: set[tuple[str, str]] = set()
        for i, a in enumerate(m.antal):
            if (a.enhet, a.typ) in seen:
                typ = value_label(Antal, "typ", a.typ)
                yield Finding(d.relpath, ("antal", i),
                              f"{a.enhet} och typen {typ} räknas mer än en gång",
                              "Slå ihop raderna till en.")
            seen.add((a.enhet, a.typ))


RULE = Rule("LSK601", "poster-summor", Severity.ERROR,
            "Summor och andelar i årets poster stämmer inte.",
            "Kvalitetsberättelsens siffror räknas fram ur posterna och måste gå ihop.",
            "SOSFS 2011:9 7 kap. 1 §", check)
