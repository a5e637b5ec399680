"""Every figure of the kvalitetsberättelse, computed from the records (nothing is typed in).

The result is plain data that the Markdown/HTML templates and the DOCX writer all render, so the
four formats always show the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lsk.analysis.corpus import Corpus
from lsk.analysis.coverage import Assessment, assess
from lsk.model.kinds import yearly_kinds
from lsk.model.labels import labels_of
from lsk.model.organisation import Organisation
from lsk.model.poster import (
    AVVIKELSETYPER,
    Atgard,
    Atgarder,
    Atgardsstatus,
    Avvikelser,
    Avvikelsetyp,
    Egenkontroll,
    Egenkontroller,
    Fokusomrade,
    Fokusomraden,
    Indikatorvarden,
    Orsak,
    Risk,
    Riskanalyser,
)
from lsk.model.riskmatris import Riskmatris
from lsk.model.styrning import Malregister
from lsk.reports.kvalitet.masking import MaskedTable, mask
from lsk.swedish import count

TYPNAMN = labels_of(Avvikelsetyp).text
STATUSNAMN = labels_of(Atgardsstatus).text
STATUSNAMN_PLURAL = labels_of(Atgardsstatus).plural


def share(part: int, whole: int) -> str:
    """A share as Swedish text with one decimal: '12,5 %'; '–' when there is no whole."""
    return f"{100 * part / whole:.1f} %".replace(".", ",") if whole else "–"


@dataclass
class TypeRow:
    typ: str
    namn: str
    antal: int
    andel: str
    foregaende: int | None
    forandring: str


@dataclass
class Series:
    id: str
    namn: str
    enhet: str
    values: dict[int, float]
    response: dict[int, float | None]
    answers: dict[int, int | None]


@dataclass
class Underlag:
    """One kind of yearly record behind the report: what it is, where, and how many items."""

    namn: str
    fil: str | None
    """The record's file; None when the year has none."""
    innehall: str
    """'6 risker'; 'har fel och är inte med' for a file that did not validate; '' when none."""


@dataclass
class Figures:
    year: int
    kommun: str
    namnd: str
    internal: bool
    threshold: int
    deviations_total: int = 0
    deviations_previous: int | None = None
    by_type: list[TypeRow] = field(default_factory=list)
    by_unit: MaskedTable | None = None
    unit_names: dict[str, str] = field(default_factory=dict)
    reported_ivo: int | None = None
    reported_imy: int | None = None
    causes: list[Orsak] = field(default_factory=list)
    analysis: str = ""
    risks: list[Risk] = field(default_factory=list)
    heat: dict[tuple[int, int], int] = field(default_factory=dict)
    matrix: Riskmatris | None = None
    controls: list[Egenkontroll] = field(default_factory=list)
    controls_done: int = 0
    measures: list[Atgard] = field(default_factory=list)
    measures_by_status: dict[str, int] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    focus_followed: list[Fokusomrade] = field(default_factory=list)
    focus_next: list[Fokusomrade] = field(default_factory=list)
    chapters: dict[str, list[Assessment]] = field(default_factory=dict)
    underlag: list[Underlag] = field(default_factory=list)
    processes: int = 0
    routines: int = 0
    coverage_percent: float = 0.0


def _units(corpus: Corpus) -> dict[str, str]:
    names: dict[str, str] = {}
    for d in corpus.of(Organisation):
        org = d.model
        for unit_id in org.enhetsordning():
            unit = org.enhet(unit_id)
            if unit is not None:
                names[unit_id] = unit.namn
        names.update({u.id: u.namn for u in org.utforare})
    return names


