"""``--format json``: a versioned contract, golden-tested.

``{"diagnostics": [{"code", "severity", "path", "line", "column", "message", "hint"}],
"summary": {"files", "errors", "warnings", "infos"}}``
"""

from __future__ import annotations

import json

from lsk.diagnostics import Diagnostic


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    payload = {
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
