"""``lsk diff`` output: a Markdown beslutsunderlag for the nämnd, or JSON (a versioned contract)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lsk.history.editions import Side
from lsk.history.semdiff import DocumentDiff

JSON_FORMAT = 1
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
        "fran": old.as_json(),
        "till": new.as_json(),
        "sammanfattning": summary(diffs),
        "dokument": [{
            "status": d.status,
            "typ": d.document.kind,
            "id": d.document.id,
            "titel": d.document.title,
            "fil": d.document.relpath,
            "tidigare_fil": d.old_relpath,
            "andringar": [{"var": c.where, "sokvag": list(c.path), "andring": c.change,
                           "fore": c.old, "efter": c.new, "text": c.describe()}
                          for c in d.changes],
        } for d in diffs],
    }
