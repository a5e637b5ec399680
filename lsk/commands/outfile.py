"""Write command output to stdout or, atomically, to the ``--out`` file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lsk.atomic import write_atomic
from lsk.diagnostics import Diagnostic
from lsk.errors import LskError
from lsk.rootdir import refuse_overwrite

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus


def emit(text: str, out: Path | None, *, root: Path) -> None:
    """``text`` to stdout, or atomically to ``out`` unless that would replace something lsk
    reads from ``root`` (``lsk.rootdir.refuse_overwrite``)."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    refuse_overwrite(out, root)
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


def warn_left_out(corpus: Corpus, what: str, consequence: str = "") -> None:
    """Name each document that is not in ``what`` because it did not validate, and why."""
    left = corpus.left_out
    if not left:
        return
    n = len(left)
    print(f"lsk: varning: {n} dokument är inte med i {what} eftersom "
          f"{'det har' if n == 1 else 'de har'} fel:", file=sys.stderr)
    for item in left:
        print(f"    {item.describe()}", file=sys.stderr)
    if consequence:
        print(f"    {consequence}", file=sys.stderr)
    print("    tips: kör 'lsk check' och rätta felen.", file=sys.stderr)


def require_config(corpus: Corpus, what: str) -> None:
    """Refuse to publish without valid settings: the municipality's name and the masking
    threshold come from lsk.yaml, and a default would publish the wrong ones silently."""
    if corpus.config is not None:
        return
    broken = corpus.left_out_of("konfiguration")
    why = f": {broken[0].describe()}" if broken else ""
    raise LskError(f"{what} skapas inte: inställningarna i lsk.yaml kan inte läsas{why}",
                   "Rätta lsk.yaml (kör 'lsk check'); kommunens och nämndens namn och "
                   "maskningsgränsen hämtas därifrån.")
