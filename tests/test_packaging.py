"""What users install: extras that match lsk/extras.py, a message naming a missing extra."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import lsk
from lsk.extras import EXTRAS

PROJECT = Path(__file__).resolve().parent.parent
_IMPORT_NAME = {"python-docx": "docx", "weasyprint": "weasyprint", "openpyxl": "openpyxl",
                "watchfiles": "watchfiles", "icalendar": "icalendar", "cairosvg": "cairosvg"}


def test_the_extras_in_pyproject_bring_the_modules_lsk_asks_for():
    extras = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    for extra, modules in EXTRAS.items():
        packages = [re.split(r"[<>=\[ ]", spec)[0] for spec in extras[extra]]
        assert sorted(_IMPORT_NAME[p] for p in packages) == sorted(modules), extra
    core = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["dependencies"]
    assert not any(spec.startswith(tuple(_IMPORT_NAME)) for spec in core)


def test_a_missing_extra_is_named_not_a_traceback(lsk, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "docx" else real(name, *a))
    result = lsk("kvalitetsberattelse", "2025", PROJECT / "ledningssystem", "--format", "docx",
                 "--out", tmp_path / "k.docx")
    assert result.code == 2
    assert "lsk[office]" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "k.docx").exists()


def test_version_option_and_the_documented_release_tag_agree(lsk):
    assert lsk("--version").out == f"lsk {lsk_version()}\n"
    tag = f"v{lsk_version()}"
    for doc in (".pre-commit-hooks.yaml", "docs/ci/README.md", "docs/ci/github-actions.yml",
                "docs/ci/gitlab-ci.yml", "README.md"):
        text = (PROJECT / doc).read_text(encoding="utf-8")
        pins = re.findall(r"rev: (v[0-9.]+)|git\+\S*?@(v[0-9.]+)", text)
        assert pins, doc
        assert {a or b for a, b in pins} == {tag}, doc


def lsk_version() -> str:
    return lsk.__version__
