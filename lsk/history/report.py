"""``lsk diff`` output: a Markdown beslutsunderlag for the nämnd, or JSON (a versioned contract)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsk.history.editions import Side
from lsk.history.readable import Reader
from lsk.history.readable import md as _md
from lsk.history.semdiff import DocumentDiff

JSON_FORMAT = 2
"""``lsk diff --format json``: ``{"format", "from": side, "to": side, "summary": {"changed",
"added", "removed"}, "documents": [{"status", "kind", "id", "title", "path", "previous_path",
"reasons", "changes": [{"where", "field_path", "change", "before", "after", "text"}]}]}``;
``reasons`` (added within version 2) are the subjects of the commits that changed the file
between the two sides, oldest first, without authors. A side is
``{"revision", "commit", "edition"}`` (``Side.as_json``). Values are unchanged: ``status`` is
andrad, tillagd or borttagen; ``change`` one of ``FieldChange.change``. Version 1 had Swedish
keys (fran, till, sammanfattning, dokument, ...). A written chapter (added within version 2) has
``kind`` kapitel, ``id`` null and changes under ``titel``, ``ordning`` and ``avsnitt`` (a list of
``{"rubrik", "text"}``, matched by position)."""
_SUMMARY_KEYS = {"andrad": "changed", "tillagd": "added", "borttagen": "removed"}
_STATUS = {"andrad": "ändrat", "tillagd": "nytt", "borttagen": "borttaget"}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(diffs: list[DocumentDiff]) -> dict[str, int]:
    return {s: sum(1 for d in diffs if d.status == s) for s in ("andrad", "tillagd", "borttagen")}


def markdown(diffs: list[DocumentDiff], old: Side, new: Side, organisation: str | None,
             today: dt.date, reader: Reader | None = None,
             reasons: dict[str, list[str]] | None = None) -> str:
    """The beslutsunderlag: documents by kind and name, each change in words with the changed
    words marked, and the commit messages that give the reasons. Paths and ids are in the JSON."""
    reader = reader or Reader({}, {})
    reasons = reasons or {}
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
        f"{counts['borttagen']} har tagits bort. I texterna är borttagna ord ~~överstrukna~~ "
        "och nya ord **fetstilta**.",
        "", "| Dokument | Ändring |", "| --- | --- |",
    ]
    for d in diffs:
        what = _STATUS[d.status] + (f" ({_count(len(d.changes), 'ändring', 'ändringar')})"
                                    if d.changes else "")
        lines.append(f"| {_md(reader.document_title(d.document))} | {what} |")
    for d in diffs:
        lines += ["", f"## {_md(reader.document_title(d.document))}", ""]
        if d.status == "tillagd":
            lines.append("- Dokumentet är nytt.")
        elif d.status == "borttagen":
            lines.append("- Dokumentet har tagits bort.")
        before = d.previous.data if d.previous is not None else None
        lines += [f"- {reader.describe(d, c, before)}" for c in d.changes]
        why = reasons.get(d.document.relpath, [])
        if why:
            lines += ["", "Skäl enligt versionshistoriken:", ""]
            lines += [f"- {_md(r)}" for r in why]
    return "\n".join(lines) + "\n"


def as_json(diffs: list[DocumentDiff], old: Side, new: Side,
            reasons: dict[str, list[str]] | None = None) -> dict[str, Any]:
    reasons = reasons or {}
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
            "reasons": reasons.get(d.document.relpath, []),
            "changes": [{"where": c.where, "field_path": list(c.path), "change": c.change,
                         "before": c.old, "after": c.new, "text": c.describe()}
                        for c in d.changes],
        } for d in diffs],
    }
