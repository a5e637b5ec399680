"""A finding's identity across runs, for the CI formats that track findings (GitLab, SARIF).

Made of the code, the file (from the repository's top) and the message, plus which occurrence
of that triple it is; the line is left out, so a finding keeps its identity when lines above it
move, and two equal findings in one file stay apart.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator

from lsk.diagnostics import Diagnostic


def fingerprints(diagnostics: list[Diagnostic]) -> Iterator[tuple[Diagnostic, str]]:
    seen: Counter[tuple[str, str, str]] = Counter()
    for d in diagnostics:
        key = (d.code, d.path, d.message)
        seen[key] += 1
        identity = "\0".join((*key, str(seen[key]))).encode()
        yield d, hashlib.sha256(identity).hexdigest()
