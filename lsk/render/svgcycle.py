"""Layout of the årscykel as a wheel: twelve month sectors, January at the top, clockwise.

Each sector shows the month, its number of events and one dot per event coloured by category
(planning, follow-up, quality work), stacked around one point in the middle of the sector so
the text never runs into the next line at three and nine o'clock. ``mallar/_arshjul.svg`` draws
it; each sector links to the month's list of events, which carries the full text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from lsk.render.handbook import Handbook
from lsk.render.labels import CATEGORY_OF, month_label
from lsk.render.urls import Urls

SIZE = 600
CENTER = SIZE / 2
OUTER, INNER = 290, 112
ANCHOR_R = 204
DOT_GAP, DOTS_PER_ROW, DOT_ROWS = 15, 4, 3


@dataclass
class Dot:
    x: float
    y: float
    category: str
    title: str


@dataclass
class Sector:
    month: str
    label: str
    count: int
    path: str
    href: str
    label_xy: tuple[float, float]
    count_xy: tuple[float, float]
    dots: list[Dot] = field(default_factory=list)
    more: int = 0
    more_xy: tuple[float, float] = (0.0, 0.0)


@dataclass
class Wheel:
    size: int
    center: float
    inner: float
    sectors: list[Sector]


def _point(radius: float, degrees: float) -> tuple[float, float]:
    rad = math.radians(degrees - 90)  # 0 degrees at twelve o'clock
    return round(CENTER + radius * math.cos(rad), 1), round(CENTER + radius * math.sin(rad), 1)


def _sector_path(start: float, end: float) -> str:
    (ox1, oy1), (ox2, oy2) = _point(OUTER, start), _point(OUTER, end)
    (ix1, iy1), (ix2, iy2) = _point(INNER, start), _point(INNER, end)
    return (f"M{ox1},{oy1} A{OUTER},{OUTER} 0 0 1 {ox2},{oy2} L{ix2},{iy2} "
            f"A{INNER},{INNER} 0 0 0 {ix1},{iy1} Z")


def wheel(hb: Handbook, urls: Urls) -> Wheel:
    sectors = []
    for i, (month, events) in enumerate(hb.months):
        start, mid = i * 30.0, i * 30.0 + 15.0
        ax, ay = _point(ANCHOR_R, mid)
        shown = events[: DOTS_PER_ROW * DOT_ROWS]
        rows = (len(shown) + DOTS_PER_ROW - 1) // DOTS_PER_ROW
        top = ay - (28 + rows * DOT_GAP) / 2  # the stack: month, count, rows of dots
        s = Sector(month, month_label(month), len(events), _sector_path(start, start + 30.0),
                   urls.month(month), (ax, round(top + 6, 1)), (ax, round(top + 22, 1)))
        cx, cy = ax, top + 28 + DOT_GAP / 2 + (rows - 1) * DOT_GAP / 2
        for n, h in enumerate(shown):
            row, col = divmod(n, DOTS_PER_ROW)
            in_row = min(DOTS_PER_ROW, len(shown) - row * DOTS_PER_ROW)
            x = cx + (col - (in_row - 1) / 2) * DOT_GAP
            y = cy + (row - (rows - 1) / 2) * DOT_GAP
            s.dots.append(Dot(round(x, 1), round(y, 1), CATEGORY_OF.get(h.producerar, "annat"),
                              h.vad))
        s.more = len(events) - len(shown)
        s.more_xy = (cx, round(cy + (rows / 2) * DOT_GAP + 12, 1))
        sectors.append(s)
    return Wheel(SIZE, CENTER, INNER, sectors)
