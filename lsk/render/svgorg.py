"""Layout of the organisation chart: the political organs on top, the tjänstemannaorganisation
as a tree below, each box a link to its unit.

Only geometry and text lines are computed here; ``mallar/_organisationsschema.svg`` draws them,
so every value is escaped by the template and a repository can restyle the chart by overriding
it. The chart is drawn without JavaScript and scales to the width of the page (``viewBox``), so
it fits the PDF's page too.

Layout: a unit's units stand side by side under it; when none of them has units of its own they
are stacked in a column instead, which keeps a wide organisation narrow enough for a page. Stab
functions stand to the right of the line under their unit, in dashed boxes, as org charts draw
them. Labels are wrapped to the box by a conservative estimate of the glyphs' width, and a box
grows with its lines, so no label is cut.

Support (``stodjer``: kommunkansliet gives the nämnd administrative support) is not a line of
command, so it is drawn apart: a dotted line in its own colour, with a legend under the chart.
It leaves the unit's box upwards, runs along a track of its own in the gap between the political
organs and the units, and enters the organ from below: straight up when nothing stands under the
organ, else up a lane to the right of the political organs and along the gap under the organ's
row. Support to roles, units or utförare is not drawn (the organisation page lists it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment
from markupsafe import Markup

from lsk.model.organisation import Enhet, Organisation
from lsk.render import labels
from lsk.render.urls import Urls

BOX_W = 164
"""Width of every box."""
PAD = 7
LINE_H = 15
FONT = 12
"""Size of the names (bold); the kind's line is 11."""
GAP_X, GAP_Y = 14, 30
STACK_INDENT = 16
STAB_GAP = 8
MARGIN = 4
TRACK = 8
"""Distance between the support lines' tracks and lanes."""
LEGEND_H = 22
TEMPLATE = "_organisationsschema.svg"
ROOM = (BOX_W - 2 * PAD) / FONT
"""Room for a line of the name, in em."""

_ADVANCE = {ch: w for w, chars in (
    (0.31, "'"), (0.34, "ijl"), (0.35, " "), (0.37, "IJ/"), (0.38, ".,"), (0.4, ":;"),
    (0.42, "-"), (0.44, "f"), (0.46, "()!"), (0.48, "t"), (0.49, "r"), (0.5, "–§"),
    (0.52, '"'), (0.58, "z?"), (0.59, "c"), (0.6, "s"), (0.64, "L"), (0.65, "vxy"),
    (0.67, "akåä"), (0.68, "eéEFTÉ"), (0.69, "oö"), (0.7, "0123456789"), (0.71, "hnuü"),
    (0.72, "bdgpqSY"), (0.73, "CPZ"), (0.76, "B"), (0.77, "AKRVXÅÄ"), (0.81, "UÜ"),
    (0.82, "G"), (0.83, "D"), (0.84, "HN"), (0.85, "OQÖ"), (0.87, "&"), (0.92, "w"),
    (1.0, "M"), (1.04, "m"), (1.1, "W")) for ch in chars}
"""Advance widths in em of DejaVu Sans Bold, the font the chart asks for first."""


def _em(text: str) -> float:
    """Width of ``text`` in bold DejaVu Sans, in em, with a margin for other fonts."""
    return 1.04 * sum(_ADVANCE.get(ch, 1.0) for ch in text)


@dataclass
class OrgBox:
    id: str
    x: float
    y: float
    w: float
    h: float
    name: str
    lines: list[str]
    """The name wrapped to the box."""
    fit: list[float]
    """Per line: the width to squeeze it to (a word longer than the box), or 0."""
    kind: str
    """What it is in words: 'kontor', 'stabsfunktion', 'nämnd' …; the box's last line."""
    style: str
    """'organ' (political), 'rad', 'enhet' or 'stab' (the last two dashed)."""
    href: str


@dataclass
class SupportLine:
    """A unit that gives an organ support (``stodjer``): drawn dotted, not as a line of command."""

    d: str
    """The SVG path, from the unit's box to the organ's."""
    fran: str
    """The unit's id."""
    till: str
    """The organ's id."""
    title: str
    """In words: 'Kommunkansliet ger stöd till Socialnämnden'."""


@dataclass
class Legend:
    """The chart's legend line for the support lines (None when there are none)."""

    x: float
    y: float
    text: str


