"""Every class of bad input gives an error diagnostic with its code, file and line; never a crash."""

from __future__ import annotations

import os

import pytest

from lsk import limits
from tests.conftest import check_json
from tests.minimal import FILES

RUTIN = "rutiner/R001-mottagning.yaml"
PROCESS = "processer/KP01-mottagning.yaml"


def only(diags: list[dict], code: str) -> dict:
    found = [d for d in diags if d["code"] == code]
    assert len(found) == 1, diags
    return found[0]


def test_minimal_repository_is_clean(lsk, repo):
    root = repo()
    result = lsk("check", root, "--format", "json")
    assert result.code == 0
    assert result.json["diagnostics"] == []
    assert result.json["summary"]["files"] == 5


def test_yaml_syntax_error_names_the_line(lsk, repo):
    root = repo({RUTIN: "id: R001\ntitel: [öppen lista\nsyfte: x\n"})
    d = only(check_json(lsk, root), "LSK101")
    assert d["path"].endswith(RUTIN) and d["severity"] == "error"
    assert d["line"] == 3


def test_misspelled_key_suggests_the_right_one(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("syfte:", "syftet:")})
    diags = check_json(lsk, root)
    d = only(diags, "LSK201")
    assert (d["line"], d["column"]) == (3, 1)
    assert "syftet" in d["message"] and "Menade du 'syfte'?" in d["hint"]
    assert only(diags, "LSK202")["message"] == "fältet 'syfte' saknas"


def test_key_with_swedish_letters_is_explained(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN] + "nästa_revision: 2027-01-01\n"})
    d = only(check_json(lsk, root), "LSK201")
    assert d["line"] == 17
    assert "nasta_revision" in d["hint"] and "å, ä och ö" in d["hint"]


def test_a_comma_inside_a_flow_mapping_is_explained(lsk, repo):
    """'{text: Ring, t.ex. regionen}' splits the text at the comma: the rest becomes a key
    without a value, and the hint says to quote the text, not only which keys are allowed."""
    steps = FILES[RUTIN].replace(
        "  - text: Bekräfta mottagandet till den enskilde.\n",
        "  - {text: Bekräfta mottagandet, t.ex. per brev, ansvar: handlaggare}\n"
        "  - text: Bekräfta mottagandet till den enskilde.\n")
    d = only(check_json(lsk, repo({RUTIN: steps})), "LSK201")
    assert d["message"] == "okänd nyckel 't.ex. per brev'"
    assert "kommatecken" in d["hint"] and "citattecken" in d["hint"]
    quoted = steps.replace("{text: Bekräfta mottagandet, t.ex. per brev,",
                           "{text: 'Bekräfta mottagandet, t.ex. per brev',")
    assert check_json(lsk, repo({RUTIN: quoted})) == []
    # a real misspelt key with a value keeps the list of allowed keys
    wrong = steps.replace("t.ex. per brev, ansvar", "t.ex. per brev: ja, ansvar")
    assert "Tillåtna nycklar" in only(check_json(lsk, repo({RUTIN: wrong})), "LSK201")["hint"]


def test_wrong_type_is_reported_at_the_value(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("datum: 2025-03-20", "datum: 2025-13-20")})
    d = only(check_json(lsk, root), "LSK203")
    assert (d["line"], d["column"]) == (7, 10)
    assert "faststalld, datum" in d["message"]


def test_list_given_as_text_is_wrong_type(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("lagkrav: [SOSFS-2011:9/4/4]",
                                             "lagkrav: SOSFS-2011:9/4/4")})
    d = only(check_json(lsk, root), "LSK203")
    assert d["line"] == 11 and "lista" in d["message"]


def test_value_outside_the_allowed_words(lsk, repo):
    root = repo({PROCESS: FILES[PROCESS].replace("typ: karnprocess", "typ: huvudprocess")})
    d = only(check_json(lsk, root), "LSK203")
    assert d["line"] == 3 and "karnprocess" in d["hint"]


def test_missing_required_field_points_at_its_parent(lsk, repo):
    broken = FILES[PROCESS].replace("    namn: Ta emot ansökan\n", "")
    d = only(check_json(lsk, repo({PROCESS: broken})), "LSK202")
    assert d["line"] == 10 and "aktiviteter 1" in d["message"]


