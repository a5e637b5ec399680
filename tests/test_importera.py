"""lsk importera avvikelser: the deviation system's table in, the year's record out, and the
kvalitetsberättelse from it as a municipality publishes it (issue 15, 'Done when')."""

from __future__ import annotations

import datetime as dt
import shutil

from tests.conftest import EXAMPLE
from tests.test_masking import _constraints, _feasible

# Three departments; one (IFO) is entered both as a row and through its units, and its row says
# 59 reports where its units say 57. A report may carry several types: the types exceed reports.
TABLE = """\
Enhet;Lex Sarah;Personuppgiftsincident;Synpunkt/klagomål;Övrig avvikelse;Bedömd som ej avvikelse;Totalt
Mottagningsenheten;2;3;6;14;1;24
Enheten för barn och unga;3;1;9;20;2;33
Avdelningen för individ- och familjeomsorg;5;4;15;34;3;59
Hemtjänsten i egen regi;6;0;12;40;2;58
Särskilt boende Solgården;4;1;7;52;3;64
Daglig verksamhet Sjöbacka;1;0;4;11;0;15
Bostad med särskild service för vuxna;2;0;2;18;1;22
Totalt;;;;;;216
"""
DAY = "2028-01-20"


def _example(tmp_path):
    root = tmp_path / "ls"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    config = root / "lsk.yaml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "kvalitetsberattelse: {andel_av: avvikelser, decimaler: 0}\n",
                      encoding="utf-8")
    return root


def test_an_imported_table_gives_the_report_a_municipality_publishes(lsk, tmp_path):
    root = _example(tmp_path)
    (tmp_path / "avvikelser-2027.csv").write_text(TABLE, encoding="utf-8")
    result = lsk("importera", "avvikelser", tmp_path / "avvikelser-2027.csv", "--ar", "2027",
                 root, "--datum", DAY)
    assert result.code == 0, result.err
    assert "7 enheter" in result.out and "216 rapporter totalt" in result.out
    record = root / "ar" / "2027" / "avvikelser.yaml"  # the decisions are not in the table
    record.write_text(record.read_text(encoding="utf-8") + "anmalda_ivo: 3\nanmalda_imy: 1\n",
                      encoding="utf-8")
    out = tmp_path / "md"
    report = lsk("kvalitetsberattelse", "2027", root, "-f", "md", "-o", out, "--datum", DAY)
    assert report.code == 0, report.err
    assert "LSK610 Avdelningen för individ- och familjeomsorg: egen rad 59 (rapporter) men " \
           "enheterna under summerar till 57" in report.err
    md = (out / "kvalitetsberattelse-2027.md").read_text(encoding="utf-8")
    # reports, deviations, and each type's share of the deviations in whole percent
    assert "Under 2027 registrerades 216 rapporter om avvikelser" in md
    assert "9 av dem bedömdes inte vara avvikelser, så 207 var avvikelser" in md
    assert "typerna summerar till 227 och andelarna till mer än 100 %" in md
    for row in ("| Lex Sarah | 18 | 9 % |", "| Personuppgiftsincident | 5 | 2 % |",
                "| Synpunkt/klagomål | 40 | 19 % |", "| Övrig avvikelse | 155 | 75 % |",
                "| Avvikelser | 207 | 100 % |", "| Rapporter totalt | 216 | – |"):
        assert row in md, row
    # the table by department: subtotals over the units, the IFO row counted once
    assert "Summa Avdelningen för individ- och familjeomsorg" in md
    assert "| Totalt | 18 | 5 | 40 | 155 | 9 | 216 |" in md
    assert "3 av 18 lex Sarah- och lex Maria-ärenden (17 %) anmäldes till IVO och 1 av 5 " \
           "personuppgiftsincidenter (20 %) till IMY." in md
    # no hidden cell can be worked out from what is published, subtotals and totals included
    from lsk.analysis.corpus import Corpus
    from lsk.reports.kvalitet.figures import compute

    figures = compute(Corpus.load(root, dt.date(2028, 1, 20)), 2027, threshold=5)
    table = figures.by_unit
    assert table is not None and table.subtotals and table.totals_are_reports
    unknowns, eqs, ineqs, bound, names = _constraints(table)
    assert unknowns, "small counts are hidden"
    internal = compute(Corpus.load(root, dt.date(2028, 1, 20)), 2027, internal=True).by_unit
    assert internal is not None
    for (row, col), name in names.items():
        true = int(internal.row_totals[row] if col == "Σ" else internal.cells[(row, col)])
        assert _feasible(unknowns, eqs, ineqs, bound, {name: (0, true - 1)}) or \
            _feasible(unknowns, eqs, ineqs, bound, {name: (true + 1, bound)}), name


