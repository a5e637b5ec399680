"""Find Swedish personal identity numbers (personnummer, samordningsnummer) in text.

A candidate is 6 or 8 date digits, an optional ``-`` or ``+``, and 4 digits, not part of a
longer number. It counts only when the date exists (samordningsnummer: day + 60) and the
Luhn check digit matches (Skatteverket, SKV 704), so dates, diarienummer and most phone
numbers are not flagged.

``find`` reads the text as written. ``scan_text`` also reads it as a *reader* will see it once
it is published (``reader_text``): Markdown escapes and emphasis markers gone, HTML entities
decoded, tags and invisible characters removed, Unicode dashes and spaces made plain, a date
written in groups (``1912 12 12``) or with spaces around the dash joined. Every place that scans
or masks text written by people uses ``scan_text`` (the loader for YAML, Markdown and templates;
``lsk.gitrepo`` for what git holds), so an evasion by formatting is caught the same everywhere.
"""

from __future__ import annotations

import bisect
import calendar
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

# Separators: none, '-', '+', and what word processors put instead of '-' (en dash, minus,
# non-breaking hyphen) or a space (also a non-breaking, narrow or thin one).
_CANDIDATE = re.compile(
    r"(?<![0-9])((?:19|20)?[0-9]{6})"
    r"([-+\u2010\u2011\u2012\u2013\u2212 \u00a0\u2009\u202f]?)([0-9]{4})(?![0-9])")
# In the reader's text (plain dashes and spaces already): also a space around the separator and
# between the date's groups, as in '1912 12 12 - 1212'.
_READER_CANDIDATE = re.compile(
    r"(?<![0-9])(?:(19|20) ?)?([0-9]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([-+]?) ?([0-9]{4})(?![0-9])")
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
    number: str
    """The ten digits without the century: the same number however it was written."""


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


def _phone(text: str, start: int, century: str, sep: str, yymmdd: str) -> bool:
    """A phone number named as such: 'tel', 'mobil' or '+46' just before ten digits written
    together that begin with 0 (a Swedish area code). A word alone does not excuse a number:
    'tel 19121212-1212' and 'tel 121212-1212' are written as personnummer are."""
    return (not century and not sep and yymmdd.startswith("0")
            and _PHONE_CONTEXT.search(text, max(0, start - 20), start) is not None)


def find(text: str) -> Iterator[Hit]:
    """Personnummer and samordningsnummer in ``text`` as written."""
    written, text = text, _ascii_digits(text)
    if _FOUR_DIGITS.search(text) is None:  # C-speed shortcut: most text has no number at all
        return
    end = 0
    for m in _candidates(_CANDIDATE, text):
        if m.start() < end:
            continue  # inside the number just found
        head, sep, tail = m.groups()
        century, yymmdd = (head[:2], head[2:]) if len(head) == 8 else ("", head)
        hit = _judge(text, m.start(), written[m.start():m.end()], century, yymmdd, sep, tail)
        if hit is not None:
            end = m.end()
            yield hit


