"""The handbook's view model: the corpus indexed the way pages read it (names, reverse links)."""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lsk.analysis.corpus import Approval, Carrier, Corpus
from lsk.analysis.coverage import Assessment, assess, coverage
from lsk.analysis.kapitel import LinkIndex
from lsk.model.arscykel import MANADER, Handelse
from lsk.model.begrepp import Begrepp, Begreppslista, Kvalitetsfaktor
from lsk.model.kapitel import Kapitel, Placering
from lsk.model.labels import labels_of
from lsk.model.omraden import Omrade, Omraden, Omradesansvar
from lsk.model.organisation import Organisation
from lsk.model.process import Aktivitet, Process
from lsk.model.roller import Roll
from lsk.model.rutin import Rutin
from lsk.model.styrdokument import Dokumenttyp, Styrdokument, is_url
from lsk.model.styrning import Mal, Malregister
from lsk.model.tjanster import Tjanst, Tjansteregister
from lsk.render.labels import CARRIER_KINDS, MONTHS, PRODUCTS
from lsk.render.urls import FILES, Urls
from lsk.render.version import Version

MAIN_STATUTE = "SOSFS-2011:9"
_TYPE_ORDER = {"ledningsprocess": 0, "karnprocess": 1, "stodprocess": 2}



def area_heading(chapter: str, place: int, area_id: str) -> str:
    """A placed quality area's heading id in HTML and PDF: namespaced by the part's place in
    the chapter (``lsk.render.direktiv.namespaced``)."""
    return f"{chapter}-{place}-omrade-{area_id}"

