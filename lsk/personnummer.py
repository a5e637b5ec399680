"""Find Swedish personal identity numbers (personnummer, samordningsnummer) in text.

A candidate is 6 or 8 date digits, an optional ``-`` or ``+``, and 4 digits, not part of a
longer number. It counts only when the date exists (samordningsnummer: day + 60) and the
Luhn check digit matches (Skatteverket, SKV 704), so dates, diarienummer and most phone
numbers are not flagged.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

# Separators: none, '-', '+', and what word processors put instead of '-' (en dash, minus,
# non-breaking hyphen) or a space (also a non-breaking, narrow or thin one).
_CANDIDATE = re.compile(
    r"(?<![0-9])((?:19|20)?[0-9]{6})"
    r"([-+\u2010\u2011\u2012\u2013\u2212 \u00a0\u2009\u202f]?)([0-9]{4})(?![0-9])")
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_PHONE_CONTEXT = re.compile(
    r"(\b(?:tel|telefon|telefonnummer|telnr|mobil|mobilnummer|mobiltelefon|fax|växel)\b\.?"
    r"|\+46)[^0-9\n]{0,12}$", re.IGNORECASE)
_NON_ASCII_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digits(text: str) -> str:
    """Full-width and other Unicode decimal digits as ASCII, one character for one (offsets
    stay valid)."""
    if text.isascii() or _NON_ASCII_DIGIT.search(text) is None:
        return text
    return _NON_ASCII_DIGIT.sub(lambda m: str(unicodedata.digit(m.group(), 0)), text)


class Hit(NamedTuple):
    offset: int
    text: str
    samordningsnummer: bool


def luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits[:9]):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10 == int(ten_digits[9])


def _date_ok(century: str, yymmdd: str) -> tuple[bool, bool]:
    """(is a real date, is a samordningsnummer day)."""
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    samordning = day > 60
    if samordning:
        day -= 60
    if not 1 <= month <= 12 or day < 1:
        return False, samordning
    year = int(century + yymmdd[:2]) if century else 2000  # leap year: accept 29 Feb
    return day <= calendar.monthrange(year, month)[1], samordning


def find(text: str) -> Iterator[Hit]:
    text = _ascii_digits(text)
    if _FOUR_DIGITS.search(text) is None:  # C-speed shortcut: most text has no number at all
        return
    for m in _CANDIDATE.finditer(text):
        head, _sep, tail = m.groups()
        century, yymmdd = (head[:2], head[2:]) if len(head) == 8 else ("", head)
        real, samordning = _date_ok(century, yymmdd)
        if not real or not luhn_ok(yymmdd + tail):
            continue
        if _PHONE_CONTEXT.search(text, max(0, m.start() - 20), m.start()):
            continue
        yield Hit(m.start(), m.group(0), samordning)


MASK = "(personnummer borttaget)"


def masked(text: str) -> tuple[str, int]:
    """``text`` with every personnummer and samordningsnummer replaced by ``MASK``."""
    hits = list(find(text))
    for hit in reversed(hits):
        text = text[:hit.offset] + MASK + text[hit.offset + len(hit.text):]
    return text, len(hits)
