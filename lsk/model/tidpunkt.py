"""Dates as they are known: a day, or a month, tertial, quarter, half-year or year.

Municipal records say "våren 2023", "juni 2024", "kvartal 1 2024", "hösten 2023" or just "2023".
A ``Delvisdatum`` is such a period: a ``datetime.date`` whose value is the period's *last* day,
so every comparison lsk already makes (``sista_datum < today``: overdue; ``planerad < today``:
should have a result) holds only once the whole period has passed. ``start`` is its first day,
and ``isoformat()``/``str()`` give it back as it was written.

Accepted (case does not matter, any spacing):
``2023`` · ``2023-06`` · ``juni 2024`` · ``kvartal 1 2024`` (1–4) · ``tertial 2 2024`` (1–3) ·
``halvår 1 2024`` (1–2) · ``våren 2023`` (januari–juni) · ``hösten 2023`` (juli–december).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, WithJsonSchema
from pydantic_core import core_schema

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")

_PARTS = {"kvartal": (4, 3), "tertial": (3, 4), "halvår": (2, 6), "halvar": (2, 6)}
_SEASONS = {"våren": 1, "varen": 1, "hösten": 2, "hosten": 2}
PATTERN = (r"^\s*(\d{4}(-\d{2})?|(" + "|".join(MONTHS) + r")\s+\d{4}|"
           r"(kvartal|tertial|halvår|halvar)\s+\d\s+\d{4}|(våren|varen|hösten|hosten)\s+\d{4})\s*$")
EXAMPLES = "'2024', 'juni 2024', 'kvartal 1 2024', 'tertial 2 2024', 'våren 2023', 'hösten 2023'"


class Delvisdatum(dt.date):
    """A period known to the month, tertial, quarter, half-year or year; its date is its last
    day (see the module)."""

    text: str
    start: dt.date

    def __new__(cls, text: str, start: dt.date, end: dt.date) -> Delvisdatum:
        self = super().__new__(cls, end.year, end.month, end.day)
        self.text = text
        self.start = start
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Delvisdatum, (self.text, self.start, self.last_day()))

    def last_day(self) -> dt.date:
        """The period's last day as a plain date (what a calendar or a sum of days needs)."""
        return dt.date(self.year, self.month, self.day)

    # date arithmetic builds ``type(self)(y, m, d)``: a period moved by days is a plain date.
    def __add__(self, other: dt.timedelta) -> dt.date:  # type: ignore[override]
        return self.last_day() + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: Any) -> Any:
        return self.last_day() - (other.last_day() if isinstance(other, Delvisdatum) else other)

    def isoformat(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Delvisdatum({self.text!r})"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(text: str, year: int, first: int, months: int) -> Delvisdatum:
    if not 1 <= year <= 9999:
        raise ValueError(f"'{text}': året ska vara ett årtal")
    return Delvisdatum(text, dt.date(year, first, 1), _month_end(year, first + months - 1))


def parse(value: object) -> dt.date:
    """A date, or a period written as the module describes; ValueError with a Swedish text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("ska vara ett datum (ÅÅÅÅ-MM-DD) eller en period som " + EXAMPLES)
    text = " ".join(value.split())
    low = text.lower()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", low):
        try:
            return dt.date.fromisoformat(low)
        except ValueError:
            raise ValueError(f"'{text}' är inget datum som finns") from None
    if re.fullmatch(r"\d{4}", low):
        return _span(text, int(low), 1, 12)
    m = re.fullmatch(r"(\d{4})-(\d{2})", low)
    if m and 1 <= int(m.group(2)) <= 12:
        return _span(text, int(m.group(1)), int(m.group(2)), 1)
    m = re.fullmatch(r"([a-zåäö]+) (\d{4})", low)
    if m and m.group(1) in MONTHS:
        return _span(text, int(m.group(2)), MONTHS.index(m.group(1)) + 1, 1)
    if m and m.group(1) in _SEASONS:
        half = _SEASONS[m.group(1)]
        return _span(text, int(m.group(2)), 1 + 6 * (half - 1), 6)
    m = re.fullmatch(r"([a-zåäö]+) (\d) (\d{4})", low)
    if m and m.group(1) in _PARTS:
        count, months = _PARTS[m.group(1)]
        n = int(m.group(2))
        if not 1 <= n <= count:
            raise ValueError(f"'{text}': {m.group(1)} ska vara 1–{count}")
        return _span(text, int(m.group(3)), 1 + months * (n - 1), months)
    raise ValueError(f"'{text}' är inget datum eller period; skriv ÅÅÅÅ-MM-DD eller en period "
                     f"som {EXAMPLES}")


def as_written(value: dt.date) -> str:
    """'2024-06-12', or the period as it was written ('kvartal 1 2024')."""
    return value.isoformat()


def start_of(value: dt.date) -> dt.date:
    """The first day the date or period covers."""
    return value.start if isinstance(value, Delvisdatum) else value


class _Marker:
    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            parse, serialization=core_schema.plain_serializer_function_ser_schema(
                lambda v: v.isoformat(), when_used="json"))


Tidpunkt = Annotated[
    dt.date, _Marker,
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"},
                              {"type": "string", "pattern": PATTERN}, {"type": "integer"}]}),
]
"""A date, or a period as it is known ('våren 2023', 'kvartal 1 2024'); see the module."""
