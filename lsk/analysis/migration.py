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


def in_force_replacements(corpus: Corpus, rid: str) -> tuple[str, ...]:
    """What replaces ``rid`` today: ``ersatt_av`` followed through provisions that were repealed
    in their turn (never round a cycle), ending at provisions in force or unknown to the catalog."""
    out: list[str] = []
    seen = {rid}
    todo = list(_replaced_by(corpus, rid))
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        entry = corpus.requirements.get(current)
        if entry is not None and entry[2].upphavd is not None and entry[2].upphavd <= corpus.today:
            todo.extend(_replaced_by(corpus, current))
        else:
            out.append(current)
    return tuple(dict.fromkeys(out))


def _replaced_by(corpus: Corpus, rid: str) -> list[str]:
    entry = corpus.requirements.get(rid)
    return list(entry[2].ersatt_av) if entry is not None else []


def plan(corpus: Corpus) -> tuple[list[Rewrite], list[Unresolved]]:
    """Every reference in the repository's own documents to a provision repealed by
    ``corpus.today``: the ones to rewrite and the ones a person must decide. A reference whose
    line says ``# lsk: ignorera LSK511`` was kept on purpose and is only listed."""
    in_list: dict[tuple[str, tuple[Any, ...]], set[str]] = defaultdict(set)
    for rid, carrier in corpus.lagkrav_references:
        in_list[(carrier.relpath, carrier.path[:-1])].add(rid)
    planned: set[tuple[tuple[str, tuple[Any, ...]], str]] = set()  # (list, new id) written
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
        replacements = in_force_replacements(corpus, rid)
        line = corpus.locate(carrier.relpath, carrier.path)[0]
        if "LSK511" in suppressed.get(carrier.relpath, {}).get(line, ()):
            unresolved.append(Unresolved(carrier.relpath, carrier.path, rid, replacements,
                                         "undantagen med '# lsk: ignorera LSK511' på raden"))
        elif len(replacements) == 1 and replacements[0] not in in_list[_list_of(carrier)] \
                and (_list_of(carrier), replacements[0]) not in planned:
            planned.add((_list_of(carrier), replacements[0]))
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
