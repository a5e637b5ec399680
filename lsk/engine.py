"""The check pipeline: scan → loader → corpus → rules → diagnostics, with a whole-result cache.

When no file, no lsk code and not the date changed since the last run, the previous
diagnostics are returned without parsing anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lsk import limits
from lsk.diagnostics import Diagnostic, cap
from lsk.loader import cache
from lsk.loader.repository import Repository, load_repository, scan


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic]
    files: int
    """Files of the repository itself (the shipped catalog not counted)."""


def check(root: Path, today: dt.date, *, use_cache: bool = True) -> CheckResult:
    found = scan(root)
    key = found.digest() + today.isoformat().encode()
    if use_cache and found.sources:
        hit = cache.load_result(root, key)
        if hit is not None:
            return hit
    repo = load_repository(root, use_cache=use_cache, scanned=found)
    result = CheckResult(run_all_rules(repo, {s.relpath: s.text for s in found.sources}, today),
                         sum(1 for s in found.sources if not s.builtin and not s.template))
    if use_cache and found.sources:
        cache.save_result(root, key, result)
    return result


def run_all_rules(repo: Repository, texts: dict[str, str | None],
                  today: dt.date) -> list[Diagnostic]:
    """The loader's diagnostics plus every rule's, sorted by place."""
    if not repo.files:
        return cap(repo.diagnostics, limits.MAX_FINDINGS_PER_CODE)
    from lsk.analysis.corpus import Corpus
    from lsk.rules.engine import run_rules

    corpus = Corpus.build(repo.files, today, texts=texts, diagnostics=repo.diagnostics)
    found = sorted(repo.diagnostics + run_rules(corpus), key=Diagnostic.sort_key)
    return sorted(cap(found, limits.MAX_FINDINGS_PER_CODE), key=Diagnostic.sort_key)
