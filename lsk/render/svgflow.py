"""Layout of a process's flow diagram: its ordered activities as boxes, left to right in rows.

Only geometry and text lines are computed here; ``mallar/_flode.svg`` draws them, so every
value is escaped by the template and a repository can restyle the diagram by overriding it.
Each box links to the activity's description, and each routine chip to the routine.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from lsk.model.process import Process
from lsk.render.handbook import Handbook
from lsk.render.urls import Urls

BOX_W, BOX_H = 220, 140
GAP_X, GAP_Y = 44, 48
MARGIN = 6
PER_ROW = 4
NAME_CHARS, NAME_LINES, ROLE_CHARS = 24, 3, 28
CHIP_H, CHIP_GAP = 22, 6


@dataclass
class Chip:
    x: float
    y: float
    w: float
    label: str
    href: str
    title: str
    """The accessible name: 'Rutin R001: Mottagning av ansökan'."""


@dataclass
class Box:
    number: int
    x: float
    y: float
    name: str
    lines: list[str]
    role: list[str]
    href: str
    chips: list[Chip] = field(default_factory=list)


@dataclass
class Flow:
    key: str
    """Unique per page: ids of the SVG's title, description and arrow marker."""
    width: float
    height: float
    boxes: list[Box]
    connectors: list[str]
    box_w: int = BOX_W
    box_h: int = BOX_H


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: int, most: int) -> list[str]:
    lines = textwrap.wrap(text, width) or [text]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = _clip(lines[-1] + " …", width)
    return lines


def _chips(box: Box, routines: list[str], hb: Handbook, urls: Urls, more_href: str) -> None:
    x, y = box.x + 10, box.y + BOX_H - CHIP_H - 10
    right = box.x + BOX_W - 10
    for i, rid in enumerate(routines):
        w = 14 + 8 * len(rid)
        rest = len(routines) - i
        if x + w > right or (rest > 1 and x + w + CHIP_GAP + 34 > right):
            box.chips.append(Chip(x, y, 34, f"+{rest}", more_href,
                                  f"{rest} rutiner till, se aktiviteten"))
            return
        known = rid in hb.routine_ids
        title = f"Rutin {rid}: " + hb.routine_titles.get(rid, "finns inte")
        box.chips.append(Chip(x, y, w, rid, urls.routine(rid) if known else more_href, title))
        x += w + CHIP_GAP


def flow(process: Process, hb: Handbook, urls: Urls) -> Flow:
    count = len(process.aktiviteter)
    per_row = max(1, min(count, PER_ROW))
    rows = (count + per_row - 1) // per_row
    boxes: list[Box] = []
    for i, a in enumerate(process.aktiviteter):
        row, col = divmod(i, per_row)
        x = MARGIN + col * (BOX_W + GAP_X)
        y = MARGIN + row * (BOX_H + GAP_Y)
        href = urls.activity(process.id, a.id)
        role = "Ansvar: " + (hb.name(a.ansvar) if a.ansvar else "ej angivet")
        box = Box(i + 1, x, y, a.namn, _wrap(f"{i + 1}. {a.namn}", NAME_CHARS, NAME_LINES),
                  _wrap(role, ROLE_CHARS, 2), href)
        _chips(box, list(dict.fromkeys(a.rutiner)), hb, urls, href)
        boxes.append(box)
    connectors = []
    for prev, nxt in zip(boxes, boxes[1:], strict=False):
        if nxt.y == prev.y:
            mid = prev.y + BOX_H / 2
            connectors.append(f"M{prev.x + BOX_W:g},{mid:g} H{nxt.x - 3:g}")
        else:
            turn = prev.y + BOX_H + GAP_Y / 2
            cx, nx = prev.x + BOX_W / 2, nxt.x + BOX_W / 2
            connectors.append(f"M{cx:g},{prev.y + BOX_H:g} V{turn:g} H{nx:g} V{nxt.y - 3:g}")
    width = 2 * MARGIN + per_row * BOX_W + (per_row - 1) * GAP_X
    height = 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y
    return Flow(f"flode-{process.id}", width, height, boxes, connectors)
