"""The check pipeline: scan → loader → corpus → rules → diagnostics, with a whole-result cache.

When no file, no lsk code and not the date changed since the last run, the previous
diagnostics are returned without parsing anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsk import limits
from lsk.diagnostics import Diagnostic, cap
from lsk.loader import cache
from lsk.loader.repository import Repository, load_repository, scan

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus, EditionApproval


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
    diagnostics, asked_git = _run(repo, {s.relpath: s.text for s in found.sources}, today, root)
    result = CheckResult(diagnostics,
                         sum(1 for s in found.sources if not s.builtin and not s.template))
    # An approved edition is a git tag, not a file: a result that asked git for one is not
    # kept, so the next check sees a new edition (or a document changed since it).
    if use_cache and found.sources and not asked_git:
        cache.save_result(root, key, result)
    return result


def run_all_rules(repo: Repository, texts: dict[str, str | None],
                  today: dt.date) -> list[Diagnostic]:
    """The loader's diagnostics plus every rule's, sorted by place."""
    return _run(repo, texts, today, None)[0]


def _run(repo: Repository, texts: dict[str, str | None], today: dt.date,
         root: Path | None) -> tuple[list[Diagnostic], bool]:
    """The diagnostics, and whether an approved edition in git decided any of them: it is
    read only when a process or rutin has no ``faststalld`` of its own (LSK508)."""
    if not repo.files:
        return cap(repo.diagnostics, limits.MAX_FINDINGS_PER_CODE), False
    from lsk.analysis.corpus import Corpus
    from lsk.rules.engine import run_rules

    corpus = Corpus.build(repo.files, today, texts=texts, diagnostics=repo.diagnostics,
                          attachments=repo.attachments)
    asked_git = read_edition(root, corpus) if root is not None else False
    found = sorted(repo.diagnostics + run_rules(corpus), key=Diagnostic.sort_key)
    return sorted(cap(found, limits.MAX_FINDINGS_PER_CODE), key=Diagnostic.sort_key), asked_git


def read_edition(root: Path, corpus: Corpus) -> bool:
    """Set ``corpus.edition`` from git when it can matter: when a process or rutin has no
    ``faststalld`` of its own (otherwise git is not opened at all). True when git was asked:
    the answer then depends on tags, which no file digest sees, even when there was none yet."""
    if any(d.model.faststalld is None for d in corpus.governing):
        corpus.edition = edition_approval(root, corpus)
        return True
    return False


def edition_approval(root: Path, corpus: Corpus) -> EditionApproval | None:
    """The latest approved edition (``lsk faststall``) and the processes and rutiner it contains
    unchanged; None outside git, without an edition, or when git cannot say."""
    from lsk.errors import LskError
    from lsk.gitrepo import open_repo
    from lsk.history import editions
    from lsk.history.changed import changed_since_approval

    try:
        edition = editions.latest(open_repo(root))
        if edition is None:
            return None
        diffs = changed_since_approval(root, edition) or {}
    except LskError:
        return None
    changed = {d.document.id for d in diffs.values() if d.document.id}
    return approval_by_edition(corpus, edition.tag, edition.datum, edition.beslut, edition.dnr,
                               changed)


def approval_by_edition(corpus: Corpus, tag: str, datum: str, beslut: str, dnr: str | None,
                        changed: set[str] | frozenset[str]) -> EditionApproval | None:
    """The edition as a fastställelse by the nämnd, covering every process and rutin that has not
    changed since (``changed``: ids that differ from the edition, or are new)."""
    from lsk.analysis.corpus import EditionApproval
    from lsk.model.base import Faststallelse
    from lsk.model.organisation import Organisation

    try:
        day = dt.date.fromisoformat(datum)
    except ValueError:
        return None
    orgs = corpus.of(Organisation)
    namnd = getattr(orgs[0].model, "namnd", None) if orgs else None
    av = getattr(namnd, "id", None) or (corpus.config.namnd if corpus.config else "nämnden")
    decision = Faststallelse(datum=day, av=str(av), beslut=beslut, dnr=dnr, paragraf=None)
    unchanged = frozenset(d.model.id for d in corpus.governing) - frozenset(changed)
    return EditionApproval(tag, decision, unchanged)
