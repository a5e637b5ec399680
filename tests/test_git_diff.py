"""lsk diff: the semantic diff between editions, revisions and the working tree."""

from __future__ import annotations

import json
import re

from lsk.history.changed import changed_since_approval
from lsk.history.readable import word_diff
from lsk.history.semdiff import compare_data
from tests import gitrepos

R001 = "rutiner/R001-mottagning.yaml"
KP01 = "processer/KP01-mottagning.yaml"


def _approved(lsk, tmp_path):
    """Two commits and an approval: the issue's starting point."""
    git = gitrepos.make(tmp_path / "repo")
    git.replace(R001, "Bekräfta mottagandet", "Bekräfta mottagandet skriftligt")
    git.commit("Skriftlig bekräftelse")
    result = lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 79", "--dnr", "SN 2024/112",
                 "--datum", "2024-04-25")
    assert result.code == 0, result.err
    return git


def test_diff_reports_exactly_a_changed_responsible_role(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: enhetschef\n")  # the first step
    data = lsk("diff", "--rot", git.root, "--format", "json").json
    assert data["from"]["revision"] == "faststalld/2024-04-25"
    assert data["from"]["edition"]["decision"] == "SN 2024-04-25 § 79"
    assert data["to"] == {"revision": "arbetskopia", "commit": None, "edition": None}
    assert data["summary"] == {"changed": 1, "added": 0, "removed": 0}
    [doc] = data["documents"]
    assert (doc["id"], doc["path"], doc["status"]) == ("R001", R001, "andrad")
    assert doc["changes"] == [{
        "where": "steg 1, ansvar", "field_path": ["steg", 0, "ansvar"], "change": "andrad",
        "before": "handlaggare", "after": "enhetschef",
        "text": "steg 1, ansvar: handlaggare → enhetschef"}]
    md = lsk("diff", "--rot", git.root).out
    assert md.startswith("# Ändringar i ledningssystemet\n\n**Socialnämnden, Provby kommun**")
    assert "fastställd utgåva faststalld/2024-04-25 (SN 2024-04-25 § 79, dnr SN 2024/112" in md
    assert "| Rutin R001 Mottagning av ansökan | ändrat (1 ändring) |" in md
    # names, not ids; no path: those are in the JSON
    assert ("\n- Steg 1 «Registrera ansökan i verksamhetssystemet.», ansvar: Handläggare → "
            "Enhetschef\n") in md
    assert "handlaggare" not in md and "rutiner/" not in md
    assert md.endswith("Skäl enligt versionshistoriken:\n\n"
                       "- Ändringar i arbetskopian som ännu inte är incheckade\n")
    assert md.count("\n- ") == 2


def test_the_handbook_api_marks_the_changed_routine(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    assert changed_since_approval(git.root) == {}
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: enhetschef\n")
    changed = changed_since_approval(git.root)
    assert changed is not None and list(changed) == [R001]
    assert changed[R001].changes[0].describe() == "steg 1, ansvar: handlaggare → enhetschef"


def test_the_handbook_api_without_an_edition_returns_none(tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    assert changed_since_approval(git.root) is None


def test_added_removed_and_renamed_documents(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git("mv", "ledningssystem/" + R001, "ledningssystem/rutiner/R001-mottagning-av-ansokan.yaml")
    git.write("rutiner/R002-utredning.yaml", "id: R002\ntitel: Utredning\n")
    git("rm", "-q", "ledningssystem/" + KP01)
    git.commit("Omorganisation")
    data = lsk("diff", "faststalld", "HEAD", "--rot", git.root, "--format", "json").json
    docs = {d["id"]: d for d in data["documents"]}
    assert data["summary"] == {"changed": 1, "added": 1, "removed": 1}
    assert docs["KP01"]["status"] == "borttagen" and docs["KP01"]["path"] == KP01
    assert docs["R002"]["status"] == "tillagd"
    assert docs["R001"]["previous_path"] == R001
    assert [c["text"] for c in docs["R001"]["changes"]] == [
        "fil: rutiner/R001-mottagning.yaml → rutiner/R001-mottagning-av-ansokan.yaml"]
    assert [d["id"] for d in data["documents"]] == ["KP01", "R001", "R002"]  # processes first


def test_a_copy_with_the_same_id_is_an_added_file_not_a_changed_routine(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    original = (git.root / R001).read_text(encoding="utf-8")
    # The copy sorts before the original, which used to take over the id.
    git.write("rutiner/R000-kopia.yaml", original.replace("Mottagning", "Kopia"))
    git.commit("Kopia med samma id")
    data = lsk("diff", "faststalld", "HEAD", "--rot", git.root, "--format", "json").json
    assert data["summary"] == {"changed": 0, "added": 1, "removed": 0}
    assert [(d["status"], d["path"]) for d in data["documents"]] == [
        ("tillagd", "rutiner/R000-kopia.yaml")]


def test_lagkrav_and_activities(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "lagkrav: [SOSFS-2011:9/4/4]", "lagkrav: [SOSFS-2011:9/4/5]")
    git.replace(KP01, "aktiviteter:\n", "aktiviteter:\n  - id: bedoma\n    namn: Bedöma ansökan\n"
                "    ansvar: handlaggare\n")
    git.replace(KP01, "hur: Samordnad individuell plan vid behov.", "hur: SIP.")
    texts = [c["text"] for d in lsk("diff", "--rot", git.root, "--format", "json").json["documents"]
             for c in d["changes"]]
    assert texts == [
        "aktivitet bedoma: bedoma («Bedöma ansökan») lades till",
        "aktivitet ta-emot, samverkan 1, hur: «Samordnad individuell plan vid behov.» → SIP.",
        "lagkrav: SOSFS-2011:9/4/4 togs bort",
        "lagkrav: SOSFS-2011:9/4/5 lades till",
    ]


def test_an_inserted_step_is_one_addition():
    old = {"steg": [{"text": "A", "ansvar": "x"}, {"text": "B", "ansvar": "y"}]}
    new = {"steg": [{"text": "Ny", "ansvar": "z"}, *old["steg"]]}
    assert [c.describe() for c in compare_data(old, new)] == ["steg 1: Ny lades till"]


def test_items_with_ids_are_matched_by_id_and_their_order_is_reported():
    old = {"aktiviteter": [{"id": "a", "namn": "A"}, {"id": "b", "namn": "B", "ansvar": "x"}]}
    new = {"aktiviteter": [{"id": "b", "namn": "B", "ansvar": "y"}, {"id": "a", "namn": "A"}]}
    assert [c.describe() for c in compare_data(old, new)] == [
        "aktivitet b, ansvar: x → y",
        "aktiviteter: ordningen ändrades (a, b → b, a)",
    ]


def test_places_are_described_in_swedish():
    old = {"faststalld": {"datum": "2024-01-01"}, "samverkan_kravs": True, "omfattning": "Allt"}
    new = {"faststalld": {"datum": "2024-04-25", "beslut": "SN § 1"}, "samverkan_kravs": False}
    assert [c.describe() for c in compare_data(old, new)] == [
        "faststalld.datum: 2024-01-01 → 2024-04-25",
        "faststalld.beslut: «SN § 1» lades till",
        "samverkan_kravs: ja → nej",
        "omfattning: Allt togs bort",
    ]


def test_editions_by_date_tag_and_commit(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "titel: Mottagning av ansökan", "titel: Mottagning")
    first = git("rev-parse", "HEAD").strip()
    git.commit("Kortare titel")
    assert lsk("faststall", git.root, "--beslut", "SN 2024-06-13 § 101", "--datum",
               "2024-06-13").code == 0
    for args in (["2024-04-25", "2024-06-13"], ["faststalld/2024-04-25", "faststalld/2024-06-13"],
                 [first, "HEAD"], ["HEAD~1", "faststalld"]):
        data = lsk("diff", *args, "--rot", git.root, "--format", "json").json
        assert [c["text"] for d in data["documents"] for c in d["changes"]] == [
            "titel: «Mottagning av ansökan» → Mottagning"], args
    assert "Inga ändringar i sak." in lsk("diff", "--rot", git.root).out


def test_unknown_revisions_and_missing_editions_are_usage_errors(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    result = lsk("diff", "--rot", git.root)
    assert result.code == 2 and "ingen fastställd utgåva" in result.err
    result = lsk("diff", "nope", "--rot", git.root)
    assert result.code == 2 and "'nope' är ingen känd revision" in result.err
    result = lsk("diff", "2024-04-25", "--rot", git.root)
    assert result.code == 2 and "ingen fastställd utgåva med datumet 2024-04-25" in result.err
    assert lsk("diff", "--format", "json", "--rot", git.root, "--", "-x").code == 2


def test_markdown_keeps_values_from_becoming_markup(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "titel: Mottagning av ansökan", "titel: '<script>x</script> | [a](b)'")
    md = lsk("diff", "--rot", git.root).out
    assert re.search(r"(?<!\\)[<>\[\]]", md) is None
    assert r"\<script\>x\</script\> \| \[a\](b)" in md


def test_a_broken_file_is_reported_not_crashed_on(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.write(R001, "id: R001\nsteg: [\n")
    data = lsk("diff", "--rot", git.root, "--format", "json").json
    [doc] = data["documents"]
    assert doc["path"] == R001 and doc["changes"][0]["change"] == "ej_jamforbar"
    assert "kan inte tolkas" in doc["changes"][0]["text"]


def test_diff_writes_the_underlag_to_a_file(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: enhetschef\n")
    target = tmp_path / "underlag.md"
    assert lsk("diff", "--rot", git.root, "--out", target).code == 0
    assert "ansvar: Handläggare → Enhetschef" in target.read_text(encoding="utf-8")


def test_the_handbook_marks_the_routine_changed_after_approval(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "    ansvar: handlaggare\n", "    ansvar: enhetschef\n")
    git.commit("Enhetschefen registrerar", author="Bo Berg")
    out = tmp_path / "handbok"
    assert lsk("render", git.root, "--format", "html", "--out", out).code == 0, "render failed"
    routine = next(out.rglob("R001*.html")).read_text(encoding="utf-8")
    process = next(out.rglob("KP01*.html")).read_text(encoding="utf-8")
    assert "Ändrad efter den fastställda utgåvan" in routine
    assert "Ändrad efter den fastställda utgåvan" not in process
    assert "Enhetschefen registrerar" not in routine and "Bo Berg" not in routine
    assert "fastställd utgåva faststalld/2024-04-25 (SN 2024-04-25 § 79" in routine
    assert "1 dokument ändrade därefter" in routine


def test_personnummer_never_reach_the_underlag(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "Bekräfta mottagandet skriftligt", "Ring 811218-9876")
    for fmt in ("md", "json"):
        result = lsk("diff", "--rot", git.root, "--format", fmt)
        assert result.code == 0 and "9876" not in result.out
        assert "(personnummer borttaget)" in result.out and "1 personnummer" in result.err


def test_the_underlag_marks_the_changed_words_and_gives_the_commit_messages(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(R001, "syfte: Att varje ansökan registreras samma dag.",
                "syfte: Att varje ansökan och anmälan registreras senast dagen efter.")
    git.commit("Anmälningar registreras också", author="Bo Berg")
    git.replace(KP01, "aktiviteter:\n", "aktiviteter:\n  - id: bedoma\n    namn: Bedöma ansökan\n"
                "    ansvar: handlaggare\n")
    git.commit("Ny aktivitet för bedömningen")
    md = lsk("diff", "--rot", git.root).out
    assert ("- Syfte: Att varje ansökan **och anmälan** registreras ~~samma dag.~~ "
            "**senast dagen efter.**\n") in md
    assert "- Aktivitet «Bedöma ansökan» har lagts till (ansvar: Handläggare)\n" in md
    rutin = md[md.index("## Rutin R001"):]
    assert rutin.endswith("Skäl enligt versionshistoriken:\n\n- Anmälningar registreras också\n")
    assert "- Ny aktivitet för bedömningen\n" in md[md.index("## Process KP01"):md.index("## Rutin")]
    assert "Bo Berg" not in md and "Anna Andersson" not in md
    data = lsk("diff", "--rot", git.root, "--format", "json").json
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["R001"]["reasons"] == ["Anmälningar registreras också"]
    assert docs["R001"]["path"] == R001  # paths and ids stay in the JSON
    assert docs["KP01"]["changes"][0]["field_path"] == ["aktiviteter", "bedoma"]
    assert "Bo Berg" not in json.dumps(data, ensure_ascii=False)


def test_a_long_text_shows_the_changed_word_with_a_little_context():
    old = ("Handläggaren dokumenterar varje kontakt med den enskilde i journalen samma dag och "
           "informerar om möjligheten att överklaga beslutet inom tre veckor.")
    new = old.replace("tre veckor", "fyra veckor")
    assert word_diff(old, new) == "… möjligheten att överklaga beslutet inom ~~tre~~ **fyra** veckor."
    assert word_diff("a b", "a c") == "a ~~b~~ **c**"
    assert word_diff("x", "*y*") == "~~x~~ **\\*y\\***"


def test_fixed_values_read_as_their_labels_and_ids_as_names(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.write("arscykel.yaml", "handelser:\n  - {manad: mars, vad: Riskanalys, ansvar: enhetschef, "
              "producerar: annat}\n")
    git.commit("Årscykel")
    lsk("faststall", git.root, "--beslut", "SN 2024-05-30 § 90", "--datum", "2024-05-30")
    git.replace("arscykel.yaml", "producerar: annat", "producerar: riskanalys")
    git.replace("arscykel.yaml", "ansvar: enhetschef", "ansvar: forvaltningschef")
    md = lsk("diff", "--rot", git.root).out
    assert "## Årscykel\n" in md
    assert "- Händelse 1 «Riskanalys», ansvar: Enhetschef → Förvaltningschef\n" in md
    assert "- Händelse 1 «Riskanalys», producerar: Övrigt → Riskanalys\n" in md
