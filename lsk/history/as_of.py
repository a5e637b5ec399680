"""The ledningssystem as it stood at the end of a year, for the year's kvalitetsberättelse.

What the report says about the ledningssystem (its processes and routines, the coverage of the
provisions, their statuses, the municipality's name, the organisation's units) must describe it
as it was when the year ended, not as it is today. So the report reads a root made of

- every document of the last commit on or before 31 December of the year (the history of the
  checked-out branch; committer time, Swedish time), and
- today's yearly records (``ar/``), since the records of a year are written after it ends.

The fastställd utgåva in force on 31 December is named beside the commit. Without such a commit
(no git, a history that starts later, a year that has not ended, a root that did not exist yet)
the report reads today's files and says so: ``Basis.sentence`` is the one line the report prints.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lsk import limits
from lsk.gitrepo import GitUnavailable, open_repo
from lsk.history.editions import Edition, editions
from lsk.model.kinds import CONFIG_FILE, kind_for

SWEDISH_NEW_YEAR = dt.timezone(dt.timedelta(hours=1))
"""Central European time: midnight on 1 January in Sweden (no summer time then)."""
_WHAT = "Det som sägs om ledningssystemet (processer, rutiner, täckning, status och organisation)"


@dataclass(frozen=True)
class Basis:
    """Which ledningssystem the report describes."""

    year: int
    commit: str | None = None
    """The year-end commit; None when the report reads today's files."""
    committed: dt.date | None = None
    edition: Edition | None = None
    """The fastställd utgåva in force on 31 December, if any."""
    reason: str = ""
    """Why today's files are read (when ``commit`` is None)."""

    def sentence(self) -> str:
        """One line for the report saying which state of the ledningssystem it describes."""
        if self.commit is None or self.committed is None:
            return f"{_WHAT} gäller filerna som de är i dag, eftersom {self.reason}."
        edition = (f"; fastställd utgåva då var {self.edition.tag} ({self.edition.beslut})"
                   if self.edition else "; ingen fastställd utgåva fanns då")
        return (f"{_WHAT} gäller ledningssystemet som det stod vid utgången av {self.year}: "
                f"commit {self.commit[:10]} från {self.committed.isoformat()}{edition}. "
                "Årets poster är de som finns i dag.")

    def as_json(self) -> dict[str, object]:
        return {"year": self.year, "commit": self.commit,
                "date": self.committed.isoformat() if self.committed else None,
                "edition": self.edition.as_json() if self.edition else None,
                "today_because": self.reason or None}


def is_record(relpath: str) -> bool:
    """A yearly record (taken from today's files): a yearly kind, or anything under ``ar/``."""
    kind = kind_for(relpath)
    return relpath.startswith("ar/") or (kind is not None and kind.yearly)


def in_force(found: list[Edition], day: dt.date) -> Edition | None:
    """The newest edition decided on or before ``day``."""
    valid = [e for e in found if e.datum <= day.isoformat()]
    return valid[-1] if valid else None


@contextmanager
def year_end(root: Path, year: int, today: dt.date) -> Iterator[tuple[Path, Basis]]:
    """A root to read the report's ledningssystem from, and what it is: a temporary folder with
    the year-end commit's documents and today's records, or ``root`` itself with the reason."""
    end = dt.date(year, 12, 31)
    if end >= today:
        yield root, Basis(year, reason=f"{year} inte är slut")
        return
    try:
        git = open_repo(root)
        found = git.last_commit_before(dt.datetime(year + 1, 1, 1, tzinfo=SWEDISH_NEW_YEAR))
    except GitUnavailable:
        yield root, Basis(year, reason="ledningssystemet inte ligger i git")
        return
    if found is None:
        yield root, Basis(year, reason=f"git-historiken börjar efter {year}")
        return
    commit, when = found
    files = git.files_at(commit)
    if CONFIG_FILE not in files:
        yield root, Basis(year, reason=f"ledningssystemet inte fanns i git vid utgången av {year}")
        return
    edition = in_force(editions(git), end)
    with tempfile.TemporaryDirectory(prefix="lsk-arsslut-") as tmp:
        for relpath, raw in files.items():
            if not is_record(relpath):
                _write(Path(tmp, relpath), raw)
        for relpath in _records_today(root):
            try:
                with open(root / relpath, "rb") as fh:
                    _write(Path(tmp, relpath), fh.read(limits.MAX_FILE_BYTES + 1))
            except OSError:
                continue  # the check of today's files reports it (LSK008)
        yield Path(tmp), Basis(year, commit, when.date(), edition)


def _records_today(root: Path) -> list[str]:
    from lsk.loader.discover import discover

    return [rel for rel in discover(root).files if is_record(rel)]


def _write(path: Path, raw: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as fh:
        fh.write(raw)
