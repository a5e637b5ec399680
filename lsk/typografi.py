"""Text and tables laid out for the page, shared by the PDF, Word and Excel writers.

Plain functions without lsk imports, so the handbook (``lsk.render``) and the reports
(``lsk.reports``) use the same rules:

- ``clean`` takes out what text pasted from Word carries invisibly (soft hyphens, zero-width
  characters, direction marks, byte-order marks) and makes odd spaces and line separators plain
  spaces. A soft hyphen inside a word made WeasyPrint treat a whole cell as one unbreakable run;
  none of them is ever wanted in a published table.
- ``column_kinds`` says which columns hold numbers (right-aligned) and which text (left-aligned):
  declared by the table when it knows, otherwise read from *every* cell of the column — never from
  the first character of one cell, so "50 utredningar granskades" stays text.
- ``plan`` sizes the columns by their content and decides the form of a table on an A4 page:
  normal type, smaller type (``bred``) or a landscape page (``liggande``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Soft hyphen, Mongolian vowel separator, zero-width space/joiners, direction marks and
embeddings, word joiner and invisible operators, isolates, byte-order mark."""
ODD_SPACE = re.compile("[\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""En/em/thin spaces and the line and paragraph separators: shown as an ordinary space. The
no-break space (U+00A0) stays: it keeps '5 %' together on purpose."""

TAL = "tal"
TEXT = "text"
PLACEHOLDERS = frozenset({"", "–", "-", "—", "×", "x", "saknas"})
NUMBER = re.compile(r"^[+\-−–]?\d[\d\u00a0\u202f ]*([.,]\d+)?\s?%?(\s\(\d+[^()]*\))?$")
"""'43', '7,1 %', '+17', '−5', '1 204', '61 % (63 svar)': a number, perhaps with a share and a
count in brackets after it."""


def clean(text: str) -> str:
    """``text`` without invisible characters from word processors, odd spaces made plain."""
    if not text.isascii():
        text = ODD_SPACE.sub(" ", INVISIBLE.sub("", text))
    return text


def is_number(cell: str) -> bool:
    return bool(NUMBER.match(cell.strip()))


def column_kinds(header: Sequence[str], rows: Sequence[Sequence[str]],
                 declared: Sequence[str] | None = None) -> list[str]:
    """'tal' or 'text' for every column: the declared kinds, else 'tal' when every cell of the
    column that is not a placeholder (–, ×) is a number and at least one is."""
    if declared:
        return [declared[i] if i < len(declared) else TEXT for i in range(len(header))]
    kinds = []
    for i in range(len(header)):
        cells = [str(r[i]).strip() for r in rows if i < len(r)]
        values = [c for c in cells if c not in PLACEHOLDERS]
        kinds.append(TAL if i > 0 and values and all(is_number(c) for c in values) else TEXT)
    return kinds


@dataclass(frozen=True)
class Plan:
    """How a table goes onto an A4 page."""

    widths: list[float]
    """Each column's share of the table's width (sums to 1), from its content."""
    form: str
    """'' (normal type), 'bred' (smaller type) or 'liggande' (smaller type, landscape page),
    with 'bryt-overallt' (words break anywhere) when even that is too narrow."""
    min_chars: list[int]
    """Each column's narrowest sensible width in characters (its longest word, at most
    ``LONGEST_WORD``: longer words are hyphenated)."""


LONGEST_WORD = 14
"""A word longer than this is hyphenated in a table cell rather than widening its column."""
PORTRAIT_CHARS = 100
"""About how many characters of 8.5 pt DejaVu Sans fit across an A4 page with 18 mm margins
(174 mm), counting each column's padding as two characters."""
SMALL_FACTOR = 8.5 / 7
"""How many more characters fit at the smaller type of a wide table (7 pt)."""
LANDSCAPE_FACTOR = 261 / 174
"""How many more fit across a landscape page."""


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s/]+", text) if w]


def plan(header: Sequence[str], rows: Sequence[Sequence[str]],
         kinds: Sequence[str] | None = None, *, longest_word: int | None = LONGEST_WORD) -> Plan:
    """Column widths from the content and the table's form on the page.

    A column wants its longest line (capped: long text wraps) and needs at least its longest
    word (numbers never break); the widths are shared out in proportion to what each wants, with
    what each needs as the floor. When the floors do not fit in portrait at normal type the table
    gets smaller type, and when they do not fit at that either, a landscape page. With
    ``longest_word`` None no word is expected to be hyphenated (Word and LibreOffice do not
    hyphenate unless told to): a column is never narrower than its longest word.
    """
    cap = longest_word or 10**6
    kinds = list(kinds) if kinds else column_kinds(header, rows)
    columns = [[str(h)] + [str(r[i]) for r in rows if i < len(r)] for i, h in enumerate(header)]
    need: list[int] = []
    want: list[int] = []
    for i, cells in enumerate(columns):
        longest = max((len(w) for c in cells for w in _words(clean(c))), default=1)
        body_line = max((len(clean(c)) for c in cells[1:]), default=0)
        if kinds[i] == TAL:
            need.append(max(max((len(clean(c)) for c in cells[1:]), default=1),
                            min(longest, cap)))
        else:
            need.append(min(longest, cap))
        want.append(max(need[-1], min(body_line, 60), min(len(clean(cells[0])), 24)))
    total_need = sum(n + 2 for n in need)
    total_want = sum(w + 2 for w in want)
    if total_need <= PORTRAIT_CHARS and (total_want <= PORTRAIT_CHARS * 1.6 or len(header) <= 5):
        form = ""
        room = PORTRAIT_CHARS
    elif total_need <= PORTRAIT_CHARS * SMALL_FACTOR:
        form = "bred"
        room = math.floor(PORTRAIT_CHARS * SMALL_FACTOR)
    else:
        room = math.floor(PORTRAIT_CHARS * SMALL_FACTOR * LANDSCAPE_FACTOR)
        form = "liggande" if total_need <= room else "liggande bryt-overallt"
    widths = _share(need, want, room)
    return Plan(widths, form, need)


def _share(need: list[int], want: list[int], room: int) -> list[float]:
    """Give each column what it needs, then the rest in proportion to what it wants beyond."""
    base = [n + 2 for n in need]
    extra = [max(w - n, 0) for w, n in zip(want, need, strict=True)]
    left = room - sum(base)
    wanted: int = sum(extra)
    if left > 0 and wanted > 0:
        grant = min(1.0, left / wanted)
        sizes = [b + e * grant for b, e in zip(base, extra, strict=True)]
    else:
        sizes = [float(b) for b in base]
    total = sum(sizes) or 1.0
    return [s / total for s in sizes]
