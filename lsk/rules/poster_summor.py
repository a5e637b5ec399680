"""LSK601 poster-summor: summor och andelar i årets poster går inte ihop.

Kvalitetsberättelsens siffror räknas fram ur posterna, så posterna måste stämma med sig själva.
En rapport kan ha flera typer (till exempel både lex Sarah och personuppgiftsincident), så
antalet rapporter (``totalt``, och ``rapporter`` per enhet) får vara mindre än summan av
typerna, men aldrig större, och ingen typ får ha fler än det finns rapporter. Dessutom: inte
fler anmälda till IVO än det fanns lex Sarah- och lex Maria-ärenden, inte fler till IMY än
personuppgiftsincidenter, varje enhet och typ räknas en gång, och året i filen är mappens år.
Antal som anges både för en avdelning och för dess enheter räknas en gång (enheterna); se
LSK609 och LSK610.
Åtgärd: rätta siffrorna i posten.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.orgtree import OrgTree, Rollup, org_tree, roll_up
from lsk.diagnostics import Severity
from lsk.model.labels import value_label
from lsk.model.poster import AVVIKELSETYPER, RAPPORTER, Antal, Avvikelser
from lsk.rules.avvikelser_dubbelraknade import double_counted
from lsk.rules.base import Finding, Rule
from lsk.swedish import count


def _sum(rolled: Rollup, *types: str) -> int:
    return sum(rolled.total(t) for t in types)


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
    tree = org_tree(corpus)
    for d in corpus.of(Avvikelser):
        yield from _record(d.relpath, d.model, roll_up(d.model.counts(), tree), tree)


def _record(relpath: str, m: Avvikelser, rolled: Rollup, tree: OrgTree) -> Iterator[Finding]:
    types = [t for t in AVVIKELSETYPER if rolled.total(t)]
    by_types = sum(rolled.total(t) for t in types)
    per_unit = rolled.total(RAPPORTER) if m.rapporter else None
    if m.totalt is not None and double_counted(m, rolled) is None:
        if per_unit is not None and m.totalt != per_unit:
            yield Finding(relpath, ("totalt",), f"totalt är {m.totalt} rapporter men "
                          f"rapporterna per enhet summerar till {per_unit}",
                          "Rätta totalt eller rapporterna per enhet.")
        yield from _reports(relpath, ("totalt",), "totalt", m.totalt,
                            {t: rolled.total(t) for t in types}, by_types)
    compared: set[str] = set()
    for i, r in enumerate(m.rapporter):
        row = rolled.counted.get(r.enhet, {})
        if RAPPORTER not in row or r.enhet in compared:
            continue  # a department's own row: compared with its units (LSK610)
        compared.add(r.enhet)
        unit_types = {t: row[t] for t in AVVIKELSETYPER if row.get(t)}
        if not unit_types:
            continue  # reports without types: nothing to compare
        yield from _reports(relpath, ("rapporter", i, "antal"), tree.name(r.enhet), row[RAPPORTER],
                            unit_types, sum(unit_types.values()))
    reportable = _sum(rolled, "lex_sarah", "lex_maria")
    for field, typ, words in (("anmalda_ivo_lex_sarah", "lex_sarah", "lex Sarah-ärende"),
                              ("anmalda_ivo_lex_maria", "lex_maria", "lex Maria-ärende")):
        given: int | None = getattr(m, field)
        cases = _sum(rolled, typ)
        if given is not None and given > cases:
            yield Finding(relpath, (field,),
                          f"{count(given, 'anmäld', 'anmälda')} till IVO men "
                          + _only(cases, words, words[:-1] + "en", words[:-1] + "en"),
                          "Rätta siffrorna.")
    apart = [n for n in (m.anmalda_ivo_lex_sarah, m.anmalda_ivo_lex_maria) if n is not None]
    if m.anmalda_ivo is not None and apart and sum(apart) != m.anmalda_ivo:
        yield Finding(relpath, ("anmalda_ivo",),
                      f"anmalda_ivo är {m.anmalda_ivo} men lex Sarah och lex Maria anmälda "
                      f"var för sig summerar till {sum(apart)}",
                      "Rätta siffrorna, eller ta bort anmalda_ivo: summan räknas fram.")
    if m.anmalda_ivo is not None and m.anmalda_ivo > reportable:
        yield Finding(relpath, ("anmalda_ivo",),
                      f"{count(m.anmalda_ivo, 'anmäld', 'anmälda')} till IVO men "
                      + _only(reportable, "lex Sarah- eller lex Maria-ärende",
                              "lex Sarah- och lex Maria-ärenden",
                              "lex Sarah- eller lex Maria-ärenden"),
                      "Rätta siffrorna.")
    incidents = _sum(rolled, "personuppgiftsincident")
    if m.anmalda_imy is not None and m.anmalda_imy > incidents:
        yield Finding(relpath, ("anmalda_imy",),
                      f"{count(m.anmalda_imy, 'anmäld', 'anmälda')} till IMY men "
                      + _only(incidents, "personuppgiftsincident", "personuppgiftsincidenter",
                              "personuppgiftsincidenter"),
                      "Rätta siffrorna.")
    seen: set[tuple[str | None, str]] = set()
    for i, a in enumerate(m.antal):
        if (a.enhet, a.typ) in seen:
            typ = value_label(Antal, "typ", a.typ)
            where = "hela nämnden" if a.enhet is None else a.enhet
            yield Finding(relpath, ("antal", i),
                          f"{where} och typen {typ} räknas mer än en gång",
                          "Slå ihop raderna till en.")
        seen.add((a.enhet, a.typ))
    units: set[str] = set()
    for i, r in enumerate(m.rapporter):
        if r.enhet in units:
            yield Finding(relpath, ("rapporter", i),
                          f"rapporterna för {r.enhet} räknas mer än en gång",
                          "Slå ihop raderna till en.")
        units.add(r.enhet)


def _reports(relpath: str, path: tuple[object, ...], what: str, reports: int,
             by_type: dict[str, int], by_types: int) -> Iterator[Finding]:
    """Reports against their types: at least the largest type, at most the sum of the types."""
    if by_type and reports > by_types:
        yield Finding(relpath, path, f"{what}: {count(reports, 'rapport', 'rapporter')} men "
                      f"typerna summerar bara till {by_types}",
                      "Varje rapport har minst en typ: rätta antalet rapporter eller typerna.")
    for typ, n in by_type.items():
        if n > reports:
            yield Finding(relpath, path, f"{what}: {value_label(Antal, 'typ', typ)} har {n} men "
                          f"det finns bara {count(reports, 'rapport', 'rapporter')}",
                          "En typ kan inte ha fler än det finns rapporter: rätta siffrorna.")


RULE = Rule("LSK601", "poster-summor", Severity.ERROR,
            "Summor och andelar i årets poster stämmer inte.",
            "Kvalitetsberättelsens siffror räknas fram ur posterna och måste gå ihop.",
            "SOSFS 2011:9 7 kap. 1 §", check)
