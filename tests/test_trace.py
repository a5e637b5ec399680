"""lsk trace: the matrix, its formats, the reverse view, self-assessment and the coverage gate."""

from __future__ import annotations

import re
import shutil

from openpyxl import load_workbook

from tests.conftest import EXAMPLE
from tests.minimal import FILES

RUTIN = "rutiner/R001-mottagning.yaml"

RISK = "SOSFS-2011:9/5/1"


def _trace(lsk, root, *args):
    return lsk("trace", root, "--datum", "2026-11-25", *args)


def test_json_shape_and_carriers_with_lines(lsk, repo):
    result = _trace(lsk, repo(), "--format", "json")
    assert result.code == 0
    payload = result.json
    assert list(payload) == ["format", "requirements", "year", "coverage"]
    by_id = {r["id"]: r for r in payload["requirements"]}
    assert set(by_id["SOSFS-2011:9/4/4"]) == {"id", "title", "status", "reason", "covered_by"}
    assert by_id["SOSFS-2011:9/4/4"]["covered_by"] == [
        {"kind": "rutin", "id": "R001", "path": "rutiner/R001-mottagning.yaml", "line": 11}]
    assert by_id["SOSFS-2011:9/4/3"]["covered_by"][0]["kind"] == "process"
    assert by_id[RISK]["status"] == "uppfylls_ej"
    assert 0 < payload["coverage"]["percent"] < 100


def test_uncovered_lists_only_gaps(lsk, repo):
    rows = _trace(lsk, repo(), "--uncovered", "--format", "json").json["requirements"]
    ids = [r["id"] for r in rows]
    assert RISK in ids and "SOSFS-2011:9/4/4" not in ids
    assert all(r["covered_by"] == [] for r in rows)


def test_reverse_direction(lsk, repo):
    result = _trace(lsk, repo(), "--for", "R001")
    assert result.code == 0
    assert "SOSFS-2011:9/4/4" in result.out and "via rutin R001" in result.out
    assert _trace(lsk, repo(), "--for", "R999").code == 2


def test_self_assessment_can_mark_not_applicable(lsk, repo):
    root = repo({"sjalvskattning.yaml": f"bedomningar:\n  - krav: {RISK}\n    status: ej_tillamplig\n"
                 "    motivering: Prövas i kommunens gemensamma riskarbete.\n"})
    rows = {r["id"]: r for r in _trace(lsk, root, "--format", "json").json["requirements"]}
    assert rows[RISK]["status"] == "ej_tillamplig"
    uncovered = [r["id"] for r in _trace(lsk, root, "--uncovered", "--format", "json")
                 .json["requirements"]]
    assert RISK not in uncovered


def test_fail_under(lsk, repo):
    assert _trace(lsk, repo(), "--fail-under", "100", "--format", "csv").code == 1
    assert _trace(lsk, repo(), "--fail-under", "1", "--format", "csv").code == 0


def test_csv_and_markdown(lsk, repo):
    csv_out = _trace(lsk, repo(), "--format", "csv").out.splitlines()
    assert csv_out[0] == "id,rubrik,status,skal,tackt_av,verifierad"
    assert any(line.startswith("SOSFS-2011:9/4/4,") and "rutin:R001" in line for line in csv_out)
    md = _trace(lsk, repo(), "--format", "markdown").out
    assert md.startswith("# Spårbarhet")
    assert re.search(r"^\| SOSFS-2011:9/4/4( \*)? \| .* \| rutin R001 \|$", md, re.MULTILINE)
    assert "inte verifierad mot källan" in md


def test_xlsx_is_a_real_workbook(lsk, repo, tmp_path):
    target = tmp_path / "sparbarhet.xlsx"
    assert _trace(lsk, repo(), "--format", "xlsx", "--out", target).code == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Krav", "Täckning"]
    ids = [row[0].value for row in book["Krav"].iter_rows(min_row=2)]
    assert "SOSFS-2011:9/4/4" in ids
    assert _trace(lsk, repo(), "--format", "xlsx").code == 2  # needs --out


def test_example_has_full_coverage(lsk):
    result = _trace(lsk, EXAMPLE, "--format", "json", "--fail-under", "100")
    assert result.code == 0, [r["id"] for r in result.json["requirements"]
                              if r["status"] == "uppfylls_ej"]
    assert result.json["coverage"]["percent"] == 100.0


