"""Every rule is tested with named cases in ``tests/rules/<CODE>.yaml``, run through the CLI.

A fixture names its rule (``regel``) and lists its cases (``fall``). Each case has a ``namn``,
starts from ``tests/minimal.py`` (or the example with ``bas: exempel``), replaces whole files
(``filer``; ``null`` deletes one) and text (``ersatt``), and lists every diagnostic the rule must
give (``forvantat``: ``fil``, ``rad``, ``kolumn``, the whole ``meddelande`` and optionally
``tips``). A case with ``forvantat: []`` passes: the rule must be silent there. A passing case is
a near miss of a failing one (the smallest change that makes the finding go away, or the nearest
valid variant), so it always changes the base; the untouched base would prove nothing.

Every case must be a structurally valid ledningssystem (no error below LSK500); other rules may
fire. Each case is its own test, ``test_rule_case[<CODE>-<namn>]``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from lsk.rules.registry import DOCS, RULES
from tests import minimal
from tests.conftest import EXAMPLE, check_json

FIXTURES = Path(__file__).parent / "rules"
CASE_KEYS = {"namn", "bas", "filer", "ersatt", "forvantat"}
EXPECTED_KEYS = {"fil", "rad", "kolumn", "meddelande"}


def _fixture(code: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{code}.yaml").read_text(encoding="utf-8"))


def _slug(name: str) -> str:
    """A case name as a test id pytest shows unescaped: 'år 2025 saknas' → 'ar-2025-saknas'."""
    plain = name.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _cases() -> list[Any]:
    # read every file in the folder, so a fixture without a rule still fails the structure test
    return [pytest.param(path.stem, case, id=f"{path.stem}-{_slug(case['namn'])}")
            for path in sorted(FIXTURES.glob("*.yaml")) for case in _fixture(path.stem)["fall"]]


def _build(root: Path, case: dict) -> Path:
    if case.get("bas") == "exempel":
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    else:
        minimal.write(root)
    for rel, content in (case.get("filer") or {}).items():
        if content is None:
            (root / rel).unlink()
            continue
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    for edit in case.get("ersatt") or []:
        path = root / edit["fil"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["text"]) == 1, f"fixture text not found once in {edit['fil']}"
        path.write_text(text.replace(edit["text"], edit["med"]), encoding="utf-8")
    return root


def test_every_rule_has_a_fixture_with_failing_and_passing_cases():
    assert sorted(p.stem for p in FIXTURES.glob("*.yaml")) == sorted(RULES)
    for code in RULES:
        fixture = _fixture(code)
        assert set(fixture) == {"regel", "fall"} and fixture["regel"] == code, code
        cases = fixture["fall"]
        for case in cases:
            where = f"{code}: {case.get('namn')}"
            assert set(case) <= CASE_KEYS and isinstance(case.get("namn"), str), where
            assert case.get("bas") in (None, "exempel"), where
            assert isinstance(case.get("forvantat"), list), where
            for e in case["forvantat"]:
                assert EXPECTED_KEYS <= set(e) <= EXPECTED_KEYS | {"tips"}, where
        assert any(c["forvantat"] for c in cases), f"{code} has no failing case"
        assert any(c["forvantat"] == [] for c in cases), f"{code} has no passing case"
        slugs = [_slug(c["namn"]) for c in cases]
        assert len(set(slugs)) == len(slugs), f"{code}: two cases with the same name"


def test_every_rule_is_documented():
    for code in RULES:
        assert DOCS[code].startswith(f"{code} {RULES[code].name}:"), code


def test_passing_cases_are_near_misses_not_the_untouched_base():
    for code in RULES:
        for case in _fixture(code)["fall"]:
            if case["forvantat"] == []:
                assert case.get("filer") or case.get("ersatt"), f"{code}: {case['namn']}"


def _key(d: dict) -> tuple:
    return d["fil"], d["rad"], d["kolumn"], d["meddelande"]


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(lsk, tmp_path, code, case):
    root = _build(tmp_path / "ls", case)
    diags = check_json(lsk, root)
    structural = [d for d in diags if d["code"] < "LSK500" and d["severity"] == "error"]
    assert structural == [], "the fixture itself must be valid"
    found = sorted(({"fil": Path(d["path"]).resolve().relative_to(root.resolve()).as_posix(),
                     "rad": d["line"], "kolumn": d["column"], "meddelande": d["message"],
                     "tips": d["hint"]} for d in diags if d["code"] == code), key=_key)
    expected = sorted(case["forvantat"], key=_key)
    # the hint is compared only where the case gives one
    shown = [{k: v for k, v in f.items() if k != "tips" or "tips" in e}
             for f, e in zip(found, expected, strict=False)] + found[len(expected):]
    assert shown == expected, case["namn"]
