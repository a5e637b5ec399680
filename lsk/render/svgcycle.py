"""Layout of the årscykel as a wheel: twelve month sectors, January at the top, clockwise.

Each sector names what happens in the month: the month as a heading and one line per event (its
``namn``, else its product, else the start of ``vad``), with a dot coloured by category
(planning, follow-up, quality work). The lines are placed where the sector is wide enough for
them, measured with the widths of DejaVu Sans, so no text runs into the next month; a name that
does not fit is wrapped onto two lines, and only then shortened (its full text stays in the
line's tooltip and in the month's list of events). Monthly and continuous events would repeat in
every sector, so they are listed below the wheel. ``mallar/_arshjul.svg`` draws it; each sector
links to the month's list of events. ``arshjul(hb, urls)`` gives the finished SVG, for pages
that place the wheel themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from lsk.model.arscykel import Handelse
from lsk.render.handbook import Handbook
from lsk.render.labels import CATEGORY_OF, PRODUCTS, month_label
from lsk.render.urls import Urls

if TYPE_CHECKING:
    from jinja2 import Environment

SIZE = 880
CENTER = SIZE / 2
OUTER, INNER = 432, 104
FONT, HEADING, LEADING = 12, 15, 15.5
MARGIN = 7  # kept free along a sector's edges
BULLET = 13  # dot and gap before a name
BAND_FONT, BAND_LEADING, BAND_TOP = 13, 19, 24

_WIDTHS = {  # advance widths of DejaVu Sans in em, as measured; other characters count 1.0
    **dict.fromkeys("ijlIJ", 0.29), **dict.fromkeys(" .,", 0.32), **dict.fromkeys(":;/", 0.34),
    "f": 0.35, "-": 0.36, **dict.fromkeys("t()", 0.39), "r": 0.41, **dict.fromkeys("–§", 0.5),
    **dict.fromkeys("sz", 0.52), "c": 0.55, "L": 0.56, **dict.fromkeys("kF", 0.58),
    **dict.fromkeys("vxy", 0.59), "P": 0.6, **dict.fromkeys("aoTYåäö", 0.61),
    **dict.fromkeys("eé", 0.62), **dict.fromkeys("bdghnpquESü", 0.63),
    **dict.fromkeys("0123456789", 0.64), "K": 0.66, **dict.fromkeys("AVÅÄ", 0.68),
    **dict.fromkeys("BRXZ", 0.69), "C": 0.7, "U": 0.73, **dict.fromkeys("HN", 0.75),
    **dict.fromkeys("DG", 0.77), "&": 0.78, **dict.fromkeys("OQÖ", 0.79), "w": 0.82, "+": 0.84,
    "M": 0.86, "%": 0.95, "m": 0.97, "W": 0.99,
}
BOLD = 1.27  # DejaVu Sans Bold is at most this much wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in DejaVu Sans at ``size`` (an upper bound for other fonts' widths
    is not promised; the browser test measures the real ones)."""
    return sum(_WIDTHS.get(c, 1.0) for c in text) * size * (BOLD if bold else 1.0)


@dataclass
class Line:
    """One line of text in the wheel: an event's name (or a part of it), or '+N till'."""

    x: float
    y: float
    text: str
    title: str
    category: str
    bullet: bool = True


@dataclass
class Sector:
    month: str
    label: str
    count: int
    path: str
    href: str
    label_xy: tuple[float, float]
    lines: list[Line] = field(default_factory=list)


@dataclass
class Band:
    """Below the wheel: events that happen every month, or without fixed months."""

    heading: str
    heading_xy: tuple[float, float]
    lines: list[Line]


@dataclass
class Wheel:
    size: int
    height: float
    center: float
    inner: float
    sectors: list[Sector]
    bands: list[Band] = field(default_factory=list)


def event_name(h: Handelse, crowded: bool = False) -> str:
    """What the wheel calls an event: its ``namn``; else its product, unless that says nothing
    ('Övrigt') or is shared with another event of the month (``crowded``); else ``vad`` up to its
    first full stop."""
    if h.namn:
        return h.namn
    if h.producerar != "annat" and not crowded:
        return PRODUCTS[h.producerar]
    return h.vad.split(". ")[0].rstrip(".")


