"""The organisation as a tree for counting: who is under whom, and counts rolled up through it.

Yearly counts (avvikelser, rapporter) may be entered at any level: per enhet, per avdelning,
for the whole förvaltning. ``org_tree`` is the one adapter between the organisation model and
everything that rolls counts up; the rest only asks ``parent``, ``children`` and ``names``.
When the organisation becomes a tree of any depth (``enhet(id)``, ``overordnad(id)``,
``underordnade(id)``), only ``org_tree`` changes.

The roll-up rule: a place's own row counts unless something below it has a row in the same
column; then the rows below count, and the place's own row is compared with their sum
(``Overlap``). So a department entered both as a row and through its units is never counted
twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus


@dataclass(frozen=True)
class OrgTree:
    parent: dict[str, str] = field(default_factory=dict)
    """Id → the id directly above it (an enhet's avdelning, an avdelning's förvaltning)."""
    children: dict[str, list[str]] = field(default_factory=dict)
    """Id → the ids directly below it, in the organisation's order."""
    names: dict[str, str] = field(default_factory=dict)
    """Id → name ('Mottagningsenheten')."""
    order: dict[str, int] = field(default_factory=dict)
    """Id → its place in the organisation (reports list places in this order)."""
    kinds: dict[str, str] = field(default_factory=dict)
    """Id → what kind of place it is ('avdelning', 'enhet', 'stab', 'utforare' ...)."""

    def ancestors(self, place: str) -> list[str]:
        """The places above ``place``, nearest first."""
        out: list[str] = []
        seen = {place}
        while place in self.parent and self.parent[place] not in seen:
            place = self.parent[place]
            seen.add(place)
            out.append(place)
        return out

    def name(self, place: str) -> str:
        return self.names.get(place, place)

    def department(self, place: str) -> str:
        """The department a place is counted under in a report: the nearest avdelning at or
        above it, else the level just below the top (a kontor or förvaltning), else itself."""
        chain = [place, *self.ancestors(place)]
        for p in chain:
            if self.kinds.get(p) == "avdelning":
                return p
        return chain[-2] if len(chain) >= 2 else place

    def sort_key(self, place: str) -> tuple[int, str]:
        return (self.order.get(place, len(self.order)), self.name(place))


def org_tree(corpus: Corpus) -> OrgTree:
    """The adapter: parent/children maps built from the organisation's tree (``enhetsordning``,
    ``enhet``, ``overordnad``); utförare stand at the top, beside the tree."""
    from lsk.model.organisation import Organisation

    tree = OrgTree()

    def add(place: str, name: str, kind: str, above: str | None) -> None:
        tree.names[place] = name
        tree.kinds[place] = kind
        tree.order.setdefault(place, len(tree.order))
        if above is not None:
            tree.parent[place] = above
            tree.children.setdefault(above, []).append(place)

    for d in corpus.of(Organisation):
        org = d.model
        for place in org.enhetsordning():
            unit = org.enhet(place)
            if unit is not None:
                add(place, unit.namn, unit.typ, org.overordnad(place))
        for u in org.utforare:
            add(u.id, u.namn, "utforare", None)
    return tree


Counts = Mapping[str, Mapping[str, int]]
"""Place → column (a type, or 'rapporter') → count, as entered."""


@dataclass(frozen=True)
class Overlap:
    """A place entered with its own row and also through places below it, in one column."""

    place: str
    column: str
    own: int
    below: int
    """The sum of the counted rows below it."""


@dataclass(frozen=True)
class Rollup:
    counted: dict[str, dict[str, int]]
    """Place → column → count, for the rows that count (none is under another in a column)."""
    overlaps: list[Overlap]

    def total(self, column: str) -> int:
        return sum(row.get(column, 0) for row in self.counted.values())

    def row_total(self, place: str, columns: Iterable[str]) -> int:
        return sum(self.counted.get(place, {}).get(c, 0) for c in columns)


def roll_up(counts: Counts, tree: OrgTree) -> Rollup:
    """Which rows count, and where a place's own row overlaps the rows below it."""
    columns = sorted({c for row in counts.values() for c in row})
    counted: dict[str, dict[str, int]] = {}
    overlaps: list[Overlap] = []
    for column in columns:
        entered = {p for p, row in counts.items() if column in row}
        covered = {a for p in entered for a in tree.ancestors(p)} & entered
        for place in entered - covered:
            counted.setdefault(place, {})[column] = counts[place][column]
        for place in sorted(covered, key=tree.sort_key):
            below = sum(counts[p][column] for p in entered - covered
                        if place in tree.ancestors(p))
            overlaps.append(Overlap(place, column, counts[place][column], below))
    return Rollup(counted, overlaps)