def test_removing_a_provision_from_a_copy_shows_the_gap(lsk, tmp_path):
    root = tmp_path / "kopia"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    target = "SOSFS-2011:9/4/5"
    for path in root.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if target in text:
            lines = [ln for ln in text.splitlines(keepends=True) if ln.strip() != f"- {target}"]
            text = "".join(lines).replace(f", {target}", "").replace(f"{target}, ", "")
            text = re.sub(r"lagkrav:\n(?![ ]*- )", "lagkrav: []\n", text)  # a list left empty
            path.write_text(text, encoding="utf-8")
    uncovered = _trace(lsk, root, "--uncovered", "--format", "json").json["requirements"]
    assert [r["id"] for r in uncovered] == [target]
    check = lsk("check", root, "--format", "json", "--no-cache").json["diagnostics"]
    assert [(d["code"], d["severity"]) for d in check] == [("LSK510", "warning")]
    assert target in check[0]["message"]


def test_a_repealed_provision_names_its_replacement_when_the_catalog_knows_it(lsk, repo):
    """The provision-level path of LSK511, shown with a local requirement (the shipped catalog
    has no sourced SoL 2001:453 → 2025:400 mapping, see KALLOR.md)."""
    krav = (
        "forfattning:\n  id: SN-2020:12\n  namn: Nämndens riktlinje för mottagning\n"
        "  kortnamn: Riktlinje 2020\n  typ: lokal\n  upphavd: 2025-01-01\n"
        "  ersatt_av: SN-2025:3\nkrav:\n"
        "  - id: SN-2020:12/1\n    rubrik: Mottagning samma dag\n"
        "    text: Ansökningar registreras samma dag.\n    evidens: [rutin]\n"
        "    upphavd: 2025-01-01\n    ersatt_av: [SN-2025:3/1]\n"
    )
    ny = (
        "forfattning:\n  id: SN-2025:3\n  namn: Nämndens riktlinje för mottagning 2025\n"
        "  kortnamn: Riktlinje 2025\n  typ: lokal\n  giltig_fran: 2025-01-01\nkrav:\n"
        "  - id: SN-2025:3/1\n    rubrik: Mottagning samma dag\n"
        "    text: Ansökningar registreras och bekräftas samma dag.\n    evidens: [rutin]\n"
    )
    rutin = FILES[RUTIN].replace("lagkrav: [SOSFS-2011:9/4/4]",
                                 "lagkrav: [SOSFS-2011:9/4/4, SN-2020:12/1, SN-2025:3/1]")
    root = repo({"krav/riktlinje-2020.yaml": krav, "krav/riktlinje-2025.yaml": ny, RUTIN: rutin})
    found = [d for d in lsk("check", root, "--format", "json").json["diagnostics"]
             if d["code"] == "LSK511"]
    assert len(found) == 1 and "SN-2020:12/1" in found[0]["message"]
    # the replacement is already in the list, so --fix has nothing to do and is not offered
    assert found[0]["hint"] == "Hänvisa i stället till SN-2025:3/1 «Mottagning samma dag»."


def test_reverse_direction_in_every_text_format(lsk, repo):
    root = repo()
    data = lsk("trace", root, "--for", "R001", "--format", "json").json
    assert data["id"] == "R001" and [r["id"] for r in data["requirements"]] == ["SOSFS-2011:9/4/4"]
    assert lsk("trace", root, "--for", "R001", "-f", "csv").out.startswith("id,rubrik,via\n")
    assert "| SOSFS-2011:9/4/4 |" in lsk("trace", root, "--for", "R001", "-f", "markdown").out
    for args in (["-f", "xlsx", "-o", "x.xlsx"], ["--fail-under", "50"]):
        assert lsk("trace", root, "--for", "R001", *args).code == 2


def _status(lsk, root, rid, *args):
    by_id = {r["id"]: r for r in _trace(lsk, root, "--format", "json", *args).json["requirements"]}
    return by_id[rid]["status"], by_id[rid]["reason"]


CYCLE_WITH_RISK = ("handelser:\n  - {manad: oktober, vad: Riskanalys, ansvar: enhetschef, "
                   "producerar: riskanalys}\n")
