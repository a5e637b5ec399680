"""A kvalitetsberättelse's figures in, the same figures read back out of the report.

The fixture is shaped like the figures of a real, published kvalitetsberättelse (the numbers
are made up): avvikelser per verksamhetsområde for three years, lex Sarah, lex Maria, klagomål
and personuppgiftsincidenter only as the nämnd's totals, anmälningar to IVO and IMY, causes
compared with the year before, klagomål per kategori, IVO:s tillsyn, SIP, journalgranskning in
percent and a quality register. Every figure is written into the records from ``FIGURES`` and
read back from the report's tables (Markdown and Word); each must equal its input.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

YEAR = 2025
AREAS = {  # id → (name, avvikelser per year)
    "aldreomsorg": ("Äldreomsorg", {2023: 355, 2024: 380, 2025: 412}),
    "halso-och-sjukvard": ("Hälso- och sjukvård", {2023: 310, 2024: 301, 2025: 289}),
    "funktionsstod": ("Funktionsstöd", {2023: 98, 2024: 120, 2025: 133}),
    "ifo": ("Individ- och familjeomsorg", {2023: 64, 2024: 71, 2025: 58}),
}
TOTALS_ONLY = {  # counts the report gives only for the whole nämnd
    2024: {"lex_sarah": 11, "lex_maria": 1, "synpunkt_klagomal": 58,
           "personuppgiftsincident": 12},
    2025: {"lex_sarah": 14, "lex_maria": 2, "synpunkt_klagomal": 66,
           "personuppgiftsincident": 9},
}
REPORTS = {2023: 827, 2024: 942, 2025: 967}
"""Reports (rapporter): lex Sarah and lex Maria are also counted among the area's avvikelser."""
NOTIFIED = {2024: (3, 3), 2025: (5, 2)}
IVO_APART = {2025: (3, 2)}
"""Anmälda till IVO as the report gives them: (lex Sarah, lex Maria)."""
CAUSES = {
    2024: {"Läkemedel": 262, "Fall": 187, "Utebliven insats": 88, "Bemötande": 27},
    2025: {"Läkemedel": 241, "Fall": 198, "Utebliven insats": 96, "Bemötande": 31},
}
COMPILATIONS = {  # heading → (section, unit, year → category → value)
    "Klagomål, synpunkter och beröm": ("avvikelser", None, {
        2024: {"Klagomål": 41, "Synpunkter": 17, "Beröm": 5},
        2025: {"Klagomål": 46, "Synpunkter": 12, "Beröm": 8}}),
    "Klagomål och synpunkter per kategori": ("avvikelser", None, {
        2025: {"Bemötande": 14, "Handläggning och beslut": 11, "Kontinuitet": 9,
               "Mat och måltider": 6, "Information": 6, "Övrigt": 12}}),
    "Tillsyn från IVO": ("tillsyn", None, {
        2024: {"Tillsynsärenden": 1, "Beslut med kritik": 0},
        2025: {"Tillsynsärenden": 2, "Beslut med kritik": 1}}),
    "Samordnad individuell plan (SIP)": ("samverkan", None, {
        2023: {"Upprättade SIP": 30}, 2024: {"Upprättade SIP": 35},
        2025: {"Upprättade SIP": 42}}),
    "Journalgranskning": ("egenkontroller", "%", {
        2024: {"Aktuell genomförandeplan": 78, "Barnets uppfattning dokumenterad": 83},
        2025: {"Aktuell genomförandeplan": 85, "Barnets uppfattning dokumenterad": 90,
               "LSS-beslut uppföljda": 93.5}}),
}
SENIOR_ALERT = {"Riskbedömning gjord": {2023: 70, 2024: 72, 2025: 78},
                "Åtgärd vid identifierad risk": {2024: 60, 2025: 64}}

