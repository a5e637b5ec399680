"""Personal identity numbers: every valid one is found, near misses are not."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from lsk.personnummer import MASK, find, luhn_ok, masked, reader_text, scan_text
from tests.personal_data import FORMS, near_misses


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


# --- Evasion by formatting (issue 13, part 1): what a reader sees is what is scanned -----------

PERSON, SAMORDNING = "191212121212", "197010632391"  # 19121212-1212 and 701063-2391


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("number", [PERSON, SAMORDNING])
def test_evasion_forms_are_found_as_the_reader_sees_them(form, number):
    text = f"Anteckning om {FORMS[form](number)} i texten."
    hits = scan_text(text)
    assert [(h.number, h.samordningsnummer) for h in hits] == [(number[2:], number == SAMORDNING)]
    assert text[hits[0].offset:hits[0].offset + len(hits[0].text)] == hits[0].text
    assert hits[0].text[0] in "17\uff11"  # the span starts at the number's first digit


@pytest.mark.parametrize("form", sorted(FORMS))
def test_masking_removes_every_evasion_form(form):
    text, count = masked(f"Rättat efter klagomål från {FORMS[form](PERSON)}.")
    assert count == 1 and MASK in text
    seen = reader_text(text).text
    assert not scan_text(seen) and "1212" not in seen


@pytest.mark.parametrize("form", ["spaces-around-dash", "zero-width", "entity-decimal",
                                  "markdown-escape", "bold-pieces", "tel-before", "date-in-groups"])
def test_check_reports_an_evasion_in_a_value_and_a_comment_at_its_line(lsk, repo, form):
    from tests.minimal import FILES

    rutin = "rutiner/R001-mottagning.yaml"
    value = FORMS[form](PERSON).replace("\\", "\\\\").replace('"', '\\"')
    text = FILES[rutin].replace("Bekräfta mottagandet till den enskilde.", f'"Ring {value}"')
    text = text.replace("\n", f"  # gäller {FORMS[form]('194005066669')}\n", 1)
    result = lsk("check", repo({rutin: text}), "--format", "json", "--no-cache")
    lines = sorted(d["line"] for d in result.json["diagnostics"] if d["code"] == "LSK401")
    assert result.code == 1
    assert lines == [1, text[:text.index('"Ring')].count("\n") + 1], result.out


def test_phone_words_excuse_only_a_phone_number():
    assert not list(find("tel 0701234567")) and not list(find("Mobil: 0701234567"))
    for text in ("tel 19121212-1212", "tel 121212-1212", "telefon 121212 1212",
                 "mobil 1212121212", "+46 121212-1212"):
        assert list(find(text)), text


def test_near_misses_give_no_more_false_positives_than_before():
    """About 1 in 150 before the reader's text was scanned (the same list, as written); reading
    it as published must not add any."""
    texts = near_misses(600, seed=150)
    found = {name: sum(1 for t in items if scan_text(t)) for name, items in texts.items()}
    as_written = sum(1 for items in texts.values() for t in items if list(find(t)))
    total = sum(found.values())
    assert found["fel-kontrollsiffra"] == 0 and found["phone"] == 0, found
    assert total <= as_written and total * 150 <= sum(map(len, texts.values())), found


@pytest.mark.parametrize("text", ["mot 19 19661122 \u2013 3642", "mot 19 196611223642",
                                  "år 20 19661122-3642", "12 34 19121212-1212"])
def test_a_number_right_after_another_number_is_not_swallowed(text):
    """Found by the end-to-end test: '19 1966 11 22' was tried as a candidate, failed, and the
    search went on after it, past the real number."""
    assert len(scan_text(text)) == 1, text
