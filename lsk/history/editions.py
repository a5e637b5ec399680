"""Approved editions (fastställda utgåvor) as annotated git tags.

A tag is named ``faststalld/<datum>``, or ``faststalld/<datum>-2``, ``-3`` … when the nämnd
approves more than once a day. Its message is a line for people, then a YAML block for lsk::

    Fastställd utgåva: SN 2024-04-25 § 79

    lsk-faststallelse:
      format: 1
      beslut: "SN 2024-04-25 § 79"
      dnr: "SN 2024/123"
      datum: "2024-04-25"
      commit: "3f2c…"
      rot: "ledningssystem"

``rot`` is the root's folder in the git repository, so one repository can hold several
ledningssystem. Values are JSON strings, which YAML reads as double-quoted scalars.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsk.errors import LskError
from lsk.gitrepo import GitRepo, TagInfo
from lsk.personnummer import masked

if TYPE_CHECKING:
    from lsk.model.utgava import Faststallelsetagg

NAMESPACE = "faststalld"
MARKER = "lsk-faststallelse:"
_NAME = re.compile(rf"^{NAMESPACE}/(\d{{4}}-\d{{2}}-\d{{2}})(?:-(\d+))?$")


@dataclass(frozen=True)
class Edition:
    tag: str
    commit: str
    beslut: str
    datum: str
    dnr: str | None = None

    def label(self) -> str:
        dnr = f", dnr {self.dnr}" if self.dnr else ""
        return f"{self.tag} ({self.beslut}{dnr}, commit {self.commit[:10]})"

    def as_json(self) -> dict[str, str | None]:
        """An edition in ``lsk utgavor`` and ``lsk diff`` JSON: ``registration_number`` is the
        diarienummer (dnr), null when none was given."""
        return {"tag": self.tag, "date": self.datum, "decision": self.beslut,
                "registration_number": self.dnr, "commit": self.commit}


def tag_name(datum: dt.date, taken: set[str]) -> str:
    """``faststalld/<datum>``, with a counter when that name is taken."""
    base = f"{NAMESPACE}/{datum.isoformat()}"
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def format_message(beslut: str, dnr: str | None, datum: dt.date, commit: str, rot: str) -> str:
    fields = {"format": 1, "beslut": beslut, "dnr": dnr, "datum": datum.isoformat(),
              "commit": commit, "rot": rot}
    body = "".join(f"  {k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()
                   if v is not None)
    return f"Fastställd utgåva: {beslut}\n\n{MARKER}\n{body}"


def parse_message(message: str) -> dict[str, str] | None:
    """The metadata block of a tag message, or None when the tag was not made by lsk."""
    from lsk.loader.yamlread import parse_yaml

    start = message.find("\n" + MARKER)
    if start < 0:
        return None
    parsed = parse_yaml(message[start + 1:])
    block = parsed.data.get(MARKER[:-1]) if parsed.ok and isinstance(parsed.data, dict) else None
    if not isinstance(block, dict) or not isinstance(block.get("beslut"), str):
        return None
    # lsk.gitrepo masked the message as written; YAML escapes ("\u0031\u0039…") can still
    # spell a number once read, so the values are masked again as read.
    return {k: masked(str(v))[0] for k, v in block.items() if v is not None}


@dataclass(frozen=True)
class Rejected:
    """A tag in the editions' namespace whose metadata does not validate: it is no edition."""

    tag: str
    problems: tuple[str, ...]

    def describe(self) -> str:
        return (f"taggen '{self.tag}' räknas inte som fastställd utgåva: "
                + "; ".join(self.problems))

    def as_json(self) -> dict[str, object]:
        return {"tag": self.tag, "problems": list(self.problems)}


