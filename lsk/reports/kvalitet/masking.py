"""Small counts per unit are masked so that no individual can be singled out.

What is published in full: the count per type for the whole nämnd (the report's substance: how
many lex Sarah reports there were) and the grand total. The table per unit and type hides:

- every count from 1 to threshold - 1 (primary suppression);
- in a type's column with exactly one hidden cell, one more cell of that column: a zero when
  there is one (hiding a zero costs nothing), else the smallest count (secondary suppression);
- a unit's total when any of its cells is hidden.

Every hidden value is shown with the same symbol, so a reader learns no bound from it (a "<5"
would say "at least 1", which with a known column total can pin the cells down). The only
published sums over hidden cells are the type totals; each such column has at least two hidden
cells, any of which may be zero, so the known sum can be split in more than one way.
``tests/test_masking.py`` attacks published tables by enumerating every table that agrees with
them and checks that no hidden cell has a single possible value.
"""

from __future__ import annotations

from dataclasses import dataclass

Cell = tuple[str, str]
HIDDEN = "×"


@dataclass
class MaskedTable:
    rows: list[str]
    cols: list[str]
    cells: dict[Cell, str]
    row_totals: dict[str, str]
    col_totals: dict[str, str]
    total: str


def mask(values: dict[Cell, int], rows: list[str], cols: list[str],
         threshold: int) -> MaskedTable:
    def get(cell: Cell) -> int:
        return values.get(cell, 0)

    hidden = {(r, c) for r in rows for c in cols if 0 < get((r, c)) < threshold}
    for c in cols:
        column = [(r, c) for r in rows]
        if sum(cell in hidden for cell in column) == 1 and len(rows) > 1:
            partner = min((cell for cell in column if cell not in hidden),
                          key=lambda cell: (get(cell), rows.index(cell[0])))
            hidden.add(partner)

    def show(value: int, masked: bool) -> str:
        return HIDDEN if masked else str(value)

    return MaskedTable(
        rows, cols,
        {(r, c): show(get((r, c)), (r, c) in hidden) for r in rows for c in cols},
        {r: show(sum(get((r, c)) for c in cols), any((r, c) in hidden for c in cols))
         for r in rows},
        {c: str(sum(get((r, c)) for r in rows)) for c in cols},
        str(sum(get((r, c)) for r in rows for c in cols)),
    )


def unmasked(values: dict[Cell, int], rows: list[str], cols: list[str]) -> MaskedTable:
    """The same table for internal use: nothing hidden."""
    return mask(values, rows, cols, threshold=0)