@dataclass
class OrgChart:
    key: str
    """Unique per page: ids of the SVG's title and description."""
    width: float
    height: float
    boxes: list[OrgBox] = field(default_factory=list)
    connectors: list[str] = field(default_factory=list)
    """SVG paths of the lines between boxes."""
    dashed: list[str] = field(default_factory=list)
    """SVG paths of the lines to stab functions and råd."""
    title: str = "Organisationsschema"
    description: str = ""
    support: list[SupportLine] = field(default_factory=list)
    """Dotted lines from units to the organs they support (``stodjer``)."""
    legend: Legend | None = None


def _lines(name: str) -> list[str]:
    """``name`` wrapped at spaces so each line fits the box (a longer word gets a line of its
    own, which ``_fit`` squeezes to the box)."""
    lines: list[str] = []
    current = ""
    for word in name.split():
        trial = f"{current} {word}" if current else word
        if current and _em(trial) > ROOM:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [name]


def _fit(line: str) -> float:
    """The width to squeeze a line to (``textLength``), or 0 when it fits as it is."""
    return round(ROOM * FONT, 1) if _em(line) > ROOM else 0.0


def _height(lines: list[str], kind: str) -> float:
    return PAD * 2 + LINE_H * (len(lines) + (1 if kind else 0))  # the name's lines, the kind's


@dataclass
class _Node:
    id: str
    name: str
    kind: str
    style: str
    children: list[_Node] = field(default_factory=list)
    stab: list[_Node] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return _lines(self.name)

    def __post_init__(self) -> None:
        if self.kind.lower() == self.name.lower():  # "Kommunstyrelsen" says what it is
            self.kind = ""

    @property
    def h(self) -> float:
        return _height(self.lines, self.kind)

    @property
    def below(self) -> list[_Node]:
        """What hangs under it in a list: stab functions first, then units."""
        return [*self.stab, *self.children]

    @property
    def leaf(self) -> bool:
        return not self.below

    def depth(self) -> int:
        return 1 + max(c.depth() for c in self.below) if self.below else 0

    @property
    def listed(self) -> bool:
        """Drawn as an indented list (at most two levels below it): keeps the chart narrow."""
        return self.depth() <= 2

    def list_height(self) -> float:
        return self.h + sum(GAP_Y / 3 + c.list_height() for c in self.below)

    def columns(self) -> list[_Node | None]:
        """The columns under a spread-out unit: None for the column of its leaf units."""
        leaves = [c for c in self.children if c.leaf]
        return ([None] if leaves else []) + [c for c in self.children if not c.leaf]

    def column_width(self, c: _Node | None) -> float:
        return STACK_INDENT + BOX_W if c is None else c.width()

    def width(self) -> float:
        if self.listed:
            return BOX_W + STACK_INDENT * self.depth()
        stab_w = (BOX_W / 2 + STAB_GAP + BOX_W) * 2 if self.stab else 0.0
        cols = self.columns()
        spread = sum(self.column_width(c) for c in cols) + GAP_X * (len(cols) - 1)
        return max(BOX_W, stab_w, spread)


def _tree(org: Organisation, parent: str | None) -> list[_Node]:
    out = []
    for cid in org.underordnade(parent):
        unit = org.enhet(cid)
        if unit is None:
            continue
        if isinstance(unit, Enhet):
            node = _Node(cid, unit.namn, labels.UNIT_TYPES[unit.typ], "enhet")
            for sub in _tree(org, cid):
                (node.stab if sub.style == "stab" else node.children).append(sub)
        else:
            node = _Node(cid, unit.namn, "stabsfunktion", "stab")
        out.append(node)
    return out


