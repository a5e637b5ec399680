"""``--format gitlab``: GitLab's Code Quality report (a subset of the Code Climate format).

GitLab shows these findings in the merge request and beside the changed lines in its diff,
on every tier; it does not read SARIF for that. Upload the file as
``artifacts: reports: codequality`` (see docs/ci/gitlab-ci.yml). Paths are from the
repository's top; the fingerprint (``lsk.output.fingerprint``) leaves out the line number.
"""

from __future__ import annotations

import json

from lsk.diagnostics import Diagnostic
from lsk.output.fingerprint import fingerprints

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(diagnostics: list[Diagnostic], summary: dict[str, int]) -> str:
    issues = []
    for d, fingerprint in fingerprints(diagnostics):
        issues.append({
            "description": f"{d.code} {d.message}" + (f" (tips: {d.hint})" if d.hint else ""),
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY[d.severity.value],
            "location": {"path": d.path, "lines": {"begin": d.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