@dataclass
class Handbook:
    corpus: Corpus
    version: Version
    processes: list[Process]
    routines: list[Rutin]
    roles: list[Roll]
    organisation: Organisation | None
    names: dict[str, str] = field(default_factory=dict)
    """Id of a role, organ, party or service → its name."""
    role_ids: set[str] = field(default_factory=set)
    organ_ids: set[str] = field(default_factory=set)
    used_in: dict[str, list[tuple[Process, Aktivitet]]] = field(default_factory=dict)
    """Routine id → the activities it governs."""
    styrdokument: list[Styrdokument] = field(default_factory=list)
    """The styrdokument kept outside lsk, grouped by type (the order of ``Dokumenttyp``), then
    by title."""
    styrdokument_used_in: dict[str, list[tuple[Process, Aktivitet]]] = field(default_factory=dict)
    """Styrdokument id → the activities it governs."""
    styrdokument_in_steps: dict[str, list[Rutin]] = field(default_factory=dict)
    """Styrdokument id → the rutiner with a step that follows it."""

    @cached_property
    def chapters(self) -> list[Kapitel]:
        """The written chapters in handbook order (``kapitel/NN-namn.md``)."""
        return [d.model for d in self.corpus.chapters]

    @cached_property
    def begrepp(self) -> list[Begrepp]:
        """The definitions in ``begrepp.yaml``, in the file's order."""
        return [b for d in self.corpus.of(Begreppslista) for b in d.model.begrepp]

    @cached_property
    def kvalitetsfaktorer(self) -> list[Kvalitetsfaktor]:
        """The quality factors in ``begrepp.yaml``, in the file's order."""
        return [k for d in self.corpus.of(Begreppslista) for k in d.model.kvalitetsfaktorer]

    @cached_property
    def omraden(self) -> list[Omrade]:
        """The quality areas in ``omraden.yaml``, in the file's order."""
        return [o for d in self.corpus.of(Omraden) for o in d.model.omraden]

    @cached_property
    def role_areas(self) -> dict[str, list[tuple[Omrade, Omradesansvar]]]:
        """Role or organ id → the quality areas' responsibility lines that name it, as the one
        responsible or together with them, in the file's order."""
        out: dict[str, list[tuple[Omrade, Omradesansvar]]] = defaultdict(list)
        for o in self.omraden:
            for a in o.ansvar:
                for ref in dict.fromkeys((a.ansvar, *a.medverkar)):
                    out[ref].append((o, a))
        return dict(out)

    @cached_property
    def link_index(self) -> LinkIndex:
        """What the chapters' links can reach."""
        return LinkIndex.of(self.corpus)

    @property
    def kommun(self) -> str:
        return self.corpus.config.kommun if self.corpus.config else "kommunen"

    @property
    def namnd(self) -> str:
        return self.corpus.config.namnd if self.corpus.config else "Socialnämnden"

    @property
    def forms(self) -> set[str]:
        """The operator forms the nämnd runs (socialtjanst, lss, halso_och_sjukvard)."""
        return set(self.corpus.forms)

    @property
    def title(self) -> str:
        return f"Ledningssystem för systematiskt kvalitetsarbete – {self.namnd}, {self.kommun}"

    def name(self, ref: str | None) -> str:
        return self.names.get(ref, ref) if ref else ""

    @cached_property
    def process_ids(self) -> set[str]:
        return {p.id for p in self.processes}

    @cached_property
    def routine_ids(self) -> set[str]:
        return {r.id for r in self.routines}

    @cached_property
    def routine_titles(self) -> dict[str, str]:
        return {r.id: r.titel for r in self.routines}

    @cached_property
    def process_names(self) -> dict[str, str]:
        return {p.id: p.namn for p in self.processes}

    @cached_property
    def styrdokument_by_id(self) -> dict[str, Styrdokument]:
        return {s.id: s for s in self.styrdokument}

    @cached_property
    def styrdokument_groups(self) -> list[tuple[str, list[Styrdokument]]]:
        """(heading, documents) per type that has any, in the order of ``Dokumenttyp``:
        ('Delegationsordningar', [...]), ('Riktlinjer', [...]) …"""
        plural = labels_of(Dokumenttyp).plural
        return [(plural[t], docs) for t in plural
                if (docs := [s for s in self.styrdokument if s.typ == t])]

    def link_kind(self, s: Styrdokument) -> str:
        """What a styrdokument's ``lank`` is: 'webb' (a web address), 'fil' (a file in the
        repository, copied beside the handbook), 'saknas' (a file that is not there, LSK516) or
        '' (no link)."""
        if s.lank is None:
            return ""
        if is_url(s.lank):
            return "webb"
        return "fil" if s.lank in self.corpus.attachments else "saknas"

    def linked_file(self, s: Styrdokument) -> str | None:
        """The repository file a styrdokument links to, when it is one and it exists (LSK516
        warns otherwise): the handbook copies it beside the pages."""
        if s.lank is None or is_url(s.lank) or s.lank not in self.corpus.attachments:
            return None
        return s.lank

    @cached_property
    def linked_files(self) -> list[str]:
        """Every repository file a styrdokument links to that exists, each once, sorted."""
        return sorted({f for s in self.styrdokument if (f := self.linked_file(s))})

    def approval_of(self, doc: Process | Rutin) -> Approval | None:
        """What fastställer a process or rutin: its own decision or the approved edition that
        contains it unchanged (the later of the two); None when nothing does (LSK508)."""
        return self.corpus.approval_of(doc)

    def processes_of(self, typ: str) -> list[Process]:
        return [p for p in self.processes if p.typ == typ]

    @cached_property
    def services(self) -> list[Tjanst]:
        return [t for d in self.corpus.of(Tjansteregister) for t in d.model.tjanster]

    @cached_property
    def goals(self) -> list[Mal]:
        return [m for d in self.corpus.of(Malregister) for m in d.model.mal]

    @cached_property
    def months(self) -> list[tuple[str, list[Handelse]]]:
        """Every month of the year with the events that occur in it, in order (empty months
        included): a recurring event is listed in each of its months."""
        events: dict[str, list[Handelse]] = defaultdict(list)
        for _, cycle in self.corpus.cycle:
            for h in cycle.handelser:
                if h.dated:
                    for month in h.months():
                        events[month].append(h)
        return [(m, events.get(m, [])) for m in MANADER]

    @cached_property
    def ongoing(self) -> list[Handelse]:
        """The events without fixed months: continuous ones, and those the document gives only a
        rhythm for ('en gång per kvartal', 'minst en gång per år')."""
        return [h for _, cycle in self.corpus.cycle for h in cycle.handelser if not h.dated]

    @staticmethod
    def rhythm(event: Handelse) -> str:
        """When an event recurs, in words ('en gång per kvartal (januari, april, juli och
        oktober)'); empty for an event once a year in one month."""
        return "" if event.when() in MANADER else event.rhythm()

    @staticmethod
    def when(event: Handelse) -> str:
        """When an event happens, for a list: 'Mars', or 'mars och augusti', 'löpande under
        året'."""
        when = event.when()
        return MONTHS.get(when, when)

    @staticmethod
    def note(event: Handelse) -> str:
        """The event's ``not``, or empty."""
        return event.note or ""

    @cached_property
    def assessments(self) -> list[Assessment]:
        return assess(self.corpus)

    @cached_property
    def coverage(self) -> dict[str, Any]:
        return coverage(self.assessments, self.corpus.statutes)

    @cached_property
    def statutes(self) -> list[tuple[Any, list[Assessment]]]:
        """(författning, its assessments): SOSFS 2011:9 first, the rest in catalog order."""
        grouped: dict[str, list[Assessment]] = defaultdict(list)
        for a in self.assessments:
            grouped[a.krav.id.split("/", 1)[0]].append(a)
        order = sorted(grouped, key=lambda fid: fid != MAIN_STATUTE)
        return [(self.corpus.statutes.get(fid), grouped[fid]) for fid in order]

    def carrier_url(self, c: Carrier, url: Urls) -> str:
        """Where a carrier stands in this output; '' for a quality area no chapter places
        (LSK541 warns about it): there is nowhere to link to."""
        if c.kind == "omrade":
            return self.area_url(c.id, url)
        return url.carrier(c)

    def area_url(self, area_id: str, url: Urls) -> str:
        """The first place a chapter puts a quality area (``::: omraden`` or ``::: omrade ID``),
        or ''."""
        for c in self.chapters:
            for n, part in enumerate(c.delar, start=1):
                if isinstance(part, Placering) and (
                        part.namn == "omraden" or part.namn == "omrade" and area_id in part.argument):
                    heading = area_heading(c.namn, n, area_id)
                    # Markdown headings get their ids from the reader's renderer: the chapter
                    # is the target; the PDF's parts are namespaced by place alone
                    return (url.chapter(c.namn) if url.style == "md" else f"#{heading}"
                            if url.style == "pdf" else url.chapter(c.namn, heading))
        return ""

    def carrier_label(self, c: Carrier) -> str:
        """'rutin R004', 'roll Socialsekreterare', 'årscykel mars: Kvalitetsberättelse'."""
        if c.kind in ("roll", "tjanst"):
            return f"{CARRIER_KINDS[c.kind]} {self.name(c.id)}"
        if c.kind == "omrade":
            area = next((o for o in self.omraden if o.id == c.id), None)
            return f"{CARRIER_KINDS[c.kind]} {area.namn if area else c.id}"
        if c.kind == "arscykel":
            month, _, product = c.id.partition("/")
            return f"{CARRIER_KINDS['arscykel']} {month}: {PRODUCTS[product].lower()}"
        return f"{CARRIER_KINDS[c.kind]} {c.id}"

    def requirement_title(self, krav_id: str) -> str | None:
        entry = self.corpus.requirements.get(krav_id)
        return entry[2].rubrik if entry else None

    @cached_property
    def role_duties(self) -> dict[str, dict[str, list[Any]]]:
        """Role or organ id → what it does: owned processes, activities it is responsible for or
        takes part in, routines, steps, årscykel events."""
        out: dict[str, dict[str, list[Any]]] = defaultdict(
            lambda: {"processer": [], "aktiviteter": [], "medverkar": [], "rutiner": [],
                     "steg": [], "handelser": []})
        for p in self.processes:
            for ref in dict.fromkeys(r for r in (p.agare, p.ansvarig) if r):
                out[ref]["processer"].append(p)
            for a in p.aktiviteter:
                if a.ansvar:
                    out[a.ansvar]["aktiviteter"].append((p, a))
                for ref in dict.fromkeys(a.medverkar):
                    out[ref]["medverkar"].append((p, a))
        for r in self.routines:
            if r.ansvarig:
                out[r.ansvarig]["rutiner"].append(r)
            for ref in dict.fromkeys(x for s in r.steg for x in (s.ansvar, *s.medverkar) if x):
                out[ref]["steg"].append(r)
        for _, month_events in self.months:
            for h in month_events:
                for ref in dict.fromkeys((h.ansvar, *h.medverkar)):
                    out[ref]["handelser"].append(h)
        return out


