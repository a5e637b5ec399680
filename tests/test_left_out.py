"""A document that does not validate is left out of every report, and lsk says so: publishing
commands name it, rules do not call it missing, and nothing is published with default settings."""

from __future__ import annotations

from tests.conftest import check_json

RECORDS = {
    "ar/2025/riskanalyser.yaml": "ar: 2025\nriskanalyser:\n"
    "  - {id: risk-a, handelse: Fel i utbetalning, datum: 2025-03-01, sannolikhet: 2,"
    " konsekvens: 2, agare: enhetschef}\n",
    "arscykel.yaml": "handelser:\n"
    "  - {manad: mars, vad: Riskanalys, ansvar: enhetschef, producerar: riskanalys}\n"
    "  - {manad: maj, vad: Avvikelser, ansvar: enhetschef, producerar: avvikelsesammanstallning}\n",
}


def _codes(diags: list[dict], code: str) -> list[str]:
    return [d["message"] for d in diags if d["code"] == code]


def test_rules_do_not_call_an_invalid_file_missing(lsk, repo):
    root = repo({**RECORDS, "ar/2025/avvikelser.yaml": "", "riskmatris.yaml": "storlek: 9\n"})
    diags = check_json(lsk, root)
    assert not [m for m in _codes(diags, "LSK608") if "avvikelser" in m]
    assert _codes(diags, "LSK602") == ["riskmatris.yaml har fel; riskerna kan inte bedömas"]
    root = repo({"arscykel.yaml": "handelser: fel\n"})
    assert _codes(check_json(lsk, root), "LSK513") == []


def test_the_report_names_what_it_left_out_and_its_basis_says_so(lsk, repo, tmp_path):
    root = repo({**RECORDS, "ar/2025/avvikelser.yaml": "id: a\nar: 2025\nantal: fel\n"})
    refused = lsk("kvalitetsberattelse", "2025", root, "-f", "md", "-o", tmp_path / "k")
    assert refused.code == 1 and "ar/2025/avvikelser.yaml:3" in refused.err
    result = lsk("kvalitetsberattelse", "2025", root, "-f", "md", "-o", tmp_path / "k", "--utkast")
    assert result.code == 0
    assert "1 dokument är inte med i kvalitetsberättelsen" in result.err
    assert "ar/2025/avvikelser.yaml:3 (avvikelser)" in result.err and "för låga" in result.err
    text = (tmp_path / "k" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "| Avvikelser | ar/2025/avvikelser.yaml | har fel och är inte med |" in text
    assert "| Riskanalyser | ar/2025/riskanalyser.yaml | 1 risk |" in text


def test_the_basis_names_the_record_the_figures_came_from(lsk, repo, tmp_path):
    second = RECORDS["ar/2025/riskanalyser.yaml"].replace("risk-a", "risk-b")
    root = repo({**RECORDS, "ar/2024/riskanalyser.yaml": second.replace("2025", "2024"),
                 "ar/2025/riskanalyser.yaml": second.replace("ar: 2025", "ar: 2024")})
    # the misplaced record is an error (LSK601), so the report is only a draft
    result = lsk("kvalitetsberattelse", "2024", root, "-f", "md", "-o", tmp_path / "k", "--utkast")
    text = (tmp_path / "k" / "kvalitetsberattelse-2024.md").read_text(encoding="utf-8")
    assert "| Riskanalyser | ar/2024/riskanalyser.yaml | 1 risk |" in text, result.err


def test_nothing_is_published_with_default_settings(lsk, repo, tmp_path):
    root = repo({**RECORDS, "lsk.yaml": "kommun: Sjöbacka\nnamnd: Socialnämnden\nokand: 1\n"})
    for args in (("kvalitetsberattelse", "2025", root, "-f", "md", "-o", tmp_path / "k"),
                 ("render", root, "--format", "md", "--out", tmp_path / "h")):
        result = lsk(*args)
        assert result.code == 2, args
        assert "inställningarna i lsk.yaml kan inte läsas" in result.err
        assert "lsk.yaml:3" in result.err