def compute(corpus: Corpus, year: int, *, threshold: int = 5, internal: bool = False) -> Figures:
    config = corpus.config
    f = Figures(year, config.kommun if config else "", config.namnd if config else "", internal,
                threshold)
    f.unit_names = _units(corpus)
    _deviations(corpus, f)
    _risks(corpus, f)
    controls = corpus.record(Egenkontroller, year)
    f.controls = list(controls.egenkontroller) if controls else []
    f.controls_done = sum(1 for e in f.controls if e.genomford and e.resultat)
    measures = corpus.record(Atgarder, year)
    f.measures = list(measures.atgarder) if measures else []
    f.measures_by_status = dict(Counter(a.status for a in f.measures))
    _indicators(corpus, f)
    previous_focus = corpus.record(Fokusomraden, year - 1)
    f.focus_followed = list(previous_focus.fokusomraden) if previous_focus else []
    next_focus = corpus.record(Fokusomraden, year)
    f.focus_next = list(next_focus.fokusomraden) if next_focus else []
    f.underlag = _underlag(corpus, year)
    assessments = assess(corpus, year)
    by_chapter: dict[str, list[Assessment]] = defaultdict(list)
    for a in assessments:
        if a.krav.id.startswith("SOSFS-2011:9/"):
            by_chapter[a.krav.id.split("/")[1]].append(a)
    f.chapters = dict(by_chapter)
    counted = [a for a in assessments if a.counted]
    f.coverage_percent = round(100 * sum(a.covered for a in counted) / len(counted), 1) \
        if counted else 100.0
    f.processes, f.routines = len(corpus.processes), len(corpus.routines)
    return f


def _deviations(corpus: Corpus, f: Figures) -> None:
    current = corpus.record(Avvikelser, f.year)
    previous = corpus.record(Avvikelser, f.year - 1)
    if current is None:
        return
    counts = Counter[str]()
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for a in current.antal:
        counts[a.typ] += a.antal
        cells[(a.enhet, a.typ)] += a.antal
    before = Counter[str]()
    if previous is not None:
        for a in previous.antal:
            before[a.typ] += a.antal
    f.deviations_total = sum(counts.values())
    f.deviations_previous = sum(before.values()) if previous is not None else None
    for typ in AVVIKELSETYPER:
        if counts[typ] or before[typ]:
            prior = before[typ] if previous is not None else None
            change = "–" if prior is None else f"{counts[typ] - prior:+d}"
            f.by_type.append(TypeRow(typ, TYPNAMN[typ], counts[typ],
                                     share(counts[typ], f.deviations_total), prior, change))
    units = sorted({u for u, _ in cells}, key=lambda u: f.unit_names.get(u, u))
    types = [t for t in AVVIKELSETYPER if counts[t]]
    if len(units) > 1:  # with one unit the table would only repeat the counts per type
        f.by_unit = mask(dict(cells), units, types, 0 if f.internal else f.threshold)
    f.reported_ivo, f.reported_imy = current.anmalda_ivo, current.anmalda_imy
    f.causes, f.analysis = list(current.orsaker), current.analys or ""


def _risks(corpus: Corpus, f: Figures) -> None:
    risks = corpus.record(Riskanalyser, f.year)
    f.risks = list(risks.riskanalyser) if risks else []
    f.matrix = corpus.risk_matrix
    f.heat = dict(Counter((r.sannolikhet, r.konsekvens) for r in f.risks))


def _indicators(corpus: Corpus, f: Figures) -> None:
    names = {i.id: (i.namn, i.enhet or "") for d in corpus.of(Malregister) for m in d.model.mal
             for i in m.indikatorer}
    by_id: dict[str, Series] = {}
    years: set[int] = set()
    for d in corpus.of(Indikatorvarden):
        if d.model.ar > f.year:
            continue
        years.add(d.model.ar)
        for v in d.model.varden:
            name, unit = names.get(v.indikator, (v.indikator, ""))
            s = by_id.setdefault(v.indikator, Series(v.indikator, name, unit, {}, {}, {}))
            s.values[d.model.ar] = v.varde
            s.response[d.model.ar] = v.svarsfrekvens
            s.answers[d.model.ar] = v.antal_svar
    f.years = sorted(years)
    f.series = sorted(by_id.values(), key=lambda s: s.namn)


def _underlag(corpus: Corpus, year: int) -> list[Underlag]:
    """Every kind of yearly record, with the year's file and item count (or none): the basis of
    the report, so a kind of record lsk knows is never silently left out of it."""
    out = []
    for kind in yearly_kinds():
        # the first record of the year, as corpus.record gives every figure
        d = next((d for k, d in corpus.records if k is kind and d.model.ar == year), None)
        broken = corpus.left_out_of(kind.name, year)
        if d is not None:
            item = d.model.item_class()
            out.append(Underlag(kind.label.capitalize(), d.relpath,
                                count(len(d.model.poster()), item.LABEL, item.PLURAL)))
        elif broken:
            out.append(Underlag(kind.label.capitalize(), broken[0].relpath,
                                "har fel och är inte med"))
        else:
            out.append(Underlag(kind.label.capitalize(), None, ""))
    return out
