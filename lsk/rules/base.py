"""What a rule is: a stable code, a readable name, a default severity, and a pure check.

A rule reads the model (``Corpus``) and yields ``Finding``s that point at a document and a path
inside it; the engine turns paths into lines, applies configuration and suppressions, and sets
the severity. A rule's module docstring is its documentation (``lsk regler``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity


@dataclass(frozen=True)
class Finding:
    relpath: str
    path: tuple[Any, ...]
    message: str
    hint: str = ""
    at: tuple[int, int] | None = None
    """(line, column) in a file that is not YAML (a written chapter), where ``path`` says
    nothing; the engine uses it as it stands."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    source: str
    """The provision or reason behind the rule, e.g. 'SOSFS 2011:9 4 kap. 4 §'."""
    check: Callable[[Corpus], Iterator[Finding]]
