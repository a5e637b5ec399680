"""Dates as they are known: periods compare by their last day and print as written."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from lsk.model.tidpunkt import Delvisdatum, parse, start_of


@pytest.mark.parametrize("text, start, end", [
    ("2023", "2023-01-01", "2023-12-31"),
    ("våren 2023", "2023-01-01", "2023-06-30"),
    ("Hösten 2023", "2023-07-01", "2023-12-31"),
    ("halvår 2 2024", "2024-07-01", "2024-12-31"),
    ("kvartal 1 2024", "2024-01-01", "2024-03-31"),
    ("tertial 2 2024", "2024-05-01", "2024-08-31"),
    ("juni 2024", "2024-06-01", "2024-06-30"),
    ("februari 2024", "2024-02-01", "2024-02-29"),
    ("2024-06", "2024-06-01", "2024-06-30"),
])
def test_a_period_spans_its_months_and_prints_as_written(text, start, end):
    value = parse(text)
    assert isinstance(value, Delvisdatum)
    assert (start_of(value).isoformat(), dt.date(value.year, value.month, value.day).isoformat()) \
        == (start, end)
    assert value.isoformat() == str(value) == text
    assert pickle.loads(pickle.dumps(value)).isoformat() == text  # the cache keeps it


def test_a_period_has_passed_only_when_its_last_day_has():
    q1 = parse("kvartal 1 2024")
    assert not q1 < dt.date(2024, 3, 31) and q1 < dt.date(2024, 4, 1)
    assert parse("våren 2023") < parse("hösten 2023") < parse("2024-01-01")


@pytest.mark.parametrize("text, message", [
    ("kvartal 5 2024", "kvartal ska vara 1–4"),
    ("tertial 0 2024", "tertial ska vara 1–3"),
    ("sommaren 2023", "är inget datum eller period"),
    ("2024-02-30", "är inget datum som finns"),
])
def test_what_is_no_date_or_period_is_named(text, message):
    with pytest.raises(ValueError, match=message):
        parse(text)


def test_a_plain_date_stays_a_date():
    assert parse(dt.date(2024, 5, 2)) == dt.date(2024, 5, 2)
    assert type(parse("2024-05-02")) is dt.date