def _point(radius: float, degrees: float) -> tuple[float, float]:
    rad = math.radians(degrees - 90)  # 0 degrees at twelve o'clock
    return round(CENTER + radius * math.cos(rad), 1), round(CENTER + radius * math.sin(rad), 1)


def _sector_path(start: float, end: float) -> str:
    (ox1, oy1), (ox2, oy2) = _point(OUTER, start), _point(OUTER, end)
    (ix1, iy1), (ix2, iy2) = _point(INNER, start), _point(INNER, end)
    return (f"M{ox1},{oy1} A{OUTER},{OUTER} 0 0 1 {ox2},{oy2} L{ix2},{iy2} "
            f"A{INNER},{INNER} 0 0 0 {ix1},{iy1} Z")


def _inside(x: float, y: float, start: float) -> bool:
    """Whether (x, y) lies in the sector from ``start`` degrees, at least MARGIN from its edges."""
    dx, dy = x - CENTER, y - CENTER
    r = math.hypot(dx, dy)
    if not INNER + MARGIN <= r <= OUTER - MARGIN:
        return False
    angle = (math.degrees(math.atan2(dy, dx)) + 90) % 360
    offset = (angle - start) % 360
    if offset > 30:
        return False
    edge = min(offset, 30 - offset)
    return r * math.sin(math.radians(edge)) >= MARGIN


def _span(y: float, start: float, height: float, near: float) -> tuple[float, float] | None:
    """The widest run of x where a line of text from ``y - height`` to ``y`` fits in the sector,
    preferring the run that contains ``near``."""
    runs: list[tuple[float, float]] = []
    begin: float | None = None
    x = CENTER - OUTER
    while x <= CENTER + OUTER + 2:
        ok = _inside(x, y, start) and _inside(x, y - height, start)
        if ok and begin is None:
            begin = x
        elif not ok and begin is not None:
            runs.append((begin, x - 2))
            begin = None
        x += 2
    if not runs:
        return None
    return max(runs, key=lambda r: (r[0] <= near <= r[1], r[1] - r[0]))


def _wrap(name: str, width: float) -> list[str]:
    """``name`` as one line, or two split at a space, or shortened with '…', to fit ``width``."""
    if text_width(name, FONT) <= width:
        return [name]
    words = name.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        first, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if text_width(first, FONT) <= width:
            return [first, rest if text_width(rest, FONT) <= width else _shorten(rest, width)]
    return [_shorten(name, width)]


def _shorten(text: str, width: float) -> str:
    while text and text_width(text + "…", FONT) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _place(month: str, events: list[Handelse], start: float) -> tuple[tuple[float, float],
                                                                      list[Line]]:
    """The heading's position and the lines of a month, tried at several distances from the
    centre and in three orders (as written, longest first, shortest first): the first
    arrangement where every name fits whole wins, else the one that cuts the fewest characters."""
    products = [h.producerar for h in events]
    names = [(event_name(h, products.count(h.producerar) > 1), h) for h in events]
    mid = start + 15.0
    best: tuple[int, tuple[float, float], list[Line]] | None = None
    orders = [names, sorted(names, key=lambda n: -text_width(n[0], FONT)),
              sorted(names, key=lambda n: text_width(n[0], FONT))]
    for order in orders:  # the longest names where the sector is widest, if that helps
        for radius in range(int(OUTER - 40), int(INNER + 40), -8):
            lines, cut, ok = _layout(month, order, mid, start, radius)
            if ok and (best is None or cut < best[0]):
                best = (cut, *lines)
            if best is not None and best[0] == 0:
                return best[1], best[2]
    assert best is not None, month
    return best[1], best[2]


