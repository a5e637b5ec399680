"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards; rules come from the code table."""

from __future__ import annotations

import json
from urllib.parse import quote

import lsk
from lsk.codes import all_codes
from lsk.diagnostics import Diagnostic

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    codes = all_codes()
    used = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "name": codes[code].name,
            "shortDescription": {"text": codes[code].summary},
            "fullDescription": {"text": codes[code].why},
            "defaultConfiguration": {"level": _LEVEL[codes[code].severity.value]},
        }
        for code in used
    ]
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVEL[d.severity.value],
            "message": {"text": d.message + (f" Tips: {d.hint}" if d.hint else "")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(d.path)},
                    "region": {"startLine": d.line, "startColumn": d.column},
                }
            }],
        }
        for d in diagnostics
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lsk",
                "version": lsk.__version__,
                "rules": rules,
            }},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
