"""Statistics masking: small counts hidden, and no hidden count can be worked out.

The attacker here knows everything the report publishes (every shown cell and total) and that
counts are whole numbers of at least zero; it enumerates every table that agrees with that. A
hidden cell is recoverable when all those tables give it the same value.
"""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
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
    # a row's total is published when cells in the row can hide instead: how many a unit had in
    # all is what the nämnd reads first (until 2026-12-03 any hidden cell hid its row's total)
    assert [table.row_totals[r] for r in ROWS] == ["11", "41", "12"]
    assert table.cells[("b", "y")] == "11"


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


# --- tables with departments: subtotals, and totals that are reports ---------------------------

from lsk.reports.kvalitet.masking import mask_tree  # noqa: E402

Linear = tuple[dict[str, int], int]
"""Σ coefficient·unknown (+) constant: '= 0' for equations, '≤ 0' for inequalities."""


def _constraints(table):
    """What a reader knows from a published table: every sum it shows, and counts ≥ 0 (and,
    when the totals are reports, each type ≤ the row's reports ≤ the sum of its types)."""
    names: dict[tuple[str, str], str] = {}

    def term(row, col):
        shown = table.row_totals[row] if col is None else table.cells[(row, col)]
        if shown == HIDDEN:
            return names.setdefault((row, col or "Σ"), f"{row}/{col or 'Σ'}")
        return int(shown)

    def add(terms: dict[str, int], const: int, coef: int, value):
        if isinstance(value, str):
            terms[value] = terms.get(value, 0) + coef
        else:
            const += coef * value
        return const

    eqs: list[Linear] = []
    ineqs: list[Linear] = []
    cols = [*table.cols, None]
    for c in cols:
        for head in table.subtotals:
            terms: dict[str, int] = {}
            const = add(terms, 0, -1, term(head, c))
            for r in table.rows:
                if table.parent.get(r) == head:
                    const = add(terms, const, 1, term(r, c))
            eqs.append((terms, const))
        terms = {}
        const = -(int(table.col_totals[c]) if c is not None else int(table.total))
        for t in table.top:
            const = add(terms, const, 1, term(t, c))
        eqs.append((terms, const))
    for r in table.rows:
        if table.totals_are_reports:
            for c in table.cols:  # type ≤ reports
                terms = {}
                const = add(terms, 0, 1, term(r, c))
                const = add(terms, const, -1, term(r, None))
                ineqs.append((terms, const))
            terms = {}  # reports ≤ Σ types
            const = add(terms, 0, 1, term(r, None))
            for c in table.cols:
                const = add(terms, const, -1, term(r, c))
            ineqs.append((terms, const))
        else:
            terms = {}
            const = add(terms, 0, -1, term(r, None))
            for c in table.cols:
                const = add(terms, const, 1, term(r, c))
            eqs.append((terms, const))
    bound = max([int(table.total), *(int(v) for v in table.col_totals.values())])
    return sorted(names.values()), eqs, ineqs, bound, names