def test_bad_id_format(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("id: R001", "id: rutin-1")})
    diags = check_json(lsk, root)
    d = only(diags, "LSK204")
    assert d["line"] == 1 and "R012" in d["hint"]


def test_duplicate_key(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN] + "syfte: Ett annat syfte.\n"})
    d = only(check_json(lsk, root), "LSK102")
    assert (d["line"], d["column"]) == (17, 1)
    assert "rad 3" in d["message"]


def test_duplicate_id_across_files(lsk, repo):
    root = repo({"rutiner/R002-kopia.yaml": FILES[RUTIN]})
    d = only(check_json(lsk, root), "LSK301")
    assert d["path"].endswith("rutiner/R002-kopia.yaml") and d["line"] == 1
    assert "R001-mottagning.yaml:1" in d["message"]


@pytest.mark.parametrize("reused, line", [
    ("forfattning:\n  id: SFS-2001:453\n", 2),                 # the catalog's författning
    ("forfattning:\n  id: SN-2026:41\n", 0),                   # a local one: no error
])
def test_a_krav_file_cannot_redefine_the_catalog(lsk, repo, reused, line):
    text = reused + ("  namn: Lokal tolkning\n  kortnamn: Lokal\n  typ: lokal\nkrav:\n"
                     "  - id: SOSFS-2011:9/4/4\n    rubrik: Egen lydelse\n"
                     "    text: Nämnden skriver om kravet.\n    evidens: [rutin]\n")
    diagnostics = [d for d in check_json(lsk, repo({"krav/egen.yaml": text}))
                   if d["code"] == "LSK301"]
    # The reused provision id is always an error, and always in the repository's own file.
    assert [d["line"] for d in diagnostics] == sorted([line, 7] if line else [7])
    assert all(d["path"].endswith("krav/egen.yaml") for d in diagnostics)
    assert all("kravkatalog" in d["hint"] for d in diagnostics)
    # ... and the catalog's own text stays what trace reports
    root = repo({"krav/egen.yaml": text})
    traced = {r["id"]: r for r in lsk("trace", root, "--format", "json").json["requirements"]}
    assert traced["SOSFS-2011:9/4/4"]["title"] != "Egen lydelse"


def test_duplicate_activity_id_within_a_process(lsk, repo):
    activity = FILES[PROCESS].split("aktiviteter:\n")[1].split("lagkrav:")[0]
    broken = FILES[PROCESS].replace("lagkrav: [", activity + "lagkrav: [", 1)
    broken = broken.replace("lagkrav: [SOSFS", "lagkrav: [SOSFS")
    root = repo({PROCESS: FILES[PROCESS].replace("aktiviteter:\n", "aktiviteter:\n" + activity)})
    d = only(check_json(lsk, root), "LSK301")
    assert "KP01.ta-emot" in d["message"]


def test_broken_reference_suggests_closest_id(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("ansvarig: enhetschef", "ansvarig: enhetchef")})
    d = only(check_json(lsk, root), "LSK302")
    assert (d["line"], d["column"]) == (5, 11)
    assert d["hint"] == "Menade du 'enhetschef'?"


def test_reference_to_the_wrong_kind(lsk, repo):
    root = repo({RUTIN: FILES[RUTIN].replace("ansvarig: enhetschef", "ansvarig: mottagningen")})
    d = only(check_json(lsk, root), "LSK303")
    assert d["line"] == 5 and "en enhet" in d["message"] and "en roll" in d["message"]


def test_non_utf8_bytes(lsk, repo):
    raw = FILES[RUTIN].encode("utf-8").replace(b"Mottagning av", b"Mottagning \xe5v")
    d = only(check_json(lsk, repo({RUTIN: raw})), "LSK002")
    assert (d["line"], d["column"]) == (2, 19)


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system",
                                 "!custom"])
def test_yaml_tags_are_refused_and_never_constructed(lsk, repo, tag):
    root = repo({RUTIN: FILES[RUTIN].replace("syfte: Att", f"syfte: {tag} Att")})
    d = only(check_json(lsk, root), "LSK103")
    assert d["line"] == 3


def test_alias_bomb_is_stopped(lsk, repo):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    d = only(check_json(lsk, repo({RUTIN: "\n".join(lines) + "\n"})), "LSK104")
    assert d["line"] == 5  # line "e:": 9 + 90 + 819 + 7380 copies, then 7381 more > limit


