"""Human output: ``path:line:col: CODE fel: message`` and a hint, coloured on a terminal."""

from __future__ import annotations

import dataclasses

from rich.console import Console
from rich.text import Text

from lsk.diagnostics import Diagnostic
from lsk.terminal import terminal_safe

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_text(console: Console, diagnostics: list[Diagnostic], summary: dict[str, int]) -> None:
    for d in diagnostics:
        d = dataclasses.replace(d, path=terminal_safe(d.path), message=terminal_safe(d.message),
                                hint=terminal_safe(d.hint))
        # Text objects, never markup: values from YAML may contain '[' and must print verbatim.
        line = Text(f"{d.path}:{d.line}:{d.column}: ", style="bold")
        line.append(d.code, style="dim")
        line.append(" ")
        line.append(d.severity.swedish, style=_STYLE[d.severity.value])
        line.append(f": {d.message}")
        console.print(line, soft_wrap=True, highlight=False)
        if d.hint:
            console.print(Text(f"    tips: {d.hint}", style="dim"), soft_wrap=True)
    console.print(Text(_summary_line(summary), style="bold"), highlight=False)


def _summary_line(s: dict[str, int]) -> str:
    files = f"{s['files']} fil" + ("er" if s["files"] != 1 else "")
    errors = f"{s['errors']} fel"
    warnings = f"{s['warnings']} varning" + ("ar" if s["warnings"] != 1 else "")
    verdict = "inga fel" if not s["errors"] else errors
    return f"Kontrollerade {files}: {verdict}, {warnings}."
