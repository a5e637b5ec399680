"""Personal identity numbers: every valid one is found, near misses are not."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from lsk.personnummer import find, luhn_ok


def _with_check_digit(nine: str) -> str:
    for digit in "0123456789":
        if luhn_ok(nine + digit):
            return nine + digit
    raise AssertionError(nine)


def _generated(count: int, samordning: bool, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        day = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(0, 45_000))
        dd = day.day + (60 if samordning else 0)
        ten = _with_check_digit(f"{day:%y%m}{dd:02d}{rng.randrange(0, 1000):03d}")
        form = rng.randrange(4)
        if form == 0:
            out.append(f"{ten[:6]}-{ten[6:]}")
        elif form == 1:
            out.append(ten)
        elif form == 2:
            out.append(f"{day:%Y}{ten[2:6]}-{ten[6:]}")
        else:
            out.append(f"{day:%Y}{ten[2:]}")
    return out


@pytest.mark.parametrize("samordning", [False, True])
def test_recall_is_complete_on_generated_numbers(samordning):
    numbers = _generated(2000, samordning, seed=11 + samordning)
    for number in numbers:
        hits = list(find(f"Anteckning: {number}."))
        assert len(hits) == 1, number
        assert hits[0].samordningsnummer is samordning


@pytest.mark.parametrize("text", [
    "640823-3235",            # wrong check digit
    "2024-04-25",             # a date
    "SN 2024/118",            # diarienummer
    "Dnr 2025-000123",        # diarienummer with a dash
    "tel 070-123 45 67",      # phone number with spaces
    "telefon 0701234567",     # phone number, named as such
    "991332-1234",            # month 13
    "810230-1234",            # 30 February
    "811218-98765",           # too many digits
    "1811218-9876",           # part of a longer number
    "kl. 08.00-16.30",
])
def test_near_misses_are_not_flagged(text):
    assert list(find(text)) == []


def test_examples_from_the_domain_notes():
    assert [h.text for h in find("811218-9876 och 640823-3234")] == ["811218-9876", "640823-3234"]
    assert [h.samordningsnummer for h in find("701063-2391")] == [True]


@pytest.mark.parametrize("text", ["Brukaren bor på hotell 19121212-1212",
                                  "19121212\u20131212", "19121212\u22121212", "19121212 1212",
                                  "19121212\u00a01212", "19121212\u202f1212",
                                  "\uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12-1212",
                                  "Mobilt team 121212-1212"])
def test_separators_and_words_that_merely_contain_tel(text):
    assert [h.offset for h in find(text)], text


def test_publishing_refuses_personal_data(lsk, repo, tmp_path):
    from tests.minimal import FILES

    rutin = "rutiner/R001-mottagning.yaml"
    root = repo({rutin: FILES[rutin].replace("Bekräfta mottagandet", "Ring 811218-9876"),
                 "ar/2025/avvikelser.yaml": "id: avvikelser-2025\nar: 2025\n"})
    for args in (["render", root, "--out", tmp_path / "h"],
                 ["kvalitetsberattelse", "2025", root, "--out", tmp_path / "k.html"]):
        result = lsk(*args)
        assert result.code == 2 and "personnummer" in result.err
    assert not (tmp_path / "h").exists() and not (tmp_path / "k.html").exists()


@pytest.mark.parametrize("written", [
    '"Ring \\x381\\x31218-9876"',            # hex escapes
    '"Ring \\u0038\\u00311218-9876"',        # unicode escapes
    '"Ring 811218\\\n    -9876"',             # an escaped line break joins the number
    'Ring 811218\n      9876',                # a plain scalar folds the line break to a space
    'Ring 811218\r      9876',                # so does a lone CR, a line break to YAML
    'Ring 811218\x85      9876',              # and NEL
    '"Ring 811218\\_9876"',                   # an escaped non-breaking space
])
def test_numbers_hidden_by_yaml_escapes_are_found_at_the_value(lsk, repo, written):
    from tests.minimal import FILES

    rutin = "rutiner/R001-mottagning.yaml"
    text = FILES[rutin].replace("Bekräfta mottagandet till den enskilde.", written)
    assert "811218-9876" not in text
    result = lsk("check", repo({rutin: text}), "--format", "json")
    hits = [d for d in json.loads(result.out)["diagnostics"] if d["code"] == "LSK401"]
    assert result.code == 1 and len(hits) == 1
    assert hits[0]["line"] == text[:text.index("Ring")].count("\n") + 1
    assert hits[0]["path"].endswith(rutin)


def test_a_number_written_plainly_is_reported_once(lsk, repo):
    from tests.minimal import FILES

    rutin = "rutiner/R001-mottagning.yaml"
    text = FILES[rutin].replace("Bekräfta mottagandet", "Ring 811218-9876")
    result = lsk("check", repo({rutin: text}), "--format", "json")
    assert [d["code"] for d in json.loads(result.out)["diagnostics"]].count("LSK401") == 1


@pytest.mark.parametrize("text", ["telefonnummer 0701234569", "Mobilnummer: 0701234569"])
def test_phone_numbers_named_as_such_are_not_flagged(text):
    assert list(find(text)) == []


def test_a_number_that_is_not_a_person_can_be_accepted_on_its_line(lsk, repo):
    from tests.minimal import FILES

    rutin = "rutiner/R001-mottagning.yaml"
    step = "Logga körningen 20240101-1115."  # a timestamp that passes the date and Luhn checks
    for comment, expected in (("", ["LSK401"]), ("  # lsk: ignorera LSK401 (tidsstämpel)", [])):
        text = FILES[rutin].replace("Bekräfta mottagandet till den enskilde.", step + comment)
        result = lsk("check", repo({rutin: text}), "--format", "json")
        assert [d["code"] for d in result.json["diagnostics"]] == expected
