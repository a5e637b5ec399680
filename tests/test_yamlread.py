"""The YAML reader: values, positions and scalar typing."""

from __future__ import annotations

from lsk.loader.positions import position_of
from lsk.loader.yamlread import parse_yaml


def test_positions_of_values_and_keys():
    parsed = parse_yaml("titel: X\nsteg:\n  - text: a\n    ansvar: b\n")
    assert parsed.ok
    assert position_of(parsed.positions, ("steg", 0, "ansvar")) == (4, 13)
    assert position_of(parsed.positions, ("steg",), key=True) == (2, 1)
    # a missing field points at the nearest existing parent
    assert position_of(parsed.positions, ("steg", 0, "saknas")) == (3, 5)


def test_only_true_and_false_are_booleans_and_numbers_stay_as_written():
    parsed = parse_yaml("a: yes\nb: no\nc: true\nd: 2.10\ne: 2024-04-25\nf: ~\ng: 'true'\n")
    assert parsed.data == {"a": "yes", "b": "no", "c": True, "d": "2.10", "e": "2024-04-25",
                           "f": None, "g": "true"}


def test_aliases_within_the_limit_are_expanded():
    parsed = parse_yaml("a: &x [1, 2]\nb: *x\n")
    assert parsed.ok and parsed.data == {"a": ["1", "2"], "b": ["1", "2"]}


def test_syntax_errors_are_translated():
    parsed = parse_yaml("a: b: c\n")
    assert [p.code for p in parsed.problems] == ["LSK101"]
    assert "kolon" in parsed.problems[0].message


def test_bad_escape_codes_are_explained_in_swedish():
    from lsk.loader.yamlread import parse_yaml

    for text in ('a: "\\uZZZZ"\n', 'a: "\\uD800"\n'):
        message = parse_yaml(text).problems[0].message
        assert "citerad text" in message and "found" not in message and "expected" not in message


def test_a_huge_number_is_read_as_its_text_wherever_it_stands():
    """Python refuses ``int(str)`` past 4,300 digits; the reader never converts, so a number of
    any length (key, value, list item, anchor, flow, signed, hex, exponent) is its text."""
    huge = "9" * 5000
    for literal in (huge, "-" + huge, "0x" + "f" * 5000, "1e" + huge, huge + ".5"):
        # an implicit key is at most 1,024 characters in YAML; a longer one is written '? key'
        text = f"? {literal}\n: {literal}\nb: [{literal}, &a {literal}]\nc: *a\nd: {{e: {literal}}}\n"
        parsed = parse_yaml(text)
        assert parsed.ok, parsed.problems
        assert parsed.data == {literal: literal, "b": [literal, literal], "c": literal,
                               "d": {"e": literal}}


def test_a_huge_number_in_a_text_field_is_text_and_in_a_number_field_an_error():
    from lsk.loader.files import process_file

    huge = "9" * 4301
    rutin = process_file("rutiner/R001-x.yaml", b"", None,
                         f"id: R001\ntitel: {huge}\nsyfte: x\nomfattning: x\nansvarig: a\n", [])
    assert [d.code for d in rutin.diagnostics if d.code.startswith("LSK1")] == []
    assert not [d for d in rutin.diagnostics if "titel" in d.message]
    year = process_file("ar/2025/avvikelser.yaml", b"", None,
                        f"id: avvikelser-2025\nar: {huge}\n", [])
    [d] = year.diagnostics
    assert (d.code, d.line, d.column) == ("LSK203", 2, 5)
    assert d.message == "ar: '99999999999999999999…99999999 (4301 tecken)' är ett för stort tal"


def test_a_control_character_is_placed_by_characters_not_bytes():
    """libyaml reports a bad character's offset in bytes: after 'åäö' a NUL was put at column 10,
    and past the end of short files."""
    for text, where in [("a: åäö\x00\n", (1, 7)), ("a: b\nc: 😀\x01x\n", (2, 5)),
                        ("a: b\rc: d\x00\n", (2, 5)), ("a: ö\u2028b: ö\x7f\n", (2, 5))]:
        [problem] = parse_yaml(text).problems
        assert (problem.code, problem.line, problem.column) == ("LSK101", *where), text
