"""lsk kalender: an iCalendar file that icalendar and vobject both read, with UIDs from ids.

The file is read back with icalendar (the library that writes it) and with vobject (a second,
independent parser), its UIDs are compared across runs on different days, and the recurrence
rules are expanded by vobject to the months the årscykel names.
"""

from __future__ import annotations

import datetime as dt
import importlib.util

import icalendar
import vobject

from tests.conftest import EXAMPLE

CYCLE = """\
handelser:
  - {aterkommer: kvartalsvis, manad: januari, vad: Ej verkställda beslut rapporteras.,
     ansvar: enhetschef, process: KP01, not: Kvartal 2 tas upp i augusti.}
  - {manad: [mars, augusti], namn: Verksamhetsredovisning, vad: Verksamhetsredovisning lämnas.,
     ansvar: forvaltningschef}
  - {aterkommer: manadsvis, utom: [juli], vad: Ekonomisk uppföljning., ansvar: forvaltningschef}
  - {aterkommer: lopande, vad: Stickprov i akterna., ansvar: enhetschef}
"""


def _write(lsk, root, tmp_path, name: str, *args: str) -> bytes:
    out = tmp_path / name
    result = lsk("kalender", root, "--out", out, *args)
    assert result.code == 0, result.err
    return out.read_bytes()


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert len(events) == len(cal.walk("VEVENT")), "every UID once"
    return events


def test_the_example_calendar_reads_back_with_two_libraries_and_keeps_its_uids(lsk, tmp_path):
    first = _write(lsk, EXAMPLE, tmp_path, "a.ics", "--datum", "2026-11-25", "--ar", "2026")
    again = _write(lsk, EXAMPLE, tmp_path, "b.ics", "--datum", "2026-12-02", "--ar", "2026")
    events = _events(first)
    assert set(events) == set(_events(again))  # a re-import updates, never duplicates
    assert len(events) > 60
    parsed = vobject.readOne(first.decode("utf-8"))
    assert sorted(str(v.uid.value) for v in parsed.vevent_list) == sorted(events)
    for uid, e in events.items():
        assert uid.endswith("@socialnamnden.sjobacka-kommun.lsk")
        assert isinstance(e.decoded("DTSTART"), dt.date)
        text = str(e["DESCRIPTION"])
        assert ("Ansvar: " in text or "Ansvarig: " in text or "Ägare: " in text), uid
    kinds = {uid.split("-", 1)[0] for uid in events}
    assert kinds == {"arscykel", "revision", "atgard"}
    kp01 = events["revision-kp01@socialnamnden.sjobacka-kommun.lsk"]
    assert kp01.decoded("DTSTART") == dt.date(2027, 6, 30)
    assert "Myndighetsutövning" in str(kp01["SUMMARY"])
    quarterly = events["arscykel-kp01-annat-kvartalsvis-januari@socialnamnden.sjobacka-kommun.lsk"]
    assert quarterly["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    assert "Ansvar: Avdelningschef funktionsstöd" in str(quarterly["DESCRIPTION"])
    assert "Not: Rapporten för kvartal 2" in str(quarterly["DESCRIPTION"])


def test_recurrence_expands_to_the_months_of_the_arscykel(lsk, repo, tmp_path):
    root = repo({"arscykel.yaml": CYCLE})
    result = lsk("kalender", root, "--ar", "2026", "--datum", "2026-01-10")
    assert result.code == 0
    assert "1 löpande händelser" in result.err  # no date, so not in the calendar
    parsed = vobject.readOne(result.out)
    months: dict[str, list[int]] = {}
    for v in parsed.vevent_list:
        dates = [d for d in v.getrruleset(addRDate=True) if d.year == 2026] \
            if hasattr(v, "rrule") else [v.dtstart.value]
        months.setdefault(str(v.summary.value), []).extend(d.month for d in dates)
    assert sorted(months["Ej verkställda beslut rapporteras."]) == [1, 4, 7, 10]
    assert sorted(months["Verksamhetsredovisning"]) == [3, 8]
    assert sorted(months["Ekonomisk uppföljning."]) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
    assert "Stickprov i akterna." not in months
    events = _events(result.out.encode("utf-8"))
    # irregular months are one yearly series per month (what Outlook understands)
    assert {str(e["RRULE"].to_ical(), "ascii") for u, e in events.items()
            if u.startswith("arscykel-")} == {
        "FREQ=MONTHLY;INTERVAL=3", "FREQ=YEARLY"}


def test_expanded_occurrences_have_their_own_stable_uids(lsk, repo, tmp_path):
    root = repo({"arscykel.yaml": CYCLE})
    one = _events(_write(lsk, root, tmp_path, "a.ics", "--expandera", "--ar", "2027"))
    two = _events(_write(lsk, root, tmp_path, "b.ics", "--expandera", "--ar", "2027",
                         "--datum", "2027-05-01"))
    assert set(one) == set(two)
    assert all("RRULE" not in e for e in one.values())
    quarterly = sorted(e.decoded("DTSTART") for e in one.values()
                       if str(e["SUMMARY"]).startswith("Ej verkställda"))
    assert quarterly == [dt.date(2027, m, 1) for m in (1, 4, 7, 10)]
    assert "arscykel-kp01-annat-kvartalsvis-januari-2027-04@provby-kommun" not in one
    assert any(u.startswith("arscykel-kp01-annat-kvartalsvis-januari-2027-04@") for u in one)


def test_no_person_and_no_personnummer_reaches_the_calendar(lsk, repo, tmp_path):
    root = repo({"arscykel.yaml": CYCLE.replace("Stickprov i akterna.",
                                                "Stickprov i akten för 19121212-1212.")})
    result = lsk("kalender", root, "--out", tmp_path / "k.ics")
    assert result.code != 0 and "personnummer" in result.err
    assert not (tmp_path / "k.ics").exists()


def test_a_missing_calendar_extra_is_named(lsk, repo, monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "icalendar" else real(name, *a))
    result = lsk("kalender", repo(), "--out", tmp_path / "k.ics")
    assert result.code == 2 and "lsk[kalender]" in result.err and "Traceback" not in result.err


def test_an_organ_or_unit_responsible_is_named_too(repo):
    """When the nämnd or a unit is responsible (an organisation of any depth), the calendar
    names it as the handbook does."""
    from lsk.analysis.corpus import Corpus
    from lsk.reports.kalender import _Names

    names = _Names(Corpus.load(repo(), dt.date(2026, 1, 10)))
    assert names.role("socialnamnden") == "Socialnämnden"
    assert names.role("mottagningen") == "Mottagningsenheten"
    assert names.role("enhetschef") == "Enhetschef"
