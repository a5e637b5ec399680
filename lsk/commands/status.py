"""``lsk status``: this month's årscykel events and everything overdue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from lsk.commands.outfile import emit
from lsk.rootdir import existing_root
from lsk.terminal import terminal_safe

JSON_FORMAT = 1
"""``--format json``: ``{"format", "date", "month", "this_month": [item], "overdue": [item],
"ongoing": [item]}``, an
item ``{"type", "id", "description", "path", "due"}``. ``type`` is a key of
``reports.status.TYPE_LABELS``; ``due`` is an ISO date, or for an årscykel event its month (or
its ``senast``; for a continuous one its rhythm), which is why it is not "date"; empty for a
process or rutin that is not fastställd (type ``faststallelse``) when no approved edition exists.
``ongoing`` (the årscykel's continuous events) was added within format 1."""

_ITEM_KEYS = {"typ": "type", "id": "id", "beskrivning": "description", "path": "path",
              "datum": "due"}


def as_json(report: dict[str, Any]) -> dict[str, Any]:
    """The report with the contract's keys, spelt out here so that renaming a field of
    ``lsk.reports.status.Item`` cannot silently change the JSON."""
    def items(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        return [{new: row[old] for old, new in _ITEM_KEYS.items()} for row in rows]

    return {"format": JSON_FORMAT, "date": report["datum"], "month": report["manad"],
            "this_month": items(report["denna_manad"]), "overdue": items(report["forsenat"]),
            "ongoing": items(report["lopande"])}


def run(*, root_arg: Path | None, fmt: str, out: Path | None, today: dt.date) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.engine import read_edition
    from lsk.reports.status import item_name, status

    root = existing_root(root_arg)
    corpus = Corpus.load(root, today)
    read_edition(root, corpus)  # an approved edition fastställer what it contains (LSK508)
    report = status(corpus)
    if fmt == "json":
        emit(json.dumps(as_json(report), ensure_ascii=False, indent=2) + "\n", out, root=root)
        return 0
    lines = [f"Status {report['datum']}", "", f"Att göra i {report['manad']}:"]
    lines += [f"  • {i['beskrivning']}" for i in report["denna_manad"]] or ["  (inget)"]  # type: ignore[attr-defined]
    if report["lopande"]:
        lines += ["", "Löpande under året:"]
        lines += [f"  • {i['beskrivning']}" for i in report["lopande"]]  # type: ignore[attr-defined]
    lines += ["", "Försenat:"]
    lines += [f"  • {item_name(i['typ'], i['id'])}: {i['beskrivning']}"
              + (f" ({i['datum']})" if i["datum"] else "") + f" – {i['path']}"
              for i in report["forsenat"]] or ["  (inget)"]  # type: ignore[attr-defined]
    emit(terminal_safe("\n".join(lines)) + "\n", out, root=root)
    return 0
