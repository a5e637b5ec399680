"""``lsk diff [FROM] [TO]``: what changed in sak between two editions or revisions.

FROM defaults to the latest approved edition, TO to the working tree; see
``lsk.history.editions.resolve_side`` for how they are written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from lsk.commands.outfile import emit
from lsk.errors import EXIT_OK
from lsk.personnummer import MASK, masked
from lsk.rootdir import find_root
from lsk.terminal import terminal_safe


def _organisation(docs: dict) -> str | None:
    config = next((d for d in docs.values() if d.kind == "konfiguration"), None)
    data = config.data if config is not None and isinstance(config.data, dict) else {}
    parts = [data.get("namnd"), data.get("kommun")]
    return ", ".join(p for p in parts if isinstance(p, str)) or None


def _mask(docs: dict) -> int:
    """Replace personnummer in the documents' values before anything is compared or written:
    the underlag goes to the nämnd. Returns how many were replaced."""
    count = 0

    def clean(value: Any) -> Any:
        nonlocal count
        if isinstance(value, str):
            value, hits = masked(value)
            count += hits
            return value
        if isinstance(value, dict):
            return {clean(k): clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    for key, doc in docs.items():
        docs[key] = dataclasses.replace(doc, data=clean(doc.data), title=clean(doc.title))
    return count


def _reasons(git: Any, diffs: list[Any], since: str | None, until: str | None
             ) -> dict[str, list[str]]:
    """Relpath → why it changed: the subjects of the commits between the two sides that touched
    the file (under its old name too), and a line for changes not yet committed."""
    out: dict[str, list[str]] = {}
    dirty = set(git.dirty()) if until is None else set()
    for d in diffs:
        paths = [p for p in (d.document.relpath, d.old_relpath) if p]
        found = git.reasons(since, until, paths) if since else []
        if dirty & set(paths):
            found.append("Ändringar i arbetskopian som ännu inte är incheckade")
        if found:
            out[d.document.relpath] = found
    return out


def run(*, root_arg: Path | None, from_rev: str | None, to_rev: str | None, fmt: str,
        out: Path | None, today: dt.date) -> int:
    from lsk.gitrepo import open_repo
    from lsk.history import report, snapshot
    from lsk.history.editions import LATEST, WORKTREE, Rejected, editions, resolve_side
    from lsk.history.readable import Reader
    from lsk.history.semdiff import compare

    root = find_root(root_arg)
    git = open_repo(root)
    rejected: list[Rejected] = []
    editions(git, rejected)
    for bad in rejected:  # a hand-made tag that is no edition: 'faststalld' is the one before
        print(terminal_safe(f"lsk: varning: {bad.describe()}"), file=sys.stderr)
    old = resolve_side(git, from_rev or LATEST)
    new = resolve_side(git, to_rev or WORKTREE)
    before, after = snapshot.at(git, old.commit, root), snapshot.at(git, new.commit, root)
    hidden = _mask(before) + _mask(after)
    diffs = compare(before, after)
    reasons = _reasons(git, diffs, old.commit, new.commit)
    if fmt == "json":
        text = json.dumps(report.as_json(diffs, old, new, reasons), ensure_ascii=False,
                          indent=2) + "\n"
    else:
        text = terminal_safe(report.markdown(diffs, old, new,
                                             _organisation(after) or _organisation(before), today,
                                             Reader(before, after), reasons))
    if hidden:
        print(f"lsk: varning: {hidden} personnummer eller samordningsnummer i underlaget har "
              f"ersatts med {MASK}.", file=sys.stderr)
        print("    tips: ta bort uppgifterna ur dokumenten; 'lsk check' visar var de står.",
              file=sys.stderr)
    emit(text, out, root=root)
    return EXIT_OK
