"""One formatter per ``--format`` of ``lsk check``; each turns diagnostics into text."""

from __future__ import annotations

from collections.abc import Callable

from lsk.diagnostics import Diagnostic

Formatter = Callable[[list[Diagnostic], dict[str, int]], str]


def formatter(name: str) -> Formatter:
    if name == "json":
        from lsk.output.json_format import render
    elif name == "github":
        from lsk.output.github import render
    elif name == "sarif":
        from lsk.output.sarif import render
    elif name == "gitlab":
        from lsk.output.gitlab import render
    else:
        raise ValueError(name)
    return render
