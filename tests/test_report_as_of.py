"""Issue 15, part 9: the kvalitetsberättelse describes the ledningssystem as it stood at the end
of the report year (the last commit on or before 31 December), and says which commit it used."""

from __future__ import annotations

import re
import shutil

from tests import gitrepos
from tests.conftest import EXAMPLE

TODAY = "2026-11-25"
PROCESS = "processer/KP01-mottagning.yaml"
NEW_ROUTINE = """\
id: R901
titel: Mottagning per telefon
syfte: Att samtal till mottagningen besvaras samma dag.
omfattning: Alla samtal till mottagningen.
ansvarig: enhetschef
lagkrav: [SOSFS-2011:9/4/4]
steg:
  - text: Besvara samtalet.
    ansvar: handlaggare
"""


def _example_with_history(tmp_path) -> gitrepos.Git:
    """The example committed in 2024 under an older name, then changed in 2025: a new routine,
    a process renamed, and the municipality's new name."""
    git = gitrepos.Git(tmp_path / "repo")
    shutil.copytree(EXAMPLE, git.root, ignore=shutil.ignore_patterns(".lsk-cache"))
    git.replace("lsk.yaml", "kommun: Sjöbacka kommun", "kommun: Gamla Sjöbacka kommun")
    git("init", "-q", "-b", "main")
    git.commit("Ledningssystemet 2024", date="2024-05-02T10:00:00+02:00")
    first = git("rev-parse", "HEAD").strip()
    git.replace("lsk.yaml", "kommun: Gamla Sjöbacka kommun", "kommun: Sjöbacka kommun")
    git.write("rutiner/R901-mottagning-per-telefon.yaml", NEW_ROUTINE)
    git.replace("ar/2024/atgarder.yaml", "Samtliga 38 sommarvikarier", "Samtliga 39 sommarvikarier")
    git.commit("Ny rutin och nytt namn 2025", date="2025-01-01T00:30:00+01:00")  # after new year
    git.first = first  # type: ignore[attr-defined]
    return git


def _text(path) -> str:
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


def _counts(text: str) -> tuple[int, int]:
    found = re.search(r"omfattar (\d+) processer och (\d+) rutiner", text)
    assert found, text[:2000]
    return int(found.group(1)), int(found.group(2))


def test_the_2024_report_shows_the_2024_state_and_names_the_commit(lsk, tmp_path):
    git = _example_with_history(tmp_path)
    today = _counts(_text_of_report(lsk, git, "2025", tmp_path))
    result = lsk("kvalitetsberattelse", "2024", git.root, "--datum", TODAY,
                 "--out", tmp_path / "kb-2024.html")
    assert result.code == 0, result.err
    text = _text(tmp_path / "kb-2024.html")
    assert _counts(text) == (today[0], today[1] - 1)  # R901 came in 2025
    assert "Socialnämnden i Gamla Sjöbacka kommun" in text  # the name of the time
    line = ("Det som sägs om ledningssystemet (processer, rutiner, täckning, status och "
            "organisation) gäller ledningssystemet som det stod vid utgången av 2024: commit "
            f"{git.first[:10]} från 2024-05-02; ingen fastställd utgåva fanns då. Årets poster "
            "är de som finns i dag.")
    assert line in text
    # the year's records are today's files: corrected in 2025, the 2024 report has it
    assert "Samtliga 39 sommarvikarier" in text and "38 sommarvikarier" not in text


def _text_of_report(lsk, git, year, tmp_path) -> str:
    out = tmp_path / f"kb-{year}.html"
    result = lsk("kvalitetsberattelse", year, git.root, "--datum", TODAY, "--out", out)
    assert result.code == 0, result.err
    text = _text(out)
    assert f"vid utgången av {year}: commit" in text and "Gamla" not in text
    return text


def test_the_edition_in_force_on_31_december_is_named(lsk, tmp_path):
    git = _example_with_history(tmp_path)
    git("checkout", "-q", git.first)
    assert lsk("faststall", git.root, "--beslut", "SN 2024-06-13 § 61",
               "--datum", "2024-06-13").code == 0
    git("checkout", "-q", "main")
    result = lsk("kvalitetsberattelse", "2024", git.root, "--datum", TODAY,
                 "--out", tmp_path / "kb.html")
    assert result.code == 0, result.err
    assert ("fastställd utgåva då var faststalld/2024-06-13 (SN 2024-06-13 § 61)"
            in _text(tmp_path / "kb.html"))


def test_without_history_today_s_files_are_used_and_the_report_says_so(lsk, tmp_path):
    root = tmp_path / "ls"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    result = lsk("kvalitetsberattelse", "2024", root, "--datum", TODAY,
                 "--out", tmp_path / "kb.html")
    assert result.code == 0, result.err
    assert ("gäller filerna som de är i dag, eftersom ledningssystemet inte ligger i git."
            in _text(tmp_path / "kb.html"))


def test_a_history_that_starts_later_falls_back_with_a_note(lsk, tmp_path):
    git = gitrepos.Git(tmp_path / "repo")
    shutil.copytree(EXAMPLE, git.root, ignore=shutil.ignore_patterns(".lsk-cache"))
    git("init", "-q", "-b", "main")
    git.commit("Ledningssystemet flyttat till git", date="2025-02-01T10:00:00+01:00")
    result = lsk("kvalitetsberattelse", "2024", git.root, "--datum", TODAY, "-f", "md",
                 "--out", tmp_path / "kb")
    assert result.code == 0, result.err
    text = (tmp_path / "kb" / "kvalitetsberattelse-2024.md").read_text(encoding="utf-8")
    assert "eftersom git-historiken börjar efter 2024." in text


def test_a_year_that_has_not_ended_reads_today_s_files(lsk, tmp_path):
    git = _example_with_history(tmp_path)
    result = lsk("kvalitetsberattelse", "2026", git.root, "--datum", TODAY,
                 "--out", tmp_path / "kb.html")
    if result.code == 0:
        assert "eftersom 2026 inte är slut." in _text(tmp_path / "kb.html")
    else:  # the example may have no records for 2026 in some version
        assert "internt fel" not in result.err
