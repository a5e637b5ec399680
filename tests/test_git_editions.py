"""lsk faststall and lsk utgavor: approved editions as annotated tags with metadata."""

from __future__ import annotations

from lsk.gitrepo import open_repo
from lsk.history import editions
from tests import gitrepos

R001 = "rutiner/R001-mottagning.yaml"
DECISION = "SN 2024-04-25 § 79"


def test_faststall_tags_head_with_an_annotated_tag_and_metadata(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    head = git("rev-parse", "HEAD").strip()
    result = lsk("faststall", git.root, "--beslut", DECISION, "--dnr", "SN 2024/112",
                 "--datum", "2024-04-25")
    assert result.code == 0, result.err
    assert "faststalld/2024-04-25" in result.out and "git push origin faststalld/2024-04-25" \
        in result.out
    assert git("cat-file", "-t", "faststalld/2024-04-25").strip() == "tag"
    assert git("rev-parse", "faststalld/2024-04-25^{commit}").strip() == head
    message = git("tag", "-l", "--format=%(contents)", "faststalld/2024-04-25")
    assert message.startswith(f"Fastställd utgåva: {DECISION}\n")
    assert editions.parse_message(message) == {
        "format": "1", "beslut": DECISION, "dnr": "SN 2024/112", "datum": "2024-04-25",
        "commit": head, "rot": "ledningssystem"}


def test_a_second_approval_the_same_day_gets_a_counter(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("faststall", git.root, "--beslut", DECISION, "--datum", "2024-04-25").code == 0
    git.replace(R001, "samma dag", "samma arbetsdag")
    git.commit("Rättelse")
    assert lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 80", "--datum",
               "2024-04-25").code == 0
    tags = git("tag", "-l").split()
    assert tags == ["faststalld/2024-04-25", "faststalld/2024-04-25-2"]
    latest = editions.latest(open_repo(git.root))
    assert latest is not None and latest.beslut == "SN 2024-04-25 § 80"


def test_faststall_refuses_uncommitted_changes(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "samma dag", "samma arbetsdag")
    result = lsk("faststall", git.root, "--beslut", DECISION)
    assert result.code == 2
    assert "inte är incheckade" in result.err and "R001-mottagning.yaml" in result.err
    assert git("tag", "-l") == ""


def test_faststall_refuses_a_new_yaml_file_but_not_the_ignored_cache(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("check", git.root).code == 0  # writes .lsk-cache/, which .gitignore hides
    git.write("rutiner/R002-ny.yaml", "id: R002\n")
    assert lsk("faststall", git.root, "--beslut", DECISION).code == 2
    (git.root / "rutiner/R002-ny.yaml").unlink()
    (git.root / "anteckning.txt").write_text("inte ett dokument\n", encoding="utf-8")
    assert lsk("faststall", git.root, "--beslut", DECISION).code == 0


def test_faststall_refuses_a_ledningssystem_with_errors(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "ansvar: handlaggare", "ansvar: handlagare")
    git.commit("Stavfel")
    result = lsk("faststall", git.root, "--beslut", DECISION)
    assert result.code == 1
    assert "LSK302" in result.err and "kan inte fastställas" in result.err
    assert git("tag", "-l") == ""


def test_faststall_in_a_repository_without_commits(lsk, tmp_path):
    git = gitrepos.Git(tmp_path / "repo")
    gitrepos.minimal.write(git.root)
    git("init", "-q")
    result = lsk("faststall", git.root, "--beslut", DECISION)
    assert result.code == 2 and "ingen commit" in result.err


def test_utgavor_lists_editions_and_ignores_other_tags(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("faststall", git.root, "--beslut", "SN 2024-02-01 § 12", "--datum",
               "2024-02-01").code == 0
    git.replace(R001, "samma dag", "samma arbetsdag")
    git.commit("Ändring")
    assert lsk("faststall", git.root, "--beslut", DECISION, "--dnr", "SN 2024/112",
               "--datum", "2024-04-25").code == 0
    git("tag", "faststalld/2024-05-01")  # lightweight: not made by lsk
    git("tag", "-a", "-m", "Release", "v1.0")
    result = lsk("utgavor", git.root)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["datum", "tagg", "beslut", "dnr", "commit"]
    assert lines[1].startswith("2024-02-01  faststalld/2024-02-01  SN 2024-02-01 § 12")
    assert lines[2].startswith("2024-04-25  faststalld/2024-04-25  SN 2024-04-25 § 79")
    assert "SN 2024/112" in lines[2]
    assert lines[-1] == "Senast fastställd: faststalld/2024-04-25."
    data = lsk("utgavor", git.root, "--format", "json").json
    assert [e["tag"] for e in data["editions"]] == ["faststalld/2024-02-01", "faststalld/2024-04-25"]
    assert data["editions"][1]["registration_number"] == "SN 2024/112"


def test_utgavor_without_editions(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    result = lsk("utgavor", git.root)
    assert result.code == 0 and "Inga fastställda utgåvor" in result.out
    assert lsk("utgavor", git.root, "--format", "json").json["editions"] == []


def test_editions_belong_to_their_root(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    other = gitrepos.Git(git.top, "annat")
    gitrepos.minimal.write(other.root)
    git.commit("Ett andra ledningssystem")
    assert lsk("faststall", other.root, "--beslut", "SN 2024-01-01 § 1", "--datum",
               "2024-01-01").code == 0
    assert lsk("utgavor", git.root, "--format", "json").json["editions"] == []
    assert len(lsk("utgavor", other.root, "--format", "json").json["editions"]) == 1


def test_a_multi_line_decision_is_refused(lsk, tmp_path):
    from tests import gitrepos

    git = gitrepos.make(tmp_path / "repo")
    result = lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 79\nlsk-faststallelse: x")
    assert result.code == 2 and "på en rad" in result.err
    assert git("tag", "--list").strip() == ""


def test_faststall_refuses_a_future_date_and_personal_data_in_the_tag(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    for args, message in ((["--beslut", DECISION, "--datum", "2099-01-01"], "i framtiden"),
                          (["--beslut", "SN § 79 om 811218-9876"], "personnummer")):
        result = lsk("faststall", git.root, *args)
        assert result.code == 2 and message in result.err
    assert git("tag", "-l") == ""


def test_a_file_removed_from_the_index_is_listed_once(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git("rm", "-q", "--cached", "ledningssystem/" + R001)
    result = lsk("faststall", git.root, "--beslut", DECISION)
    assert result.code == 2 and result.err.count("R001-mottagning.yaml") == 1


def test_a_hand_made_tag_cannot_steer_the_terminal(lsk, tmp_path):
    """Anyone can write a tag message; utgavor and diff print it without its control codes."""
    git = gitrepos.make(tmp_path / "repo")
    message = ("Fastställd\n\nlsk-faststallelse:\n  format: 1\n"
               "  beslut: \"SN \\e[2J\\e[31m 2024 § 1\"\n  datum: \"2024-04-25\"\n"
               f"  commit: \"{git('rev-parse', 'HEAD').strip()}\"\n  rot: \"ledningssystem\"\n")
    git("tag", "-a", "-m", message, "faststalld/2024-04-25")
    result = lsk("utgavor", git.root)
    assert result.code == 0 and "\x1b" not in result.out and "SN [2J[31m 2024" in result.out
    git.replace("rutiner/R001-mottagning.yaml", "Bekräfta mottagandet", "Bekräfta skriftligt")
    diff = lsk("diff", "--rot", git.root)
    assert "\x1b" not in diff.out


def test_a_file_name_cannot_steer_the_terminal(lsk, repo):
    root = repo({"rutiner/R009-\x1b[2J.yaml": "id: R009\n"})
    result = lsk("check", root)
    assert "\x1b" not in result.out and "\\x1b[2J" in result.out