class _Layout:
    def __init__(self, url: Urls) -> None:
        self.url = url
        self.boxes: list[OrgBox] = []
        self.lines: list[str] = []
        self.dashed: list[str] = []

    def box(self, n: _Node, x: float, y: float) -> OrgBox:
        b = OrgBox(n.id, x, y, BOX_W, n.h, n.name, n.lines, [_fit(t) for t in n.lines], n.kind,
                   n.style, self.url.organ(n.id))
        self.boxes.append(b)
        return b

    def listing(self, n: _Node, x: float, y: float) -> float:
        """``n`` and everything under it as an indented list from (x, y); returns the bottom."""
        own = self.box(n, x, y)
        bottom = y + own.h
        rail = x + STACK_INDENT / 2
        last = bottom
        for c in n.below:
            top = bottom + GAP_Y / 3
            end = self.listing(c, x + STACK_INDENT, top)
            last = top + c.h / 2
            (self.dashed if c.style == "stab" else self.lines).append(
                f"M{rail},{last} H{x + STACK_INDENT}")
            bottom = end
        if n.below:
            self.lines.append(f"M{rail},{y + own.h} V{last}")
        return bottom

    def place(self, n: _Node, left: float, top: float) -> float:
        """Draws ``n``'s subtree in the band from ``left``; returns the x of its box's middle."""
        if n.listed:
            self.listing(n, left, top)
            return left + BOX_W / 2
        width = n.width()
        mid = left + width / 2
        own = self.box(n, mid - BOX_W / 2, top)
        y = top + own.h
        if n.stab:
            y += GAP_Y / 2
            for st in n.stab:
                sb = self.box(st, mid + STAB_GAP, y)
                self.dashed.append(f"M{mid},{sb.y + sb.h / 2} H{sb.x}")
                y += sb.h + STAB_GAP
        bus = y + GAP_Y / 2
        self.lines.append(f"M{mid},{top + own.h} V{bus}")
        cols = n.columns()
        spread = sum(n.column_width(c) for c in cols) + GAP_X * (len(cols) - 1)
        x = left + (width - spread) / 2
        ends = [mid]
        for c in cols:
            if c is None:  # the leaf units in one column, hanging from a rail
                rail = x + STACK_INDENT / 2
                last = bus
                yy = bus
                for leaf in (u for u in n.children if u.leaf):
                    yy += GAP_Y / 2
                    b = self.box(leaf, x + STACK_INDENT, yy)
                    last = b.y + b.h / 2
                    self.lines.append(f"M{rail},{last} H{x + STACK_INDENT}")
                    yy += b.h
                self.lines.append(f"M{rail},{bus} V{last}")
                ends.append(rail)
            else:
                cm = self.place(c, x, y + GAP_Y)
                ends.append(cm)
                self.lines.append(f"M{cm},{bus} V{y + GAP_Y}")
            x += n.column_width(c) + GAP_X
        self.lines.append(f"M{min(ends)},{bus} H{max(ends)}")
        return mid


def _political(org: Organisation) -> list[list[_Node]]:
    """Rows of political organs: kommunfullmäktige; kommunstyrelsen and the nämnd; the
    nämnd's utskott and the råd."""
    top = [o for o in org.politiska_organ if o.typ == "kommunfullmaktige"]
    middle = [o for o in org.politiska_organ if o.typ != "kommunfullmaktige"]
    rows = [
        [_Node(o.id, o.namn, labels.ORGAN_TYPES[o.typ], "organ") for o in top],
        [_Node(o.id, o.namn, labels.ORGAN_TYPES[o.typ], "organ") for o in middle]
        + [_Node(org.namnd.id, org.namnd.namn, "nämnd", "organ")],
        [_Node(u.id, u.namn, "utskott", "organ") for u in org.utskott]
        + [_Node(r.id, r.namn, "råd", "rad") for r in org.rad],
    ]
    return [row for row in rows if row]


def chart(org: Organisation, url: Urls, key: str = "organisationsschema") -> OrgChart:
    """The organisation chart's geometry: the political organs in rows, then the units' tree."""
    layout = _Layout(url)
    tops = _tree(org, None)
    tree_w = sum(t.width() for t in tops) + GAP_X * max(len(tops) - 1, 0)
    rows = _political(org)
    rows_w = max((len(r) * BOX_W + (len(r) - 1) * GAP_X for r in rows), default=0)
    width = max(tree_w, rows_w, BOX_W) + 2 * MARGIN
    y = float(MARGIN)
    previous: list[OrgBox] = []
    placed_rows: list[list[OrgBox]] = []
    for row in rows:
        row_w = len(row) * BOX_W + (len(row) - 1) * GAP_X
        x = (width - row_w) / 2
        boxes = [layout.box(n, x + i * (BOX_W + GAP_X), y) for i, n in enumerate(row)]
        if previous:
            a = previous[-1] if len(previous) > 0 else None
            parent = next((b for b in previous if b.style == "organ"), a)
            if row is rows[-1] and len(rows) > 1:  # utskott and råd hang under the nämnd
                parent = next((b for b in previous if b.id == org.namnd.id), parent)
            if parent is not None:
                pm = parent.x + parent.w / 2
                bus = y - GAP_Y / 2
                layout.lines.append(f"M{pm},{parent.y + parent.h} V{bus}")
                for b in boxes:
                    target = layout.dashed if b.style == "rad" else layout.lines
                    bm = b.x + b.w / 2
                    target.append(f"M{pm},{bus} H{bm} V{b.y}")
        previous = boxes
        placed_rows.append(boxes)
        y += max(b.h for b in boxes) + GAP_Y
    supporting = _supporting(org, {b.id for r in placed_rows for b in r}) if tops else []
    gap_top = y - GAP_Y
    if rows and tops:
        y += GAP_Y / 2  # a clear gap between the political organs and the tjänstemän
        y += TRACK * len(supporting)  # a track for each unit's support line
    x = (width - tree_w) / 2
    tree_top = y
    for t in tops:
        layout.place(t, x, tree_top)
        x += t.width() + GAP_X
    support = _support_lines(supporting, layout.boxes, placed_rows, gap_top, width)
    if support:
        width = max(width, _lane_x(placed_rows, len(supporting) - 1) + MARGIN)
    height = max((b.y + b.h for b in layout.boxes), default=0) + MARGIN
    legend = None
    if support:
        legend = Legend(MARGIN, height + LEGEND_H / 2, "Ger stöd till (inte linjeansvar)")
        height += LEGEND_H
    units = sum(1 for b in layout.boxes if b.style in ("enhet", "stab"))
    organs = len(layout.boxes) - units
    desc = (f"{organs} politiska organ och råd och {units} enheter och stabsfunktioner. "
            "Varje ruta länkar till sin beskrivning.")
    if support:
        desc += " Prickade linjer visar stöd: " + "; ".join(s.title for s in support) + "."
    return OrgChart(key, round(width, 1), round(height, 1), layout.boxes, layout.lines,
                    layout.dashed, f"Organisationsschema för {org.namnd.namn}", desc, support,
                    legend)