def test_deep_nesting_is_bounded(lsk, repo):
    deep = "steg: " + "[" * 100_000 + "]" * 100_000 + "\n"
    d = only(check_json(lsk, repo({RUTIN: deep})), "LSK105")
    assert d["line"] == 1


def test_deep_block_nesting_is_bounded(lsk, repo):
    deep = "".join("  " * i + f"k{i}:\n" for i in range(limits.MAX_DEPTH + 5)) + "  " * 60 + "x\n"
    d = only(check_json(lsk, repo({RUTIN: deep})), "LSK105")
    assert d["line"] == limits.MAX_DEPTH + 1


def test_file_over_the_size_limit_is_not_read(lsk, repo):
    big = FILES[RUTIN] + "# " + "x" * limits.MAX_FILE_BYTES + "\n"
    d = only(check_json(lsk, repo({RUTIN: big})), "LSK003")
    assert d["line"] == 1 and d["path"].endswith(RUTIN)


def test_symlink_leaving_the_root(lsk, repo, tmp_path):
    root = repo()
    secret = tmp_path / "utanfor.yaml"
    secret.write_text("id: R009\n", encoding="utf-8")
    os.symlink(secret, root / "rutiner" / "R009-lank.yaml")
    os.symlink(tmp_path, root / "rutiner" / "mapplank")
    diags = check_json(lsk, root)
    codes = sorted((d["code"], d["path"].rsplit("/", 1)[-1]) for d in diags)
    assert codes == [("LSK004", "R009-lank.yaml"), ("LSK004", "mapplank")]


def test_missing_root(lsk, tmp_path):
    result = lsk("check", tmp_path / "finns-inte", "--format", "json")
    assert result.code == 2  # the check could not be made: a usage error, still reported
    assert [d["code"] for d in result.json["diagnostics"]] == ["LSK001"]


def test_empty_root(lsk, tmp_path):
    (tmp_path / "tom").mkdir()
    result = lsk("check", tmp_path / "tom", "--format", "json")
    assert result.code == 2
    assert [d["code"] for d in result.json["diagnostics"]] == ["LSK001"]


def test_missing_required_documents(lsk, repo):
    root = repo({"roller.yaml": None})
    diags = check_json(lsk, root)
    assert {d["code"] for d in diags} >= {"LSK007", "LSK302"}
    assert only(diags, "LSK007")["path"].endswith("roller.yaml")


def test_empty_file(lsk, repo):
    d = only(check_json(lsk, repo({RUTIN: "# bara en kommentar\n"})), "LSK107")
    assert d["path"].endswith(RUTIN)


def test_several_documents_in_one_file(lsk, repo):
    d = only(check_json(lsk, repo({RUTIN: FILES[RUTIN] + "---\nid: R002\n"})), "LSK106")
    assert d["line"] == 17  # where the second document begins


def test_complex_key(lsk, repo):
    d = only(check_json(lsk, repo({RUTIN: "? [a, b]\n: 1\n"})), "LSK108")
    assert d["line"] == 1


def test_control_character(lsk, repo):
    d = only(check_json(lsk, repo({RUTIN: FILES[RUTIN].replace("Att varje", "Att\x07varje")})),
             "LSK101")
    assert d["line"] == 3


def test_unknown_file_is_a_warning_and_yml_gets_a_hint(lsk, repo):
    root = repo({"rutin/R005.yaml": "id: R005\n", "roller.yml": FILES["roller.yaml"]})
    diags = check_json(lsk, root)
    assert [d["code"] for d in diags] == ["LSK006", "LSK006"]
    assert all(d["severity"] == "warning" for d in diags)
    assert any(".yaml" in d["hint"] and d["path"].endswith("roller.yml") for d in diags)


def test_the_roots_mallar_folder_holds_templates_not_documents(lsk, repo, tmp_path):
    root = repo({"mallar/stil.css": "body { color: black; }\n",
                 "mallar/anteckningar.yaml": "vad: inget dokument\n",
                 "annat/mallar/anteckningar.yaml": "vad: inget\n"})  # only the root's own mallar/
    diags = check_json(lsk, root)
    assert [(d["code"], d["path"].rsplit("/", 2)[-2:]) for d in diags] == [
        ("LSK006", ["mallar", "anteckningar.yaml"])]
    (root / "mallar" / "stil.css").unlink()
    (root / "mallar" / "anteckningar.yaml").unlink()
    (root / "mallar").rmdir()
    os.symlink(tmp_path, root / "mallar")  # a link out is not read, so not reported either
    assert [d["code"] for d in check_json(lsk, root)] == ["LSK006"]


