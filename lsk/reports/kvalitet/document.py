"""The kvalitetsberättelse as a format-neutral document: sections of text, tables and charts.

Markdown, HTML/PDF and DOCX all render this one structure, so the formats cannot disagree.
Sections follow SOSFS 2011:9: ansvar (3 kap.), uppbyggnad and samverkan (4 kap.), förbättrings-
arbete (5 kap.), personalens medverkan (6 kap.), and the fokusområden for next year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from lsk.analysis.coverage import STATUS_TEXT
from lsk.model.berattelse import Egenbedomning
from lsk.model.labels import value_label
from lsk.model.poster import Egenkontroll
from lsk.model.tidpunkt import as_written
from lsk.model.undersokning import Undersokning
from lsk.reports.kvalitet import charts
from lsk.reports.kvalitet.figures import (
    STATUSNAMN,
    STATUSNAMN_PLURAL,
    TYPNAMN,
    Compilation,
    Figures,
    share,
)
from lsk.reports.kvalitet.masking import HIDDEN, MaskedTable
from lsk.swedish import count
from lsk.typografi import Plan, column_kinds, plan


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""
    kinds: list[str] | None = None
    """Declared kind of each column, 'tal' (right-aligned) or 'text'; None: read from the cells."""

    @property
    def columns(self) -> list[str]:
        """Each column's kind, 'tal' or 'text', as declared or read from every cell."""
        return column_kinds(self.header, self.rows, self.kinds)

    @property
    def plan(self) -> Plan:
        """Column widths from the content and the table's form on an A4 page."""
        return plan(self.header, self.rows, self.columns)


@dataclass
class Chart:
    name: str
    alt: str
    svg: Markup


@dataclass
class Section:
    heading: str
    level: int = 2
    requires: list[tuple[str, str, str]] = field(default_factory=list)
    """(provision id, rubrik, status) — what the provisions ask and the assessment."""
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)

    @property
    def requires_table(self) -> Table:
        """``requires`` as a table like the others (three text columns)."""
        return Table("Vad bestämmelserna kräver och bedömningen",
                     ["Bestämmelse", "Vad den kräver", "Bedömning"],
                     [list(r) for r in self.requires], kinds=["text", "text", "text"])


DRAFT = "Utkast"
"""The mark on every page of a report made from records with errors (``--utkast``)."""
DRAFT_NOTE = ("Utkast: årets poster har fel, så siffrorna kan vara fel. Publicera inte "
              "berättelsen förrän felen är rättade ('lsk check').")


@dataclass
class Document:
    title: str
    intro: list[str]
    sections: list[Section]
    draft: bool = False
    """Made with ``--utkast`` from records with errors: every page says so."""


def provision(ref: str) -> str:
    """A provision id as it is cited: 'SOSFS-2011:9/4/4' → 'SOSFS 2011:9 4 kap. 4 §',
    'SFS-1993:387/24a' → 'SFS 1993:387 24 a §'."""
    statute, *parts = ref.split("/")
    m = re.fullmatch(r"([A-Z]+(?:-[A-Z]+)*)-(\d{4}:\d+)", statute)
    if m is None:
        return ref
    head = f"{m.group(1).replace('-', ' ')} {m.group(2)}"
    parts = [re.sub(r"^(\d+) ?([a-z])$", r"\1 \2", p) for p in parts]
    if len(parts) == 2:
        return f"{head} {parts[0]} kap. {parts[1]} §"
    return f"{head} {parts[0]} §" if parts else head


