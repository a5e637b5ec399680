"""``lsk kalender``: the årscykel, revision dates and open åtgärder as calendar events.

Every event has a UID derived from ids (the process, the product, the rhythm and the month; a
document's id; an åtgärd's id), so importing the file again into Outlook or another calendar
updates the events instead of adding copies. Events name the responsible *role*, never a person,
and every text has personnummer masked.

Recurring årscykel events are written as one series with an RRULE when their months are evenly
spaced (every month, quarter, tertial, half-year, year), and as one yearly series per month
otherwise ("per mars och augusti", "varje månad utom juli"): Outlook understands those rules,
not a yearly rule with several months. ``expand`` writes each occurrence of one year instead.
Continuous (``lopande``) events have no date and are left out; the command says how many.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.model.arscykel import MANADER, PERIOD_LENGTH, Handelse
from lsk.model.labels import value_label
from lsk.model.poster import Atgarder
from lsk.model.tidpunkt import Delvisdatum, as_written
from lsk.personnummer import masked
from lsk.reports.names import responsible_names

PRODID = "-//lsk//lsk kalender//SV"


@dataclass(frozen=True)
class Event:
    """One calendar event (or series): an all-day event on ``start``."""

    uid: str
    summary: str
    description: str
    start: dt.date
    category: str
    rrule: dict[str, Any] = field(default_factory=dict)
    """iCalendar recurrence (``{"FREQ": "MONTHLY", "INTERVAL": 3}``); empty for one day."""


@dataclass
class Calendar:
    name: str
    events: list[Event]
    left_out: int
    """Continuous årscykel events, which have no date."""


def _slug(text: str) -> str:
    plain = text.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _clean(text: str) -> str:
    return masked(text)[0]


class _Names:
    """Names of whoever can be responsible: roles, and the organisation's organs and units
    (read from any depth, so a deeper organisation needs no change here)."""

    def __init__(self, corpus: Corpus) -> None:
        self.roles = responsible_names(corpus)
        self.processes = {d.model.id: d.model.namn for d in corpus.processes}

    def role(self, ref: str | None) -> str:
        return self.roles.get(ref, ref) if ref else "ej angivet"


def _cycle_text(h: Handelse, names: _Names) -> str:
    lines = [h.vad, f"Ansvar: {names.role(h.ansvar)}", f"När: {h.rhythm()}"]
    if h.process:
        lines.append(f"Process: {h.process} {names.processes.get(h.process, '')}".rstrip())
    lines.append(f"Ger: {value_label(Handelse, 'producerar', h.producerar)}")
    if h.senast:
        lines.append(f"Senast: {h.senast}")
    if h.note:
        lines.append(f"Not: {h.note}")
    return "\n".join(lines)


def _regular(h: Handelse) -> int | None:
    """The interval in months when the event's months are evenly spaced over the year."""
    months = [MANADER.index(m) for m in h.months()]
    if h.aterkommer in PERIOD_LENGTH and (h.aterkommer != "manadsvis" or not h.utom):
        return PERIOD_LENGTH[h.aterkommer] if len(months) * PERIOD_LENGTH[h.aterkommer] == 12 \
            else None
    return None