@pytest.mark.parametrize("number,code", [("811218-9876", "LSK401"), ("19640823-3234", "LSK401"),
                                         ("701063-2391", "LSK402")])
def test_personal_identity_numbers_are_errors(lsk, repo, number, code):
    text = FILES[RUTIN].replace("Bekräfta mottagandet", f"Ring {number} och bekräfta")
    d = only(check_json(lsk, repo({RUTIN: text})), code)
    assert (d["line"], d["column"]) == (15, 16)


def test_personal_number_in_a_comment_is_found_too(lsk, repo):
    d = only(check_json(lsk, repo({RUTIN: FILES[RUTIN] + "# 811218-9876\n"})), "LSK401")
    assert d["line"] == 17


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\x85", "\u2028", "\u2029"])
def test_personal_numbers_are_placed_by_every_line_break_yaml_knows(lsk, repo, line_end):
    """A CR-only file once had LSK401 at line 1 while YAML errors counted CR as a break: lines
    are counted as the YAML reader counts them, everywhere."""
    text = FILES[RUTIN].replace("Bekräfta mottagandet", "Ring 811218-9876 och bekräfta")
    text = text.replace("\n", line_end) + "id2: x" + line_end  # an LSK201 from the parser too
    diags = check_json(lsk, repo({RUTIN: text.encode("utf-8")}))
    assert (only(diags, "LSK401")["line"], only(diags, "LSK401")["column"]) == (15, 16)
    assert (only(diags, "LSK201")["line"], only(diags, "LSK201")["column"]) == (17, 1)
    # a suppression on the number's line is found on the same line
    suppressed = text.replace("enskilde." + line_end, "enskilde.  # lsk: ignorera LSK401" + line_end)
    diags = check_json(lsk, repo({RUTIN: suppressed.encode("utf-8")}))
    assert [d["code"] for d in diags] == ["LSK201"]


def test_near_misses_are_not_personal_numbers(lsk, repo):
    text = FILES[RUTIN].replace("Bekräfta mottagandet",
                                "Dnr SN 2024/1187, datum 2024-04-25, 640823-3235, bekräfta")
    assert check_json(lsk, repo({RUTIN: text})) == []


def test_too_many_documents(lsk, repo, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENTS", 3)
    d = only(check_json(lsk, repo()), "LSK005")
    assert "fler än 3" in d["message"]


@pytest.mark.parametrize("name", ["Anna Svensson", "Per-Olof Ek", "Karin von Sydow"])
def test_a_person_name_where_a_role_belongs_is_flagged(lsk, repo, name):
    text = FILES[RUTIN].replace("    ansvar: handlaggare\n  - text: Bekräfta",
                                f"    ansvar: {name}\n  - text: Bekräfta")
    diags = check_json(lsk, repo({RUTIN: text}))
    assert sorted(d["code"] for d in diags) == ["LSK302", "LSK403"]
    assert only(diags, "LSK403")["line"] == 14


@pytest.mark.parametrize("value", ["enhetchef", "MAS", "Enhetschef"])
def test_role_typos_are_not_taken_for_names(lsk, repo, value):
    text = FILES[RUTIN].replace("ansvarig: enhetschef", f"ansvarig: {value}")
    assert "LSK403" not in [d["code"] for d in check_json(lsk, repo({RUTIN: text}))]


def test_findings_are_capped_per_file_and_code_with_a_count_of_the_rest(lsk, repo):
    import time

    keys = "".join(f"okand{i}: {i}\n" for i in range(20_000))
    root = repo({RUTIN: FILES[RUTIN] + keys})
    started = time.monotonic()
    diags = check_json(lsk, root)
    assert time.monotonic() - started < 30  # was minutes and hundreds of MB for 90,000 keys
    unknown = [d for d in diags if d["code"] == "LSK201"]
    assert len(unknown) == 101
    (summary,) = [d for d in unknown if d["message"].startswith("ytterligare")]
    assert summary["message"] == "ytterligare 19900 fynd av LSK201 i filen visas inte"
    assert "högst 100 per fil och kod" in summary["hint"]