def _validated(tag: TagInfo) -> tuple[Faststallelsetagg | None, Rejected | None]:
    """The tag's metadata block validated like any document (``lsk.model.utgava``), or why the
    tag is no edition."""
    from lsk.loader.validate import validate
    from lsk.loader.yamlread import parse_yaml
    from lsk.model.utgava import Faststallelsetagg

    parsed = parse_yaml(tag.message[tag.message.find("\n" + MARKER) + 1:])
    key = MARKER[:-1]
    place = parsed.positions[2].get(key) if parsed.ok and parsed.positions else None
    model, problems = validate(Faststallelsetagg, parsed.data[key], tag.name,
                               (place[0], place[1], place[2]) if place else None)
    if model is None:
        return None, Rejected(tag.name, tuple(d.message for d in problems))
    return model, None


def _order(e: Edition) -> tuple[str, int]:
    m = _NAME.match(e.tag)
    return (e.datum, int(m.group(2) or 1) if m else 0)


_KINDS = {"tree": "ett träd (en mapp)", "blob": "en fil", "tag": "en annan tagg"}


def editions(git: GitRepo, rejected: list[Rejected] | None = None) -> list[Edition]:
    """The approved editions of this root, oldest first. A tag whose metadata does not validate
    (a hand-made ``datum: not-a-date``) is left out and, with ``rejected``, added there."""
    out = []
    for tag in git.tags(NAMESPACE):
        meta = parse_message(tag.message)
        if meta is None or meta.get("rot", "") != git.prefix:
            continue
        valid, bad = _validated(tag)
        if valid is None:
            if bad is not None and rejected is not None:
                rejected.append(bad)
            continue
        if tag.kind != "commit":
            what = _KINDS.get(tag.kind, f"ett git-objekt av typen {tag.kind}")
            raise LskError(
                f"taggen '{tag.name}' pekar på {what}, inte på en commit, och kan inte vara en "
                "fastställd utgåva",
                f"Ta bort taggen (git tag -d {tag.name}) och fastställ commiten med "
                "'lsk faststall', som taggar rätt.")
        out.append(Edition(tag.name, tag.commit, meta["beslut"], valid.datum.isoformat(),
                           meta.get("dnr")))
    return sorted(out, key=_order)


def latest(git: GitRepo) -> Edition | None:
    found = editions(git)
    return found[-1] if found else None


def find(git: GitRepo, text: str) -> Edition | None:
    """The edition a tag name or a decision date (the day's last edition) names."""
    found = [e for e in editions(git) if text in (e.tag, e.datum)]
    return found[-1] if found else None


def require_latest(git: GitRepo) -> Edition:
    edition = latest(git)
    if edition is None:
        raise LskError("det finns ingen fastställd utgåva att jämföra med",
                       "Ange vad som ska jämföras, t.ex. 'lsk diff HEAD~3', eller fastställ "
                       "en utgåva med 'lsk faststall --beslut \"SN 2024-04-25 § 79\"'. "
                       "I en grund klon saknas taggarna ofta: git fetch --tags.")
    return edition


LATEST = "faststalld"
WORKTREE = "arbetskopia"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Side:
    """One side of a comparison; ``commit`` None is the working tree."""

    label: str
    commit: str | None
    edition: Edition | None = None

    def describe(self) -> str:
        if self.commit is None:
            return "arbetskopian (filerna som de är nu, även ändringar som inte är incheckade)"
        if self.edition is not None:
            return f"fastställd utgåva {self.edition.label()}"
        return f"{self.label} (commit {self.commit[:10]})"

    def as_json(self) -> dict[str, object]:
        return {"revision": self.label, "commit": self.commit,
                "edition": self.edition.as_json() if self.edition else None}


def resolve_side(git: GitRepo, text: str) -> Side:
    """FROM/TO of ``lsk diff``: 'faststalld' (the latest edition), 'arbetskopia' (the files on
    disk), an edition's tag or decision date, or any git revision (commit, branch, HEAD~2)."""
    if text == WORKTREE:
        return Side(WORKTREE, None)
    edition = require_latest(git) if text == LATEST else find(git, text)
    if edition is not None:
        return Side(edition.tag, edition.commit, edition)
    if _DATE.match(text):
        known = ", ".join(e.datum for e in editions(git)) or "inga"
        raise LskError(f"det finns ingen fastställd utgåva med datumet {text}",
                       f"Fastställda utgåvor: {known} (se 'lsk utgavor').")
    return Side(text, git.resolve(text))