def _candidates(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, overlapping ones included: a candidate that is no number ('mot 19 1966…'
    read as 19 1966 11 22) must not swallow the number that starts inside it. The caller judges
    each; the search goes on from the next character after each one."""
    at = 0
    while (m := pattern.search(text, at)) is not None:
        yield m
        at = m.start() + 1


def _judge(text: str, start: int, written: str, century: str, yymmdd: str, sep: str,
           tail: str) -> Hit | None:
    real, samordning = _date_ok(century, yymmdd)
    if not real or not luhn_ok(yymmdd + tail) or _phone(text, start, century, sep, yymmdd):
        return None
    return Hit(start, written, samordning, yymmdd + tail)


# --- The text as a reader sees it -------------------------------------------------------------

_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
              "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u0300-\u036f")
_DASHES = "\u02d7\u058a\u05be\u1400\u1806\u2010-\u2015\u2043\u2212\u2796\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_CHARS = re.compile(f"[{_INVISIBLE}]+|[{_DASHES}]|[{_SPACES}]|(?![0-9])\\d")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|</?[A-Za-z][^<>]*>", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TAB = re.compile("\t")
_EMPHASIS = re.compile(r"[*_~`]+(?=[0-9])|(?<=[0-9])[*_~`]+")
_SPACE_RUN = re.compile(r"(?<=[0-9+-]) {2,}(?=[0-9+-])")


def _char(m: re.Match[str]) -> str:
    ch = m.group()
    if ch[0] in "\t" or unicodedata.category(ch[0]) == "Zs":
        return " "
    if ch[0].isdigit():
        return str(unicodedata.digit(ch[0], 0))
    if ch[0] in "\u02d7\u2043\u2212\u2796" or unicodedata.category(ch[0]) == "Pd":
        return "-"
    return ""  # invisible


def _entity(m: re.Match[str]) -> str:
    return html.unescape(m.group())


# Each step of what publishing does to a text, in order; all of them keep line breaks, so a line
# in the reader's text is a line in the file.
_STEPS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (_TAG, lambda m: "\n" * m.group().count("\n")),
    (_ESCAPE, lambda m: m.group(1)),
    (_ENTITY, _entity),
    (_CHARS, _char),
    (_EMPHASIS, lambda m: ""),
    (_SPACE_RUN, lambda m: " "),
)


class _Map:
    """Offsets in one step's output back to its input: the replaced spans, in order."""

    def __init__(self) -> None:
        self.new_starts: list[int] = []
        self.spans: list[tuple[int, int, int, int]] = []  # new start, new end, old start, old end

    def add(self, new_start: int, new_end: int, old_start: int, old_end: int) -> None:
        self.new_starts.append(new_start)
        self.spans.append((new_start, new_end, old_start, old_end))

    def back(self, offset: int, end: bool = False) -> int:
        i = bisect.bisect_right(self.new_starts, offset - (1 if end else 0)) - 1
        if i < 0:
            return offset
        new_start, new_end, old_start, old_end = self.spans[i]
        if offset < new_end or (end and offset == new_end):
            return old_end if end else old_start
        return offset - new_end + old_end


def _apply(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str],
           text: str) -> tuple[str, _Map | None]:
    pieces: list[str] = []
    mapping = _Map()
    at = new = 0
    for m in pattern.finditer(text):
        if m.start() == m.end():
            continue
        pieces.append(text[at:m.start()])
        new += m.start() - at
        out = replace(m)
        if out == m.group():
            pieces.append(out)
            new += len(out)
        else:
            pieces.append(out)
            mapping.add(new, new + len(out), m.start(), m.end())
            new += len(out)
        at = m.end()
    if not mapping.spans:
        return text, None
    pieces.append(text[at:])
    return "".join(pieces), mapping


class ReaderText(NamedTuple):
    text: str
    maps: list[_Map]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the reader's text as a span of the text as written."""
        for mapping in reversed(self.maps):
            start, end = mapping.back(start), mapping.back(end, end=True)
        return start, end


def reader_text(text: str) -> ReaderText:
    """``text`` as a reader sees it published: see the module's docstring."""
    maps = []
    for pattern, replace in _STEPS:
        if pattern is _CHARS and text.isascii():
            pattern = _TAB  # the only one of these characters in ASCII
        text, mapping = _apply(pattern, replace, text)
        if mapping is not None:
            maps.append(mapping)
    return ReaderText(text, maps)


def scan_text(text: str) -> list[Hit]:
    """Every personnummer and samordningsnummer in ``text`` as written or as a reader will see
    it, once each, in order; offsets and ``text`` are those of the text as written.

    A number never spans a line break (nor does any candidate), so only lines with at least ten
    digits are read as a reader would: in a handbook's YAML that is a few lines in a hundred.
    """
    hits = {h.offset: h for h in find(text)}
    if _FEW_DIGITS.fullmatch(text) is not None:  # fewer than ten digits: nothing to join
        return list(hits.values())
    covered = [(h.offset, h.offset + len(h.text)) for h in hits.values()]
    for line in _DIGIT_LINE.finditer(text):
        reader = reader_text(line.group())
        for m in _candidates(_READER_CANDIDATE, reader.text):
            century, yy, mm, dd, sep, tail = m.groups()
            hit = _judge(reader.text, m.start(), m.group(0), century or "", yy + mm + dd, sep,
                         tail)
            if hit is None:
                continue
            start, end = (line.start() + at for at in reader.original(m.start(), m.end()))
            if any(s < end and start < e for s, e in covered):
                continue  # found as written already
            covered.append((start, end))
            hits[start] = Hit(start, text[start:end], hit.samordningsnummer, hit.number)
    return [hits[k] for k in sorted(hits)]


_FEW_DIGITS = re.compile(r"\D*(?:\d\D*){0,9}")
_DIGIT_LINE = re.compile(r"^(?:[^\d\n]*\d){10}[^\n]*", re.MULTILINE)


MASK = "(personnummer borttaget)"


def masked(text: str) -> tuple[str, int]:
    """``text`` with every personnummer and samordningsnummer, however it is written, replaced
    by ``MASK``."""
    hits = scan_text(text)
    for hit in reversed(hits):
        text = text[:hit.offset] + MASK + text[hit.offset + len(hit.text):]
    return text, len(hits)
