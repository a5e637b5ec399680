"""Statistics masking: small counts hidden, and no hidden count can be worked out.

The attacker here knows everything the report publishes (every shown cell and total) and that
counts are whole numbers of at least zero; it enumerates every table that agrees with that. A
hidden cell is recoverable when all those tables give it the same value.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lsk.reports.kvalitet.masking import HIDDEN, mask

ROWS, COLS = ["a", "b", "c"], ["x", "y"]


def _compositions(total: int, parts: int):
    if parts == 0:
        if total == 0:
            yield ()
        return
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def _possible_values(table) -> dict[tuple[str, str], set[int]]:
    """Every value each hidden cell takes in some table that agrees with the published one."""
    per_column = []
    for c in table.cols:
        hidden = [(r, c) for r in table.rows if table.cells[(r, c)] == HIDDEN]
        shown = sum(int(table.cells[(r, c)]) for r in table.rows if (r, c) not in hidden)
        per_column.append([dict(zip(hidden, split, strict=True)) for split in
                           _compositions(int(table.col_totals[c]) - shown, len(hidden))])
    possible: dict[tuple[str, str], set[int]] = {}
    for choice in itertools.product(*per_column):
        filled = {cell: int(v) for cell, v in table.cells.items() if v != HIDDEN}
        for part in choice:
            filled.update(part)
        if any(v != HIDDEN and sum(filled[(r, c)] for c in table.cols) != int(v)
               for r, v in table.row_totals.items()):
            continue
        for cell, value in filled.items():
            if table.cells[cell] == HIDDEN:
                possible.setdefault(cell, set()).add(value)
    return possible


def _assert_safe(values, rows, cols, threshold=5):
    table = mask(values, rows, cols, threshold)
    for cell, shown in table.cells.items():
        value = values.get(cell, 0)
        assert shown == HIDDEN if 0 < value < threshold else shown in (HIDDEN, str(value))
    for cell, seen in _possible_values(table).items():
        assert len(seen) > 1, (cell, values.get(cell, 0), seen)
    return table


def test_the_reviewers_attack_no_longer_works():
    # Lex Maria 3 over three units: with "<5" meaning 1-4 each cell was known to be 1.
    values = {("a", "x"): 1, ("b", "x"): 1, ("c", "x"): 1,
              ("a", "y"): 20, ("b", "y"): 29, ("c", "y"): 14}
    table = _assert_safe(values, ROWS, COLS)
    assert table.col_totals["x"] == "3"  # the count per type is published in full
    assert {table.cells[(r, "x")] for r in ROWS} == {HIDDEN}


def test_a_lone_small_cell_gets_a_partner_preferably_a_zero():
    values = {("a", "x"): 2, ("b", "x"): 30, ("c", "x"): 0, ("a", "y"): 9, ("b", "y"): 11,
              ("c", "y"): 12}
    table = _assert_safe(values, ROWS, COLS)
    assert table.cells[("c", "x")] == HIDDEN and table.cells[("b", "x")] == "30"
    assert table.row_totals["a"] == HIDDEN and table.row_totals["b"] == "41"


def test_internal_tables_hide_nothing():
    values = {("a", "x"): 1, ("b", "y"): 2}
    table = mask(values, ROWS, COLS, 0)
    assert table.cells[("a", "x")] == "1" and table.total == "3"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 7), min_size=6, max_size=6))
def test_no_hidden_cell_can_be_worked_out(counts):
    _assert_safe(dict(zip(itertools.product(ROWS, COLS), counts, strict=True)), ROWS, COLS)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=6, max_size=6))
def test_no_hidden_cell_can_be_worked_out_in_a_wide_table(counts):
    rows, cols = ["a", "b"], ["x", "y", "z"]
    _assert_safe(dict(zip(itertools.product(rows, cols), counts, strict=True)), rows, cols)