ORGANISATION = """\
namnd:
  id: socialnamnden
  namn: Socialnämnden
enheter:
  - id: socialforvaltningen
    namn: Socialförvaltningen
    typ: forvaltning
    chef: forvaltningschef
    enheter:
""" + "".join(f"""\
      - id: {area}
        namn: {name}
        typ: avdelning
        chef: enhetschef
""" for area, (name, _) in AREAS.items()) + """\
      - id: mottagningen
        namn: Mottagningsenheten
        chef: enhetschef
externa_parter:
  - id: regionen
    namn: Regionen
    typ: region
"""


def _number(n: float) -> str:
    return f"{n:g}".replace(".", ",")


def _records() -> dict[str, str]:
    files = {"organisation.yaml": ORGANISATION}
    for year in sorted(REPORTS):
        lines = [f"id: avvikelser-{year}", f"ar: {year}", "antal:"]
        lines += [f"  - {{enhet: {area}, typ: ovrig_avvikelse, antal: {per_year[year]}}}"
                  for area, (_, per_year) in AREAS.items()]
        lines += [f"  - {{typ: {typ}, antal: {n}}}" for typ, n in TOTALS_ONLY.get(year, {}).items()]
        lines.append(f"totalt: {REPORTS[year]}")
        if year in IVO_APART:
            lines += [f"anmalda_ivo_lex_sarah: {IVO_APART[year][0]}",
                      f"anmalda_ivo_lex_maria: {IVO_APART[year][1]}",
                      f"anmalda_imy: {NOTIFIED[year][1]}"]
        elif year in NOTIFIED:
            lines += [f"anmalda_ivo: {NOTIFIED[year][0]}", f"anmalda_imy: {NOTIFIED[year][1]}"]
        if year in CAUSES:
            lines.append("orsaker:")
            lines += [f"  - {{orsak: {c}, antal: {n}}}" for c, n in CAUSES[year].items()]
        files[f"ar/{year}/avvikelser.yaml"] = "\n".join(lines) + "\n"
        compiled = [(h, s, u, by_year[year]) for h, (s, u, by_year) in COMPILATIONS.items()
                    if year in by_year]
        if compiled:
            text = f"ar: {year}\nsammanstallningar:\n"
            for heading, section, unit, rows in compiled:
                text += f"  - rubrik: {heading}\n    avsnitt: {section}\n"
                text += f'    enhet: "{unit}"\n' if unit else ""
                text += "    rader:\n" + "".join(f"      - {{kategori: {c}, varde: {v}}}\n"
                                                 for c, v in rows.items())
            files[f"ar/{year}/sammanstallningar.yaml"] = text
    files["undersokningar/senior-alert.yaml"] = (
        "id: senior-alert\nnamn: Senior alert\ntyp: kvalitetsregister\n"
        "malgrupp: Personer 65 år och äldre i särskilt boende\nfragor:\n" + "".join(
            f"  - fraga: {q}\n    enhet: \"%\"\n    varden:\n" + "".join(
                f"      - {{ar: {y}, varde: {v}}}\n" for y, v in values.items())
            for q, values in SENIOR_ALERT.items()))
    return files


def _md_tables(md: str) -> dict[str, list[list[str]]]:
    """Caption → rows (header first) of every table in the Markdown report."""
    out = {}
    for m in re.finditer(r"^\*\*(.+?)\*\*\n\n((?:\|.*\n)+)", md, re.M):
        rows = [[c.strip().replace("\\", "") for c in line.strip().strip("|").split("|")]
                for line in m.group(2).splitlines() if not line.startswith("| ---")]
        out[m.group(1)] = rows
    return out


def _docx_tables(path: Path) -> dict[str, list[list[str]]]:
    import docx

    document = docx.Document(str(path))
    body = document.element.body
    out: dict[str, list[list[str]]] = {}
    caption = ""
    tables = iter(document.tables)
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if text.strip():
                caption = text.strip()
        elif child.tag.endswith("}tbl"):
            table = next(tables)
            out[caption] = [[c.text.strip() for c in row.cells] for row in table.rows]
    return out


