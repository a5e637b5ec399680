"""The handbook's view model: the corpus indexed the way pages read it (names, reverse links)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lsk.analysis.corpus import Carrier, Corpus
from lsk.analysis.coverage import Assessment, assess, coverage
from lsk.model.arscykel import MANADER, Handelse
from lsk.model.organisation import Organisation
from lsk.model.process import Aktivitet, Process
from lsk.model.roller import Roll
from lsk.model.rutin import Rutin
from lsk.model.styrning import Mal, Malregister
from lsk.model.tjanster import Tjanst, Tjansteregister
from lsk.render.labels import CARRIER_KINDS, PRODUCTS
from lsk.render.version import Version

MAIN_STATUTE = "SOSFS-2011:9"
_TYPE_ORDER = {"ledningsprocess": 0, "karnprocess": 1, "stodprocess": 2}


def _organs(org: Organisation) -> list[tuple[str, str]]:
    """(id, name) of every named part of the organisation."""
    out = [(org.namnd.id, org.namnd.namn), (org.forvaltning.id, org.forvaltning.namn)]
    out += [(u.id, u.namn) for u in org.utskott]
    for a in org.forvaltning.avdelningar:
        out += [(a.id, a.namn)] + [(e.id, e.namn) for e in a.enheter]
    for group in (org.stab, org.utforare, org.rad, org.externa_parter):
        out += [(x.id, x.namn) for x in group]
    return out


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

    def carrier_label(self, c: Carrier) -> str:
        """'rutin R004', 'roll Socialsekreterare', 'årscykel mars: Kvalitetsberättelse'."""
        if c.kind in ("roll", "tjanst"):
            return f"{CARRIER_KINDS[c.kind]} {self.name(c.id)}"
        if c.kind == "arscykel":
            month, _, product = c.id.partition("/")
            return f"{CARRIER_KINDS['arscykel']} {month}: {PRODUCTS[product].lower()}"
        return f"{CARRIER_KINDS[c.kind]} {c.id}"

    def requirement_title(self, krav_id: str) -> str | None:
        entry = self.corpus.requirements.get(krav_id)
        return entry[2].rubrik if entry else None

    @cached_property
    def role_duties(self) -> dict[str, dict[str, list[Any]]]:
        """Role id → what it is responsible for: owned processes, activities, routines, steps."""
        out: dict[str, dict[str, list[Any]]] = defaultdict(
            lambda: {"processer": [], "aktiviteter": [], "rutiner": [], "steg": []})
        for p in self.processes:
            for ref in dict.fromkeys(r for r in (p.agare, p.ansvarig) if r):
                out[ref]["processer"].append(p)
            for a in p.aktiviteter:
                if a.ansvar:
                    out[a.ansvar]["aktiviteter"].append((p, a))
        for r in self.routines:
            if r.ansvarig:
                out[r.ansvarig]["rutiner"].append(r)
            for ref in dict.fromkeys(s.ansvar for s in r.steg if s.ansvar):
                out[ref]["steg"].append(r)
        return out


def build(corpus: Corpus, version: Version) -> Handbook:
    processes = sorted((d.model for d in corpus.processes),
                       key=lambda p: (_TYPE_ORDER.get(p.typ, 9), p.id))
    routines = sorted((d.model for d in corpus.routines), key=lambda r: r.id)
    roles = [r for _, _, r in corpus.roles]
    orgs = [d.model for d in corpus.of(Organisation)]
    hb = Handbook(corpus, version, processes, routines, roles, orgs[0] if orgs else None)
    if hb.organisation:
        organs = _organs(hb.organisation)
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
    return hb
