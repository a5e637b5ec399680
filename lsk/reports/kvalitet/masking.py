"""Small counts in published tables are masked so that no individual can be singled out.

A count below the threshold is shown as "<N" (primary suppression). If a row or column then has
exactly one masked cell, its value could be recomputed from the total, so the smallest other
non-zero cell is masked too and shown as "×" (secondary suppression: it is not small, only
hidden); when there is none, the total itself is masked. A total below the threshold is masked
like a cell, and the grand total when exactly one row or column total is hidden. Zero is shown:
it reveals no one.
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
    row_sums = [sum(get((r, c)) for c in cols) for r in rows]
    col_sums = [sum(get((r, c)) for r in rows) for c in cols]
    row_hidden = [i in hidden_totals or 0 < row_sums[i] < threshold for i in range(n_rows)]
    col_hidden = [n_rows + j in hidden_totals or 0 < col_sums[j] < threshold
                  for j in range(len(cols))]
    grand = sum(values.values())
    grand_hidden = sum(row_hidden) == 1 or sum(col_hidden) == 1 or 0 < grand < threshold

    def show(value: int, masked: bool) -> str:
        if not masked:
            return str(value)
        return f"<{threshold}" if value < threshold else "×"

    return MaskedTable(
        rows, cols,
        {(r, c): show(get((r, c)), (r, c) in hidden) for r in rows for c in cols},
        {r: show(row_sums[i], row_hidden[i]) for i, r in enumerate(rows)},
        {c: show(col_sums[j], col_hidden[j]) for j, c in enumerate(cols)},
        show(grand, grand_hidden),
    )


def unmasked(values: dict[Cell, int], rows: list[str], cols: list[str]) -> MaskedTable:
    """The same table for internal use: nothing hidden."""
    return mask(values, rows, cols, threshold=0)
