"""``lsk diff`` output: a Markdown beslutsunderlag for the nämnd, or JSON (a versioned contract)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lsk.history.editions import Side
from lsk.history.semdiff import DocumentDiff

JSON_FORMAT = 2
"""``lsk diff --format json``: ``{"format", "from": side, "to": side, "summary": {"changed",
"added", "removed"}, "documents": [{"status", "kind", "id", "title", "path", "previous_path",
"changes": [{"where", "field_path", "change", "before", "after", "text"}]}]}``; a side is
``{"revision", "commit", "edition"}`` (``Side.as_json``). Values are unchanged: ``status`` is
andrad, tillagd or borttagen; ``change`` one of ``FieldChange.change``. Version 1 had Swedish
keys (fran, till, sammanfattning, dokument, ...)."""
_SUMMARY_KEYS = {"andrad": "changed", "tillagd": "added", "borttagen": "removed"}
_STATUS = {"andrad": "ändrat", "tillagd": "nytt", "borttagen": "borttaget"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def _md(text: str) -> str:
    """Plain text inside Markdown: nothing a value says becomes markup, a link or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(diffs: list[DocumentDiff]) -> dict[str, int]:
    return {s: sum(1 for d in diffs if d.status == s) for s in ("andrad", "tillagd", "borttagen")}


def markdown(diffs: list[DocumentDiff], old: Side, new: Side, organisation: str | None,
             today: dt.date) -> str:
    counts = summary(diffs)
    lines = ["# Ändringar i ledningssystemet", ""]
    if organisation:
        lines += [f"**{_md(organisation)}**", ""]
    lines += [
        "| | |", "| --- | --- |",
        f"| Jämförs från | {_md(old.describe())} |",
        f"| Jämförs med | {_md(new.describe())} |",
        f"| Upprättad | {today.isoformat()} med lsk diff |",
        "", "## Sammanfattning", "",
    ]
    if not diffs:
        return "\n".join([*lines, "Inga ändringar i sak.", ""])
    lines += [
        f"{counts['andrad']} dokument har ändrats, {counts['tillagd']} har tillkommit och "
        f"{counts['borttagen']} har tagits bort.",
        "", "| Dokument | Fil | Ändring |", "| --- | --- | --- |",
    ]
    for d in diffs:
        what = _STATUS[d.status] + (f" ({_count(len(d.changes), 'ändring', 'ändringar')})"
                                    if d.changes else "")
        lines.append(f"| {_md(d.document.name)} | {_md(d.document.relpath)} | {what} |")
    for d in diffs:
        lines += ["", f"## {_md(d.document.name)}", "",
                  f"Fil: {_md(d.document.relpath)} · {_STATUS[d.status]}", ""]
        if d.status == "tillagd":
            lines.append("- Dokumentet är nytt.")
        elif d.status == "borttagen":
            lines.append("- Dokumentet har tagits bort.")
        lines += [f"- {_md(c.describe())}" for c in d.changes]
    return "\n".join(lines) + "\n"


def as_json(diffs: list[DocumentDiff], old: Side, new: Side) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "from": old.as_json(),
        "to": new.as_json(),
        "summary": {_SUMMARY_KEYS[s]: n for s, n in summary(diffs).items()},
        "documents": [{
            "status": d.status,
            "kind": d.document.kind,
            "id": d.document.id,
            "title": d.document.title,
            "path": d.document.relpath,
            "previous_path": d.old_relpath,
            "changes": [{"where": c.where, "field_path": list(c.path), "change": c.change,
                         "before": c.old, "after": c.new, "text": c.describe()}
                        for c in d.changes],
        } for d in diffs],
    }
