"""The traceability matrix: requirements, their status, and what carries them (with lines)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.analysis.coverage import STATUS_TEXT, Assessment, assess, coverage, default_year


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


def carried_in(corpus: Corpus, prefix: str, year: int | None = None
               ) -> list[tuple[str, str, str]] | None:
    """What carries each provision of a författning or chapter ('SFS-2025:400/27'), as
    (requirement id, rubrik, via); '–' and the status where nothing does. None when
    ``prefix`` names neither."""
    chosen = [a for a in assess(corpus, year) if a.krav.id.startswith(prefix + "/")]
    if not chosen:
        return None
    out: list[tuple[str, str, str]] = []
    for a in chosen:
        vias = [f"{c.kind} {c.id}" for c in a.carriers] or [f"– ({status_text(a)})"]
        out += [(a.krav.id, a.krav.rubrik, via) for via in vias]
    return out
