"""``lsk status``: this month's årscykel events and everything overdue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.rootdir import existing_root
from lsk.terminal import terminal_safe

TYPER = {"arscykel": "årscykel", "revision": "revision", "atgard": "åtgärd", "risk": "risk",
         "egenkontroll": "egenkontroll"}


def run(root_arg: Path | None, fmt: str, out: Path | None, today: dt.date) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.reports.status import status

    root = existing_root(root_arg)
    report = status(Corpus.load(root, today))
    if fmt == "json":
        emit(json.dumps(report, ensure_ascii=False, indent=2) + "\n", out)
        return 0
    lines = [f"Status {report['datum']}", "", f"Att göra i {report['manad']}:"]
    lines += [f"  • {i['beskrivning']}" for i in report["denna_manad"]] or ["  (inget)"]  # type: ignore[attr-defined]
    lines += ["", "Försenat:"]
    lines += [f"  • {TYPER[i['typ']]} {i['id']}: {i['beskrivning']} ({i['datum']}) – {i['path']}"
              for i in report["forsenat"]] or ["  (inget)"]  # type: ignore[attr-defined]
    emit(terminal_safe("\n".join(lines)) + "\n", out)
    return 0
