"""The machine formats are contracts: JSON shape, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

import json

from tests.minimal import FILES

RUTIN = "rutiner/R001-mottagning.yaml"


def _broken(repo):
    return repo({RUTIN: FILES[RUTIN].replace("ansvarig: enhetschef", "ansvarig: enhetchef")
                 + "okand: 1\n"})


def test_json_has_the_documented_shape(lsk, repo):
    result = lsk("check", _broken(repo), "--format", "json")
    assert result.code == 1
    payload = result.json
    assert list(payload) == ["format", "diagnostics", "summary"] and payload["format"] == 1
    assert payload["summary"] == {"files": 5, "errors": 2, "warnings": 0, "infos": 0}
    first = payload["diagnostics"][0]
    assert set(first) == {"code", "severity", "path", "line", "column", "message", "hint"}
    assert [(d["code"], d["line"], d["column"]) for d in payload["diagnostics"]] == [
        ("LSK302", 5, 11), ("LSK201", 17, 1)]
    assert first["severity"] == "error"


def test_text_output_names_file_line_code_and_hint(lsk, repo):
    root = _broken(repo)
    result = lsk("check", root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == (f"{root.as_posix()}/{RUTIN}:5:11: LSK302 fel: "
                        "ansvarig: 'enhetchef' finns inte")
    assert lines[1] == "    tips: Menade du 'enhetschef'?"
    assert lines[-1] == "Kontrollerade 5 filer: 2 fel, 0 varningar."


def test_paths_are_relative_to_the_working_directory(lsk, repo):
    root = _broken(repo)
    result = lsk("check", "--format", "json", cwd=root.parent)
    assert result.code == 2
    # no ROOT given and no lsk.yaml above: ./ledningssystem does not exist here
    assert result.json["diagnostics"][0]["code"] == "LSK001"
    result = lsk("check", "--format", "json", cwd=root / "rutiner")
    assert result.json["diagnostics"][0]["path"] == "R001-mottagning.yaml"


def test_github_annotations(lsk, repo):
    root = _broken(repo)
    result = lsk("check", root, "--format", "github", cwd=root)
    assert result.out.splitlines() == [
        f"::error file={RUTIN},line=5,col=11,title=LSK302::ansvarig%3A 'enhetchef' finns inte"
        .replace("ansvarig%3A", "ansvarig:") + "%0Atips: Menade du 'enhetschef'?",
        f"::error file={RUTIN},line=17,col=1,title=LSK201::okänd nyckel 'okand'%0Atips: "
        "Tillåtna nycklar här: ansvarig, faststalld, granskad, id, lagkrav, nasta_revision, omfattning, "
        "relaterade, reviderad, steg, syfte, titel, upprattad, version.",
    ]


def test_sarif_2_1_0(lsk, repo):
    root = _broken(repo)
    result = lsk("check", ".", "--format", "sarif", cwd=root)
    log = json.loads(result.out)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["LSK201", "LSK302"]
    result0 = run["results"][0]
    assert result0["ruleId"] == "LSK302"
    assert rules[result0["ruleIndex"]]["id"] == "LSK302"
    assert result0["level"] == "error"
    location = result0["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": RUTIN, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 5, "startColumn": 11}}


def test_out_writes_a_file(lsk, repo, tmp_path):
    target = tmp_path / "rapport" / "lsk.json"
    result = lsk("check", _broken(repo), "--format", "json", "--out", target)
    assert result.code == 1 and result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 2


def test_text_out_file_has_no_colour_codes(lsk, repo, tmp_path):
    target = tmp_path / "rapport.txt"
    assert lsk("check", _broken(repo), "--out", target).code == 1
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "LSK302 fel:" in text


def test_text_output_does_not_pass_terminal_escapes_through(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("ansvarig: enhetschef",
                                             'ansvarig: "\\e]0;X\\a\\e[2Jchef"')})
    out = lsk("check", root).out
    assert "\x1b" not in out and "\\x1b" in out


def test_out_inside_the_root_is_refused(lsk, repo):
    root = repo()
    before = (root / "roller.yaml").read_text(encoding="utf-8")
    result = lsk("check", root, "--format", "json", "--out", root / "roller.yaml")
    assert result.code == 2 and "ligger i ledningssystemet" in result.err
    assert (root / "roller.yaml").read_text(encoding="utf-8") == before
