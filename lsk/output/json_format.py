"""``--format json``: a versioned contract, golden-tested (``tests/golden/json/check.json``).

``{"format": 1, "diagnostics": [{"code", "severity", "path", "line", "column", "message",
"hint"}], "summary": {"files", "errors", "warnings", "infos"}}``
"""

from __future__ import annotations

import json

from lsk.diagnostics import Diagnostic

JSON_FORMAT = 1
"""Raised when a key is removed, renamed or changes meaning; new keys keep the version."""


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    payload = {
        "format": JSON_FORMAT,
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "message": d.message,
                "hint": d.hint,
            }
            for d in diagnostics
        ],
        "summary": summary,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
