"""The version line on every page: git commit (when the root is in git), date, approval status."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lsk.analysis.corpus import Corpus


@dataclass(frozen=True)
class Version:
    commit: str | None
    """Short commit hash, with ' (ändrad)' when the root has uncommitted changes."""
    date: dt.date
    approved: int
    documents: int

    @property
    def approval(self) -> str:
        if not self.documents:
            return "ej känd"
        if self.approved == self.documents:
            return f"alla {self.documents} processer och rutiner är fastställda"
        return f"{self.approved} av {self.documents} processer och rutiner är fastställda"

    @property
    def commit_text(self) -> str:
        return self.commit or "ej känd (inte ett git-repo)"


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=10, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git_commit(root: Path) -> str | None:
    """``git rev-parse`` of HEAD, marked when files under the root differ from it."""
    commit = _git(root, "rev-parse", "--short=12", "HEAD")
    if not commit:
        return None
    dirty = _git(root, "status", "--porcelain", "--", ".")
    return f"{commit} (ändrad)" if dirty else commit


def detect(root: Path, corpus: Corpus, today: dt.date) -> Version:
    documents = [d.model for d in corpus.processes + corpus.routines]
    approved = sum(1 for m in documents if m.faststalld is not None)
    return Version(git_commit(root), today, approved, len(documents))
