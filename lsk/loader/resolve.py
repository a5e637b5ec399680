"""Checks across files: required documents, unique ids, and references that resolve."""

from __future__ import annotations

import re
from collections import defaultdict

from lsk.diagnostics import Diagnostic, diag
from lsk.loader.files import FileResult
from lsk.loader.validate import closest
from lsk.model.kinds import KINDS, id_kind_phrase

# Two or more capitalised words, as a name is written ("Anna Svensson", "Per-Olof Ek").
_PERSON_NAME = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
                          r"(?: (?:af |von |de )?[A-ZÅÄÖÉ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)+$")

SOFT_KINDS = frozenset({"lagkrav"})
"""A provision missing from the catalog may still be real law: a warning (LSK304), not an error."""


def _describe(kinds: tuple[str, ...]) -> str:
    names = [id_kind_phrase(k) for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " eller " + names[-1]


def required_documents(results: list[FileResult]) -> list[Diagnostic]:
    present = {r.kind for r in results}
    return [
        diag("LSK007", kind.patterns[0], 1, 1, f"dokumentet {kind.patterns[0]} saknas",
             f"Skapa {kind.patterns[0]} ({kind.description.rstrip('.').lower()}); "
             "se exemplet i lsk:s ledningssystem/.")
        for kind in KINDS
        if kind.required and kind.name not in present
    ]


def resolve(results: list[FileResult]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    index: dict[str, tuple[str, str, int]] = {}
    by_kind: dict[str, set[str]] = defaultdict(set)
    # The shipped catalog first: a repository file that reuses one of its ids gets the error.
    for r in sorted(results, key=lambda r: not r.relpath.startswith("@")):
        for d in r.definitions:
            first = index.get(d.id)
            if first is not None:
                hint = ("Id:t tillhör lsk:s kravkatalog och kan inte definieras om; ge det egna "
                        "ett eget id (t.ex. 'SN-2026:41' för ett nämndbeslut)."
                        if first[1].startswith("@") else
                        "Ge den ena ett eget id; id är unika i hela ledningssystemet.")
                out.append(diag("LSK301", r.relpath, d.line, d.column,
                                f"id '{d.id}' används redan i {first[1]}:{first[2]}", hint))
                continue
            index[d.id] = (d.kind, r.relpath, d.line)
            by_kind[d.kind].add(d.id)
    guesses: dict[tuple[str, tuple[str, ...]], str | None] = {}

    def guess_for(target: str, kinds: tuple[str, ...]) -> str | None:
        """The closest id of the right kind; memoised because a typo tends to repeat."""
        key = (target, kinds)
        if key not in guesses:
            guesses[key] = closest(target, set().union(*(by_kind[k] for k in kinds)))
        return guesses[key]

    for r in results:
        for ref in r.references:
            found = index.get(ref.target)
            if found is None and SOFT_KINDS.intersection(ref.kinds):
                guess = guess_for(ref.target, ("lagkrav",))
                out.append(diag(
                    "LSK304", r.relpath, ref.line, ref.column,
                    f"{ref.field}: '{ref.target}' finns inte i kravkatalogen",
                    (f"Menade du '{guess}'? " if guess else "")
                    + "Ett eget krav läggs i krav/ (se 'lsk trace' för katalogen)."))
            elif found is None:
                if "roll" in ref.kinds and _PERSON_NAME.match(ref.target):
                    out.append(diag(
                        "LSK403", r.relpath, ref.line, ref.column,
                        f"{ref.field}: '{ref.target}' ser ut som namnet på en person",
                        "Ange rollen (t.ex. 'enhetschef'), inte personen: dokumenten publiceras "
                        "och ska inte innehålla personuppgifter."))
                guess = guess_for(ref.target, ref.kinds)
                hint = (f"Menade du '{guess}'?" if guess else
                        f"Ange id för {_describe(ref.kinds)} som finns, eller lägg till den.")
                out.append(diag("LSK302", r.relpath, ref.line, ref.column,
                                f"{ref.field}: '{ref.target}' finns inte", hint))
            elif found[0] not in ref.kinds:
                out.append(diag("LSK303", r.relpath, ref.line, ref.column,
                                f"{ref.field}: '{ref.target}' är {_describe((found[0],))}, "
                                f"inte {_describe(ref.kinds)}",
                                f"Ange id för {_describe(ref.kinds)}."))
    return out