def _layout(month: str, names: list[tuple[str, Handelse]], mid: float, start: float,
            radius: float) -> tuple[tuple[tuple[float, float], list[Line]], int, bool]:
    """Lines stacked around the point at ``radius`` in the middle of the sector: (heading
    position, lines), how many characters had to be cut, and whether everything found room."""
    ax, ay = _point(radius, mid)
    wanted = 1 + sum(2 if text_width(n, FONT) > 150 else 1 for n, _ in names)
    top = ay - wanted * LEADING / 2 + HEADING * 0.75
    heading = month_label(month)
    span = _span(top, start, HEADING, ax)
    if span is None or text_width(heading, HEADING, bold=True) > span[1] - span[0]:
        return ((0, 0), []), 0, False
    head_xy = (round((span[0] + span[1]) / 2, 1), round(top, 1))
    lines: list[Line] = []
    y, cut = top + LEADING + 1, 0
    for i, (name, h) in enumerate(names):
        category = CATEGORY_OF.get(h.producerar, "annat")
        span = _span(y, start, FONT, ax)
        if span is None or span[1] - span[0] < BULLET + 60:
            rest = len(names) - i
            more = f"+{rest} till"
            if lines and (span is None or span[1] - span[0] < text_width(more, FONT)):
                last = lines.pop()
                rest += 1 if last.bullet else 0
                more = f"+{rest} till"
                y = last.y
                span = _span(y, start, FONT, ax)
            if span is None:
                return ((0, 0), []), 0, False
            lines.append(Line(round(span[0], 1), round(y, 1), more,
                              f"{rest} händelser till; se månadens lista", "annat", False))
            return (head_xy, lines), cut + 100 * rest, True
        width = span[1] - span[0] - BULLET
        parts = _wrap(name, width)
        cut += max(0, len(name) - sum(len(p) for p in parts) - len(parts) + 1)
        for n, part in enumerate(parts):
            if n:
                y += LEADING - 2
                span = _span(y, start, FONT, ax) or span
            line_w = BULLET + text_width(part, FONT)
            x = max(span[0], min((span[0] + span[1]) / 2 - line_w / 2, span[1] - line_w))
            lines.append(Line(round(x + BULLET, 1), round(y, 1), part,
                              h.vad if n == 0 else "", category, n == 0))
        y += LEADING
    return (head_xy, lines), cut, True


def _bands(hb: Handbook) -> list[Band]:
    """Monthly and continuous events, and those with only a rhythm, under the wheel."""
    groups: dict[str, list[Handelse]] = {}
    for _, cycle in hb.corpus.cycle:
        for h in cycle.handelser:
            if h.aterkommer == "manadsvis":
                groups.setdefault("Varje månad", []).append(h)
    for h in hb.ongoing:
        key = "Löpande under året" if h.aterkommer == "lopande" else "Utan fast månad"
        groups.setdefault(key, []).append(h)
    bands, y = [], float(SIZE + BAND_TOP)
    for heading, events in groups.items():
        lines = []
        for h in events:
            y += BAND_LEADING
            when = "" if h.aterkommer == "lopande" else f" ({h.rhythm()})"
            text = f"{event_name(h)}{when}"
            if text_width(text, BAND_FONT) > SIZE - 80 - BULLET:
                text = _shorten(text, (SIZE - 80 - BULLET) * FONT / BAND_FONT)
            lines.append(Line(40 + BULLET, y, text, h.vad,
                              CATEGORY_OF.get(h.producerar, "annat")))
        bands.append(Band(heading, (40, y - len(events) * BAND_LEADING), lines))
        y += BAND_LEADING + 6
    return bands


def wheel(hb: Handbook, urls: Urls) -> Wheel:
    sectors = []
    for i, (month, events) in enumerate(hb.months):
        shown = [h for h in events if h.aterkommer != "manadsvis"]
        start = i * 30.0
        head_xy, lines = _place(month, shown, start)
        sectors.append(Sector(month, month_label(month), len(events),
                              _sector_path(start, start + 30.0), urls.month(month), head_xy,
                              lines))
    bands = _bands(hb)
    height = SIZE + (bands[-1].lines[-1].y + 16 - SIZE if bands else 0)
    return Wheel(SIZE, round(height, 1), CENTER, INNER, sectors, bands)


def arshjul(env: Environment, hb: Handbook, urls: Urls) -> Markup:
    """The finished årshjul as SVG markup, for a page that places it itself (a chapter)."""
    return Markup(env.get_template("_arshjul.svg").render(hb=hb, url=urls,
                                                          w=wheel(hb, urls)))
