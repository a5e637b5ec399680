"""Every ``--format json`` is a versioned contract: golden files, the version constants, the keys.

The documents are produced from the embedded example (or, for the git commands, a small git
repository built here with fixed dates) with a fixed ``--datum``. Commit hashes and temporary
paths are replaced by placeholders before comparing. After an intended change, update the
golden files and review the diff; a removed or renamed key also raises the output's
``JSON_FORMAT``: ``LSK_UPDATE_GOLDEN=1 pytest tests/test_json_golden.py``.
"""

from __future__ import annotations

import enum
import json
import os
import re
import typing
from collections.abc import Callable
from pathlib import Path

import pytest

from lsk.commands import codes, historik, rules, status, utgavor
from lsk.history import report
from lsk.output import json_format
from lsk.reports import trace_formats
from tests import gitrepos
from tests.conftest import EXAMPLE, PROJECT

GOLDEN = Path(__file__).parent / "golden" / "json"
UPDATE = os.environ.get("LSK_UPDATE_GOLDEN") == "1"
TODAY = "2026-11-25"

VERSIONS = {
    "check": json_format.JSON_FORMAT,
    "trace": trace_formats.JSON_FORMAT,
    "trace-for": trace_formats.FOR_JSON_FORMAT,
    "regler": rules.JSON_FORMAT,
    "koder": codes.JSON_FORMAT,
    "status": status.JSON_FORMAT,
    "historik": historik.JSON_FORMAT,
    "utgavor": utgavor.JSON_FORMAT,
    "diff": report.JSON_FORMAT,
}
"""Each output's golden file name (without .json) and the constant its writer puts in "format"."""

R001 = "rutiner/R001-mottagning.yaml"
KP01 = "processer/KP01-mottagning.yaml"
CHAPTER = "kapitel/01-ledningssystemet.md"


def _history(lsk, tmp_path: Path) -> gitrepos.Git:
    """Two approved editions, then uncommitted work: a routine changed, one removed, one added,
    a process renamed and changed, a chapter's title and a word in its text changed."""
    git = gitrepos.make(tmp_path / "repo")
    git.write(CHAPTER, "# Ledningssystemet\n\nNämnden beslutar om ledningssystemet.\n\n"
              "## Uppföljning\n\nEnhetschefen följer upp rutinerna varje år.\n")
    git.commit("Kapitel om ledningssystemet")
    _approve(lsk, git, "SN 2024-03-14 § 30", "2024-03-14")
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: enhetschef\n")
    routine = (git.root / R001).read_text(encoding="utf-8")
    git.write("rutiner/R002-bekraftelse.yaml", routine.replace("id: R001", "id: R002").replace(
        "titel: Mottagning av ansökan", "titel: Bekräftelse av ansökan"))
    git.commit("Enhetschefen bekräftar mottagandet", date="2024-04-02T14:30:00+02:00",
               author="Bo Berg")
    _approve(lsk, git, "SN 2024-04-25 § 79", "2024-04-25", "SN 2024/112")
    git("rm", "-q", "ledningssystem/rutiner/R002-bekraftelse.yaml")
    git.write("rutiner/R003-avslut.yaml", routine.replace("id: R001", "id: R003").replace(
        "titel: Mottagning av ansökan", "titel: Avslut av ärende"))
    git("mv", "ledningssystem/" + KP01, "ledningssystem/processer/KP01-mottagning-och-bedomning.yaml")
    git.replace("processer/KP01-mottagning-och-bedomning.yaml", "hur: Samordnad individuell plan vid behov.",
                "hur: SIP.")
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta mottagandet skriftligt")
    git.replace(CHAPTER, "# Ledningssystemet", "# Ledningssystemet och dess syfte")
    git.replace(CHAPTER, "varje år", "varje halvår och rapporterar till nämnden")
    return git


def _approve(lsk, git: gitrepos.Git, decision: str, date: str, dnr: str | None = None) -> None:
    extra = ["--dnr", dnr] if dnr else []
    result = lsk("faststall", git.root, "--beslut", decision, "--datum", date, *extra)
    assert result.code == 0, result.err


def _run(lsk, *args: object, cwd: Path | None = None) -> str:
    result = lsk(*args, cwd=cwd)
    assert result.code == 0, result.err
    return result.out


