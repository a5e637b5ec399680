"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards; rules come from the code table.

Locations are relative to ``%SRCROOT%``, the repository's top (the check command passes paths
from there), so a run from any folder gives the same log and the dashboard finds the file.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import lsk
from lsk.codes import all_codes
from lsk.diagnostics import Diagnostic
from lsk.output.fingerprint import fingerprints

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
HELP_URI = f"{lsk.HOMEPAGE}/blob/main/docs/diagnostikkoder.md"


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
            "help": {
                "text": f"{codes[code].summary} {codes[code].why} Alla koder: docs/diagnostikkoder.md.",
                "markdown": f"**{code} {codes[code].name}**: {codes[code].summary}\n\n"
                            f"{codes[code].why}\n\n[Alla koder]({HELP_URI})",
            },
            "helpUri": HELP_URI,
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
                    "artifactLocation": {"uri": quote(d.path), "uriBaseId": SRCROOT},
                    "region": {"startLine": d.line, "startColumn": d.column},
                }
            }],
            "partialFingerprints": {"lskFinding/v1": fingerprint},
        }
        for d, fingerprint in fingerprints(diagnostics)
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lsk",
                "version": lsk.__version__,
                "informationUri": lsk.HOMEPAGE,
                "rules": rules,
            }},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