def _by_first_column(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {r[0]: dict(zip(header[1:], r[1:], strict=True)) for r in rows[1:]}


def _expect(tables: dict[str, list[list[str]]]) -> None:
    years = [str(y) for y in sorted(REPORTS)]
    per_area = _by_first_column(tables["Antal per avdelning och år"])
    for _, (name, per_year) in AREAS.items():
        assert per_area[name] == {str(y): str(n) for y, n in per_year.items()}
    assert per_area["Totalt"] == {str(y): str(sum(a[1][y] for a in AREAS.values()))
                                  for y in sorted(REPORTS)}
    by_type = _by_first_column(tables["Avvikelser per typ"])
    names = {"lex_sarah": "Lex Sarah", "lex_maria": "Lex Maria",
             "synpunkt_klagomal": "Synpunkt/klagomål",
             "personuppgiftsincident": "Personuppgiftsincident"}
    for typ, name in names.items():
        assert by_type[name][str(YEAR)] == str(TOTALS_ONLY[YEAR][typ])
        assert by_type[name][str(YEAR - 1)] == str(TOTALS_ONLY[YEAR - 1][typ])
    assert by_type["Övrig avvikelse"][str(YEAR)] == str(sum(a[1][YEAR] for a in AREAS.values()))
    assert {y: by_type["Rapporter totalt"][y] for y in years} == {
        str(y): str(n) for y, n in REPORTS.items()}
    causes = _by_first_column(tables["Orsaker enligt den samlade analysen"])
    for cause, n in CAUSES[YEAR].items():
        assert causes[cause] == {str(YEAR): str(n), str(YEAR - 1): str(CAUSES[YEAR - 1][cause])}
    for heading, (_, unit, by_year) in COMPILATIONS.items():
        got = _by_first_column(tables[heading])
        suffix = f" {unit}" if unit else ""
        for year, rows in by_year.items():
            for category, value in rows.items():
                assert got[category][str(year)] == _number(value) + suffix, (heading, category)
    register = next(rows for caption, rows in tables.items() if caption.startswith("Senior alert"))
    got = _by_first_column(register)
    for question, values in SENIOR_ALERT.items():
        for year, value in values.items():
            assert got[question][str(year)] == f"{_number(value)} %"


def test_the_published_figures_read_back_from_the_report_equal_the_input(lsk, repo, tmp_path):
    root = repo(_records())
    check = lsk("check", root, "--datum", "2026-02-01")
    assert "fel:" not in check.out, check.out
    out = tmp_path / "md"
    result = lsk("kvalitetsberattelse", str(YEAR), root, "-f", "md", "-o", out,
                 "--datum", "2026-02-01")
    assert result.code == 0, result.err
    md = (out / f"kvalitetsberattelse-{YEAR}.md").read_text(encoding="utf-8")
    _expect(_md_tables(md))
    sarah, maria = IVO_APART[YEAR]
    assert sarah + maria == NOTIFIED[YEAR][0]
    assert (f"Till IVO anmäldes {sarah} av {TOTALS_ONLY[YEAR]['lex_sarah']} lex Sarah-ärenden "
            f"(21,4 %) och {maria} av {TOTALS_ONLY[YEAR]['lex_maria']} lex Maria-ärenden") in md
    assert (f"Till IMY anmäldes {NOTIFIED[YEAR][1]} av "
            f"{TOTALS_ONLY[YEAR]['personuppgiftsincident']} personuppgiftsincidenter") in md


def test_the_word_report_holds_the_same_figures(lsk, repo, tmp_path):
    pytest.importorskip("docx")
    root = repo(_records())
    result = lsk("kvalitetsberattelse", str(YEAR), root, "-f", "docx", "-o", tmp_path / "r.docx",
                 "--datum", "2026-02-01")
    if result.code != 0 and "cairo" in result.err.lower():
        pytest.skip("Word-filen behöver cairo för diagrammen")
    assert result.code == 0, result.err
    _expect(_docx_tables(tmp_path / "r.docx"))
