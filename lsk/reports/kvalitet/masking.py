"""Small counts per unit are masked so that no individual can be singled out.

What is published in full: the count per type for the whole nämnd (the report's substance: how
many lex Sarah reports there were) and the grand total. The table per unit and type, with its
departments' subtotals, hides:

- every count from 1 to threshold - 1, in a unit's row and in a department's subtotal (primary
  suppression);
- more cells wherever a published sum would otherwise give a hidden cell away (secondary
  suppression): every sum the table publishes (a type's column total, a department's subtotal,
  a row's total) is an equation, and no equation may have exactly one hidden member. When one
  has, the smallest other member is hidden too (a zero when there is one: hiding a zero costs
  nothing), a part before the sum itself. So a unit's and a department's totals usually stay
  published while the small cell hides together with other cells of its row and column.

Every hidden value is shown with the same symbol, so a reader learns no bound from it (a "<5"
would say "at least 1", which with a known column total can pin the cells down). A cell that is
the only part of a published sum is published: it can be worked out anyway.
``tests/test_masking.py`` attacks published tables, flat and with departments, by enumerating
every table that agrees with them and checks that no hidden cell has a single possible value.
The masking itself asks the same question before it publishes: bounds first, then for each
hidden cell a search for another whole-number table that agrees with everything shown and gives
the cell another value (a cell whose search runs out of budget is treated as worked out).

When the row totals are reports (a report may carry several types), they are not the sum of
the row's cells; the attacker also knows each type ≤ the row's reports ≤ the sum of its types.
A shown type would then bound hidden reports from below, so a row whose reports are hidden
hides its types (other than zeros) too.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

Cell = tuple[str, str]
HIDDEN = "×"
TOTAL = "\x00totalt"
"""The column of row totals in equations (never a real type)."""
K = TypeVar("K", bound=Hashable)


@dataclass
class MaskedTable:
    rows: list[str]
    """Every row in the order shown: a department's units, then its subtotal row."""
    cols: list[str]
    cells: dict[Cell, str]
    row_totals: dict[str, str]
    col_totals: dict[str, str]
    total: str
    subtotals: set[str] = field(default_factory=set)
    """Rows that are a department's subtotal over the rows above it."""
    parent: dict[str, str] = field(default_factory=dict)
    """A unit's row → its department's subtotal row."""
    top: list[str] = field(default_factory=list)
    """The rows whose sum is the column totals: subtotals and rows without a department."""
    totals_are_reports: bool = False
    """Row totals are reports, not the sum of the row's cells."""


def suppress(values: Mapping[K, int], equations: Sequence[tuple[K, Sequence[K]]],
             hideable: Iterable[K], threshold: int,
             links: Sequence[tuple[Sequence[K], K]] = (),
             bounded: Sequence[tuple[K, K]] = (),
             capped: Sequence[tuple[K, Sequence[K]]] = ()) -> set[K]:
    """The members to hide: primary suppression of small counts, then secondary suppression
    until no equation (a published sum and its parts) has exactly one hidden member, and no
    hidden member's value follows from the published ones by bounds.

    ``links``: (cells, target) — hide target when any of the cells is hidden.
    ``bounded``: (small, large) — a reader knows small ≤ large (a type ≤ its row's reports).
    ``capped``: (total, parts) — a reader knows total ≤ the sum of parts (a row's reports ≤
    the sum of its types: a report carries at least one type).
    """
    order = {k: i for i, k in enumerate(values)}
    can_hide = set(hideable)
    hidden: set[K] = set()
    public: set[K] = set()

    def hide(k: K) -> None:
        todo = [k]
        while todo:
            k = todo.pop()
            if k in hidden or k in public:
                continue
            hidden.add(k)
            todo.extend(t for sources, t in links if k in sources)

    # Everything a reader can reason with: sums, and the inequalities (as (large, smalls)).
    related = [*equations, *capped, *((large, [small]) for small, large in bounded)]
    for k in can_hide:
        if 0 < values[k] < threshold:
            hide(k)
    while True:
        changed = True
        while changed:
            changed = False
            for total, parts in equations:
                members = [total, *parts]
                lone = [m for m in members if m in hidden]
                if len(lone) != 1:
                    continue
                candidates = [m for m in members if m in can_hide and m not in hidden
                              and m not in public]
                if candidates:
                    hide(min(candidates, key=lambda m: (values[m], m == total, order[m])))
                else:  # the sum and its other parts are public: so is this one
                    hidden.discard(lone[0])
                    public.add(lone[0])
                changed = True
        pinned = _pinned(values, equations, bounded, capped, hidden)
        if not pinned:
            return hidden
        for k in pinned:
            candidates = [m for total, parts in related if k in (total, *parts)
                          for m in (total, *parts)
                          if m in can_hide and m not in hidden and m not in public]
            if not candidates:
                hidden.discard(k)
                public.add(k)
                continue
            hide(min(candidates, key=lambda m: (values[m], order[m])))
            break


