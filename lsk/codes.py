"""Every code lsk can report: the loader's (``diagnostics.CODES``) and the rules'."""

from __future__ import annotations

from lsk.diagnostics import CODES, Code


def all_codes() -> dict[str, Code]:
    from lsk.rules.registry import RULES

    rules = {r.code: Code(r.code, r.name, r.severity, r.summary, r.why) for r in RULES.values()}
    return dict(sorted({**CODES, **rules}.items()))
