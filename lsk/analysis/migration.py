"""References to repealed provisions and what replaces them: the plan ``lsk check --fix`` runs.

A reference is rewritten only when its replacement is certain to be one provision (``ersatt_av``
has exactly one entry) and the new provision is not already in the same list. Everything else is
listed with its candidates for a person to decide.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from lsk.analysis.corpus import Carrier, Corpus


@dataclass(frozen=True)
class Rewrite:
    relpath: str
    path: tuple[Any, ...]
    old: str
    new: str


@dataclass(frozen=True)
class Unresolved:
    relpath: str
    path: tuple[Any, ...]
    old: str
    candidates: tuple[str, ...]
    reason: str


def plan(corpus: Corpus) -> tuple[list[Rewrite], list[Unresolved]]:
    """Every reference in the repository's own documents to a provision repealed by
    ``corpus.today``: the ones to rewrite and the ones a person must decide. A reference whose
    line says ``# lsk: ignorera LSK511`` was kept on purpose and is only listed."""
    in_list: dict[tuple[str, tuple[Any, ...]], set[str]] = defaultdict(set)
    for rid, carrier in corpus.lagkrav_references:
        in_list[(carrier.relpath, carrier.path[:-1])].add(rid)
    suppressed = {f.relpath: f.suppressions for f in corpus.files if f.suppressions}
    rewrites: list[Rewrite] = []
    unresolved: list[Unresolved] = []
    for rid, carrier in corpus.lagkrav_references:
        entry = corpus.requirements.get(rid)
        if entry is None or carrier.relpath.startswith("@"):
            continue
        krav = entry[2]
        if krav.upphavd is None or krav.upphavd > corpus.today:
            continue
        replacements = tuple(krav.ersatt_av)
        line = corpus.locate(carrier.relpath, carrier.path)[0]
        if "LSK511" in suppressed.get(carrier.relpath, {}).get(line, ()):
            unresolved.append(Unresolved(carrier.relpath, carrier.path, rid, replacements,
                                         "undantagen med '# lsk: ignorera LSK511' på raden"))
        elif len(replacements) == 1 and replacements[0] not in in_list[_list_of(carrier)]:
            rewrites.append(Rewrite(carrier.relpath, carrier.path, rid, replacements[0]))
        elif len(replacements) == 1:
            unresolved.append(Unresolved(carrier.relpath, carrier.path, rid, replacements,
                                         f"{replacements[0]} står redan i samma lista; ta bort "
                                         f"{rid}"))
        elif replacements:
            unresolved.append(Unresolved(carrier.relpath, carrier.path, rid, replacements,
                                         "flera bestämmelser ersätter den; välj de som gäller"))
        else:
            unresolved.append(Unresolved(carrier.relpath, carrier.path, rid, (),
                                         "ingen motsvarighet är känd i katalogen"))
    return rewrites, unresolved


def _list_of(carrier: Carrier) -> tuple[str, tuple[Any, ...]]:
    return carrier.relpath, carrier.path[:-1]