Form = tuple[dict[K, int], int, bool]
"""Σ coef·x + const = 0 (equal) or ≤ 0, over the hidden members x."""
_SEARCH_BUDGET = 4000
"""Search nodes per hidden member before it counts as pinned (hiding more is the safe side)."""


def _pinned(values: Mapping[K, int], equations: Sequence[tuple[K, Sequence[K]]],
            bounded: Sequence[tuple[K, K]], capped: Sequence[tuple[K, Sequence[K]]],
            hidden: set[K]) -> list[K]:
    """Hidden members whose value a reader can work out from the published ones, the sums,
    the inequalities and counts ≥ 0. Bounds are propagated first (cheap, finds most); then,
    for each hidden member, a search looks for a whole-number table that agrees with
    everything published and gives it another value. Bounds alone miss what takes several
    inequalities together (reports ≥ each type in two rows, their types' sum known); a
    member whose search runs out of budget counts as pinned."""
    forms: list[Form[K]] = []
    for terms, equal in [*(([(total, -1), *((p, 1) for p in parts)], True)
                           for total, parts in equations),
                         *(([(small, 1), (large, -1)], False) for small, large in bounded),
                         *(([(total, 1), *((p, -1) for p in parts)], False)
                           for total, parts in capped)]:
        coef: dict[K, int] = {}
        const = 0
        for m, a in terms:
            if m in hidden:
                coef[m] = coef.get(m, 0) + a
            else:
                const += a * values[m]
        if coef:
            forms.append((coef, const, equal))
    top = sum(values.values()) or 1
    lo = {k: 0 for k in hidden}
    hi = {k: top for k in hidden}
    uses: dict[K, list[int]] = {k: [] for k in hidden}
    for i, (coef, _, _) in enumerate(forms):
        for m in coef:
            uses[m].append(i)
    _propagate(forms, lo, hi, uses)
    order = sorted(hidden, key=lambda k: str(k))
    pinned = [k for k in order if lo[k] >= hi[k]]
    if pinned:
        return pinned
    free: set[K] = set()  # members some other table gives another value
    for k in order:
        if k in free:
            continue
        truth = values[k]
        budget = [_SEARCH_BUDGET]
        other = (_solution(forms, uses, {**lo, k: lo[k]}, {**hi, k: truth - 1}, k, values, budget)
                 or _solution(forms, uses, {**lo, k: truth + 1}, {**hi, k: hi[k]}, k, values,
                              budget))
        if other is None:
            return [k]
        free.update(m for m, v in other.items() if v != values[m])
    return []


