"""What is due this month and what is overdue: the coordinator's to-do list from the model."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from lsk.analysis.corpus import Corpus
from lsk.model.arscykel import MANADER, Handelse
from lsk.model.base import passerat
from lsk.model.kinds import DocumentKind, by_name, id_kinds, yearly_kinds
from lsk.model.labels import value_label
from lsk.model.poster import Atgarder, Egenkontroller, Riskanalyser
from lsk.reports.names import responsible_names

TYPE_LABELS = {"arscykel": by_name("arscykel").label, "revision": "revision",
               "giltighet": "giltighet", "faststallelse": "fastställelse",
               **{k: id_kinds()[k].LABEL for k in ("atgard", "risk", "egenkontroll")}}
"""What each kind of item on the to-do list is called."""


def item_name(typ: str, ident: str) -> str:
    """How a to-do item is named: 'åtgärd atg-2025-03', 'årscykel: Brukarundersökning' (an
    årscykel event's id is the product it produces)."""
    if typ == "arscykel":
        return f"{TYPE_LABELS[typ]}: {value_label(Handelse, 'producerar', ident)}"
    return f"{TYPE_LABELS[typ]} {ident}"


@dataclass(frozen=True)
class Item:
    typ: str
    id: str
    beskrivning: str
    path: str
    datum: str = ""


def _recorded(corpus: Corpus, kind: DocumentKind, month_index: int) -> bool:
    """Whether the event's work is recorded. Events in January and February are the year-end
    compilations (tertial 3 and the whole of last year), so last year's record counts for them;
    later events need this year's."""
    years = {corpus.today.year, corpus.today.year - 1} if month_index < 2 else {corpus.today.year}
    return any(d.model.poster() for k, d in corpus.records if k is kind and d.model.ar in years)


def status(corpus: Corpus) -> dict[str, object]:
    today = corpus.today
    month = MANADER[today.month - 1]
    due: list[Item] = []
    late: list[Item] = []
    promised = {k.promised_by: k for k in yearly_kinds() if k.promised_by}
    ongoing: list[Item] = []
    roles = responsible_names(corpus)
    for relpath, cycle in corpus.cycle:
        for h in cycle.handelser:
            who = roles.get(h.ansvar, h.ansvar)
            what = _described(h, who)
            if h.aterkommer == "lopande":
                ongoing.append(Item("arscykel", h.producerar, what, relpath, h.rhythm()))
                continue
            months = [MANADER.index(m) for m in h.months()]
            if today.month - 1 in months:
                due.append(Item("arscykel", h.producerar, what, relpath, h.senast or month))
            first = months[0]
            if first < today.month - 1 and h.producerar in promised and \
                    not _recorded(corpus, promised[h.producerar], first):
                late.append(Item("arscykel", h.producerar,
                                 f"{h.vad.rstrip('.')}: ingen post för {today.year} "
                                 f"(ansvar: {who})",
                                 relpath, MANADER[first]))
    for g in corpus.governing:
        if passerat(g.model.nasta_revision, today):
            late.append(Item("revision", g.model.id, "revisionsdatum passerat", g.relpath,
                             g.model.nasta_revision.isoformat()))
    for g in corpus.governing:  # what LSK508 says, and every page of the handbook
        if corpus.approval_of(g.model) is None:
            ed = corpus.edition
            late.append(Item("faststallelse", g.model.id,
                             f"ändrad eller tillkommen efter den fastställda utgåvan {ed.tag}"
                             if ed else "inte fastställd", g.relpath,
                             ed.decision.datum.isoformat() if ed else ""))
    for relpath, _, s in corpus.styrdokument:  # kept outside lsk, but revised like rutiner
        if passerat(s.nasta_revision, today):
            late.append(Item("revision", s.id, f"{s.titel}: revisionsdatum passerat",
                             relpath, s.nasta_revision.isoformat()))
        if passerat(s.giltig_till, today):
            late.append(Item("giltighet", s.id, f"{s.titel}: gäller inte längre", relpath,
                             s.giltig_till.isoformat()))
    for log in corpus.of(Atgarder):
        for a in log.model.atgarder:
            if a.overdue(today):
                late.append(Item("atgard", a.id, a.atgard, log.relpath, a.sista_datum.isoformat()))
    matrix = corpus.risk_matrix
    for analyses in corpus.of(Riskanalyser):
        for r in analyses.model.riskanalyser:
            if matrix is not None and matrix.lacks_measures(r):
                late.append(Item("risk", r.id, f"{r.handelse} (utan åtgärder)", analyses.relpath,
                                 r.datum.isoformat()))
    for d in corpus.of(Egenkontroller):
        for e in d.model.egenkontroller:
            if e.missing_result(today):
                late.append(Item("egenkontroll", e.id, f"{e.vad} (utan resultat)", d.relpath,
                                 e.planerad.isoformat()))
    return {"datum": today.isoformat(), "manad": month,
            "denna_manad": [asdict(i) for i in due], "forsenat": [asdict(i) for i in late],
            "lopande": [asdict(i) for i in ongoing]}


def _described(h: Handelse, who: str) -> str:
    """An event on the to-do list: what, when it recurs (unless once a year in one month), the
    document's own note, and the responsible role by its name."""
    parts = [] if h.aterkommer == "arligen" and len(h.given_months) == 1 else [h.rhythm()]
    if h.note:
        parts.append(h.note.rstrip('.'))
    parts.append(f"ansvar: {who}")
    return f"{h.vad} ({'; '.join(parts)})"