def _requires(f: Figures, chapter: str, only: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    return [(provision(a.krav.id), a.krav.rubrik + ("" if a.krav.verifierad else " *"),
             f"{STATUS_TEXT[a.status]}: {a.motivation}" if a.motivation else STATUS_TEXT[a.status])
            for a in f.chapters.get(chapter, [])
            if not only or a.krav.id.split("/")[-1] in only]


def build(f: Figures, *, draft: bool = False) -> Document:
    if f.internal:
        masking = "Intern version: alla antal visas."
    elif f.threshold <= 1:
        masking = f"Alla antal visas (maskningsgränsen är {f.threshold})."
    else:
        masking = (f"Antal per typ gäller hela nämnden och visas alltid. I tabellen per enhet "
                   f"döljs antal under {f.threshold}, och de celler och summor som annars skulle "
                   "låta dem räknas fram, så att ingen enskild kan pekas ut. Dolda värden visas "
                   "som ×.")
    own = f.narrative
    intro = [*([own.inledning] if own and own.inledning else []),
             *([own.syfte] if own and own.syfte else []),
             f"Kvalitetsberättelsen redovisar hur {f.namnd} i {f.kommun} arbetade med att "
             f"systematiskt och fortlöpande utveckla och säkra kvaliteten under {f.year}, vilka "
             "åtgärder som vidtogs och vilka resultat som nåddes (SOSFS 2011:9 7 kap. 1 § med "
             "allmänna råd). Alla siffror är framräknade ur årets poster i ledningssystemet.",
             masking, "Bestämmelser märkta * återges med en text som inte verifierats mot källan."]
    if own and own.bedomning:
        intro.append(_assessment(f, "Nämndens samlade bedömning", own.bedomning))
    sections = [
        _own_words(f, "3", _compiled(f, "ansvar", Section(
            "Ansvar för kvalitetsarbetet (3 kap.)", requires=_requires(f, "3"),
            paragraphs=[f"Ledningssystemet omfattar {f.processes} processer och {f.routines} "
                        f"rutiner. Täckningen av tillämpliga krav är "
                        f"{str(f.coverage_percent).replace('.', ',')} %."]))),
        _own_words(f, "4", _compiled(f, "samverkan", Section(
            "Ledningssystemets uppbyggnad och samverkan (4 kap.)", requires=_requires(f, "4")))),
        _own_words(f, "5", _improvement(f)),
        *_improvement_parts(f),
        _own_words(f, "6", _compiled(f, "personal", Section("Personalens medverkan (6 kap.)",
                                                            requires=_requires(f, "6")))),
        _focus(f),
        _own_words(f, "7", _documentation(f)),
    ]
    title = f"Kvalitetsberättelse {f.year}" + (f" – {DRAFT.lower()}" if draft else "")
    if draft:
        intro.insert(0, DRAFT_NOTE)
    return Document(title, intro, sections, draft)


def _assessment(f: Figures, who: str, b: Egenbedomning) -> str:
    return (f"{who} {f.year}: {value_label(Egenbedomning, 'bedomning', b.bedomning)}. "
            f"{b.motivering}")


def _own_words(f: Figures, chapter: str, s: Section) -> Section:
    """The nämnd's text for the chapter and its own assessment, before the computed figures."""
    own = f.narrative.chapter(chapter) if f.narrative else None
    if own is not None:
        words = [own.text]
        if own.bedomning:
            words.append(_assessment(f, "Nämndens egen bedömning", own.bedomning))
        s.paragraphs[:0] = words
    return s


def _documentation(f: Figures) -> Section:
    s = Section("Dokumentation (7 kap.)", requires=_requires(f, "7"))
    s.tables.append(Table(f"Underlag: årets poster {f.year}", ["Underlag", "Källa", "Innehåll"], [
        [u.namn, u.fil or "saknas", u.innehall or "–"] for u in f.underlag]))
    return s


def _improvement(f: Figures) -> Section:
    return Section("Systematiskt förbättringsarbete (5 kap.)", requires=_requires(f, "5"))


def _improvement_parts(f: Figures) -> list[Section]:
    parts = [_compiled(f, "avvikelser", _deviations(f))]
    if any(c.avsnitt == "tillsyn" for c in f.compilations):
        parts.append(_compiled(f, "tillsyn", Section(
            "Tillsyn och beslut från IVO och andra myndigheter", level=3)))
    parts += [_compiled(f, "riskanalyser", _risks(f)),
              _compiled(f, "egenkontroller", _controls(f)),
              _compiled(f, "atgarder", _measures(f)),
              _compiled(f, "undersokningar", _surveys(f))]
    if any(c.avsnitt == "ovrigt" for c in f.compilations):
        parts.append(_compiled(f, "ovrigt", Section("Övriga sammanställningar", level=3)))
    return [*parts, _follow_up(f)]


def _compiled(f: Figures, avsnitt: str, s: Section) -> Section:
    """The year's compilations for the section, after what lsk computes, each as a table."""
    for c in f.compilations:
        if c.avsnitt == avsnitt:
            s.tables.append(compilation_table(c))
    return s


def compilation_table(c: Compilation) -> Table:
    """A compilation as a table: a row per category, a column per year (the report year last),
    and the change since the year before when there is one."""
    unit = f" {c.enhet}" if c.enhet else ""
    year = c.years[-1]
    compare = year - 1 in c.years
    rows = []
    for kategori, values in c.rows:
        row = [kategori, *[_value(values.get(y)) + (unit if y in values else "")
                           for y in c.years]]
        if compare:
            now, then = values.get(year), values.get(year - 1)
            row.append("–" if now is None or then is None else f"{now - then:+g}".replace(".", ","))
        rows.append(row)
    header = ["", *[str(y) for y in c.years], *(["Förändring"] if compare else [])]
    missing = any("–" in r[1:] for r in rows)
    note = "–: inget värde det året." if missing else ""
    if compare and c.enhet == "%":
        note = (note + " Förändringen är i procentenheter.").strip()
    if c.kommentar:
        note = f"{c.kommentar} {note}".strip()
    return Table(c.rubrik, header, rows, note, kinds=["text", *["tal"] * (len(header) - 1)])


def _compared_years(f: Figures) -> list[int]:
    """The years the deviation tables compare with: the year before always, and the year
    before that when it has a record."""
    return sorted({f.year - 1, *f.earlier_years})


def _deviations(f: Figures) -> Section:
    s = Section("Analys av rapporterade avvikelser, klagomål och synpunkter", level=3)
    if not f.by_type:
        s.paragraphs.append(f"Inga avvikelser finns registrerade för {f.year}.")
        return s
    s.paragraphs.extend(_deviation_text(f))
    years = _compared_years(f)

    def earlier(values: dict[int, int], y: int) -> str:
        return str(values[y]) if y in values else "–"

    rows = [[r.namn, str(r.antal), r.andel, *[earlier(r.tidigare, y) for y in years],
             r.forandring] for r in f.by_type]
    rows.append(_summary_row("Rapporter totalt", f.deviations_total, f.deviations_previous, f,
                             "rapporter", f.reports_earlier))
    if f.not_deviations or f.not_deviations_previous:
        if f.share_base == "avvikelser":
            rows.append(_summary_row("Bedömda som ej avvikelse", f.not_deviations,
                                     f.not_deviations_previous, f, "", f.not_deviations_earlier))
        prior = (None if f.deviations_previous is None or f.not_deviations_previous is None
                 else f.deviations_previous - f.not_deviations_previous)
        rows.append(_summary_row("Avvikelser", f.deviations_total - f.not_deviations, prior, f,
                                 "avvikelser", {y: n - f.not_deviations_earlier.get(y, 0)
                                                for y, n in f.reports_earlier.items()}))
    change = f"Förändring mot {f.year - 1}" if len(years) > 1 else "Förändring"
    s.tables.append(Table("Avvikelser per typ", ["Typ", str(f.year), "Andel",
                                                 *[str(y) for y in years], change], rows,
                          f"Andelarna är räknade av {_base_text(f)}."))
    s.charts.append(Chart("avvikelser-per-typ", "Avvikelser per typ", charts.bars(
        f"Avvikelser per typ {f.year}", [(r.namn, r.antal, str(r.antal)) for r in f.by_type])))
    if f.by_unit is not None:
        s.tables.append(_unit_table(f, f.by_unit))
        s.charts.append(_unit_chart(f, f.by_unit))
    if f.by_department_years:
        s.tables.append(_department_years(f))
    s.paragraphs.extend(_notifications(f))
    if f.causes:
        if f.causes_previous is None:
            s.tables.append(Table("Orsaker enligt den samlade analysen", ["Orsak", "Antal"],
                                  [[c.orsak, _count(c.antal)] for c in f.causes]))
        else:
            before = f.causes_previous
            s.tables.append(Table("Orsaker enligt den samlade analysen",
                                  ["Orsak", str(f.year), str(f.year - 1)],
                                  [[c.orsak, _count(c.antal), _count(before.get(c.orsak))]
                                   for c in f.causes],
                                  f"{f.year - 1}: samma orsak med samma ord året före; – när den "
                                  "inte fanns eller saknade antal."))
    if f.analysis:
        s.paragraphs.append(f.analysis)
    return s


def _count(n: int | None) -> str:
    return "–" if n is None else str(n)


def _department_years(f: Figures) -> Table:
    """The departments' totals year by year, each year as masked as its own report."""
    years = sorted(f.by_department_years)
    tables = [f.by_department_years[y] for y in years]
    rows_in_order: list[str] = []
    for t in reversed(tables):  # the report year's order first, then places only earlier
        rows_in_order.extend(r for r in t.top if r not in rows_in_order)
    totals_are_reports = any(t.totals_are_reports for t in tables)
    rows = [[f.unit_names.get(r, r), *[t.row_totals.get(r, "–") for t in tables]]
            for r in rows_in_order]
    rows.append(["Totalt", *[t.total for t in tables]])
    notes = []
    if f.undistributed or any(t.total != str(n) for t, n in
                              zip(tables, [*[f.reports_earlier.get(y, -1) for y in years[:-1]],
                                           f.deviations_total], strict=True)):
        notes.append("Antal som inte är fördelade på enhet ingår inte.")
    if not (f.internal or f.threshold <= 1):
        notes.append("×: dolt som i årets tabell per enhet.")
    notes.append("–: inga antal det året.")
    what = "Rapporter" if totals_are_reports else "Antal"
    by = "avdelning" if any(t.subtotals for t in tables) else f.departments_are
    return Table(f"{what} per {by} och år", [_capital(by), *[str(y) for y in years]], rows,
                 " ".join(notes), kinds=["text", *["tal"] * len(years)])


def _unit_table(f: Figures, t: MaskedTable) -> Table:
    def label(r: str) -> str:
        name = f.unit_names.get(r, r)
        return f"Summa {name}" if r in t.subtotals else name

    header = ["Enhet" if t.subtotals else _capital(f.departments_are),
              *[TYPNAMN[str(c)] for c in t.cols],
              "Rapporter" if t.totals_are_reports else "Totalt"]
    rows = [[label(r), *[t.cells[(r, c)] for c in t.cols], t.row_totals[r]] for r in t.rows]
    rows.append(["Totalt", *[t.col_totals[c] for c in t.cols], t.total])
    notes = []
    if t.subtotals:
        notes.append("Varje avdelnings enheter står före avdelningens summa.")
    if t.totals_are_reports:
        notes.append("En rapport kan ha flera typer, så raderna summerar till mer än "
                     "rapporterna.")
    if f.undistributed:
        given = ", ".join(f"{TYPNAMN[t_]} {n}" for t_, n in f.undistributed.items())
        notes.append(f"Inte fördelat på enhet och därför bara med i tabellen per typ: {given}.")
    if not (f.internal or f.threshold <= 1):
        notes.append(f"×: dolt (färre än {f.threshold}, eller dolt så att ett sådant antal inte "
                     "kan räknas fram ur summorna).")
    by = "avdelning, enhet" if t.subtotals else f.departments_are
    return Table(f"Avvikelser per {by} och typ", header, rows, " ".join(notes))


def _unit_chart(f: Figures, t: MaskedTable) -> Chart:
    """Bars for what the table shows at its top level; a hidden total gets no bar at all."""
    shown = [(f.unit_names.get(r, r), float(t.row_totals[r]), t.row_totals[r]) for r in t.top
             if t.row_totals[r] != HIDDEN]
    left_out = len(t.top) - len(shown)
    by = "avdelning" if t.subtotals else "enhet"
    alt = f"Avvikelser per {by}" + (f" ({left_out} med dolda antal visas inte)" if left_out
                                     else "")
    return Chart(f"avvikelser-per-{by}", alt, charts.bars(f"{alt} {f.year}", shown))


def _deviation_text(f: Figures) -> list[str]:
    previous = "" if f.deviations_previous is None else (
        f" ({f.deviations_previous} året före, {f.deviations_total - f.deviations_previous:+d})")
    out = [f"Under {f.year} registrerades {count(f.deviations_total, 'rapport', 'rapporter')} "
           f"om avvikelser, synpunkter och klagomål{previous}."]
    if f.not_deviations:
        out.append(f"{f.not_deviations} av dem bedömdes inte vara avvikelser, så "
                   f"{f.deviations_total - f.not_deviations} var avvikelser, synpunkter eller "
                   "klagomål.")
    if f.type_sum > f.deviations_total:
        out.append(f"En rapport kan ha flera typer, så typerna summerar till {f.type_sum} och "
                   "andelarna till mer än 100 %.")
    return out


def _base_text(f: Figures) -> str:
    whole = ("rapporterna" if f.share_base == "rapporter"
             else "rapporterna som bedömdes vara avvikelser")
    rounding = "i hela procent" if f.decimals == 0 else "med en decimal"
    return f"de {f.share_whole} {whole}, {rounding}"


def _summary_row(name: str, n: int, prior: int | None, f: Figures, base: str,
                 earlier: dict[int, int]) -> list[str]:
    values = {**earlier, **({} if prior is None else {f.year - 1: prior})}
    return [name, str(n), share(n, f.share_whole, f.decimals) if base == f.share_base else "–",
            *[str(values[y]) if y in values else "–" for y in _compared_years(f)],
            "–" if prior is None else f"{n - prior:+d}"]


def _notifications(f: Figures) -> list[str]:
    """Anmälningar to IVO and IMY, each as a share of the reports it could come from."""
    parts = []
    words = {"lex_sarah": ("lex Sarah-ärende", "lex Sarah-ärenden"),
             "lex_maria": ("lex Maria-ärende", "lex Maria-ärenden")}
    if f.reported_ivo_apart:  # as the report gives them: each type of its own cases
        apart = [f"{n} av {count(f.reportable_apart[t], *words[t])} "
                 f"({share(n, f.reportable_apart[t], f.decimals)})"
                 for t, n in f.reported_ivo_apart.items()]
        out = [f"Till IVO anmäldes {' och '.join(apart)}."]
        if f.reported_imy is not None:
            of = count(f.reportable_imy, "personuppgiftsincident", "personuppgiftsincidenter")
            out.append(f"Till IMY anmäldes {f.reported_imy} av {of} "
                       f"({share(f.reported_imy, f.reportable_imy, f.decimals)}).")
        return [" ".join(out)]
    if f.reported_ivo is not None:
        of = count(f.reportable_ivo, "lex Sarah- eller lex Maria-ärende",
                   "lex Sarah- och lex Maria-ärenden")
        rate = share(f.reported_ivo, f.reportable_ivo, f.decimals)
        parts.append(f"{f.reported_ivo} av {of} ({rate}) anmäldes till IVO")
    if f.reported_imy is not None:
        of = count(f.reportable_imy, "personuppgiftsincident", "personuppgiftsincidenter")
        rate = share(f.reported_imy, f.reportable_imy, f.decimals)
        parts.append(f"{f.reported_imy} av {of} ({rate}) till IMY")
    return [" och ".join(parts) + "."] if parts else []


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _risks(f: Figures) -> Section:
    s = Section("Riskanalyser", level=3)
    s.paragraphs.append(f"{count(len(f.risks), 'risk', 'risker')} analyserades under {f.year}.")
    if f.risks and f.matrix is not None:
        rows = []
        for r in f.risks:
            before = f.matrix.level(min(r.sannolikhet, f.matrix.storlek),
                                    min(r.konsekvens, f.matrix.storlek)).namn
            after = "–" if r.efter_sannolikhet is None or r.efter_konsekvens is None else \
                f.matrix.level(min(r.efter_sannolikhet, f.matrix.storlek),
                               min(r.efter_konsekvens, f.matrix.storlek)).namn
            rows.append([r.handelse, before, after,
                         "; ".join(f.name(a) for a in r.atgarder) or "–"])
        s.tables.append(Table("Riskerna och deras nivå före och efter åtgärder",
                              ["Händelse", "Före", "Efter", "Åtgärder"], rows))
        s.charts.append(Chart("riskmatris", "Riskmatris med antal risker per ruta",
                              charts.heat_map(f"Risker {f.year} i riskmatrisen", f.matrix, f.heat)))
    return s


def _controls(f: Figures) -> Section:
    s = Section("Resultat av egenkontroller", level=3)
    s.paragraphs.append(f"{f.controls_done} av {len(f.controls)} planerade egenkontroller "
                        "genomfördes och dokumenterades.")
    if f.controls:
        s.tables.append(Table("Egenkontroller", ["Vad", "Metod", "Genomförd", "Resultat"], [
            [e.vad, _capital(value_label(Egenkontroll, "metod", e.metod)),
             as_written(e.genomford) if e.genomford else "nej",
             e.resultat or "–"] for e in f.controls]))
    return s


def _measures(f: Figures) -> Section:
    s = Section("Resultat av förbättringsåtgärder", level=3)
    counts = ", ".join(count(n, STATUSNAMN[k], STATUSNAMN_PLURAL[k])
                       for k, n in sorted(f.measures_by_status.items()))
    s.paragraphs.append(f"{count(len(f.measures), 'åtgärd', 'åtgärder')} registrerades" +
                        (f": {counts}." if counts else "."))
    if f.measures:
        s.tables.append(Table("Åtgärder och deras effekt", ["Åtgärd", "Ursprung", "Ansvar",
                                                           "Klar senast", "Status", "Effekt"], [
            [a.atgard, f.origin(a), f.name(a.agare), as_written(a.sista_datum),
             STATUSNAMN[a.status] + (f" ({a.orsak})" if a.orsak else ""), a.effekt or "–"]
            for a in f.measures]))
    return s


SURVEY_YEARS = 5
"""How many years a survey's table shows, the report year last."""


def survey_table(u: Undersokning, year: int) -> Table:
    """One survey as one table: response rate first, then the questions in the survey's order,
    a row per group where the survey reports groups; a column per year up to ``year``."""
    years = [y for y in u.years() if y <= year][-SURVEY_YEARS:]
    groups = {g.id: g.namn for g in u.grupper}

    def label(text: str, group: str | None) -> str:
        return text if group is None else f"{text} – {groups.get(group, group)}"

    def order(group: str | None) -> int:
        return -1 if group is None else list(groups).index(group) if group in groups else len(groups)

    rows = []
    for group in sorted({s.grupp for s in u.svar}, key=order):
        answers = {s.ar: s for s in u.svar if s.grupp == group}
        rows.append([label("Svarsfrekvens", group),
                     *[_response(answers[y].svarsfrekvens, answers[y].antal_svar)
                       if y in answers else "–" for y in years]])
    for q in u.fragor:
        unit = f" {q.enhet}" if q.enhet else ""
        for group in sorted({v.grupp for v in q.varden}, key=order):
            values = {v.ar: v.varde for v in q.varden if v.grupp == group}
            rows.append([label(q.fraga, group),
                         *[_value(values[y]) + unit if y in values else "–" for y in years]])
    by = f", {u.genomfors_av}" if u.genomfors_av else ""
    note = "–: inget värde det året." if any("–" in r[1:] for r in rows) else ""
    return Table(f"{u.namn} ({value_label(Undersokning, 'typ', u.typ)}{by}). "
                 f"Målgrupp: {u.malgrupp}", ["", *[str(y) for y in years]], rows, note)


def _surveys(f: Figures) -> Section:
    s = Section("Resultat av brukarundersökningar och andra indikatorer", level=3)
    s.tables.extend(survey_table(u, f.year) for u in f.surveys)
    if not f.series:
        if not f.surveys:
            s.paragraphs.append("Inga undersökningar eller indikatorvärden finns registrerade.")
        return s
    header = ["Indikator", *[str(y) for y in f.years]]
    rows = [[f"{x.namn}" + (f" ({x.enhet})" if x.enhet else ""),
             *[_value(x.values.get(y)) for y in f.years]] for x in f.series]
    s.tables.append(Table("Indikatorer över åren", header, rows))
    response = [[x.namn, *[_response(x.response.get(y), x.answers.get(y)) for y in f.years]]
                for x in f.series if any(v is not None for v in x.response.values())]
    if response:
        s.tables.append(Table("Svarsfrekvens och antal svar", header, response))
    s.charts.append(Chart("indikatorer", "Indikatorer över åren", charts.grouped_bars(
        "Indikatorer över åren", f.years, [(x.namn, x.values) for x in f.series])))
    return s


def _value(v: float | None) -> str:
    return "–" if v is None else f"{v:g}".replace(".", ",")


def _response(rate: float | None, answers: int | None) -> str:
    if rate is None:
        return "–" if answers is None else f"okänd ({answers} svar)"
    return f"{_value(rate)} %" + ("" if answers is None else f" ({answers} svar)")


def _follow_up(f: Figures) -> Section:
    s = Section(f"Uppföljning av utvecklingsområden från {f.year - 1}", level=3)
    if not f.focus_followed:
        s.paragraphs.append("Inga utvecklingsområden beslutades året före.")
    for area in f.focus_followed:
        s.paragraphs.append(f"{area.rubrik}: {area.uppfoljning or 'ingen uppföljning registrerad.'}")
    return s


def _focus(f: Figures) -> Section:
    s = Section(f"Fokusområden {f.year + 1}")
    if not f.focus_next:
        s.paragraphs.append("Inga fokusområden är beslutade.")
    for area in f.focus_next:
        s.paragraphs.append(f"{area.rubrik} (ansvar: {f.name(area.ansvar)}). "
                            f"{area.beskrivning or ''}".strip())
    return s
