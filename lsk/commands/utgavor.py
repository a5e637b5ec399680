"""``lsk utgavor``: the approved editions (fastställda utgåvor), oldest first."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.errors import EXIT_OK
from lsk.rootdir import find_root
from lsk.terminal import terminal_safe

JSON_FORMAT = 1
"""``--format json``: ``{"format", "editions": [{"tag", "date", "decision", "registration_number",
"commit"}], "rejected": [{"tag", "problems"}], "shallow_clone"}``, oldest edition first
(``Edition.as_json``); ``rejected`` are tags whose metadata does not validate."""


def run(*, root_arg: Path | None, fmt: str, out: Path | None) -> int:
    from lsk.gitrepo import open_repo
    from lsk.history.editions import Rejected, editions

    root = find_root(root_arg)
    git = open_repo(root)
    rejected: list[Rejected] = []
    found = editions(git, rejected)
    for bad in rejected:
        print(terminal_safe(f"lsk: varning: {bad.describe()}"), file=sys.stderr)
    if rejected:
        print("  Rätta eller ta bort taggen (git tag -d TAGG) och fastställ med 'lsk faststall'.",
              file=sys.stderr)
    if fmt == "json":
        text = json.dumps({"format": JSON_FORMAT, "editions": [e.as_json() for e in found],
                           "rejected": [r.as_json() for r in rejected],
                           "shallow_clone": git.is_shallow}, ensure_ascii=False, indent=2) + "\n"
    elif not found:
        text = ("Inga fastställda utgåvor. Fastställ med: "
                'lsk faststall --beslut "SN 2024-04-25 § 79"\n')
        if git.is_shallow:
            text += "Repot är en grund klon; hämta taggarna med: git fetch --tags\n"
    else:
        rows = [(e.datum, e.tag, e.beslut, e.dnr or "", e.commit[:10]) for e in found]
        header = ("datum", "tagg", "beslut", "dnr", "commit")
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                 for r in [header, *rows]]
        lines.append(f"Senast fastställd: {found[-1].tag}.")
        text = terminal_safe("\n".join(lines)) + "\n"  # tag messages are anyone's text
    emit(text, out, root=root)
    return EXIT_OK
