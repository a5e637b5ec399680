"""Rule configuration in lsk.yaml and suppression comments."""

from __future__ import annotations

from tests.conftest import check_json
from tests.minimal import FILES

RUTIN = "rutiner/R001-mottagning.yaml"
NO_LAGKRAV = FILES[RUTIN].replace("lagkrav: [SOSFS-2011:9/4/4]\n", "")


def _config(extra: str) -> str:
    return FILES["lsk.yaml"] + extra


def test_a_rule_can_be_turned_off(lsk, repo):
    root = repo({RUTIN: NO_LAGKRAV, "lsk.yaml": _config("  LSK505: {aktiv: false}\n")})
    assert [d["code"] for d in check_json(lsk, root)] == []


def test_a_rule_can_change_severity_and_the_exit_code_follows(lsk, repo):
    root = repo({RUTIN: NO_LAGKRAV})
    assert [(d["code"], d["severity"]) for d in check_json(lsk, root)] == [("LSK505", "warning")]
    assert lsk("check", root).code == 0
    (root / "lsk.yaml").write_text(_config("  LSK505: {allvarlighet: fel}\n"), encoding="utf-8")
    assert [(d["code"], d["severity"]) for d in check_json(lsk, root)] == [("LSK505", "error")]
    assert lsk("check", root).code == 1


def test_unknown_rule_in_config_is_an_error_with_a_suggestion(lsk, repo):
    root = repo({"lsk.yaml": _config("  LSK5O5: {aktiv: false}\n")})
    d = [d for d in check_json(lsk, root) if d["code"] == "LSK010"][0]
    assert d["path"].endswith("lsk.yaml") and d["line"] == 8
    assert d["hint"] == "Menade du 'LSK505'?"


def test_suppression_names_the_code_on_the_line(lsk, repo):
    text = NO_LAGKRAV.replace("id: R001\n", "id: R001  # lsk: ignorera LSK505 (intern rutin)\n")
    assert check_json(lsk, repo({RUTIN: text})) == []


def test_suppression_of_another_code_does_not_hide_the_finding(lsk, repo):
    text = NO_LAGKRAV.replace("id: R001\n", "id: R001  # lsk: ignorera LSK504\n")
    codes = sorted(d["code"] for d in check_json(lsk, repo({RUTIN: text})))
    assert codes == ["LSK009", "LSK505"]


def test_unused_suppression_is_reported(lsk, repo):
    text = FILES[RUTIN].replace("id: R001\n", "id: R001  # lsk: ignorera LSK505\n")
    (d,) = check_json(lsk, repo({RUTIN: text}))
    assert (d["code"], d["line"], d["severity"]) == ("LSK009", 1, "warning")