RISKS_2025 = ("ar: 2025\nriskanalyser:\n  - {id: risk-1, handelse: Fel i utbetalning, "
              "datum: 2025-10-01, sannolikhet: 2, konsekvens: 2, agare: enhetschef}\n")


def test_processes_carry_a_provision_only_when_fastställda(lsk, repo):
    kp01 = repo()
    path = kp01 / "processer/KP01-mottagning.yaml"
    text = path.read_text(encoding="utf-8").replace("lagkrav: [SOSFS-2011:9/4/3]",
                                                    "lagkrav: [SOSFS-2011:9/4/3, SOSFS-2011:9/4/2]")
    path.write_text(text, encoding="utf-8")
    assert _status(lsk, kp01, "SOSFS-2011:9/4/2") == ("uppfylls", "visas av: 1 process")
    path.write_text("\n".join(line for line in text.splitlines()
                              if not line.startswith("faststalld:")) + "\n", encoding="utf-8")
    status, reason = _status(lsk, kp01, "SOSFS-2011:9/4/2")
    assert status == "uppfylls_delvis" and reason == (
        "saknas: fastställd process (1 process hänvisar till bestämmelsen men den är inte "
        "fastställd)")


def test_yearly_work_is_shown_by_that_years_records(lsk, repo):
    root = repo({"arscykel.yaml": CYCLE_WITH_RISK, "ar/2025/riskanalyser.yaml": RISKS_2025})
    assert _status(lsk, root, RISK, "--ar", "2025") == (
        "uppfylls", "visas av: riskanalyser 2025 (1 risk)")
    status, reason = _status(lsk, root, RISK, "--ar", "2024")
    assert status == "uppfylls_delvis"
    assert reason == "saknas: riskanalyser för 2024 (planerade i årscykeln)"
    assert _status(lsk, root, RISK)[0] == "uppfylls"  # the last whole year is 2025


def test_a_repealed_provision_is_never_listed_as_carried(lsk, repo):
    root = repo()
    path = root / "rutiner/R001-mottagning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("lagkrav: [SOSFS-2011:9/4/4]",
                                 "lagkrav: [SOSFS-2011:9/4/4, SFS-2001:453/3/3]"), encoding="utf-8")
    by_id = {r["id"]: r for r in _trace(lsk, root, "--format", "json").json["requirements"]}
    assert by_id["SFS-2001:453/3/3"]["covered_by"] == []
    assert by_id["SFS-2001:453/3/3"]["reason"] == (
        "upphävd 2025-07-01, ersatt av SFS-2025:400/5/1, SFS-2025:400/5/3, SFS-2025:400/25/4, "
        "SFS-2025:400/5/2")


def test_for_a_chapter_lists_each_provision_and_what_carries_it(lsk, repo):
    rows = _trace(lsk, repo(), "--for", "SOSFS-2011:9/4", "--format", "json").json["requirements"]
    ids = {r["id"] for r in rows}
    assert {"SOSFS-2011:9/4/2", "SOSFS-2011:9/4/4", "SOSFS-2011:9/4/6"} <= ids
    assert {"id": "SOSFS-2011:9/4/4", "title": "Rutiner för aktiviteterna",
            "via": "rutin R001"} in rows
    assert any(r["id"] == "SOSFS-2011:9/4/6" and r["via"] == (
        "– (uppfylls ej: inget i ledningssystemet hänvisar till bestämmelsen)") for r in rows)
    heading = _trace(lsk, repo(), "--for", "SFS-2025:400/27", "--format", "json").json["heading"]
    assert heading == "SFS-2025:400 27 kap. Missförhållanden: 7 bestämmelser"
    assert _trace(lsk, repo(), "--for", "SOSFS-2011:9/99").code == 2


def test_coverage_per_statute_and_chapter_with_titles(lsk, repo):
    coverage = _trace(lsk, repo(), "--format", "json").json["coverage"]
    assert {s["statute"] for s in coverage["statutes"]} >= {"SOSFS-2011:9"}
    assert all({"chapter", "title", "covered", "total", "percent"} == set(c)
               for c in coverage["chapters"])
    md = _trace(lsk, repo(), "--format", "markdown").out
    assert "## Täckning per författning" in md and "| skäl |" in md
