"""Which parts of the ledningssystem carry which requirement, and the status that follows.

A requirement is *covered* when something references it (a process, activity, routine, role,
service, quality area) or, for evidence that is a yearly product (riskanalys, kvalitetsberättelse...), when
the årscykel has an event producing it. Its *status* compares what it expects (``evidens``) with
what exists; the municipality may override the status in ``sjalvskattning.yaml``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lsk.analysis.corpus import Carrier, Corpus
from lsk.analysis.migration import in_force_replacements
from lsk.model.arscykel import Handelse
from lsk.model.kinds import DocumentKind, id_kinds, yearly_kinds
from lsk.model.krav import Forfattning, Krav
from lsk.model.labels import field_labels, labels_of
from lsk.model.sjalvskattning import Status
from lsk.swedish import count

STATUS_TEXT = {**labels_of(Status).text, "informativ": "informativ"}
"""A requirement's status in words: the statuses a municipality can assess, and 'informativ'
for a provision that asks for no evidence."""
PRODUCT_TEXT = field_labels(Handelse, "producerar").text
_CARRIER_KIND = {"process": ("process", "aktivitet"), "rutin": ("rutin",), "roll": ("roll",)}


@dataclass
class Assessment:
    krav: Krav
    relpath: str
    index: int
    status: str
    derived: str
    motivation: str = ""
    carriers: list[Carrier] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """What the provision asks for that is not shown, in words."""
    year: int = 0
    """The year whose records were read for yearly work."""

    @property
    def counted(self) -> bool:
        """Part of the coverage figure: applicable and asking for evidence."""
        return self.status not in ("ej_tillamplig", "informativ")

    @property
    def covered(self) -> bool:
        return bool(self.carriers)

    @property
    def statute(self) -> str:
        """The författning's id: 'SFS-2025:400'."""
        return self.krav.id.split("/", 1)[0]

    @property
    def chapter(self) -> str:
        """'SOSFS-2011:9 4 kap.' or the författning alone when it has no chapters."""
        forfattning, *parts = self.krav.id.split("/")
        return f"{forfattning} {parts[0]} kap." if len(parts) == 2 else forfattning


def _products(corpus: Corpus) -> dict[str, list[Carrier]]:
    out: dict[str, list[Carrier]] = defaultdict(list)
    for relpath, cycle in corpus.cycle:
        for i, h in enumerate(cycle.handelser):
            when = h.months()[0] if h.dated else h.rhythm()  # a month: a link to it
            out[h.producerar].append(Carrier("arscykel", f"{when}/{h.producerar}", relpath,
                                             ("handelser", i)))
    return out


def default_year(corpus: Corpus) -> int:
    """The year whose records show the yearly work when none is asked for: the last whole year."""
    return corpus.today.year - 1


def assess(corpus: Corpus, year: int | None = None) -> list[Assessment]:
    """One assessment per requirement in the catalog and the repository's own krav/.

    Yearly work (riskanalys, egenkontroll, sammanställning av avvikelser, brukarundersökning) is
    shown by ``year``'s records, not by the årscykel's plan alone; a process or routine carries a
    provision fully only when it is fastställd. Every status says why, in words.
    """
    year = default_year(corpus) if year is None else year
    by_requirement: dict[str, list[Carrier]] = defaultdict(list)
    for rid, carrier in corpus.lagkrav_references:
        by_requirement[rid].append(carrier)
    evidence = _Evidence(corpus, year)
    out = []
    for rid, (relpath, index, krav) in corpus.requirements.items():
        carriers = list(by_requirement.get(rid, []))
        shown: list[str] = []
        missing: list[str] = []
        for wanted in krav.evidens:
            found, text, ok = evidence.of(wanted, carriers)
            carriers += [c for c in found if c not in carriers]
            (shown if ok else missing).append(text)
        derived, motivation = _derive(krav, corpus, carriers, shown, missing)
        repealed = krav.upphavd is not None and krav.upphavd <= corpus.today
        if repealed:
            carriers = []  # a repealed provision is never listed as carried (LSK511 names them)
            now = in_force_replacements(corpus, rid)
            if now:
                motivation += ", ersatt av " + ", ".join(now)
        a = Assessment(krav, relpath, index, derived, derived, motivation, carriers, missing, year)
        own = corpus.assessments.get(rid)
        if own is not None and not repealed:  # an old self-assessment cannot revive repealed law
            a.status, a.motivation = own.status, own.motivering
        out.append(a)
    return out


