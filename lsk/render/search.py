"""The site's search index: a JavaScript file, so search works offline and from ``file://``.

Browsers refuse ``fetch()`` of a local JSON file from a ``file://`` page, but load a script:
``resurser/sokindex.js`` assigns the index to ``window.LSK_SOKINDEX`` and ``sok.js`` searches it.
Entries are ``[title, url, kind, text]``; the text is searched, never inserted as HTML.
"""

from __future__ import annotations

import json

from lsk.model.kapitel import Kapitel, Placering, Text
from lsk.render.handbook import Handbook, area_heading
from lsk.render.labels import month_label
from lsk.render.urls import Urls


def _join(*parts: str | None) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p)


def _placed(hb: Handbook, c: Kapitel, urls: Urls) -> list[list[str]]:
    """The definitions and quality areas a chapter places: each found by its own words, and
    leading to where it stands (``area_heading``)."""
    out: list[list[str]] = []
    for n, part in enumerate(c.delar, start=1):
        if not isinstance(part, Placering):
            continue
        if part.namn == "begrepp":
            out += [[b.term, urls.chapter(c.namn), "Begrepp", _join(b.definition)]
                    for b in hb.begrepp]
        elif part.namn in ("omraden", "omrade"):
            wanted = set(part.argument) if part.namn == "omrade" else None
            out += [[o.namn, urls.chapter(c.namn, area_heading(c.namn, n, o.id)), "Område",
                     _join(o.beskrivning, *o.sakerstaller, *o.uppfoljning,
                           *(a.text for a in o.ansvar))]
                    for o in hb.omraden if wanted is None or o.id in wanted]
    return out


def entries(hb: Handbook, urls: Urls) -> list[list[str]]:
    out: list[list[str]] = []
    for c in hb.chapters:
        text = _join(*(part.text for part in c.delar if isinstance(part, Text)))
        out.append([c.titel, urls.chapter(c.namn), "Kapitel", text])
        out += _placed(hb, c, urls)
    for p in hb.processes:
        text = _join(p.syfte, p.omfattning, *(_join(a.namn, a.beskrivning, a.resultat)
                                               for a in p.aktiviteter))
        out.append([f"{p.id} {p.namn}", urls.process(p.id), "Process", text])
    for r in hb.routines:
        text = _join(r.syfte, r.omfattning, *(_join(s.text, s.anmarkning) for s in r.steg))
        out.append([f"{r.id} {r.titel}", urls.routine(r.id), "Rutin", text])
    for s in hb.styrdokument:
        out.append([s.titel, urls.styrdokument(s.id), "Styrdokument", _join(s.beskrivning)])
    for role in hb.roles:
        out.append([role.namn, urls.role(role.id), "Roll", _join(role.beskrivning, *role.ansvar)])
    for organ_id in sorted(hb.organ_ids):
        out.append([hb.name(organ_id), urls.organ(organ_id), "Organisation", ""])
    for month, events in hb.months:
        if events:
            out.append([f"Årscykel: {month_label(month)}", urls.month(month), "Årscykel",
                        _join(*(h.vad for h in events))])
    for a in hb.assessments:
        out.append([f"{a.krav.id} {a.krav.rubrik}", urls.requirement(a.krav.id), "Krav",
                    _join(a.krav.text)])
    return out


def index_script(hb: Handbook) -> str:
    data = json.dumps(entries(hb, Urls("html")), ensure_ascii=False, separators=(",", ":"))
    return f"window.LSK_SOKINDEX = {data};\n"
