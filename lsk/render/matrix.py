"""The responsibility matrix: roles by processes, with what each role does in each process.

Marks (explained on the page): Ä = processägare or ansvarig for the process document,
A = ansvarar för en aktivitet, R = ansvarar för steg i en rutin som styr en aktivitet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lsk.model.process import Process
from lsk.model.roller import Roll
from lsk.render.handbook import Handbook


@dataclass
class Cell:
    owner: bool = False
    activities: list[str] = field(default_factory=list)
    routines: list[str] = field(default_factory=list)

    @property
    def marks(self) -> str:
        return "".join(m for m, on in (("Ä", self.owner), ("A", self.activities),
                                         ("R", self.routines)) if on)

    @property
    def description(self) -> str:
        parts = ["äger processen"] if self.owner else []
        if self.activities:
            parts.append("ansvarar för " + ", ".join(self.activities))
        if self.routines:
            parts.append("steg i " + ", ".join(self.routines))
        return "; ".join(parts)


@dataclass
class Matrix:
    roles: list[Roll]
    processes: list[Process]
    cells: dict[tuple[str, str], Cell]

    def cell(self, role_id: str, process_id: str) -> Cell | None:
        return self.cells.get((role_id, process_id))


def responsibility(hb: Handbook) -> Matrix:
    cells: dict[tuple[str, str], Cell] = {}

    def at(role: str | None, pid: str) -> Cell | None:
        if role is None or role not in hb.role_ids:
            return None
        return cells.setdefault((role, pid), Cell())

    routines = {r.id: r for r in hb.routines}
    for p in hb.processes:
        for owner in (p.agare, p.ansvarig):
            if (cell := at(owner, p.id)) is not None:
                cell.owner = True
        for a in p.aktiviteter:
            if (cell := at(a.ansvar, p.id)) is not None:
                cell.activities.append(a.namn)
            for rid in a.rutiner:
                routine = routines.get(rid)
                for step in routine.steg if routine else ():
                    cell = at(step.ansvar, p.id)
                    if cell is not None and rid not in cell.routines:
                        cell.routines.append(rid)
    return Matrix(hb.roles, hb.processes, cells)