def _cycle_events(corpus: Corpus, names: _Names, year: int, expand: bool,
                  domain: str) -> tuple[list[Event], int]:
    out: list[Event] = []
    seen: dict[str, int] = {}
    left = 0
    for _, cycle in corpus.cycle:
        for h in cycle.handelser:
            if h.aterkommer == "lopande":
                left += 1
                continue
            months = h.months()
            core = _slug("-".join(p for p in ("arscykel", h.process or "", h.producerar,
                                              h.aterkommer) if p))
            first = h.given_months[0] if h.given_months else ""
            seen[core + first] = seen.get(core + first, 0) + 1
            n = f"-{seen[core + first]}" if seen[core + first] > 1 else ""
            base = f"{core}-{first}{n}" if first else f"{core}{n}"
            summary = _clean(h.namn or h.vad)
            text = _clean(_cycle_text(h, names))
            category = value_label(Handelse, "producerar", h.producerar)
            if expand:
                out += [Event(f"{base}-{year}-{MANADER.index(m) + 1:02d}@{domain}", summary, text,
                              dt.date(year, MANADER.index(m) + 1, 1), category) for m in months]
                continue
            interval = _regular(h)
            if interval is not None:
                rule: dict[str, Any] = ({"FREQ": "YEARLY"} if interval == 12 else
                                        {"FREQ": "MONTHLY", "INTERVAL": interval})
                out.append(Event(f"{base}@{domain}", summary, text,
                                 dt.date(year, MANADER.index(months[0]) + 1, 1), category, rule))
                continue
            out += [Event(f"{core}-{m}{n}@{domain}", summary, text,
                          dt.date(year, MANADER.index(m) + 1, 1), category, {"FREQ": "YEARLY"})
                    for m in months]
    return out, left


def _revision_events(corpus: Corpus, names: _Names, domain: str) -> list[Event]:
    out = []
    for g in corpus.governing:
        m = g.model
        if m.nasta_revision is None:
            continue
        title = getattr(m, "titel", None) or getattr(m, "namn", "")
        owner = m.ansvarig or getattr(m, "agare", None)
        out.append(Event(
            f"revision-{_slug(m.id)}@{domain}", _clean(f"Revision: {m.id} {title}"),
            _clean(f"Senaste dag för revision av {m.id} {title}.\nAnsvarig: {names.role(owner)}"
                   f"\nFil: {g.relpath}"),
            m.nasta_revision, "Revision"))
    return out


def _measure_events(corpus: Corpus, names: _Names, domain: str) -> list[Event]:
    out = []
    for log in corpus.of(Atgarder):
        for a in log.model.atgarder:
            if a.status not in ("planerad", "pagaende"):
                continue
            due = a.sista_datum
            written = f"\nSista dag: {as_written(due)}" if isinstance(due, Delvisdatum) else ""
            origin = a.ursprung or a.namndbeslut or a.utvecklingsarbete or ""
            out.append(Event(
                f"atgard-{_slug(a.id)}@{domain}", _clean(f"Åtgärd {a.id}: sista dag"),
                _clean(f"{a.atgard}\nÄgare: {names.role(a.agare)}\nUrsprung: {origin}{written}"),
                dt.date(due.year, due.month, due.day), "Åtgärd"))
    return out


def calendar(corpus: Corpus, year: int, expand: bool = False) -> Calendar:
    config = corpus.config
    kommun = config.kommun if config else "kommunen"
    namnd = config.namnd if config else "Socialnämnden"
    domain = f"{_slug(namnd)}.{_slug(kommun)}.lsk"
    names = _Names(corpus)
    cycle, left = _cycle_events(corpus, names, year, expand, domain)
    events = [*cycle, *_revision_events(corpus, names, domain),
              *_measure_events(corpus, names, domain)]
    return Calendar(_clean(f"Ledningssystem – {namnd}, {kommun}"), events, left)


def ics(cal: Calendar, stamp: dt.datetime) -> bytes:
    """The calendar as an iCalendar file (RFC 5545), with icalendar (extra ``kalender``)."""
    import icalendar

    out = icalendar.Calendar()
    out.add("prodid", PRODID)
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("method", "PUBLISH")
    out.add("x-wr-calname", cal.name)
    for e in cal.events:
        ev = icalendar.Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", e.summary)
        ev.add("description", e.description)
        ev.add("dtstart", e.start)
        ev.add("dtend", e.start + dt.timedelta(days=1))
        ev.add("categories", [e.category])
        ev.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        if e.rrule:
            ev.add("rrule", e.rrule)
        out.add_component(ev)
    data: bytes = out.to_ical()
    return data
