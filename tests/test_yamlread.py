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
