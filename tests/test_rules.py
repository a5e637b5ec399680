"""Every rule has a failing and a passing fixture (tests/rules/<CODE>.yaml), run through the CLI.

A fixture starts from ``tests/minimal.py`` (or the example with ``bas: exempel``), replaces whole
files (``filer``) and text (``ersatt``), and lists where the rule must fire (``forvantat``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from lsk.rules.registry import DOCS, RULES
from tests import minimal
from tests.conftest import EXAMPLE, check_json

FIXTURES = Path(__file__).parent / "rules"


def _fixture(code: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{code}.yaml").read_text(encoding="utf-8"))


def _build(root: Path, case: dict) -> Path:
    if case.get("bas") == "exempel":
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    else:
        minimal.write(root)
    for rel, content in (case.get("filer") or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")
    for edit in case.get("ersatt") or []:
        path = root / edit["fil"]
        text = path.read_text(encoding="utf-8")
        assert text.count(edit["text"]) == 1, f"fixture text not found once in {edit['fil']}"
        path.write_text(text.replace(edit["text"], edit["med"]), encoding="utf-8")
    return root


def test_every_rule_has_both_fixtures_and_documentation():
    assert sorted(p.stem for p in FIXTURES.glob("*.yaml")) == sorted(RULES)
    for code in RULES:
        fixture = _fixture(code)
        assert "fail" in fixture and "pass" in fixture, code
        assert fixture["fail"]["forvantat"], code
        assert DOCS[code].startswith(f"{code} {RULES[code].name}:"), code


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_fires_on_its_failing_fixture(lsk, tmp_path, code):
    root = _build(tmp_path / "fail", _fixture(code)["fail"])
    diags = check_json(lsk, root)
    structural = [d for d in diags if d["code"] < "LSK500" and d["severity"] == "error"]
    assert structural == [], "the fixture itself must be valid"
    found = sorted((d["path"].split("/fail/", 1)[1], d["line"]) for d in diags
                   if d["code"] == code)
    expected = sorted((e["fil"], e["rad"]) for e in _fixture(code)["fail"]["forvantat"])
    assert found == expected


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_silent_on_its_passing_fixture(lsk, tmp_path, code):
    root = _build(tmp_path / "pass", _fixture(code)["pass"])
    diags = check_json(lsk, root)
    assert [d for d in diags if d["code"] == code] == []
    assert [d for d in diags if d["severity"] == "error"] == []
