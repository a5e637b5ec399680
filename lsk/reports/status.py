"""What is due this month and what is overdue: the coordinator's to-do list from the model."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from lsk.analysis.corpus import Corpus
from lsk.model.arscykel import MANADER
from lsk.model.poster import RECORD_FOR_PRODUCT


@dataclass(frozen=True)
class Item:
    typ: str
    id: str
    beskrivning: str
    path: str
    datum: str = ""


def _recorded(corpus: Corpus, product: str, month_index: int) -> bool:
    """Whether the event's work is recorded. Events in January and February are the year-end
    compilations (tertial 3 and the whole of last year), so last year's record counts for them;
    later events need this year's."""
    kind, field = RECORD_FOR_PRODUCT[product]
    years = {corpus.today.year, corpus.today.year - 1} if month_index < 2 else {corpus.today.year}
    return any(getattr(d.model, field) for d in corpus.of(kind) if d.model.ar in years)


def status(corpus: Corpus) -> dict[str, object]:
    today = corpus.today
    month = MANADER[today.month - 1]
    due: list[Item] = []
    late: list[Item] = []
    for relpath, cycle in corpus.cycle:
        for h in cycle.handelser:
            index = MANADER.index(h.manad)
            if index == today.month - 1:
                due.append(Item("arscykel", h.producerar, f"{h.vad} (ansvar: {h.ansvar})", relpath,
                                h.senast or month))
            elif index < today.month - 1 and h.producerar in RECORD_FOR_PRODUCT and \
                    not _recorded(corpus, h.producerar, index):
                late.append(Item("arscykel", h.producerar,
                                 f"{h.vad.rstrip('.')}: ingen post för {today.year} "
                                 f"(ansvar: {h.ansvar})",
                                 relpath, h.manad))
    for d in [*corpus.processes, *corpus.routines]:
        if d.model.nasta_revision and d.model.nasta_revision < today:
            late.append(Item("revision", d.model.id, "revisionsdatum passerat", d.relpath,
                             d.model.nasta_revision.isoformat()))
    for d in corpus.of("atgarder"):
        for a in d.model.atgarder:
            if a.overdue(today):
                late.append(Item("atgard", a.id, a.atgard, d.relpath, a.sista_datum.isoformat()))
    matrix = corpus.risk_matrix
    for d in corpus.of("riskanalyser"):
        for r in d.model.riskanalyser:
            if matrix is not None and matrix.lacks_measures(r):
                late.append(Item("risk", r.id, f"{r.handelse} (utan åtgärder)", d.relpath,
                                 r.datum.isoformat()))
    for d in corpus.of("egenkontroller"):
        for e in d.model.egenkontroller:
            if e.missing_result(today):
                late.append(Item("egenkontroll", e.id, f"{e.vad} (utan resultat)", d.relpath,
                                 e.planerad.isoformat()))
    return {"datum": today.isoformat(), "manad": month,
            "denna_manad": [asdict(i) for i in due], "forsenat": [asdict(i) for i in late]}