PRODUCE: dict[str, Callable[..., str]] = {
    # a date past several deadlines, so that the example gives diagnostics
    "check": lambda lsk, tmp: _run(lsk, "check", "--format", "json", "--no-cache",
                                   "--datum", "2027-03-01", cwd=EXAMPLE),
    "trace": lambda lsk, tmp: _run(lsk, "trace", EXAMPLE, "--format", "json", "--datum", TODAY),
    "trace-for": lambda lsk, tmp: _run(lsk, "trace", EXAMPLE, "--for", "KP01", "--format", "json",
                                       "--datum", TODAY),
    "regler": lambda lsk, tmp: _run(lsk, "regler", "--format", "json"),
    "koder": lambda lsk, tmp: _run(lsk, "koder", "--format", "json"),
    "status": lambda lsk, tmp: _run(lsk, "status", EXAMPLE, "--format", "json",
                                    "--datum", "2027-02-10"),
    "historik": lambda lsk, tmp: _run(lsk, "historik", "R001", _history(lsk, tmp).root, "--alla",
                                      "--format", "json"),
    "utgavor": lambda lsk, tmp: _run(lsk, "utgavor", _history(lsk, tmp).root, "--format", "json"),
    "diff": lambda lsk, tmp: _run(lsk, "diff", "--rot", _history(lsk, tmp).root, "--format", "json"),
}

_COMMIT = re.compile(r"\b[0-9a-f]{40}\b")


def normalise(text: str, tmp_path: Path) -> str:
    """Placeholders for what differs between machines and runs: the temporary folder, the
    project's folder, and commit hashes (numbered in order of appearance, so that the same
    commit keeps the same name)."""
    text = text.replace(tmp_path.as_posix(), "<tmp>").replace(PROJECT.as_posix(), "<projekt>")
    seen: dict[str, str] = {}
    return _COMMIT.sub(lambda m: seen.setdefault(m.group(), f"<commit-{len(seen) + 1}>"), text)


@pytest.mark.parametrize("name", sorted(PRODUCE))
def test_json_output_matches_its_golden_file(name, lsk, tmp_path):
    produced = normalise(PRODUCE[name](lsk, tmp_path), tmp_path)
    golden = GOLDEN / f"{name}.json"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.is_file(), f"tests/golden/json/{name}.json saknas (LSK_UPDATE_GOLDEN=1)"
    assert produced == golden.read_text(encoding="utf-8"), (
        f"{name} differs from tests/golden/json/{name}.json: review, raise its JSON_FORMAT if a "
        "key was removed or renamed, then LSK_UPDATE_GOLDEN=1")


@pytest.mark.parametrize("name", sorted(PRODUCE))
def test_format_comes_first_and_is_the_writers_constant(name):
    data = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and next(iter(data)) == "format"
    assert data["format"] == VERSIONS[name]


_KEY = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")
_DATA = {"before", "after"}
"""Keys whose values are the documents' own YAML (with its Swedish keys), not the contract."""


def _keys(value: object) -> typing.Iterator[str]:
    if isinstance(value, dict):
        for key, sub in value.items():
            yield key
            if key not in _DATA:
                yield from _keys(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from _keys(sub)


@pytest.mark.parametrize("name", sorted(PRODUCE))
def test_keys_are_ascii_snake_case(name):
    data = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    assert [k for k in set(_keys(data)) if not _KEY.fullmatch(k)] == []


def test_every_command_with_json_output_has_a_golden_file():
    from lsk.cli import app

    with_json = set()
    for command in app.registered_commands:
        hint = typing.get_type_hints(command.callback, include_extras=True).get("format")
        choices = typing.get_args(hint)[0] if hint is not None else None
        if isinstance(choices, type) and issubclass(choices, enum.Enum) and "json" in {
                m.value for m in choices}:
            with_json.add(command.name)
    assert with_json == {name.split("-")[0] for name in PRODUCE}
    assert {p.stem for p in GOLDEN.glob("*.json")} == set(PRODUCE), "stale golden file"


def test_the_diff_underlag_matches_its_golden_file(lsk, tmp_path):
    """The beslutsunderlag as the nämnd reads it (names, labels, marked words, reasons)."""
    produced = normalise(_run(lsk, "diff", "--rot", _history(lsk, tmp_path).root), tmp_path)
    produced = re.sub(r"\bcommit [0-9a-f]{10}\b", "commit <kort>", produced)
    produced = re.sub(r"Upprättad \| \d{4}-\d\d-\d\d", "Upprättad | <datum>", produced)
    golden = GOLDEN.parent / "diff" / "underlag.md"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.is_file(), "tests/golden/diff/underlag.md saknas (LSK_UPDATE_GOLDEN=1)"
    assert produced == golden.read_text(encoding="utf-8"), (
        "the diff underlag differs from tests/golden/diff/underlag.md (LSK_UPDATE_GOLDEN=1)")
    assert "Bo Berg" not in produced and "Anna Andersson" not in produced
