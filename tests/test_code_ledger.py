"""Codes are never reused: a code that is no longer reported moves to the ledger of retired codes.

``tests/golden/codes.txt`` lists every code lsk has ever used and only grows. A new code is added
to it with ``LSK_UPDATE_GOLDEN=1 pytest tests/test_code_ledger.py`` (which never removes a line).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lsk.codes import all_codes
from lsk.diagnostics import RETIRED

EVER = Path(__file__).parent / "golden" / "codes.txt"
UPDATE = os.environ.get("LSK_UPDATE_GOLDEN") == "1"


def _read() -> tuple[list[str], list[str]]:
    lines = EVER.read_text(encoding="utf-8").splitlines()
    return [x for x in lines if x.startswith("#")], [x for x in lines if not x.startswith("#")]


def test_no_code_is_both_registered_and_retired():
    assert sorted(all_codes().keys() & RETIRED.keys()) == []


def test_a_retired_code_says_what_it_was():
    for code, what in RETIRED.items():
        assert re.fullmatch(r"LSK[0-9]{3}", code), code
        assert what.strip(), f"{code}: skriv vad koden var och när och varför den avvecklades"


def test_every_code_ever_used_is_registered_or_retired():
    _, ever = _read()
    vanished = sorted(set(ever) - all_codes().keys() - RETIRED.keys())
    assert vanished == [], (f"{vanished} is no longer registered: add it to "
                            "lsk.diagnostics.RETIRED (what it was, when and why it was retired)")


def test_the_list_of_codes_ever_used_only_grows():
    header, ever = _read()
    known = all_codes().keys() | RETIRED.keys()
    if UPDATE and not known <= set(ever):
        EVER.write_text("\n".join([*header, *sorted(set(ever) | known)]) + "\n", encoding="utf-8")
        header, ever = _read()
    assert ever == sorted(set(ever)), "tests/golden/codes.txt is sorted, one code per line"
    assert all(re.fullmatch(r"LSK[0-9]{3}", c) for c in ever)
    new = sorted(known - set(ever))
    assert new == [], f"{new} missing from tests/golden/codes.txt (LSK_UPDATE_GOLDEN=1)"


def test_koder_lists_retired_codes_as_retired(lsk, monkeypatch):
    monkeypatch.setitem(RETIRED, "LSK999", "gammal-regel: Avvecklad 2027-01-15, ersatt av LSK510.")
    text = lsk("koder").out
    assert text.endswith("LSK999  avvecklad gammal-regel: Avvecklad 2027-01-15, ersatt av LSK510.\n")
    data = lsk("koder", "--format", "json").json
    assert data["retired"] == [{"code": "LSK999",
                                "description": "gammal-regel: Avvecklad 2027-01-15, ersatt av LSK510."}]
    assert "LSK999" not in {c["code"] for c in data["codes"]}
    markdown = lsk("koder", "--format", "markdown").out
    assert "## Avvecklade koder" in markdown
    assert "| LSK999 | gammal-regel: Avvecklad 2027-01-15, ersatt av LSK510. |" in markdown