def copy_linked_files(hb: Handbook, root: Path, dest: Path) -> list[str]:
    """Copy the repository files styrdokument link to into ``dest/filer/`` (same relative path),
    so the site and the Markdown handbook can be moved as one folder. A file that is not a
    regular file inside the root (a link out of it, a folder) is not copied."""
    copied = []
    real_root = os.path.realpath(root)
    for rel in hb.linked_files:
        source = os.path.realpath(os.path.join(root, rel))
        if not source.startswith(real_root + os.sep) or not os.path.isfile(source):
            continue
        target = os.path.join(dest, FILES, *rel.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
        copied.append(rel)
    return copied


def build(corpus: Corpus, version: Version) -> Handbook:
    processes = sorted((d.model for d in corpus.processes),
                       key=lambda p: (_TYPE_ORDER.get(p.typ, 9), p.id))
    routines = sorted((d.model for d in corpus.routines), key=lambda r: r.id)
    roles = [r for _, _, r in corpus.roles]
    orgs = [d.model for d in corpus.of(Organisation)]
    hb = Handbook(corpus, version, processes, routines, roles, orgs[0] if orgs else None)
    if hb.organisation:
        organs = hb.organisation.organ()
        hb.names.update(organs)
        hb.organ_ids = {i for i, _ in organs}
    hb.names.update((t.id, t.namn) for t in hb.services)
    hb.names.update((r.id, r.namn) for r in roles)
    hb.role_ids = {r.id for r in roles}
    used: dict[str, list[tuple[Process, Aktivitet]]] = defaultdict(list)
    for p in processes:
        for a in p.aktiviteter:
            for rid in dict.fromkeys(a.rutiner):
                used[rid].append((p, a))
    hb.used_in = dict(used)
    order = {t: i for i, t in enumerate(labels_of(Dokumenttyp).text)}
    hb.styrdokument = sorted((s for _, _, s in corpus.styrdokument),
                             key=lambda s: (order.get(s.typ, 99), s.titel.casefold(), s.id))
    governs: dict[str, list[tuple[Process, Aktivitet]]] = defaultdict(list)
    for p in processes:
        for a in p.aktiviteter:
            for sid in dict.fromkeys(a.styrdokument):
                governs[sid].append((p, a))
    hb.styrdokument_used_in = dict(governs)
    steps: dict[str, list[Rutin]] = defaultdict(list)
    for r in routines:
        for sid in dict.fromkeys(sid for s in r.steg for sid in s.styrdokument):
            steps[sid].append(r)
    hb.styrdokument_in_steps = dict(steps)
    return hb
