"""The version line on every page, and per document its last change and whether it changed
after the nämnd's latest approved edition (``lsk faststall``). All git access goes through
``lsk.gitrepo``; outside git the handbook simply says the commit is unknown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from lsk.analysis.corpus import Corpus
from lsk.errors import LskError


@dataclass(frozen=True)
class Version:
    commit: str | None
    """Short commit hash, with ' (ändrad)' when the root has uncommitted changes."""
    date: dt.date
    approved: int
    """Processes and rutiner that are fastställda: by their own decision or by the edition."""
    documents: int
    edition: str | None = None
    """The latest approved edition (tag, decision, commit), when there is one."""
    changed_ids: frozenset[str] = frozenset()
    """Processes and routines that differ from the approved edition."""
    last_change: dict[str, str] = field(default_factory=dict)
    """Document id → the date of its last commit. Nothing else from git is published: an author
    is a person, and a commit message may name one ('Rättat efter samtal med Anna') in a way no
    scanner can tell from any other word."""

    @property
    def approval(self) -> str:
        if self.edition:
            changed = len(self.changed_ids)
            after = "inga ändringar därefter" if not changed else (
                f"{changed} dokument ändrade därefter")
            return f"fastställd utgåva {self.edition}; {after}"
        if not self.documents:
            return "ej känd"
        if self.approved == self.documents:
            return f"alla {self.documents} processer och rutiner är fastställda"
        return f"{self.approved} av {self.documents} processer och rutiner är fastställda"

    @property
    def commit_text(self) -> str:
        return self.commit or "ej känd (inte ett git-repo)"


def detect(root: Path, corpus: Corpus, today: dt.date) -> Version:
    """The version line; in git also the latest approved edition, which is set on ``corpus``
    (``corpus.edition``) so that every page says of each document what LSK508 says."""
    try:
        return _from_git(root, corpus, today)
    except LskError:  # not a git repository, git missing, or a repository git cannot read
        return Version(None, today, _approved(corpus), len(corpus.governing))


def _approved(corpus: Corpus) -> int:
    return sum(1 for d in corpus.governing if corpus.approval_of(d.model) is not None)


def _from_git(root: Path, corpus: Corpus, today: dt.date) -> Version:
    from lsk.engine import approval_by_edition
    from lsk.gitrepo import open_repo
    from lsk.history import editions
    from lsk.history.changed import changed_since_approval

    git = open_repo(root)
    head = git.head()
    if head is None:
        raise LskError("inga commits än")
    commit = head[:12] + (" (ändrad)" if git.dirty() else "")
    docs = corpus.governing
    ids = {d.relpath: d.model.id for d in docs}
    last = {ids[rel]: f"{c.date.date().isoformat()}{' eller tidigare' if c.approximate else ''}"
            for rel, c in git.last_changes(list(ids)).items() if rel in ids}
    edition = editions.latest(git)
    changed: frozenset[str] = frozenset()
    if edition is not None:
        diffs = changed_since_approval(root, edition) or {}
        changed = frozenset(d.document.id for d in diffs.values() if d.document.id)
        corpus.edition = approval_by_edition(corpus, edition.tag, edition.datum, edition.beslut,
                                             edition.dnr, changed)
    return Version(commit, today, _approved(corpus), len(docs),
                   edition.label() if edition else None, changed, last)
