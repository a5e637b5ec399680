"""Every figure of the kvalitetsberättelse, computed from the records (nothing is typed in).

The result is plain data that the Markdown/HTML templates and the DOCX writer all render, so the
four formats always show the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from lsk.analysis.corpus import Corpus
from lsk.analysis.coverage import Assessment, assess
from lsk.analysis.orgtree import OrgTree, Rollup, org_tree, roll_up
from lsk.model.berattelse import Arsberattelse
from lsk.model.kinds import yearly_kinds
from lsk.model.labels import labels_of
from lsk.model.organisation import Organisation
from lsk.model.poster import (
    AVVIKELSETYPER,
    HELA_NAMNDEN,
    RAPPORTER,
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
from lsk.model.sammanstallning import Sammanstallningar
from lsk.model.styrning import Internkontrollplan, Malregister
from lsk.model.undersokning import Undersokning
from lsk.reports.kvalitet.masking import MaskedTable, mask_tree
from lsk.swedish import count

TYPNAMN = labels_of(Avvikelsetyp).text
STATUSNAMN = labels_of(Atgardsstatus).text
STATUSNAMN_PLURAL = labels_of(Atgardsstatus).plural


def share(part: int, whole: int, decimals: int = 1) -> str:
    """A share as Swedish text, rounded half up as municipalities publish it: '12,5 %' with one
    decimal, '13 %' with none; '–' when there is no whole."""
    if not whole:
        return "–"
    exact = Decimal(100 * part) / Decimal(whole)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{rounded} %".replace(".", ",")


@dataclass
class TypeRow:
    typ: str
    namn: str
    antal: int
    andel: str
    foregaende: int | None
    forandring: str
    tidigare: dict[int, int] = field(default_factory=dict)
    """Earlier years shown beside the report year (``Figures.earlier_years``) → count."""


@dataclass
class Series:
    id: str
    namn: str
    enhet: str
    values: dict[int, float]
    response: dict[int, float | None]
    answers: dict[int, int | None]


@dataclass
class Compilation:
    """A compilation by free category (``ar/<år>/sammanstallningar.yaml``) with the same heading's
    values in earlier years."""

    rubrik: str
    avsnitt: str
    enhet: str
    years: list[int]
    """The years shown, oldest first, the report year last."""
    rows: list[tuple[str, dict[int, float]]]
    """(category, year → value) in the report year's order, then categories only earlier."""
    kommentar: str


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
    """Reports (rapporter) in the year; one report may carry several types."""
    deviations_previous: int | None = None
    not_deviations: int = 0
    """Reports judged not to be deviations (the type 'ej_avvikelse')."""
    not_deviations_previous: int | None = None
    type_sum: int = 0
    """The types added up: more than the reports when a report carries several types."""
    share_base: str = "rapporter"
    """What shares are of: 'rapporter' (all reports) or 'avvikelser' (judged as deviations)."""
    share_whole: int = 0
    """The number shares are of."""
    decimals: int = 1
    by_type: list[TypeRow] = field(default_factory=list)
    by_unit: MaskedTable | None = None
    earlier_years: list[int] = field(default_factory=list)
    """Years before the report year with a deviation record, oldest first (at most
    ``EARLIER_YEARS``): the per-type table and the table per department compare with them."""
    reports_earlier: dict[int, int] = field(default_factory=dict)
    """Year in ``earlier_years`` → that year's reports (as ``deviations_total``)."""
    not_deviations_earlier: dict[int, int] = field(default_factory=dict)
    """Year in ``earlier_years`` → reports judged not to be deviations that year."""
    by_department_years: dict[int, MaskedTable] = field(default_factory=dict)
    """Each year's table per unit, masked as that year's report published it (report year and
    ``earlier_years``); the report compares its departments' totals over the years."""
    departments_are: str = "enhet"
    """What the top rows of ``by_unit`` and ``by_department_years`` are: 'avdelning' when every
    one is, else 'enhet'."""
    undistributed: dict[str, int] = field(default_factory=dict)
    """Type → count given for the whole nämnd without a unit: in the totals, in no unit's row."""
    unit_names: dict[str, str] = field(default_factory=dict)
    reported_ivo: int | None = None
    reported_imy: int | None = None
    reported_ivo_apart: dict[str, int] = field(default_factory=dict)
    """'lex_sarah'/'lex_maria' → anmälda till IVO, when the record gives them apart."""
    reportable_ivo: int = 0
    """Lex Sarah and lex Maria reports: what an anmälan to IVO is a share of."""
    reportable_imy: int = 0
    reportable_apart: dict[str, int] = field(default_factory=dict)
    """'lex_sarah'/'lex_maria' → that type's count, for each in ``reported_ivo_apart``."""
    """Personuppgiftsincidenter: what an anmälan to IMY is a share of."""
    causes: list[Orsak] = field(default_factory=list)
    causes_previous: dict[str, int | None] | None = None
    """Cause → count the year before, by the cause's words; None without a record that year."""
    analysis: str = ""
    risks: list[Risk] = field(default_factory=list)
    heat: dict[tuple[int, int], int] = field(default_factory=dict)
    matrix: Riskmatris | None = None
    controls: list[Egenkontroll] = field(default_factory=list)
    controls_done: int = 0
    measures: list[Atgard] = field(default_factory=list)
    measures_by_status: dict[str, int] = field(default_factory=dict)
    narrative: Arsberattelse | None = None
    """The year's own words and self-assessment (``ar/<år>/berattelse.yaml``), if written."""
    compilations: list[Compilation] = field(default_factory=list)
    """The year's compilations by free category, in file order, compared with earlier years."""
    surveys: list[Undersokning] = field(default_factory=list)
    """Surveys with results up to the year, in file order."""
    series: list[Series] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    focus_followed: list[Fokusomrade] = field(default_factory=list)
    focus_next: list[Fokusomrade] = field(default_factory=list)
    chapters: dict[str, list[Assessment]] = field(default_factory=dict)
    underlag: list[Underlag] = field(default_factory=list)
    processes: int = 0
    routines: int = 0
    coverage_percent: float = 0.0
    names: dict[str, str] = field(default_factory=dict)
    """Id → what the report calls it: a role's or unit's name, a record's own words; the report
    shows these, never ids."""

    def name(self, ref: str) -> str:
        return self.names.get(ref, ref)

    def origin(self, a: Atgard) -> str:
        """Where a measure came from, in words."""
        if a.namndbeslut:
            return f"Nämndbeslut {a.namndbeslut}"
        if a.utvecklingsarbete:
            return f"Eget utvecklingsarbete: {a.utvecklingsarbete}"
        return self.name(a.ursprung or "")


