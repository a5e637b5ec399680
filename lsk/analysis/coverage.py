"""Which parts of the ledningssystem carry which requirement, and the status that follows.

A requirement is *covered* when something references it (a process, activity, routine, role,
service) or, for evidence that is a yearly product (riskanalys, kvalitetsberättelse...), when
the årscykel has an event producing it. Its *status* compares what it expects (``evidens``) with
what exists; the municipality may override the status in ``sjalvskattning.yaml``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lsk.analysis.corpus import Carrier, Corpus
from lsk.model.krav import Krav
from lsk.model.labels import labels_of
from lsk.model.sjalvskattning import Status

STATUS_TEXT = {**labels_of(Status).text, "informativ": "informativ"}
"""A requirement's status in words: the statuses a municipality can assess, and 'informativ'
for a provision that asks for no evidence."""
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

    @property
    def counted(self) -> bool:
        """Part of the coverage figure: applicable and asking for evidence."""
        return self.status not in ("ej_tillamplig", "informativ")

    @property
    def covered(self) -> bool:
        return bool(self.carriers)

    @property
    def chapter(self) -> str:
        """'SOSFS-2011:9 4 kap.' or the författning alone when it has no chapters."""
        forfattning, *parts = self.krav.id.split("/")
        return f"{forfattning} {parts[0]} kap." if len(parts) == 2 else forfattning


def _products(corpus: Corpus) -> dict[str, list[Carrier]]:
    out: dict[str, list[Carrier]] = defaultdict(list)
    for relpath, cycle in corpus.cycle:
        for i, h in enumerate(cycle.handelser):
            out[h.producerar].append(Carrier("arscykel", f"{h.manad}/{h.producerar}", relpath,
                                             ("handelser", i)))
    return out


def assess(corpus: Corpus) -> list[Assessment]:
    """One assessment per requirement in the catalog and the repository's own krav/."""
    by_requirement: dict[str, list[Carrier]] = defaultdict(list)
    for rid, carrier in corpus.lagkrav_references:
        by_requirement[rid].append(carrier)
    products = _products(corpus)
    out = []
    for rid, (relpath, index, krav) in corpus.requirements.items():
        carriers = list(by_requirement.get(rid, []))
        missing: list[str] = []
        for evidence in krav.evidens:
            if evidence in _CARRIER_KIND:
                if not any(c.kind in _CARRIER_KIND[evidence] for c in carriers):
                    missing.append(evidence)
            elif products.get(evidence):
                carriers += products[evidence]
            else:
                missing.append(evidence)
        derived, motivation = _derive(krav, corpus, carriers, missing)
        a = Assessment(krav, relpath, index, derived, derived, motivation, carriers, missing)
        own = corpus.assessments.get(rid)
        if own is not None:
            a.status, a.motivation = own.status, own.motivering
        out.append(a)
    return out


def _derive(krav: Krav, corpus: Corpus, carriers: list[Carrier],
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
        return "uppfylls", ""
    if carriers or len(missing) < len(krav.evidens):
        return "uppfylls_delvis", "saknas: " + ", ".join(missing)
    return "uppfylls_ej", "inget i ledningssystemet hänvisar till bestämmelsen"


def coverage(assessments: list[Assessment]) -> dict[str, Any]:
    """Covered share per chapter and in total, over the counted requirements."""
    chapters: dict[str, list[int]] = {}
    for a in assessments:
        if a.counted:
            row = chapters.setdefault(a.chapter, [0, 0])
            row[0] += a.covered
            row[1] += 1
    covered = sum(r[0] for r in chapters.values())
    total = sum(r[1] for r in chapters.values())
    return {
        "covered": covered,
        "total": total,
        "percent": _pct(covered, total),
        "chapters": [{"chapter": c, "covered": r[0], "total": r[1], "percent": _pct(*r)}
                     for c, r in chapters.items()],
    }


def _pct(covered: int, total: int) -> float:
    return round(100.0 * covered / total, 1) if total else 100.0
