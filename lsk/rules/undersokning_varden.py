"""LSK612 undersokning-varden: en undersöknings värden går inte att ställa upp i en tabell.

Kvalitetsberättelsen visar varje undersökning som en tabell: en rad per fråga (och grupp), en
kolumn per år. Ett värde för en grupp som inte finns under ``grupper``, eller två värden för samma
fråga, år och grupp, ger en tabell som inte går att läsa eller en siffra som tyst försvinner.
Åtgärd: lägg till gruppen, eller ta bort det dubblerade värdet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.undersokning import Tabellplats, Undersokning
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Undersokning):
        u = d.model
        groups = {g.id for g in u.grupper}
        yield from _places(d.relpath, ("svar",), u.svar, groups,
                           ("svarsfrekvensen för ", " finns två gånger", "Ta bort den ena."))
        for q, fraga in enumerate(u.fragor):
            yield from _places(d.relpath, ("fragor", q, "varden"), fraga.varden, groups,
                               (f"frågan '{fraga.fraga}' har två värden för ", "", "Ta bort det ena."))


def _places(relpath: str, path: tuple[object, ...], items: Sequence[Tabellplats], groups: set[str],
            twice: tuple[str, str, str]) -> Iterator[Finding]:
    """A group that is not under ``grupper``, and a place in the table taken a second time:
    ``twice`` is the message's words before and after the place, and the hint."""
    seen: set[tuple[int, str | None]] = set()
    for i, item in enumerate(items):
        if item.grupp is not None and item.grupp not in groups:
            yield _unknown(relpath, (*path, i, "grupp"), item.grupp)
        if item.plats in seen:
            before, after, hint = twice
            yield Finding(relpath, (*path, i), f"{before}{_what(*item.plats)}{after}", hint)
        seen.add(item.plats)


def _what(year: int, group: str | None) -> str:
    return str(year) if group is None else f"{year} och gruppen {group}"


def _unknown(relpath: str, path: tuple[object, ...], group: str) -> Finding:
    return Finding(relpath, path, f"gruppen {group} finns inte under grupper",
                   "Lägg till den under 'grupper' eller rätta id:t.")


RULE = Rule("LSK612", "undersokning-varden", Severity.ERROR,
            "En undersöknings värden går inte att ställa upp per fråga, grupp och år.",
            "Varje värde i kvalitetsberättelsen ska ha en plats i undersökningens tabell.",
            "SOSFS 2011:9 5 kap. 2 § och 7 kap. 1 §", check)