def compute(corpus: Corpus, year: int, *, threshold: int = 5, internal: bool = False) -> Figures:
    config = corpus.config
    f = Figures(year, config.kommun if config else "", config.namnd if config else "", internal,
                threshold)
    if config is not None:
        f.share_base = config.kvalitetsberattelse.andel_av
        f.decimals = config.kvalitetsberattelse.decimaler
    f.unit_names = org_tree(corpus).names
    f.names = _names(corpus)
    _deviations(corpus, f)
    _risks(corpus, f)
    controls = corpus.record(Egenkontroller, year)
    f.controls = list(controls.egenkontroller) if controls else []
    f.controls_done = sum(1 for e in f.controls if e.genomford and e.resultat)
    measures = corpus.record(Atgarder, year)
    f.measures = list(measures.atgarder) if measures else []
    f.measures_by_status = dict(Counter(a.status for a in f.measures))
    _indicators(corpus, f)
    f.narrative = corpus.record(Arsberattelse, year)
    f.compilations = _compilations(corpus, year)
    f.surveys = [d.model for d in corpus.of(Undersokning)
                 if any(y <= year for y in d.model.years())]
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


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip(" ,.;:") + "…"


def _names(corpus: Corpus) -> dict[str, str]:
    """Every id a report could otherwise show, with what it is called in words."""
    names: dict[str, str] = {}
    for _, _, role in corpus.roles:
        names[role.id] = role.namn
    for org in (d.model for d in corpus.of(Organisation)):
        names[org.namnd.id] = org.namnd.namn
        names.update({u.id: u.namn for u in org.utskott})
    names.update(org_tree(corpus).names)
    for plan in (d.model for d in corpus.of(Internkontrollplan)):
        names.update({k.id: f"Internkontroll: {_short(k.kontroll)}" for k in plan.kontrollmoment})
    for avv in (d.model for d in corpus.of(Avvikelser)):
        names[avv.id] = f"Avvikelser {avv.ar}"
    for risks in (d.model for d in corpus.of(Riskanalyser)):
        names.update({r.id: f"Risk: {_short(r.handelse)}" for r in risks.riskanalyser})
    for controls in (d.model for d in corpus.of(Egenkontroller)):
        names.update({e.id: f"Egenkontroll: {_short(e.vad)}" for e in controls.egenkontroller})
    for focus in (d.model for d in corpus.of(Fokusomraden)):
        names.update({a.id: f"Fokusområde: {a.rubrik}" for a in focus.fokusomraden})
    for measures in (d.model for d in corpus.of(Atgarder)):
        names.update({a.id: _short(a.atgard, 70) for a in measures.atgarder})
    return names