def test_unknown_units_and_columns_are_errors_with_row_and_column(lsk, tmp_path):
    root = _example(tmp_path)
    bad = TABLE.replace("Hemtjänsten i egen regi;", "Hemtjänst;").replace(
        "Personuppgiftsincident;", "Fallhändelser;").replace(";3;1;9;20;2;33", ";3;1;tre;20;2;33")
    (tmp_path / "t.csv").write_text(bad, encoding="utf-8")
    result = lsk("importera", "avvikelser", tmp_path / "t.csv", "--ar", "2027", root)
    assert result.code == 1
    err = result.err
    assert "t.csv:1:C: kolumnen 'Fallhändelser' är ingen avvikelsetyp som lsk känner" in err
    assert "t.csv:3:D: 'tre' är inget antal" in err
    assert "t.csv:5:A: 'Hemtjänst' finns inte i organisationen; menade du " \
           "'Hemtjänstområde södra'?" in err
    assert not (root / "ar" / "2027").exists()


def test_an_existing_record_is_only_replaced_when_asked_and_keeps_its_words(lsk, tmp_path):
    root = _example(tmp_path)
    (tmp_path / "t.csv").write_text(TABLE, encoding="utf-8")
    record = root / "ar" / "2026" / "avvikelser.yaml"
    before = record.read_text(encoding="utf-8")
    refused = lsk("importera", "avvikelser", tmp_path / "t.csv", "--ar", "2026", root)
    assert refused.code == 2 and "--skriv-over" in refused.err
    assert record.read_text(encoding="utf-8") == before
    assert lsk("importera", "avvikelser", tmp_path / "t.csv", "--ar", "2026", root,
               "--skriv-over").code == 0
    after = record.read_text(encoding="utf-8")
    assert after.startswith(before[:before.index("id: avvikelser-2026")])  # header comments
    assert "totalt: 216" in after and "orsaker:" in after and "analys: >-" in after
    assert "- {enhet: mottagningsenheten, antal: 24}" in after


def test_an_xlsx_table_reads_as_the_csv_does(lsk, tmp_path):
    import openpyxl

    root = _example(tmp_path)
    book = openpyxl.Workbook()
    for line in TABLE.splitlines():
        book.active.append([int(v) if v.isdigit() else (v or None) for v in line.split(";")])
    book.save(tmp_path / "t.xlsx")
    result = lsk("importera", "avvikelser", tmp_path / "t.xlsx", "--ar", "2027", root)
    assert result.code == 0, result.err
    text = (root / "ar" / "2027" / "avvikelser.yaml").read_text(encoding="utf-8")
    assert "totalt: 216" in text and "{enhet: hemtjansten, typ: ovrig_avvikelse, antal: 40}" in text


# The same table with the anmälningar: IFO's department row and its units are counted once
# (the units: 1 + 1), so the year's anmälningar to IVO are 1 + 1 + 2 + 1 = 5 and to IMY
# 1 + 0 + 1 = 2.
NOTIFIED = """\
Enhet;Lex Sarah;Lex Maria;Personuppgiftsincident;Övrig avvikelse;Anmälda till IVO;Anmälda till IMY;Totalt
Mottagningsenheten;2;0;3;14;1;1;19
Enheten för barn och unga;3;0;1;20;1;0;24
Avdelningen för individ- och familjeomsorg;5;0;4;34;2;1;43
Särskilt boende Solgården;4;1;1;52;2;1;58
Daglig verksamhet Sjöbacka;1;0;0;11;1;;12
Totalt;;;;;;;113
"""


def _import(lsk, root, tmp_path, table: str, name: str = "t.csv"):
    (tmp_path / name).write_text(table, encoding="utf-8")
    return lsk("importera", "avvikelser", tmp_path / name, "--ar", "2027", root, "--datum", DAY)


