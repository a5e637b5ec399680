"""The traceability matrix: requirements, their status, and what carries them (with lines)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsk.analysis.corpus import Carrier, Corpus
from lsk.analysis.coverage import PRODUCT_TEXT, STATUS_TEXT, Assessment, assess, coverage, default_year
from lsk.model.kinds import id_kinds


@dataclass
class Matrix:
    assessments: list[Assessment]
    coverage: dict[str, Any]
    lines: dict[tuple[str, tuple[Any, ...]], int]
    loader_errors: int
    sources: dict[str, Any]
    """Författning id → its source URL, for requirements without one of their own."""
    year: int
    """The year whose records show the yearly work."""

    def line(self, relpath: str, path: tuple[Any, ...]) -> int:
        return self.lines.get((relpath, path), 1)

    def to_json(self, only_uncovered: bool = False) -> dict[str, Any]:
        return {
            "requirements": [
                {
                    "id": a.krav.id,
                    "title": a.krav.rubrik,
                    "status": a.status,
                    "reason": a.motivation,
                    "covered_by": [
                        {"kind": c.kind, "id": c.id, "path": c.relpath,
                         "line": self.line(c.relpath, c.path)}
                        for c in a.carriers
                    ],
                }
                for a in rows(self, only_uncovered)
            ],
            "year": self.year,
            "coverage": self.coverage,
        }


def rows(matrix: Matrix, only_uncovered: bool) -> list[Assessment]:
    if only_uncovered:
        return [a for a in matrix.assessments if a.counted and not a.covered]
    return matrix.assessments


def status_text(a: Assessment) -> str:
    return STATUS_TEXT[a.status]


def build(corpus: Corpus, year: int | None = None) -> Matrix:
    assessments = assess(corpus, year)
    lines = {(c.relpath, c.path): corpus.locate(c.relpath, c.path)[0]
             for a in assessments for c in a.carriers}
    sources = {fid: f.kalla for fid, f in corpus.statutes.items()}
    return Matrix(assessments, coverage(assessments, corpus.statutes), lines, corpus.errors,
                  sources, assessments[0].year if assessments else default_year(corpus))


def carried_by(corpus: Corpus, item: str) -> list[tuple[str, str, str]] | None:
    """Reverse direction: (requirement id, rubrik, via) for what ``item`` carries, or None."""
    known = {c.id for _, c in corpus.lagkrav_references} | {d.model.id for d in corpus.processes} | {
        d.model.id for d in corpus.routines} | {r.id for _, _, r in corpus.roles} | {
        f"{d.model.id}.{a.id}" for d in corpus.processes for a in d.model.aktiviteter}
    if item not in known:
        return None
    out = []
    for rid, c in corpus.lagkrav_references:
        if c.id == item or c.id.startswith(item + "."):
            entry = corpus.requirements.get(rid)
            out.append((rid, entry[2].rubrik if entry else "(finns inte i katalogen)",
                        f"{c.kind} {c.id}"))
    return out


def via(c: Carrier) -> str:
    """A carrier as a reader names it: 'rutin R004', 'årscykel februari: Uppföljning av utförare'."""
    if c.kind == "arscykel":
        month, _, product = c.id.partition("/")
        return f"årscykel {month}: {PRODUCT_TEXT[product]}"
    if c.kind == "omrade":
        return f"{id_kinds()['omrade'].LABEL} {c.id}"
    return f"{c.kind} {c.id}"


def carried_in(corpus: Corpus, prefix: str, year: int | None = None
               ) -> tuple[str, list[tuple[str, str, str]]] | None:
    """A heading ('SFS-2025:400 27 kap. Missförhållanden: 7 bestämmelser') and what carries
    each provision of a författning or chapter, as (requirement id, rubrik, via). Where nothing
    does, 'via' gives the status and its reason; for a repealed provision it names what still
    cites it (LSK511). None when ``prefix`` names neither."""
    chosen = [a for a in assess(corpus, year) if a.krav.id.startswith(prefix + "/")]
    if not chosen:
        return None
    citing: dict[str, list[str]] = {}
    for rid, c in corpus.lagkrav_references:
        citing.setdefault(rid, []).append(via(c))
    out: list[tuple[str, str, str]] = []
    for a in chosen:
        if a.carriers:
            vias = [via(c) for c in a.carriers]
        elif a.krav.upphavd is not None and a.krav.upphavd <= corpus.today and a.krav.id in citing:
            vias = [f"{v} hänvisar fortfarande till den (LSK511); {a.motivation}"
                    for v in citing[a.krav.id]]
        else:
            vias = [f"– ({status_text(a)}: {a.motivation})" if a.motivation
                    else f"– ({status_text(a)})"]
        out += [(a.krav.id, a.krav.rubrik, via) for via in vias]
    statute, _, chapter = prefix.partition("/")
    title = ""
    if chapter and statute in corpus.statutes:
        title = f" {chapter} kap. {corpus.statutes[statute].kapitel.get(chapter, '')}".rstrip()
    elif chapter:
        title = f" {chapter} kap."
    n = len(chosen)
    return f"{statute}{title}: {n} {'bestämmelse' if n == 1 else 'bestämmelser'}", out
