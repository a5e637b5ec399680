"""``lsk regler``: every rule with its code, name, severity, what it checks and why."""

from __future__ import annotations

import json
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.rootdir import find_root
from lsk.rules.registry import DOCS, RULES

JSON_FORMAT = 1
"""``--format json``: ``{"format", "rules": [{"code", "name", "severity", "summary", "why",
"source"}]}``."""


def markdown() -> str:
    out = ["# Regler", "", "Genererad av `lsk regler --format markdown`; redigera inte för hand.",
           "Stäng av eller ändra allvarlighet i lsk.yaml: `regler: {LSK507: {allvarlighet: fel}}`.",
           "Undanta ett enskilt fynd med en kommentar på raden: `# lsk: ignorera LSK502`.", "",
           "| kod | namn | allvarlighet | vad | källa |", "| --- | --- | --- | --- | --- |"]
    out += [f"| {r.code} | {r.name} | {r.severity.swedish} | {r.summary} | {r.source} |"
            for r in RULES.values()]
    for r in RULES.values():
        out += ["", f"## {r.code} {r.name}", "", f"*{r.severity.swedish}* · {r.source}", "",
                DOCS[r.code].split("\n", 1)[1].strip() if "\n" in DOCS[r.code] else r.summary]
    return "\n".join(out) + "\n"


def run(*, fmt: str, out: Path | None) -> int:
    if fmt == "markdown":
        text = markdown()
    elif fmt == "json":
        text = json.dumps({"format": JSON_FORMAT, "rules": [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
             "why": r.why, "source": r.source} for r in RULES.values()]},
            ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(f"{r.code}  {r.severity.swedish:<8} {r.name:<26} {r.summary}\n"
                       f"        varför: {r.why} ({r.source})\n" for r in RULES.values())
    emit(text, out, root=find_root(None))  # the repository the user stands in
    return 0
