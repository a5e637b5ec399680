"""Every input that once ended in 'internt fel' (issue 13), kept as a regression case.

Each now gives a diagnostic with a code and a position, or exit 2 with a Swedish sentence.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from lsk import limits
from lsk.history import editions
from tests import gitrepos
from tests.conftest import EXAMPLE, check_json

HUGE_COUNT = "9" * 4300
HUGE_STEP = "7" * 2200
AVVIKELSER = "ar/2025/avvikelser.yaml"
RISKER = "ar/2025/riskanalyser.yaml"


def _avvikelser(antal: str = "3", totalt: str = "3") -> str:
    return (f"id: avvikelser-2025\nar: 2025\nantal:\n"
            f"  - {{enhet: mottagningen, typ: ovrig_avvikelse, antal: {antal}}}\n"
            f"totalt: {totalt}\n")


def _risker(sannolikhet: str = "2", efter: str = "2") -> str:
    return ("ar: 2025\nriskanalyser:\n  - id: risk-2025-01\n    handelse: Ansökan tappas bort.\n"
            f"    datum: 2025-02-01\n    sannolikhet: {sannolikhet}\n    konsekvens: 3\n"
            f"    efter_sannolikhet: {efter}\n    efter_konsekvens: 3\n"
            "    agare: enhetschef\n")


def _year(path: str, text: str) -> dict[str, str | bytes | None]:
    return {path: text, "riskmatris.yaml": (EXAMPLE / "riskmatris.yaml").read_text("utf-8")}


def _only(diags: list[dict], code: str) -> dict:
    found = [d for d in diags if d["code"] == code]
    assert len(found) == 1, diags
    return found[0]


def test_the_year_files_used_below_are_valid(lsk, repo):
    diags = check_json(lsk, repo({**_year(AVVIKELSER, _avvikelser()), RISKER: _risker()}))
    assert not [d for d in diags if d["severity"] == "error"], diags


@pytest.mark.parametrize("text, line, column, message", [
    (_avvikelser(antal=HUGE_COUNT), 4, 56, "antal 1, antal: '99999999999999999999…99999999 "
                                           "(4300 tecken)' ska vara högst 1 000 000"),
    (_avvikelser(totalt="9" * 5000), 5, 9, "totalt: '99999999999999999999…99999999 "
                                          "(5000 tecken)' är ett för stort tal"),
    (_avvikelser(totalt="1000001"), 5, 9, "totalt: '1000001' ska vara högst 1 000 000"),
    (_risker(efter=HUGE_STEP), 8, 24, "riskanalyser 1, efter_sannolikhet: "
                                      "'77777777777777777777…77777777 (2200 tecken)' ska vara "
                                      "högst 5"),
    (_risker(sannolikhet="0"), 6, 18, "riskanalyser 1, sannolikhet: '0' ska vara minst 1"),
])
def test_a_number_out_of_range_is_reported_at_the_value(lsk, repo, text, line, column, message):
    path = AVVIKELSER if text.startswith("id:") else RISKER
    d = _only(check_json(lsk, repo(_year(path, text))), "LSK203")
    assert d["path"].endswith(path)
    assert (d["line"], d["column"], d["message"]) == (line, column, message)
    assert d["hint"]


@pytest.mark.parametrize("path, text", [
    (AVVIKELSER, _avvikelser(antal=HUGE_COUNT, totalt=HUGE_COUNT)),
    (RISKER, _risker(sannolikhet=HUGE_STEP, efter=HUGE_STEP)),
])
def test_kvalitetsberattelse_with_a_huge_number_does_not_crash(lsk, repo, tmp_path, path, text):
    valid = {AVVIKELSER: _avvikelser(), RISKER: _risker()}
    root = repo({**valid, **_year(path, text)})
    result = lsk("kvalitetsberattelse", "2025", root, "--out", tmp_path / "kb.html", "--utkast")
    assert result.code == 0, result.err
    assert "internt fel" not in result.err and "ska vara högst" in result.err
    assert HUGE_STEP[:50] not in (tmp_path / "kb.html").read_text(encoding="utf-8")


def test_a_file_name_that_is_not_utf8_is_reported_not_read(lsk, repo):
    root = repo()
    rutin = (root / "rutiner" / "R001-mottagning.yaml").read_bytes()
    (root / os.fsdecode(b"rutiner/R002-\xff.yaml")).write_bytes(rutin.replace(b"R001", b"R002"))
    (root / os.fsdecode(b"rutiner/gamla-\xe5r")).mkdir()
    (root / os.fsdecode(b"rutiner/gamla-\xe5r/R003-x.yaml")).write_bytes(rutin)
    for fmt in ("text", "json"):
        result = lsk("check", root, "--format", fmt, "--no-cache")
        assert result.code == 1 and "internt fel" not in result.err, result.err
    diags = check_json(lsk, root)
    assert [(d["code"], d["path"][len(str(root)) + 1:], d["line"], d["column"]) for d in diags] \
        == [("LSK002", "rutiner/R002-\\xff.yaml", 1, 1), ("LSK002", "rutiner/gamla-\\xe5r", 1, 1)]
    assert diags[0]["message"] == ("filnamnet 'R002-\\xff.yaml' är inte giltig UTF-8 (byte 0xFF); "
                                   "filen läses inte")
    assert diags[1]["message"].startswith("mappnamnet 'gamla-\\xe5r' är inte giltig UTF-8")


def test_a_thousand_nested_folders_are_cut_at_the_depth_limit(lsk, repo):
    root = repo()
    folder = root / "rutiner"
    for _ in range(1000):  # one level at a time: os.makedirs recurses too
        folder = folder / "x"
        folder.mkdir()
    (folder / "R999-djup.yaml").write_text("id: R999\n", encoding="utf-8")
    try:
        d = _only(check_json(lsk, root), "LSK105")
    finally:  # shutil.rmtree, which pytest cleans up with, recurses in Python 3.11
        (folder / "R999-djup.yaml").unlink()
        while folder != root / "rutiner":
            folder.rmdir()
            folder = folder.parent
    deepest = "rutiner" + "/x" * (limits.MAX_FOLDER_DEPTH - 1) + "/x"
    assert (d["path"][len(str(root)) + 1:], d["line"], d["column"]) == (deepest, 1, 1)
    assert d["message"] == (f"mappen ligger mer än {limits.MAX_FOLDER_DEPTH} nivåer under roten "
                            "och läses inte")


def test_folders_up_to_the_depth_limit_are_read(lsk, repo):
    root = repo()
    folder = root / "rutiner"
    for _ in range(limits.MAX_FOLDER_DEPTH - 1):
        folder = folder / "x"
        folder.mkdir()
    (folder / "R999-djup.yaml").write_text("id: R999\n", encoding="utf-8")
    diags = check_json(lsk, root)
    assert {d["code"] for d in diags} == {"LSK202"}  # read: it lacks its fields
    assert all(d["path"].endswith("/x/R999-djup.yaml") for d in diags)


@pytest.mark.parametrize("target, what", [("HEAD^{tree}", "ett träd (en mapp)"),
                                          ("HEAD:ledningssystem/lsk.yaml", "en fil")])
def test_a_hand_made_edition_tag_on_a_tree_is_refused_in_a_sentence(lsk, tmp_path, target, what):
    git = gitrepos.make(tmp_path / "repo")
    head = git("rev-parse", "HEAD").strip()
    message = editions.format_message("SN 2025-01-01 § 1", None, dt.date(2025, 1, 1), head,
                                      "ledningssystem")
    git("tag", "-a", "-m", message, "faststalld/2025-01-01", target)
    for command in (("utgavor", git.root), ("diff", "faststalld", "--rot", git.root)):
        result = lsk(*command)
        assert result.code == 2, (command, result.err)
        assert result.err.startswith(f"lsk: fel: taggen 'faststalld/2025-01-01' pekar på {what}, "
                                     "inte på en commit, och kan inte vara en fastställd utgåva")
        assert "git tag -d faststalld/2025-01-01" in result.err
    # the site is still written, without an edition in its footer
    result = lsk("render", git.root, "--out", tmp_path / "site")
    assert result.code == 0 and "internt fel" not in result.err, result.err


def test_a_tree_id_given_as_a_revision_is_refused_in_a_sentence(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    tree = git("rev-parse", "HEAD^{tree}").strip()
    result = lsk("diff", tree, "HEAD", "--rot", git.root)
    assert result.code == 2 and "internt fel" not in result.err, result.err
    assert result.err.startswith("lsk: fel: ")
