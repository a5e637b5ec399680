"""The CI formats name a file the same way from any working folder, and lose no finding."""

from __future__ import annotations

import json

import pytest

from tests import gitrepos

R001 = "rutiner/R001-mottagning.yaml"
FROM_TOP = "ledningssystem/" + R001


def _broken(tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: handlagare\n")
    return git


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab"])
def test_a_subfolder_gives_the_same_output_as_the_repository_top(lsk, tmp_path, fmt):
    git = _broken(tmp_path)
    from_top = lsk("check", "ledningssystem", "--format", fmt, cwd=git.top)
    from_root = lsk("check", "--format", fmt, cwd=git.root)
    from_below = lsk("check", "--format", fmt, cwd=git.root / "rutiner")
    assert from_top.code == from_root.code == from_below.code == 1
    assert from_top.out == from_root.out == from_below.out
    assert FROM_TOP in from_top.out


def test_text_output_still_names_files_from_the_working_folder(lsk, tmp_path):
    git = _broken(tmp_path)
    out = lsk("check", "--format", "json", cwd=git.root / "rutiner").json
    assert out["diagnostics"][0]["path"] == "R001-mottagning.yaml"


def test_sarif_locations_have_a_base_help_and_fingerprints_that_survive_moved_lines(lsk, tmp_path):
    git = _broken(tmp_path)
    log = json.loads(lsk("check", "--format", "sarif", cwd=git.root).out)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    [rule] = driver["rules"]
    assert rule["id"] == "LSK302" and rule["helpUri"].startswith(driver["informationUri"])
    assert rule["help"]["text"] and "LSK302" in rule["help"]["markdown"]
    [result] = run["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": FROM_TOP, "uriBaseId": "%SRCROOT%"}
    before = result["partialFingerprints"]
    git.replace(R001, "titel:", "# en ny rad ovanför fyndet\ntitel:")
    moved = json.loads(lsk("check", "--format", "sarif", cwd=git.root).out)["runs"][0]["results"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == (
        result["locations"][0]["physicalLocation"]["region"]["startLine"] + 1)
    assert moved["partialFingerprints"] == before


def _many_findings(tmp_path, n: int):
    git = gitrepos.make(tmp_path / "repo")
    path = git.root / R001
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(f"okand{i}: 1\n" for i in range(n)), encoding="utf-8")
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: 'handl|aggare'\n")
    return git


def test_github_job_summary_lists_every_finding_with_a_count_line(lsk, tmp_path, monkeypatch):
    git = _many_findings(tmp_path, 12)
    summary = tmp_path / "summary.md"
    summary.write_text("från ett tidigare steg\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = lsk("check", "--format", "github", cwd=git.top)
    assert result.code == 1
    annotations = result.out.splitlines()
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("från ett tidigare steg\n## lsk check\n")  # appended, not replaced
    assert "Kontrollerade 5 filer: 13 fel, 0 varningar, 0 upplysningar." in text
    rows = [line for line in text.splitlines() if line.startswith(f"| {FROM_TOP} |")]
    assert len(rows) == len(annotations) == 13
    assert any("handl\\|aggare" in row for row in rows)  # a '|' in a value does not split the row
    assert all(row.count(" | ") == 5 for row in rows)


def test_no_job_summary_outside_github_actions(lsk, tmp_path, monkeypatch):
    git = _many_findings(tmp_path, 1)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert lsk("check", "--format", "github", cwd=git.top).code == 1
    assert not list(tmp_path.glob("**/*.md"))


def test_github_example_runs_the_format_step_even_when_the_check_fails():
    import yaml

    from tests.test_git_ci import PROJECT

    workflow = yaml.safe_load((PROJECT / "docs/ci/github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lsk"]["steps"]
    check = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("lsk check"))
    later = [s for s in steps[check + 1:] if "run" in s]
    assert later and all(s.get("if") in ("${{ !cancelled() }}", "always()") for s in later)
