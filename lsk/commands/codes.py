"""``lsk koder``: the table of diagnostic codes, generated from the registry (docs cannot drift)."""

from __future__ import annotations

import json
from pathlib import Path

from lsk.codes import all_codes
from lsk.commands.outfile import emit
from lsk.diagnostics import RETIRED
from lsk.rootdir import find_root

JSON_FORMAT = 1
"""``--format json``: ``{"format", "codes": [{"code", "name", "severity", "summary", "why"}],
"retired": [{"code", "description"}]}``; ``retired`` is the ledger ``lsk.diagnostics.RETIRED``."""


def markdown() -> str:
    lines = [
        "# Diagnostikkoder",
        "",
        "Genererad av `lsk koder --format markdown`; redigera inte för hand.",
        "Koderna är stabila: en kod byter aldrig betydelse och återanvänds aldrig.",
        "",
        "| kod | namn | allvarlighet | vad | varför |",
        "| --- | --- | --- | --- | --- |",
    ]
    for c in all_codes().values():
        lines.append(f"| {c.code} | {c.name} | {c.severity.swedish} | {c.summary} | {c.why} |")
    if RETIRED:
        lines += ["", "## Avvecklade koder", "",
                  "Koderna rapporteras inte längre och används aldrig för något annat.", "",
                  "| kod | vad den var |", "| --- | --- |"]
        lines += [f"| {code} | {what} |" for code, what in sorted(RETIRED.items())]
    return "\n".join(lines) + "\n"


def run(*, fmt: str, out: Path | None) -> int:
    if fmt == "markdown":
        text = markdown()
    elif fmt == "json":
        text = json.dumps({"format": JSON_FORMAT, "codes": [
            {"code": c.code, "name": c.name, "severity": c.severity.value, "summary": c.summary,
             "why": c.why} for c in all_codes().values()], "retired": [
            {"code": code, "description": what} for code, what in sorted(RETIRED.items())]},
            ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{c.code}  {c.severity.swedish:<8} {c.name:<20} {c.summary}\n"
                       for c in all_codes().values())
        text += "".join(f"{code}  {'avvecklad':<8} {what}\n" for code, what in sorted(RETIRED.items()))
    emit(text, out, root=find_root(None))  # the repository the user stands in
    return 0