def test_ivo_and_imy_columns_give_the_years_anmalningar(lsk, tmp_path):
    root = _example(tmp_path)
    result = _import(lsk, root, tmp_path, NOTIFIED)
    assert result.code == 0, result.err
    assert "5 anmälda till IVO, 2 anmälda till IMY" in result.out
    text = (root / "ar" / "2027" / "avvikelser.yaml").read_text(encoding="utf-8")
    assert "anmalda_ivo: 5\nanmalda_imy: 2\n" in text
    assert "typ: anmalda" not in text  # the anmälningar are no type of their own
    assert "ar/2027/avvikelser.yaml" not in lsk("check", root, "--datum", DAY).out  # LSK601, 607
    # the total row's figure is the year's when it agrees with the units
    agreed = NOTIFIED.replace("Totalt;;;;;;;113", "Totalt;;;;;5;2;113")
    assert _import(lsk, root, tmp_path, agreed).code == 2  # exists: only with --skriv-over
    result = lsk("importera", "avvikelser", tmp_path / "t.csv", "--ar", "2027", root,
                 "--skriv-over", "--datum", DAY)
    assert result.code == 0, result.err


def test_ivo_and_imy_columns_with_wrong_rows_are_errors_with_row_and_column(lsk, tmp_path):
    root = _example(tmp_path)
    bad = (NOTIFIED.replace("Mottagningsenheten;2;0;3;14;1;1;19", "Mottagningsenheten;2;0;3;14;3;4;19")
           .replace("Enheten för barn och unga;3;0;1;20;1;0;24",
                    "Enheten för barn och unga;3;0;1;20;en;0;24")
           .replace("Totalt;;;;;;;113", "Totalt;;;;;6;;113"))
    result = _import(lsk, root, tmp_path, bad)
    assert result.code == 1
    err = result.err
    assert "t.csv:2:F: 3 anmälda till IVO men raden har bara 2 lex Sarah- och lex Maria-ärenden" \
        in err
    assert "t.csv:2:G: 4 anmälda till IMY men raden har bara 3 personuppgiftsincidenter" in err
    assert "t.csv:3:F: 'en' är inget antal" in err
    assert "inget är skrivet" in err
    assert not (root / "ar" / "2027").exists()
    # the total row against the units
    wrong_total = NOTIFIED.replace("Totalt;;;;;;;113", "Totalt;;;;;4;3;113")
    err = _import(lsk, root, tmp_path, wrong_total).err
    assert "t.csv:7:F: totalraden säger 4 anmälda till IVO men enheterna summerar till 5" in err
    assert "t.csv:7:G: totalraden säger 3 anmälda till IMY men enheterna summerar till 2" in err
    assert not (root / "ar" / "2027").exists()


def test_ivo_and_imy_columns_read_from_xlsx_as_from_csv(lsk, tmp_path):
    import openpyxl

    root = _example(tmp_path)
    book = openpyxl.Workbook()
    for line in NOTIFIED.replace("Mottagningsenheten;2;0;3;14;1;1;19",
                                 "Mottagningsenheten;2;0;3;14;1;9;19").splitlines():
        book.active.append([int(v) if v.isdigit() else (v or None) for v in line.split(";")])
    book.save(tmp_path / "bad.xlsx")
    result = lsk("importera", "avvikelser", tmp_path / "bad.xlsx", "--ar", "2027", root)
    assert result.code == 1
    assert "bad.xlsx:2:G: 9 anmälda till IMY men raden har bara 3 personuppgiftsincidenter" \
        in result.err
    book = openpyxl.Workbook()
    for line in NOTIFIED.splitlines():
        book.active.append([int(v) if v.isdigit() else (v or None) for v in line.split(";")])
    book.save(tmp_path / "t.xlsx")
    result = lsk("importera", "avvikelser", tmp_path / "t.xlsx", "--ar", "2027", root)
    assert result.code == 0, result.err
    text = (root / "ar" / "2027" / "avvikelser.yaml").read_text(encoding="utf-8")
    assert "anmalda_ivo: 5\nanmalda_imy: 2\n" in text
