"""LSK612 undersokning-varden: en undersöknings värden går inte att ställa upp i en tabell.

Kvalitetsberättelsen visar varje undersökning som en tabell: en rad per fråga (och grupp), en
kolumn per år. Ett värde för en grupp som inte finns under ``grupper``, eller två värden för samma
fråga, år och grupp, ger en tabell som inte går att läsa eller en siffra som tyst försvinner.
Åtgärd: lägg till gruppen, eller ta bort det dubblerade värdet.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.undersokning import Undersokning
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Undersokning):
        u = d.model
        groups = {g.id for g in u.grupper}
        seen: set[tuple[int, str | None]] = set()
        for i, s in enumerate(u.svar):
            if s.grupp is not None and s.grupp not in groups:
                yield _unknown(d.relpath, ("svar", i, "grupp"), s.grupp)
            if (s.ar, s.grupp) in seen:
                yield Finding(d.relpath, ("svar", i), f"svarsfrekvensen för {_what(s.ar, s.grupp)} "
                              "finns två gånger", "Ta bort den ena.")
            seen.add((s.ar, s.grupp))
        for q, fraga in enumerate(u.fragor):
            seen = set()
            for i, v in enumerate(fraga.varden):
                if v.grupp is not None and v.grupp not in groups:
                    yield _unknown(d.relpath, ("fragor", q, "varden", i, "grupp"), v.grupp)
                if (v.ar, v.grupp) in seen:
                    yield Finding(d.relpath, ("fragor", q, "varden", i),
                                  f"frågan '{fraga.fraga}' har två värden för "
                                  f"{_what(v.ar, v.grupp)}", "Ta bort det ena.")
                seen.add((v.ar, v.grupp))


def _what(year: int, group: str | None) -> str:
    return str(year) if group is None else f"{year} och gruppen {group}"


def _unknown(relpath: str, path: tuple[object, ...], group: str) -> Finding:
    return Finding(relpath, path, f"gruppen {group} finns inte under grupper",
                   "Lägg till den under 'grupper' eller rätta id:t.")


RULE = Rule("LSK612", "undersokning-varden", Severity.ERROR,
            "En undersöknings värden går inte att ställa upp per fråga, grupp och år.",
            "Varje värde i kvalitetsberättelsen ska ha en plats i undersökningens tabell.",
            "SOSFS 2011:9 5 kap. 2 § och 7 kap. 1 §", check)
