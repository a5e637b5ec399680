"""lsk historik and the one-walk history API, in real git repositories: normal, shallow, detached
and outside git."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

from lsk import gitrepo
from tests import gitrepos
from tests.gitrepos import IDENTITY

R001 = "rutiner/R001-mottagning.yaml"
KP01 = "processer/KP01-mottagning.yaml"


def _history(tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta mottagandet skriftligt")
    git.commit("Skriftlig bekräftelse", date="2024-04-02T09:00:00+02:00", author="Bo Berg")
    git.replace(KP01, "Ta emot ansökan", "Ta emot ansökan eller anmälan")
    git.commit("Anmälningar i mottagningen", date="2024-05-03T09:00:00+02:00")
    return git


def test_historik_by_id_shows_the_last_change_with_date_author_and_message(lsk, tmp_path):
    git = _history(tmp_path)
    result = lsk("historik", "R001", git.root)
    assert result.code == 0, result.err
    assert "rutiner/R001-mottagning.yaml (R001)" in result.out
    assert "2024-04-02  Bo Berg  Skriftlig bekräftelse" in result.out
    assert "Första versionen" not in result.out


def test_historik_by_path_with_alla_lists_every_change_newest_first(lsk, tmp_path):
    git = _history(tmp_path)
    result = lsk("historik", git.root / R001, git.root, "--alla")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line.startswith("  2024")]
    assert [line.split("  ")[3] for line in lines] == ["Skriftlig bekräftelse", "Första versionen"]


def test_historik_json_and_a_role_id_finds_its_register(lsk, tmp_path):
    git = _history(tmp_path)
    data = lsk("historik", "enhetschef", git.root, "--format", "json").json
    assert data["path"] == "roller.yaml" and data["id"] == "enhetschef"
    assert [c["message"] for c in data["changes"]] == ["Första versionen"]
    assert data["changes"][0]["author"] == "Anna Andersson"
    assert data["changes"][0]["date"].startswith("2024-03-01T10:00:00")
    assert data["uncommitted"] is False and data["shallow_clone"] is False


def test_historik_notes_uncommitted_changes_and_new_files(lsk, tmp_path):
    git = _history(tmp_path)
    git.replace(R001, "handlaggare", "enhetschef")
    assert "+ ändringar som inte är incheckade" in lsk("historik", "R001", git.root).out
    git.write("rutiner/R002-ny.yaml", "id: R002\n")
    out = lsk("historik", "rutiner/R002-ny.yaml", git.root).out
    assert "ingen historik: filen är inte incheckad" in out


def test_historik_unknown_id_is_a_usage_error_with_a_guess(lsk, tmp_path):
    git = _history(tmp_path)
    result = lsk("historik", "R01", git.root)
    assert result.code == 2
    assert "inget dokument definierar id 'R01'" in result.err and "R001" in result.err


def test_last_changes_gives_every_file_from_one_walk(tmp_path):
    git = _history(tmp_path)
    changes = gitrepo.open_repo(git.root).last_changes()
    assert set(changes) == {"lsk.yaml", "organisation.yaml", "roller.yaml", R001, KP01}
    assert changes[R001].message == "Skriftlig bekräftelse" and changes[R001].author == "Bo Berg"
    assert changes[KP01].date == dt.datetime.fromisoformat("2024-05-03T09:00:00+02:00")
    assert changes["roller.yaml"].message == "Första versionen"
    assert not any(c.approximate for c in changes.values())
    only = gitrepo.open_repo(git.root).last_changes([R001])
    assert list(only) == [R001]


def test_files_outside_the_root_are_not_part_of_its_history(tmp_path):
    git = _history(tmp_path)
    (git.top / "README.md").write_text("Om repot\n", encoding="utf-8")
    git.commit("Readme")
    changes = gitrepo.open_repo(git.root).last_changes()
    assert "README.md" not in changes and "../README.md" not in changes


def test_shallow_clone_marks_dates_at_its_edge_as_approximate(lsk, tmp_path):
    git = _history(tmp_path)
    clone = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{git.top}", str(clone)],
                   check=True, env={**os.environ, **IDENTITY})
    result = lsk("historik", "R001", clone / "ledningssystem")
    assert result.code == 0, result.err
    assert "på eller före 2024-05-03" in result.out
    assert "grund klon" in result.out
    data = lsk("historik", "KP01", clone / "ledningssystem", "--format", "json").json
    assert data["shallow_clone"] is True and data["changes"][0]["approximate"] is True


def test_detached_head_reads_history_from_the_checked_out_commit(lsk, tmp_path):
    git = _history(tmp_path)
    git("checkout", "-q", "--detach", "HEAD~1")
    result = lsk("historik", "KP01", git.root)
    assert result.code == 0, result.err
    assert "Första versionen" in result.out


def test_outside_git_history_features_exit_2_and_the_rest_works(lsk, repo):
    root = repo()
    for args in (["historik", "R001", root], ["utgavor", root], ["diff", "--rot", root],
                 ["faststall", root, "--beslut", "SN 2024-04-25 § 79"],
                 ["check", root, "--changed-since", "HEAD"]):
        result = lsk(*args)
        assert result.code == 2, args
        assert "kräver git" in result.err and "ligger inte i ett git-repo" in result.err, args
    assert lsk("check", root).code == 0
    assert lsk("trace", root).code == 0


def test_historik_masks_personnummer_and_refuses_unknown_paths(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace("rutiner/R001-mottagning.yaml", "Bekräfta mottagandet", "Bekräfta skriftligt")
    git.commit("Efter klagomål från 811218-9876")
    out = lsk("historik", "R001", git.root).out
    assert "9876" not in out and "(personnummer borttaget)" in out
    for target in ("rutiner/R999-finns-inte.yaml", "/etc/passwd"):
        result = lsk("historik", target, git.root)
        assert result.code == 2 and "ledningssystemet" in result.err


def test_git_text_is_masked_where_lsk_reads_git_and_no_author_is_published(lsk, tmp_path):
    """Masking is one function at the git boundary: the history API itself never hands on a
    personnummer (author, message, tag), and the handbook names no person from git."""
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta skriftligt")
    git.commit("Rättat efter klagomål från 19121212-1212", author="Anna 19121212-1212 Ek")
    git("tag", "-a", "-m", "beslut: SN 2026-12-01 § 9, 19121212-1212", "faststalld/2026-12-01")
    repo = gitrepo.open_repo(git.root)
    (change,) = repo.last_changes([R001]).values()
    assert "1212" not in change.message + change.author
    assert "(personnummer borttaget)" in change.message
    assert all("1212" not in t.message for t in repo.tags("faststalld"))
    out = tmp_path / "hb"
    assert lsk("render", git.root, "--format", "md", "--out", out).code == 0
    page = next(out.rglob("R001*.md")).read_text(encoding="utf-8")
    assert "Senast ändrad | 20" in page and "Rättat efter klagomål" not in page
    assert "Anna" not in page and "1212-1212" not in page