def _supporting(org: Organisation, organs: set[str]) -> list[tuple[str, list[str]]]:
    """(unit, the organs in the chart it supports), for the units that support any."""
    out = []
    for place in org.enhetsordning():
        unit = org.enhet(place)
        if isinstance(unit, Enhet):
            targets = [t for t in dict.fromkeys(unit.stodjer) if t in organs]
            if targets:
                out.append((place, targets))
    return out


def _lane_x(rows: list[list[OrgBox]], k: int) -> float:
    """The x of lane ``k``, right of every political organ."""
    right = max((b.x + b.w for r in rows for b in r), default=0.0)
    return right + TRACK * (k + 1)


def _free(boxes: list[OrgBox], x: float, top: float, bottom: float, own: OrgBox) -> bool:
    """Whether a vertical line at ``x`` from ``top`` to ``bottom`` misses every other box."""
    return all(b is own or not (b.x - 2 <= x <= b.x + b.w + 2 and b.y < bottom and top < b.y + b.h)
               for b in boxes)


def _support_lines(supporting: list[tuple[str, list[str]]], boxes: list[OrgBox],
                   rows: list[list[OrgBox]], gap_top: float, width: float) -> list[SupportLine]:
    """The paths of the support lines: one track (and lane) per supporting unit, in the order
    of the organisation, so no two units' lines run on top of each other."""
    by_id = {b.id: b for b in boxes}
    row_of = {b.id: i for i, r in enumerate(rows) for b in r}
    out: list[SupportLine] = []
    for k, (place, targets) in enumerate(supporting):
        unit = by_id[place]
        track = gap_top + GAP_Y / 2 + TRACK * (k + 1)
        exits = [unit.x + unit.w * f for f in (0.8, 0.9, 0.2, 0.1)]
        xu = next((x for x in exits if _free(boxes, x, track, unit.y, unit)), exits[0])
        for target in targets:
            t = by_id[target]
            below = row_of[target] + 1 < len(rows) and any(
                b.x < t.x + t.w and t.x < b.x + b.w for b in rows[row_of[target] + 1])
            bottom = t.y + t.h
            if not below:  # nothing under it: straight up from the track
                side = 0.15 + 0.08 * (k % 4) if xu < t.x + t.w / 2 else 0.85 - 0.08 * (k % 4)
                xt = t.x + t.w * side
                d = f"M{xu},{unit.y} V{track} H{xt} V{bottom}"
            else:  # up the lane right of the organs, then along the gap under its row
                lane = _lane_x(rows, k)
                xt = t.x + t.w * (0.85 - 0.08 * (k % 4))
                under = max(b.y + b.h for b in rows[row_of[target]]) + 3 + (k % 3) * 3
                d = f"M{xu},{unit.y} V{track} H{lane} V{under} H{xt} V{bottom}"
            out.append(SupportLine(d, place, target, f"{unit.name} ger stöd till {t.name}"))
    return out


def organisationsschema(env: Environment, org: Organisation, url: Urls,
                        key: str = "organisationsschema") -> Markup:
    """The organisation chart as an ``<svg>`` element, drawn by the environment's
    ``_organisationsschema.svg`` (a repository's own, when it has one)."""
    c = chart(org, url, key)
    return Markup(env.get_template(TEMPLATE).render(c=c, url=url))
