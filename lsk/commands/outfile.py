"""Write command output to stdout or, atomically, to the ``--out`` file."""

from __future__ import annotations

import sys
from pathlib import Path

from lsk.atomic import write_atomic
from lsk.diagnostics import Diagnostic
from lsk.errors import LskError


def emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(out, text)


PERSONAL_DATA_CODES = frozenset({"LSK401", "LSK402"})


def refuse_personal_data(diagnostics: list[Diagnostic], what: str) -> None:
    """Stop publishing when any document holds a personnummer or samordningsnummer."""
    hits = [d for d in diagnostics if d.code in PERSONAL_DATA_CODES]
    if hits:
        first = hits[0]
        raise LskError(
            f"{what} skapas inte: {len(hits)} personnummer eller samordningsnummer i dokumenten "
            f"(först {first.path}:{first.line})",
            "Ta bort uppgifterna (kör 'lsk check'); inget med personuppgifter publiceras.")
