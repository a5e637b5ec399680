"""The responsibility matrix: who (roles, and the organs and units that act) by processes, with
what each does in each process.

Marks (explained on the page): Ä = processägare or ansvarig for the process document,
A = ansvarar för en aktivitet (or an årscykel event of the process), M = medverkar i en
aktivitet, en händelse eller i ett steg i en rutin som styr en aktivitet, R = ansvarar för steg
i en rutin som styr en aktivitet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsk.model.process import Process
from lsk.model.roller import Roll
from lsk.render.handbook import Handbook

MARKS = {"Ä": "äger eller ansvarar för processen", "A": "ansvarar för en aktivitet",
         "M": "medverkar i en aktivitet eller i ett steg i en rutin som styr den",
         "R": "ansvarar för steg i en rutin som styr en aktivitet"}
"""Each mark and what it means, in the order the cells show them."""


@dataclass
class Cell:
    owner: bool = False
    activities: list[str] = field(default_factory=list)
    routines: list[str] = field(default_factory=list)
    contributes: list[str] = field(default_factory=list)
    """Activities (by name) and routines (by id) the role or organ takes part in."""

    @property
    def marks(self) -> str:
        return "".join(m for m, on in (("Ä", self.owner), ("A", self.activities),
                                         ("M", self.contributes), ("R", self.routines)) if on)

    @property
    def description(self) -> str:
        parts = ["äger processen"] if self.owner else []
        if self.activities:
            parts.append("ansvarar för " + ", ".join(self.activities))
        if self.contributes:
            parts.append("medverkar i " + ", ".join(self.contributes))
        if self.routines:
            parts.append("steg i " + ", ".join(self.routines))
        return "; ".join(parts)


@dataclass(frozen=True)
class Actor:
    """A row of the matrix: a role, or an organ or unit that acts."""

    id: str
    namn: str
    role: bool
    """True for a role (linked to Roller och ansvar), False for an organ or unit."""


@dataclass
class Matrix:
    roles: list[Roll]
    processes: list[Process]
    cells: dict[tuple[str, str], Cell]
    actors: list[Actor] = field(default_factory=list)
    """The rows: every role, then each organ or unit that is responsible or takes part."""

    def cell(self, role_id: str, process_id: str) -> Cell | None:
        return self.cells.get((role_id, process_id))

    def row(self, actor_id: str) -> list[tuple[Process, Cell]]:
        """The processes the role or organ does something in, with what it does."""
        return [(p, c) for p in self.processes if (c := self.cells.get((actor_id, p.id)))]


def responsibility(hb: Handbook) -> Matrix:
    cells: dict[tuple[str, str], Cell] = {}
    known = hb.role_ids | hb.organ_ids

    def at(who: str | None, pid: str) -> Cell | None:
        if who is None or who not in known:
            return None
        return cells.setdefault((who, pid), Cell())

    def contribute(who: str, pid: str, what: str) -> None:
        cell = at(who, pid)
        if cell is not None and what not in cell.contributes:
            cell.contributes.append(what)

    routines = {r.id: r for r in hb.routines}
    for p in hb.processes:
        for owner in (p.agare, p.ansvarig):
            if owner in hb.role_ids and (cell := at(owner, p.id)) is not None:
                cell.owner = True
        for a in p.aktiviteter:
            if (cell := at(a.ansvar, p.id)) is not None:
                cell.activities.append(a.namn)
            for who in a.medverkar:
                contribute(who, p.id, a.namn)
            for rid in a.rutiner:
                routine = routines.get(rid)
                for step in routine.steg if routine else ():
                    cell = at(step.ansvar, p.id)
                    if cell is not None and rid not in cell.routines:
                        cell.routines.append(rid)
                    for who in step.medverkar:
                        contribute(who, p.id, rid)
    for _, cycle in hb.corpus.cycle:  # the årscykel's events count in the process they belong to
        for h in cycle.handelser:
            if h.process in hb.process_ids:
                what = f"årscykeln, {h.manad}"
                if (cell := at(h.ansvar, h.process)) is not None and what not in cell.activities:
                    cell.activities.append(what)
                for who in h.medverkar:
                    contribute(who, h.process, what)
    acting = {who for who, _ in cells}
    actors = [Actor(r.id, r.namn, True) for r in hb.roles]
    if hb.organisation:
        actors += [Actor(i, name, False) for i, name in hb.organisation.organ()
                   if i in acting and i not in hb.role_ids]
    return Matrix(hb.roles, hb.processes, cells, actors)
