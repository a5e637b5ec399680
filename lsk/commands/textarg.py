"""Text given on the command line that lsk writes into documents, tags or file names."""

from __future__ import annotations

import unicodedata

from lsk import personnummer
from lsk.errors import LskError


def one_line(value: str, option: str, limit: int = 200) -> str:
    """Printable text on one line, without personal identity numbers: it ends up in files that
    are published (a title, the kommun's name) or in git history, which cannot be cleaned."""
    value = value.strip()
    if not value or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value):
        raise LskError(f"{option} får bara innehålla synliga tecken på en rad",
                       f"Ta bort radbrytningar och styrtecken ur {option}.")
    if len(value) > limit:
        raise LskError(f"{option} är längre än {limit} tecken", f"Korta {option}.")
    if personnummer.scan_text(value):
        raise LskError(f"{option} innehåller ett personnummer eller samordningsnummer",
                       "Skriv inte personuppgifter i ledningssystemet; det publiceras.")
    return value
