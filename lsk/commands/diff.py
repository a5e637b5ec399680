"""``lsk diff [FROM] [TO]``: what changed in sak between two editions or revisions.

FROM defaults to the latest approved edition, TO to the working tree; see
``lsk.history.editions.resolve_side`` for how they are written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.errors import EXIT_OK
from lsk.rootdir import find_root


def _organisation(docs: dict) -> str | None:
    config = next((d for d in docs.values() if d.kind == "konfiguration"), None)
    data = config.data if config is not None and isinstance(config.data, dict) else {}
    parts = [data.get("namnd"), data.get("kommun")]
    return ", ".join(p for p in parts if isinstance(p, str)) or None


def run(root_arg: Path | None, from_rev: str | None, to_rev: str | None, fmt: str,
        out: Path | None, today: dt.date) -> int:
    from lsk.gitrepo import open_repo
    from lsk.history import report, snapshot
    from lsk.history.editions import LATEST, WORKTREE, resolve_side
    from lsk.history.semdiff import compare

    root = find_root(root_arg)
    git = open_repo(root)
    old = resolve_side(git, from_rev or LATEST)
    new = resolve_side(git, to_rev or WORKTREE)
    before, after = snapshot.at(git, old.commit, root), snapshot.at(git, new.commit, root)
    diffs = compare(before, after)
    if fmt == "json":
        text = json.dumps(report.as_json(diffs, old, new), ensure_ascii=False, indent=2) + "\n"
    else:
        text = report.markdown(diffs, old, new, _organisation(after) or _organisation(before),
                               today)
    emit(text, out)
    return EXIT_OK