def _reports(m: Avvikelser, rolled: Rollup) -> int:
    """The year's reports: ``totalt``, else the reports per unit, else one per type."""
    if m.totalt is not None:
        return m.totalt
    if m.rapporter:
        return rolled.total(RAPPORTER)
    return sum(rolled.total(t) for t in AVVIKELSETYPER)


EARLIER_YEARS = 2
"""How many years before the report year the deviation tables compare with."""


def _deviations(corpus: Corpus, f: Figures) -> None:
    current = corpus.record(Avvikelser, f.year)
    previous = corpus.record(Avvikelser, f.year - 1)
    if current is None:
        return
    tree = org_tree(corpus)
    rolled = roll_up(current.counts(), tree)
    counts = {t: rolled.total(t) for t in AVVIKELSETYPER}
    before: dict[str, int] = {}
    if previous is not None:
        rolled_before = roll_up(previous.counts(), tree)
        before = {t: rolled_before.total(t) for t in AVVIKELSETYPER}
        f.deviations_previous = _reports(previous, rolled_before)
        f.not_deviations_previous = before["ej_avvikelse"]
    earlier = {y: m for y in range(f.year - EARLIER_YEARS, f.year)
               if (m := corpus.record(Avvikelser, y)) is not None}
    f.earlier_years = sorted(earlier)
    rolled_earlier = {y: roll_up(r.counts(), tree) for y, r in earlier.items()}
    f.reports_earlier = {y: _reports(earlier[y], r) for y, r in rolled_earlier.items()}
    f.not_deviations_earlier = {y: r.total("ej_avvikelse") for y, r in rolled_earlier.items()}
    f.deviations_total = _reports(current, rolled)
    f.not_deviations = counts["ej_avvikelse"]
    f.type_sum = sum(counts.values())
    f.share_whole = f.deviations_total - (f.not_deviations if f.share_base == "avvikelser" else 0)
    for typ in AVVIKELSETYPER:
        if typ == "ej_avvikelse" and f.share_base == "avvikelser":
            continue  # shown beside the reports, not as a share of the deviations
        if counts[typ] or any(r.total(typ) for r in rolled_earlier.values()):
            prior = before.get(typ, 0) if previous is not None else None
            change = "–" if prior is None else f"{counts[typ] - prior:+d}"
            f.by_type.append(TypeRow(typ, TYPNAMN[typ], counts[typ],
                                     share(counts[typ], f.share_whole, f.decimals), prior, change,
                                     {y: r.total(typ) for y, r in rolled_earlier.items()}))
    f.undistributed = {t: n for t, n in rolled.counted.get(HELA_NAMNDEN, {}).items()
                       if t != RAPPORTER and n}
    threshold = 0 if f.internal else f.threshold
    types = [t for t in AVVIKELSETYPER if rolled.row_total(HELA_NAMNDEN, [t]) < counts[t]]
    groups, cells, reports, names = _table(rolled, tree, types)
    f.unit_names.update(names)
    if sum(len(members) or 1 for _, members in groups) > 1:
        # with one unit the table would only repeat the counts per type
        f.by_unit = mask_tree(cells, groups, types, threshold, reports)
    for y, year in sorted({**rolled_earlier, f.year: rolled}.items()):
        year_types = [t for t in AVVIKELSETYPER
                      if year.row_total(HELA_NAMNDEN, [t]) < year.total(t)]
        year_groups, year_cells, year_reports, year_names = _table(year, tree, year_types)
        f.unit_names.update(year_names)
        if len(year_groups) > 1:
            f.by_department_years[y] = mask_tree(year_cells, year_groups, year_types, threshold,
                                                 year_reports)
    if len(f.by_department_years) < 2:
        f.by_department_years = {}  # nothing to compare with
    tops = {r for t in [*f.by_department_years.values(), *([f.by_unit] if f.by_unit else [])]
            for r in t.top}
    if tops and all(tree.kinds.get(r) == "avdelning" for r in tops):
        f.departments_are = "avdelning"
    f.reported_ivo, f.reported_imy = current.ivo(), current.anmalda_imy
    f.reported_ivo_apart = {t: n for t, n in (("lex_sarah", current.anmalda_ivo_lex_sarah),
                                              ("lex_maria", current.anmalda_ivo_lex_maria))
                            if n is not None}
    f.reportable_ivo = counts["lex_sarah"] + counts["lex_maria"]
    f.reportable_apart = {t: counts[t] for t in f.reported_ivo_apart}
    f.reportable_imy = counts["personuppgiftsincident"]
    f.causes, f.analysis = list(current.orsaker), current.analys or ""
    if previous is not None:
        f.causes_previous = {c.orsak: c.antal for c in previous.orsaker}


