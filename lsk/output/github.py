"""``--format github``: GitHub Actions workflow commands that annotate the changed lines."""

from __future__ import annotations

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
