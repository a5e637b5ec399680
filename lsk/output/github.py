"""``--format github``: GitHub Actions workflow commands that annotate the changed lines.

GitHub shows only ten annotations of each level per step, so the check also writes every
finding, with a count line, to the job summary (``$GITHUB_STEP_SUMMARY``) when it runs there.
"""

from __future__ import annotations

import os
from pathlib import Path

from lsk import swedish
from lsk.diagnostics import Diagnostic

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    lines = []
    for d in diagnostics:
        body = d.message + (f"\ntips: {d.hint}" if d.hint else "")
        lines.append(
            f"::{_LEVEL[d.severity.value]} file={_prop(d.path)},line={d.line},col={d.column},"
            f"title={_prop(d.code)}::{_data(body)}"
        )
    return "".join(line + "\n" for line in lines)


def job_summary(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    """Every finding as a Markdown table, under a count line."""
    count = (f"Kontrollerade {swedish.count(summary['files'], 'fil', 'filer')}: "
             f"{summary['errors']} fel, "
             f"{swedish.count(summary['warnings'], 'varning', 'varningar')}, "
             f"{swedish.count(summary['infos'], 'upplysning', 'upplysningar')}.")
    lines = ["## lsk check", "", count, ""]
    if diagnostics:
        lines += ["| Fil | Rad | Kod | Allvarlighet | Meddelande | Tips |",
                  "| --- | ---: | --- | --- | --- | --- |"]
        lines += [f"| {_cell(d.path)} | {d.line} | {d.code} | {d.severity.swedish} | "
                  f"{_cell(d.message)} | {_cell(d.hint or '')} |" for d in diagnostics]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text inside a Markdown table cell: no table breaks, no markup, no HTML."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    for mark in "`*_[]#~":
        escaped = escaped.replace(mark, "\\" + mark)
    return " ".join(escaped.split())


def append_job_summary(diagnostics: list[Diagnostic], summary: dict[str, int]) -> None:
    """Append the job summary where GitHub Actions asks for it; nothing outside Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(job_summary(diagnostics, summary))
