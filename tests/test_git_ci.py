"""CI integration: lsk check --changed-since, the CI examples in docs/ci/ and the pre-commit hooks."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys

import pytest
import yaml

from tests import gitrepos
from tests.conftest import PROJECT

R001 = "rutiner/R001-mottagning.yaml"
R002 = "rutiner/R002-utredning.yaml"
KP01 = "processer/KP01-mottagning.yaml"
R002_TEXT = """\
id: R002
titel: Utredning
syfte: Att utredningen blir allsidig.
ansvarig: enhetschef
steg:
  - text: Inled utredning.
    ansvar: socialsekreterare
"""


def _with_old_error(tmp_path):
    """A committed repository whose R002 already has an error (an unknown role)."""
    git = gitrepos.make(tmp_path / "repo")
    git.write(R002, R002_TEXT)
    git.commit("Utredning")
    return git


def _findings(lsk, git, *args):
    """Exit code, (relpath, code) of each error, and the summary."""
    result = lsk("check", git.root, "--format", "json", "--no-cache", *args)
    return result.code, sorted({(d["path"].split("ledningssystem/")[-1], d["code"])
                                for d in result.json["diagnostics"] if d["severity"] == "error"}
                               ), result.json["summary"]


def test_changed_since_reports_the_changed_file_and_not_old_unrelated_findings(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: handlagare\n")
    code, found, _ = _findings(lsk, git)
    assert found == [(R001, "LSK302"), (R002, "LSK302")] and code == 1
    code, found, summary = _findings(lsk, git, "--changed-since", "HEAD")
    assert found == [(R001, "LSK302")] and code == 1
    # R001, the roles and the nämnd (faststalld.av) it names, and KP01 which names R001
    assert summary["files"] == 4


def test_changed_since_with_nothing_relevant_changed_passes(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    git.replace(R001, "samma dag", "samma arbetsdag")
    git.commit("Ordval")
    code, found, _ = _findings(lsk, git, "--changed-since", "HEAD~1")
    assert found == [] and code == 0
    assert lsk("check", git.root, "--changed-since", "main~1", "--no-cache").code == 0


def test_changed_since_reports_files_that_referenced_a_removed_id(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    git.replace(R001, "id: R001", "id: R003")
    git("mv", "ledningssystem/" + R001, "ledningssystem/rutiner/R003-mottagning.yaml")
    git.commit("Nytt nummer")
    code, found, _ = _findings(lsk, git, "--changed-since", "HEAD~1")
    assert (KP01, "LSK302") in found and (R002, "LSK302") not in found


def test_changed_since_includes_new_untracked_files(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    git.write("rutiner/R003-ny.yaml", R002_TEXT.replace("R002", "R003"))
    code, found, _ = _findings(lsk, git, "--changed-since", "HEAD")
    assert found == [("rutiner/R003-ny.yaml", "LSK302")]


def test_changed_since_a_settings_change_reports_everything(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    git.replace("lsk.yaml", "kommun: Provby kommun", "kommun: Provby")
    code, found, _ = _findings(lsk, git, "--changed-since", "HEAD")
    assert (R002, "LSK302") in found


def test_changed_since_an_unknown_revision_is_a_usage_error(lsk, tmp_path):
    git = _with_old_error(tmp_path)
    result = lsk("check", git.root, "--changed-since", "origin/main")
    assert result.code == 2 and "'origin/main' är ingen känd revision" in result.err


def _broken_top(tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: handlagare\n")
    return git


def _commands(steps: list[str], prefix: str) -> list[list[str]]:
    """The example's ``lsk ...`` command lines that start with ``prefix``, without shell tails."""
    return [shlex.split(s.split("||")[0])[1:] for s in steps if s.startswith(prefix)]


def test_github_actions_example_annotates_the_broken_line(lsk, tmp_path):
    workflow = yaml.safe_load((PROJECT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = [s["run"] for s in workflow["jobs"]["lsk"]["steps"] if "run" in s]
    [check] = _commands(steps, "lsk check")
    assert "fmt --check" in " ".join(steps)
    git = _broken_top(tmp_path)
    result = lsk(*check, cwd=git.top)
    assert result.code == 1
    [line] = result.out.splitlines()
    assert line.startswith(
        "::error file=ledningssystem/rutiner/R001-mottagning.yaml,line=14,col=13,title=LSK302::")
    assert "'handlagare' finns inte%0Atips: Menade du 'handlaggare'?" in line


def test_gitlab_example_writes_the_code_quality_report_it_uploads(lsk, tmp_path):
    pipeline = yaml.safe_load((PROJECT / "docs/ci/gitlab-ci.yml").read_text(encoding="utf-8"))
    job = pipeline["lsk"]
    [check] = _commands(job["script"], "lsk check --format gitlab")
    report = job["artifacts"]["reports"]["codequality"]
    assert check[check.index("--out") + 1] == report and job["artifacts"]["when"] == "always"
    git = _broken_top(tmp_path)
    assert lsk(*check, cwd=git.top).code == 1
    [issue] = json.loads((git.top / report).read_text(encoding="utf-8"))
    assert issue["check_name"] == "LSK302" and issue["severity"] == "major"
    assert issue["location"] == {"path": "ledningssystem/rutiner/R001-mottagning.yaml",
                                 "lines": {"begin": 14}}
    assert issue["description"].startswith("LSK302 ansvar: 'handlagare' finns inte")
    assert len(issue["fingerprint"]) == 64


def test_pre_commit_hooks_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = {h["id"]: h for h in clientlib.load_manifest(str(PROJECT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"lsk-check", "lsk-fmt"}
    assert hooks["lsk-check"]["entry"] == "lsk check"
    assert hooks["lsk-fmt"]["entry"] == "lsk fmt --check"
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in hooks.values())


def _pre_commit_repo(lsk, tmp_path):
    """A repository using lsk's hooks as ``repo: local`` hooks of language ``system`` (nothing
    is downloaded), and an ``lsk`` on PATH that runs this checkout."""
    pytest.importorskip("pre_commit")
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("fmt", git.root).code == 0
    manifest = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    local = [{**h, "language": "system"} for h in manifest]
    config = {"repos": [{"repo": "local", "hooks": local}]}
    (git.top / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git.commit("pre-commit")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lsk").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m lsk "$@"\n')
    (bin_dir / "lsk").chmod(0o755)
    env = {**os.environ, **gitrepos.IDENTITY, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(PROJECT), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    return git, env


def _run(args: list[str], git: gitrepos.Git, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=git.top, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_pre_commit_runs_the_hooks_and_blocks_a_broken_commit(lsk, tmp_path):
    git, env = _pre_commit_repo(lsk, tmp_path)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    done = _run([*pre_commit, "run", "--all-files"], git, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lsk check (ledningssystemet)" in done.stdout and "Passed" in done.stdout
    assert _run([*pre_commit, "install"], git, env).returncode == 0
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: handlagare\n")
    git("add", "-A")
    done = _run(["git", "commit", "-m", "Stavfel"], git, env)
    assert done.returncode != 0
    output = done.stdout + done.stderr  # git shows a hook's output on stderr
    assert "LSK302" in output and "Failed" in output
    assert git("log", "--format=%s").splitlines()[0] == "pre-commit"


def test_changed_since_accepts_an_approved_edition_by_name_or_date(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 79",
               "--datum", "2024-04-25").code == 0
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: handlagare\n")
    git.commit("Stavfel efter fastställandet")
    for since in ("faststalld", "2024-04-25"):
        code, found, _ = _findings(lsk, git, "--changed-since", since)
        assert code == 1 and found == [(R001, "LSK302")], since
