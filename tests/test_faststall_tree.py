"""Issue 13, part 9: lsk faststall checks exactly the tree it tags, not the working files."""

from __future__ import annotations

import os

from lsk.gitrepo import open_repo
from tests import gitrepos, minimal

DECISION = "SN 2024-04-25 § 79"
R002 = """\
id: R002
titel: Bekräftelse
syfte: Att den enskilde vet att ansökan kommit in.
omfattning: Alla ansökningar.
ansvarig: enhetschef
faststalld: {datum: 2025-03-20, av: socialnamnden}
nasta_revision: 2027-03-31
lagkrav: [SOSFS-2011:9/4/4]
steg:
  - text: Skicka bekräftelsen.
    ansvar: handlaggare
"""


def _uses_r002(git) -> None:
    git.replace("processer/KP01-mottagning.yaml", "rutiner: [R001]", "rutiner: [R001, R002]")


def test_a_git_ignored_document_does_not_make_an_edition_pass(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    _uses_r002(git)
    git.write("rutiner/R002-bekraftelse.yaml", R002)
    (git.top / ".gitignore").write_text(".lsk-cache/\nR002-*.yaml\n", encoding="utf-8")
    git.commit("KP01 hänvisar till R002, som git ignorerar")
    assert lsk("check", git.root).code == 0  # the working files are fine
    assert open_repo(git.root).dirty() == []
    result = lsk("faststall", git.root, "--beslut", DECISION, "--datum", "2024-04-25")
    assert result.code == 1, result.err
    assert "R002" in result.err and "kan inte fastställas" in result.err
    assert "R002-bekraftelse.yaml är inte incheckade (git ignorerar dem)" in result.err
    assert git("tag", "-l") == ""
    # committed, the same files pass
    (git.top / ".gitignore").write_text(".lsk-cache/\n", encoding="utf-8")
    git.commit("R002 incheckad")
    result = lsk("faststall", git.root, "--beslut", DECISION, "--datum", "2024-04-25")
    assert result.code == 0, result.err
    assert "ignorerar" not in result.err
    assert git("tag", "-l").split() == ["faststalld/2024-04-25"]


def test_a_required_document_only_on_disk_is_missing_from_the_edition(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo", folder="")
    git("rm", "-q", "--cached", "roller.yaml")
    (git.top / ".gitignore").write_text(".lsk-cache/\nroller.yaml\n", encoding="utf-8")
    git.commit("roller.yaml hålls utanför git")
    assert (git.root / "roller.yaml").is_file() and lsk("check", git.root).code == 0
    result = lsk("faststall", git.root, "--beslut", DECISION, "--datum", "2024-04-25")
    assert result.code == 1 and "roller.yaml" in result.err, result.err


def test_the_export_is_the_commit_and_nothing_else(tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    os.symlink("R001-mottagning.yaml", git.root / "rutiner" / "lank.yaml")
    git.commit("En länk")
    (git.root / "ignorerad.yaml").write_text("x: 1\n", encoding="utf-8")
    out = tmp_path / "export"
    out.mkdir()
    root = open_repo(git.root).export("HEAD", out)
    assert root == out / "ledningssystem"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()) \
        == sorted([*minimal.FILES, "rutiner/lank.yaml"])
    assert os.readlink(root / "rutiner" / "lank.yaml") == "R001-mottagning.yaml"
    assert (out / ".gitignore").is_file()


# -- Issue 13, part 11: a tag's metadata is validated like any document ----------------------

def _hand_made_tag(git, name: str, datum: str, extra: str = "") -> None:
    head = git("rev-parse", "HEAD").strip()
    message = ("Fastställd utgåva: SN § 1\n\nlsk-faststallelse:\n  format: 1\n"
               f'  beslut: "SN § 1"\n  datum: "{datum}"\n  commit: "{head}"\n'
               f'  rot: "ledningssystem"\n{extra}')
    git("tag", "-a", "--cleanup=verbatim", "-m", message, name)


def test_a_tag_with_a_date_that_is_no_date_is_reported_and_is_no_edition(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("faststall", git.root, "--beslut", DECISION, "--datum", "2024-04-25").code == 0
    _hand_made_tag(git, "faststalld/2099-01-01", "not-a-date")
    result = lsk("utgavor", git.root)
    assert result.code == 0, result.err
    assert "Senast fastställd: faststalld/2024-04-25." in result.out
    assert "2099" not in result.out
    assert result.err.startswith(
        "lsk: varning: taggen 'faststalld/2099-01-01' räknas inte som fastställd utgåva: "
        "datum: 'not-a-date' ska vara ett datum på formen ÅÅÅÅ-MM-DD\n")
    data = lsk("utgavor", git.root, "--format", "json").json
    assert [e["tag"] for e in data["editions"]] == ["faststalld/2024-04-25"]
    assert data["rejected"] == [{"tag": "faststalld/2099-01-01", "problems": [
        "datum: 'not-a-date' ska vara ett datum på formen ÅÅÅÅ-MM-DD"]}]
    diff = lsk("diff", "--rot", git.root, "--format", "json")
    assert diff.code == 0 and diff.json["from"]["revision"] == "faststalld/2024-04-25"
    assert "faststalld/2099-01-01" in diff.err


def test_a_tag_with_an_unknown_key_is_no_edition(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    _hand_made_tag(git, "faststalld/2024-05-01", "2024-05-01", '  galtig: "ja"\n')
    result = lsk("utgavor", git.root, "--format", "json")
    assert result.json["editions"] == []
    assert result.json["rejected"][0]["problems"] == ["okänd nyckel 'galtig'"]