def _feasible(unknowns, eqs, ineqs, bound, fixed):
    """Is there a table (whole numbers 0..bound) that satisfies everything and ``fixed``?"""
    lo = {u: 0 for u in unknowns}
    hi = {u: bound for u in unknowns}
    for u, (low, high) in fixed.items():
        lo[u], hi[u] = max(lo[u], low), min(hi[u], high)

    def propagate(lo, hi):
        """Tighten every unknown's bounds from every constraint until nothing changes; False
        when some constraint cannot hold."""
        changed = True
        while changed:
            changed = False
            for terms, const, equal in constraints:
                low = const + sum(a * (lo[u] if a > 0 else hi[u]) for u, a in terms.items())
                high = const + sum(a * (hi[u] if a > 0 else lo[u]) for u, a in terms.items())
                if low > 0 or (equal and high < 0):
                    return False
                for u, a in terms.items():
                    # S = a·x + rest with rest in [rest_low, rest_high]; S ≤ 0 (and S ≥ 0)
                    own_low = a * (lo[u] if a > 0 else hi[u])
                    rest_low = low - own_low
                    rest_high = high - a * (hi[u] if a > 0 else lo[u])
                    # a·x + rest ≤ 0 (and ≥ 0 when equal)
                    if a > 0:
                        new_hi = (-rest_low) // a
                        new_lo = -((rest_high) // a) if equal else lo[u]
                    else:
                        new_lo = (rest_low + (-a) - 1) // (-a)
                        new_hi = (rest_high) // (-a) if equal else hi[u]
                    if new_hi < hi[u]:
                        hi[u], changed = new_hi, True
                    if new_lo > lo[u]:
                        lo[u], changed = new_lo, True
                    if lo[u] > hi[u]:
                        return False
        return True

    constraints = [(t, c, True) for t, c in eqs] + [(t, c, False) for t, c in ineqs]

    def search(lo, hi):
        lo, hi = dict(lo), dict(hi)
        if not propagate(lo, hi):
            return False
        open_ = [u for u in unknowns if lo[u] < hi[u]]
        if not open_:
            return True
        # halve the narrowest open range: both halves together are every value it can take, and
        # propagation rules out a whole half at once where trying value by value could not
        u = min(open_, key=lambda x: hi[x] - lo[x])
        middle = (lo[u] + hi[u]) // 2
        return search(lo, {**hi, u: middle}) or search({**lo, u: middle + 1}, hi)

    return search(lo, hi)


def _assert_tree_safe(values, groups, cols, threshold=5, reports=None):
    table = mask_tree(values, groups, cols, threshold, reports)
    unknowns, eqs, ineqs, bound, names = _constraints(table)
    for (row, col), name in names.items():
        if row in table.subtotals:
            members = [r for r in table.rows if table.parent.get(r) == row]
            true = sum((reports or {}).get(m, 0) if col == "Σ" and reports is not None
                       else sum(values.get((m, c), 0) for c in cols) if col == "Σ"
                       else values.get((m, col), 0) for m in members)
        elif col == "Σ":
            true = (reports or {}).get(row, 0) if reports is not None \
                else sum(values.get((row, c), 0) for c in cols)
        else:
            true = values.get((row, col), 0)
        other = _feasible(unknowns, eqs, ineqs, bound, {name: (0, true - 1)}) or \
            _feasible(unknowns, eqs, ineqs, bound, {name: (true + 1, bound)})
        assert other, (name, true, table)
    return table


TREE = [("avd-a", ["a1", "a2"]), ("avd-b", ["b1", "b2"]), ("avd-c", ["c1"]), ("utf", [])]
LEAVES = ["a1", "a2", "b1", "b2", "c1", "utf"]


def test_a_department_subtotal_minus_its_published_units_reveals_nothing():
    # the reviewer's attack: a2's lex Sarah 2 was hidden, avd-a's subtotal 9 and a1's 7 shown
    values = {("a1", "x"): 7, ("a2", "x"): 2, ("b1", "x"): 8, ("b2", "x"): 9, ("c1", "x"): 6,
              ("utf", "x"): 10, ("a1", "y"): 12, ("a2", "y"): 15, ("b1", "y"): 11,
              ("b2", "y"): 14, ("c1", "y"): 20, ("utf", "y"): 13}
    table = _assert_tree_safe(values, TREE, ["x", "y"])
    assert table.cells[("a2", "x")] == HIDDEN
    assert HIDDEN in (table.cells[("a1", "x")], table.cells[("avd-a", "x")])
    assert table.col_totals["x"] == "42"  # the count per type is still published in full


@settings(max_examples=120, deadline=None)
@given(st.lists(st.integers(0, 7), min_size=12, max_size=12))
def test_no_hidden_cell_can_be_worked_out_with_departments_and_subtotals(counts):
    values = dict(zip(itertools.product(LEAVES, ["x", "y"]), counts, strict=True))
    _assert_tree_safe(values, TREE, ["x", "y"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=12, max_size=12), st.lists(st.integers(0, 4),
       min_size=6, max_size=6))
# Found by this test on 2026-12-03: the reports in a2 and b2 are each ≥ their y, whose sum is
# known, so with the grand total utf's x was 0 and avd-b's x 1. Bounds alone could not see it.
@example(counts=[0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0], overlap=[0, 0, 0, 1, 0, 0])
def test_no_hidden_cell_can_be_worked_out_when_totals_are_reports(counts, overlap):
    values = dict(zip(itertools.product(LEAVES, ["x", "y"]), counts, strict=True))
    # a report may carry both types: reports between the largest type and the sum
    reports = {r: max(values[(r, "x")], values[(r, "y")],
                      values[(r, "x")] + values[(r, "y")] - extra)
               for r, extra in zip(LEAVES, overlap, strict=True)}
    _assert_tree_safe(values, TREE, ["x", "y"], reports=reports)