OWN = "/egen"
"""Suffix of the row for a department's own counts beside its units' ('ej fördelat på enhet')."""


def _table(rolled: Rollup, tree: OrgTree, types: list[str]
           ) -> tuple[list[tuple[str, list[str]]], dict[tuple[str, str], int],
                      dict[str, int] | None, dict[str, str]]:
    """The table per unit grouped by department: (department, its rows) with the rows' counts,
    reports per row when every row has them, and names for the rows lsk adds."""
    group_of = tree.department

    counted = [p for p in rolled.counted if p != HELA_NAMNDEN]  # in no unit's row
    members: dict[str, list[str]] = {}
    for place in counted:
        members.setdefault(group_of(place), [])
    names: dict[str, str] = {}
    for place in counted:
        head = group_of(place)
        if place != head:
            members[head].append(place)
    for head, rows in members.items():
        if rows and head in counted:  # its own counts beside its units'
            rows.append(head + OWN)
            names[head + OWN] = f"{tree.name(head)}, ej fördelat på enhet"
    groups = [(head, sorted(rows, key=lambda r: tree.sort_key(r.removesuffix(OWN))))
              for head, rows in sorted(members.items(), key=lambda item: tree.sort_key(item[0]))]
    leaves = {r: r.removesuffix(OWN) for head, rows in groups for r in (rows or [head])}
    cells = {(r, t): rolled.counted[place].get(t, 0) for r, place in leaves.items()
             for t in types}
    has_reports = all(RAPPORTER in rolled.counted[place] for place in leaves.values())
    reports = {r: rolled.counted[place][RAPPORTER] for r, place in leaves.items()} \
        if has_reports else None
    return groups, cells, reports, names


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def _compilations(corpus: Corpus, year: int) -> list[Compilation]:
    """Each compilation of the year beside the same heading in up to ``EARLIER_YEARS`` years
    before, category by category (same words, case and spacing aside)."""
    current = corpus.record(Sammanstallningar, year)
    if current is None:
        return []
    earlier = {y: {_same(s.rubrik): s for s in r.sammanstallningar}
               for y in range(year - EARLIER_YEARS, year)
               if (r := corpus.record(Sammanstallningar, y)) is not None}
    out: list[Compilation] = []
    for s in current.sammanstallningar:
        before = {y: by[_same(s.rubrik)] for y, by in earlier.items() if _same(s.rubrik) in by}
        years = [*sorted(before), year]
        rows: dict[str, tuple[str, dict[int, float]]] = {}
        for y, c in [(year, s), *sorted(before.items(), reverse=True)]:
            for row in c.rader:
                rows.setdefault(_same(row.kategori), (row.kategori, {}))[1].setdefault(
                    y, row.varde)
        out.append(Compilation(s.rubrik, s.avsnitt, s.enhet or "", years, list(rows.values()),
                               s.kommentar or ""))
    return out


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
