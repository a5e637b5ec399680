"""``--format gitlab``: GitLab's Code Quality report (a subset of the Code Climate format).

GitLab shows these findings in the merge request and beside the changed lines in its diff,
on every tier; it does not read SARIF for that. Upload the file as
``artifacts: reports: codequality`` (see docs/ci/gitlab-ci.yml). The fingerprint leaves out
the line number, so a finding keeps its identity when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from lsk.diagnostics import Diagnostic

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in diagnostics:
        key = (d.code, d.path, d.message)
        seen[key] += 1
        identity = "\0".join((*key, str(seen[key]))).encode()
        issues.append({
            "description": f"{d.code} {d.message}" + (f" (tips: {d.hint})" if d.hint else ""),
            "check_name": d.code,
            "fingerprint": hashlib.sha256(identity).hexdigest(),
            "severity": _SEVERITY[d.severity.value],
            "location": {"path": d.path, "lines": {"begin": d.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