class _Evidence:
    """What in the corpus shows one kind of evidence, for one year."""

    def __init__(self, corpus: Corpus, year: int) -> None:
        self.corpus, self.year = corpus, year
        self.products = _products(corpus)
        # fastställd by its own decision or by the approved edition containing it (LSK508)
        self.fastställd = {d.model.id for d in corpus.governing
                           if (a := corpus.approval_of(d.model)) is not None
                           and a.decision.datum <= corpus.today}
        self.yearly: dict[str, DocumentKind] = {k.promised_by: k for k in yearly_kinds()
                                                if k.promised_by}

    def of(self, wanted: str, carriers: list[Carrier]) -> tuple[list[Carrier], str, bool]:
        """(carriers that show it, what shows it or what is missing in words, whether shown)."""
        if wanted in _CARRIER_KIND:
            mine = [c for c in carriers if c.kind in _CARRIER_KIND[wanted]]
            label, plural = id_kinds()[wanted].LABEL, id_kinds()[wanted].PLURAL
            documents = list(dict.fromkeys(c.id.split(".")[0] for c in mine))
            if not documents:
                return [], label, False
            if wanted in ("process", "rutin") and not set(documents) & self.fastställd:
                which = ("den är inte fastställd" if len(documents) == 1
                         else "ingen av dem är fastställd")
                return mine, (f"fastställd {label} ({count(len(documents), label, plural)} "
                              f"hänvisar till bestämmelsen men {which})"), False
            return mine, count(len(documents), label, plural), True
        planned = self.products.get(wanted, [])
        name = PRODUCT_TEXT[wanted].lower()
        kind = self.yearly.get(wanted)
        if kind is None:
            if not planned:
                return [], name, False
            months = ", ".join(dict.fromkeys(c.id.split("/")[0] for c in planned))
            return planned, f"{name} i årscykeln ({months})", True
        done = [d for k, d in self.corpus.records
                if k is kind and d.model.ar == self.year and d.model.poster()]
        if not done:
            what = f"{kind.label} för {self.year}"
            return planned, (f"{what} (planerade i årscykeln)" if planned else what), False
        items = sum(len(d.model.poster()) for d in done)
        item = done[0].model.item_class()
        return planned, f"{kind.label} {self.year} ({count(items, item.LABEL, item.PLURAL)})", True


def _derive(krav: Krav, corpus: Corpus, carriers: list[Carrier], shown: list[str],
            missing: list[str]) -> tuple[str, str]:
    if krav.upphavd and krav.upphavd <= corpus.today:
        return "ej_tillamplig", f"upphävd {krav.upphavd.isoformat()}"
    if krav.giltig_fran and krav.giltig_fran > corpus.today:
        return "ej_tillamplig", f"gäller från {krav.giltig_fran.isoformat()}"
    if not set(krav.galler) & corpus.forms:
        return "ej_tillamplig", "gäller inte de verksamhetsformer som anges i lsk.yaml"
    if not krav.evidens:
        return "informativ", "bestämmelsen kräver ingen egen dokumentation"
    if not missing:
        return "uppfylls", "visas av: " + "; ".join(shown)
    if carriers or shown:
        return "uppfylls_delvis", "saknas: " + "; ".join(missing)
    return "uppfylls_ej", "inget i ledningssystemet hänvisar till bestämmelsen"


def coverage(assessments: list[Assessment],
             statutes: dict[str, Forfattning] | None = None) -> dict[str, Any]:
    """Covered share per författning, per chapter (with the law's chapter title) and in total,
    over the counted requirements."""
    statutes = statutes or {}
    chapters: dict[str, list[int]] = {}
    by_statute: dict[str, list[int]] = {}
    titles: dict[str, str] = {}
    for a in assessments:
        if a.counted:
            row = chapters.setdefault(a.chapter, [0, 0])
            row[0] += a.covered
            row[1] += 1
            total = by_statute.setdefault(a.statute, [0, 0])
            total[0] += a.covered
            total[1] += 1
            statute = statutes.get(a.statute)
            number = a.krav.id.split("/")[1] if a.krav.id.count("/") == 2 else ""
            titles[a.chapter] = statute.kapitel.get(number, "") if statute and number else ""
    covered = sum(r[0] for r in chapters.values())
    total_count = sum(r[1] for r in chapters.values())
    return {
        "covered": covered,
        "total": total_count,
        "percent": _pct(covered, total_count),
        "statutes": [{"statute": fid, "name": statutes[fid].kortnamn if fid in statutes else fid,
                      "covered": r[0], "total": r[1], "percent": _pct(*r)}
                     for fid, r in by_statute.items()],
        "chapters": [{"chapter": c, "title": titles.get(c, ""), "covered": r[0], "total": r[1],
                      "percent": _pct(*r)} for c, r in chapters.items()],
    }


def _pct(covered: int, total: int) -> float:
    return round(100.0 * covered / total, 1) if total else 100.0
