"""Small counts in published tables are masked so that no individual can be singled out.

A count below the threshold is shown as "<N" (primary suppression). If a row or column then has
exactly one masked cell, its value could be recomputed from the total, so the smallest other
non-zero cell is masked too (secondary suppression); when there is none, the total itself is
masked. The same holds one level up for the grand total. Zero is shown: it reveals no one.
"""

from __future__ import annotations

from dataclasses import dataclass

Cell = tuple[str, str]


@dataclass
class MaskedTable:
    rows: list[str]
    cols: list[str]
    cells: dict[Cell, str]
    row_totals: dict[str, str]
    col_totals: dict[str, str]
    total: str


def _lines(rows: list[str], cols: list[str]) -> list[list[Cell]]:
    return [[(r, c) for c in cols] for r in rows] + [[(r, c) for r in rows] for c in cols]


def mask(values: dict[Cell, int], rows: list[str], cols: list[str],
         threshold: int) -> MaskedTable:
    get = lambda cell: values.get(cell, 0)  # noqa: E731
    hidden = {cell for cell in values if 0 < values[cell] < threshold}
    hidden_totals: set[int] = set()  # indexes into _lines(): that line's total is masked
    lines = _lines(rows, cols)
    changed = True
    while changed:
        changed = False
        for index, line in enumerate(lines):
            if index in hidden_totals or sum(cell in hidden for cell in line) != 1:
                continue
            candidates = sorted((get(c), str(c)) for c in line if c not in hidden and get(c) > 0)
            if candidates:
                hidden.add(next(c for c in line if str(c) == candidates[0][1]))
            else:
                hidden_totals.add(index)
            changed = True
    n_rows = len(rows)
    row_hidden = [i in hidden_totals for i in range(n_rows)]
    col_hidden = [n_rows + j in hidden_totals for j in range(len(cols))]
    grand_hidden = sum(row_hidden) == 1 or sum(col_hidden) == 1

    def show(value: int, masked: bool) -> str:
        return f"<{threshold}" if masked else str(value)

    return MaskedTable(
        rows, cols,
        {(r, c): show(get((r, c)), (r, c) in hidden) for r in rows for c in cols},
        {r: show(sum(get((r, c)) for c in cols), row_hidden[i]) for i, r in enumerate(rows)},
        {c: show(sum(get((r, c)) for r in rows), col_hidden[j]) for j, c in enumerate(cols)},
        show(sum(values.values()), grand_hidden),
    )


def unmasked(values: dict[Cell, int], rows: list[str], cols: list[str]) -> MaskedTable:
    """The same table for internal use: nothing hidden."""
    return mask(values, rows, cols, threshold=0)