def _propagate(forms: Sequence[Form[K]], lo: dict[K, int], hi: dict[K, int],
               uses: Mapping[K, Sequence[int]], start: Iterable[int] | None = None) -> bool:
    """Tighten the members' bounds from the forms until nothing changes (a worklist: a form
    is looked at again when one of its members' bounds moved); False when some form cannot
    hold. ``uses``: member → the forms it is in; ``start``: the forms to look at first (all
    when None)."""
    queue = list(range(len(forms)) if start is None else start)
    queued = set(queue)
    while queue:
        i = queue.pop()
        queued.discard(i)
        coef, const, equal = forms[i]
        low = const + sum(a * (lo[u] if a > 0 else hi[u]) for u, a in coef.items())
        high = const + sum(a * (hi[u] if a > 0 else lo[u]) for u, a in coef.items())
        if low > 0 or (equal and high < 0):
            return False
        for u, a in coef.items():
            rest_low = low - a * (lo[u] if a > 0 else hi[u])
            rest_high = high - a * (hi[u] if a > 0 else lo[u])
            if a > 0:
                new_lo, new_hi = (-(rest_high // a) if equal else lo[u]), (-rest_low) // a
            else:
                new_lo = (rest_low - a - 1) // -a
                new_hi = rest_high // -a if equal else hi[u]
            if new_lo > lo[u] or new_hi < hi[u]:
                lo[u], hi[u] = max(lo[u], new_lo), min(hi[u], new_hi)
                if lo[u] > hi[u]:
                    return False
                for j in uses[u]:
                    if j not in queued:
                        queue.append(j)
                        queued.add(j)
                low = const + sum(b * (lo[v] if b > 0 else hi[v]) for v, b in coef.items())
                high = const + sum(b * (hi[v] if b > 0 else lo[v]) for v, b in coef.items())
    return True


def _solution(forms: Sequence[Form[K]], uses: Mapping[K, Sequence[int]], lo: dict[K, int],
              hi: dict[K, int], changed: K, values: Mapping[K, int],
              budget: list[int]) -> dict[K, int] | None:
    """A whole-number solution within the bounds, or None. Depth first, trying values near the
    true ones first (a different table is usually close to the real one); None also when the
    budget is spent."""
    if budget[0] <= 0 or any(lo[u] > hi[u] for u in lo):
        return None
    budget[0] -= 1
    lo, hi = dict(lo), dict(hi)
    if not _propagate(forms, lo, hi, uses, uses[changed]):
        return None
    open_ = [u for u in lo if lo[u] < hi[u]]
    if not open_:
        return lo
    u = min(open_, key=lambda x: (hi[x] - lo[x], str(x)))
    for v in sorted(range(lo[u], hi[u] + 1), key=lambda v: abs(v - values[u])):
        found = _solution(forms, uses, {**lo, u: v}, {**hi, u: v}, u, values, budget)
        if found is not None or budget[0] <= 0:
            return found
    return None


def mask(values: dict[Cell, int], rows: list[str], cols: list[str],
         threshold: int) -> MaskedTable:
    """A flat table: one row per unit, no departments."""
    return mask_tree(values, [(r, []) for r in rows], cols, threshold)


_MEMO: dict[Hashable, frozenset[Cell]] = {}


def _groups_key(groups: Sequence[tuple[str, Sequence[str]]]) -> Iterable[tuple[str, ...]]:
    return ((head, *members) for head, members in groups)


def mask_tree(values: Mapping[Cell, int], groups: Sequence[tuple[str, Sequence[str]]],
              cols: list[str], threshold: int,
              reports: Mapping[str, int] | None = None) -> MaskedTable:
    """A table grouped by department: ``groups`` is (department or unit, its units); a group
    with units gets a subtotal row. ``values`` are the units' (and ungrouped rows') counts.
    ``reports``: reports per unit, shown as row totals instead of the sum of the types."""
    full: dict[Cell, int] = {}
    rows: list[str] = []
    parent: dict[str, str] = {}
    leaves: list[str] = []
    for head, members in groups:
        for m in members:
            rows.append(m)
            parent[m] = head
            leaves.append(m)
        rows.append(head)
        if not members:
            leaves.append(head)
    subtotals = {head for head, members in groups if members}
    top = [head for head, _ in groups]
    for r in leaves:
        for c in cols:
            full[(r, c)] = values.get((r, c), 0)
        full[(r, TOTAL)] = (reports or {}).get(r, 0) if reports is not None \
            else sum(full[(r, c)] for c in cols)
    for head, members in groups:
        if members:
            for c in [*cols, TOTAL]:
                full[(head, c)] = sum(full[(m, c)] for m in members)
    equations: list[tuple[Cell, list[Cell]]] = []
    grand: dict[str, int] = {}
    for c in [*cols, TOTAL]:
        for head, members in groups:
            if members:
                equations.append(((head, c), [(m, c) for m in members]))
        grand[c] = sum(full[(t, c)] for t in top)
        full[("\x00", c)] = grand[c]
        equations.append((("\x00", c), [(t, c) for t in top]))
    links: list[tuple[list[Cell], Cell]] = []
    if reports is None:
        equations.extend(((r, TOTAL), [(r, c) for c in cols]) for r in rows)
    else:  # a shown type bounds hidden reports from below: hide the row's types with them
        links.extend(([(r, TOTAL)], (r, c)) for r in rows for c in cols if full[(r, c)])
    hideable = [cell for cell in full if cell[0] != "\x00"]
    bounded = [((r, c), (r, TOTAL)) for r in rows for c in cols] if reports is not None else []
    capped = [((r, TOTAL), [(r, c) for c in cols]) for r in rows] if reports is not None else []
    key = (tuple(full.items()), tuple(top), tuple(_groups_key(groups)), threshold,
           reports is not None)
    hidden = _MEMO.get(key)
    if hidden is None:  # the same table is masked again for each format and section
        if len(_MEMO) > 64:
            _MEMO.clear()
        hidden = _MEMO[key] = frozenset(
            suppress(full, equations, hideable, threshold, links, bounded, capped))

    def show(cell: Cell) -> str:
        return HIDDEN if cell in hidden else str(full[cell])

    return MaskedTable(
        rows, cols,
        {(r, c): show((r, c)) for r in rows for c in cols},
        {r: show((r, TOTAL)) for r in rows},
        {c: str(grand[c]) for c in cols},
        str(grand[TOTAL]),
        subtotals, parent, top, reports is not None,
    )


def unmasked(values: dict[Cell, int], rows: list[str], cols: list[str]) -> MaskedTable:
    """The same table for internal use: nothing hidden."""
    return mask(values, rows, cols, threshold=0)
