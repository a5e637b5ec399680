"""Statistics masking: small counts hidden, and no hidden count can be recomputed."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lsk.reports.kvalitet.masking import mask

ROWS, COLS = ["a", "b", "c"], ["x", "y", "z"]


def _recoverable(table, values) -> bool:
    """Can one hidden cell be solved from a row or column whose total is shown?"""
    for line, total in [*[([(r, c) for c in table.cols], table.row_totals[r]) for r in table.rows],
                        *[([(r, c) for r in table.rows], table.col_totals[c]) for c in table.cols]]:
        hidden = [cell for cell in line if not table.cells[cell].isdigit()]
        if len(hidden) == 1 and total.isdigit():
            return True
    return False


def test_small_counts_are_shown_as_less_than_threshold():
    values = {("a", "x"): 3, ("a", "y"): 10, ("a", "z"): 7, ("b", "x"): 12, ("b", "y"): 2,
              ("b", "z"): 9, ("c", "x"): 8, ("c", "y"): 6, ("c", "z"): 20}
    table = mask(values, ROWS, COLS, 5)
    assert table.cells[("a", "x")] == "<5" and table.cells[("b", "y")] == "<5"
    assert table.cells[("c", "z")] == "20"
    assert table.total == "77"
    assert not _recoverable(table, values)


def test_single_masked_cell_in_a_row_masks_another():
    values = {("a", "x"): 2, ("a", "y"): 30, ("a", "z"): 9, ("b", "x"): 40, ("b", "y"): 11,
              ("b", "z"): 12, ("c", "x"): 13, ("c", "y"): 14, ("c", "z"): 15}
    table = mask(values, ROWS, COLS, 5)
    assert sum(not v.isdigit() for v in table.cells.values()) >= 3  # row and column partners
    assert table.cells[("a", "z")] == "×"  # hidden to protect the 2, though it is 9
    assert not _recoverable(table, values)


def test_internal_tables_hide_nothing():
    values = {("a", "x"): 1, ("b", "y"): 2}
    table = mask(values, ROWS, COLS, 0)
    assert table.cells[("a", "x")] == "1" and table.total == "3"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=9, max_size=9))
def test_no_hidden_cell_can_be_recomputed(counts):
    values = dict(zip(itertools.product(ROWS, COLS), counts, strict=True))
    table = mask(values, ROWS, COLS, 5)
    assert not _recoverable(table, values)
    for cell, shown in table.cells.items():
        if 0 < values[cell] < 5:
            assert shown == "<5"


def test_small_totals_are_masked_and_secondary_cells_are_not_labelled_small():
    values = {("a", "x"): 1, ("a", "y"): 2, ("b", "x"): 30, ("b", "y"): 40}
    table = mask(values, ["a", "b"], ["x", "y"], 5)
    assert table.row_totals["a"] == "<5"
    assert all(v in ("<5", "×") or v.isdigit() for v in table.cells.values())
    assert not any(v == "<5" and values[c] >= 5 for c, v in table.cells.items())
