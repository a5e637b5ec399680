"""lsk kvalitetsberattelse: four formats, every figure from the records, masking, safety."""

from __future__ import annotations

import re
import shutil

import pytest

from tests import minimal
from tests.conftest import EXAMPLE

TODAY = "2026-11-25"
AVVIKELSER = """\
id: avvikelser-2025
ar: 2025
antal:
  - {enhet: mottagningen, typ: synpunkt_klagomal, antal: 2}
  - {enhet: mottagningen, typ: ovrig_avvikelse, antal: 14}
  - {enhet: utredningen, typ: ovrig_avvikelse, antal: 30}
  - {enhet: utredningen, typ: synpunkt_klagomal, antal: 8}
  - {enhet: utredningen, typ: lex_sarah, antal: 3}
anmalda_ivo: 1
analys: "<script>alert('x')</script> Fler rapporter <img src=x onerror=alert(1)>."
"""

ORGANISATION = minimal.FILES["organisation.yaml"].replace(
    "          chef: enhetschef\n",
    "          chef: enhetschef\n        - id: utredningen\n          namn: Utredningsenheten\n")
RECORDS = {"ar/2025/avvikelser.yaml": AVVIKELSER, "organisation.yaml": ORGANISATION}
"""Two units of one department, each with its own counts."""


def _report(lsk, root, *args):
    return lsk("kvalitetsberattelse", "2025", root, "--datum", TODAY, *args)


def _latest(root) -> str:
    return str(max(int(p.name) for p in (root / "ar").iterdir() if p.name.isdigit()
                   and int(p.name) < 2026))


def test_example_latest_year_in_all_four_formats(lsk, tmp_path):
    year = _latest(EXAMPLE)
    for fmt, name in [("md", "md"), ("html", "r.html"), ("pdf", "r.pdf"), ("docx", "r.docx")]:
        result = lsk("kvalitetsberattelse", year, EXAMPLE, "-f", fmt, "-o", tmp_path / name,
                     "--datum", TODAY)
        assert result.code == 0, result.err
    md = (tmp_path / "md" / f"kvalitetsberattelse-{year}.md").read_text(encoding="utf-8")
    for heading in ("## Ansvar för kvalitetsarbetet", "### Analys av rapporterade avvikelser",
                    "### Resultat av egenkontroller", "### Resultat av förbättringsåtgärder",
                    "### Resultat av brukarundersökningar", "### Uppföljning av utvecklingsområden",
                    "## Personalens medverkan", f"## Fokusområden {int(year) + 1}"):
        assert heading in md
    assert sorted(p.suffix for p in (tmp_path / "md").iterdir()).count(".svg") == 4
    from pypdf import PdfReader

    pdf = PdfReader(str(tmp_path / "r.pdf"))
    assert len(pdf.pages) >= 3
    assert "Kvalitetsberättelse" in pdf.pages[0].extract_text()
    assert "Sida 2 av" in pdf.pages[1].extract_text()
    import docx

    document = docx.Document(str(tmp_path / "r.docx"))
    assert document.paragraphs[0].text == f"Kvalitetsberättelse {year}"
    assert len(document.tables) >= 5


def test_figures_and_shares_come_from_the_records(lsk, repo, tmp_path):
    root = repo(RECORDS)
    out = tmp_path / "md"
    assert _report(lsk, root, "-f", "md", "-o", out).code == 0
    md = (out / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "Under 2025 registrerades 57 rapporter om avvikelser" in md
    # 38 / 57 = 66.666... shown with one decimal; 10 / 57 = 17.54...
    assert "| Övrig avvikelse | 44 | 77,2 % |" in md
    assert "| Synpunkt/klagomål | 10 | 17,5 % |" in md
    assert "| Lex Sarah | 3 | 5,3 % |" in md
    # one record changes, the report follows
    (root / "ar/2025/avvikelser.yaml").write_text(AVVIKELSER.replace("antal: 30", "antal: 31"),
                                                  encoding="utf-8")
    assert _report(lsk, root, "-f", "md", "-o", out).code == 0
    md = (out / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "Under 2025 registrerades 58 rapporter om avvikelser" in md and "| Övrig avvikelse | 45 |" in md


def test_small_unit_counts_are_masked_unless_internal(lsk, repo, tmp_path):
    root = repo(RECORDS)
    _report(lsk, root, "-f", "md", "-o", tmp_path / "pub")
    published = (tmp_path / "pub" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    row = next(line for line in published.splitlines() if line.startswith("| Mottagningsenheten"))
    assert "| × |" in row and "| 2 |" not in row and "&lt;5" not in published
    _report(lsk, root, "-f", "md", "-o", tmp_path / "int", "--intern")
    internal = (tmp_path / "int" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    row = next(line for line in internal.splitlines() if line.startswith("| Mottagningsenheten"))
    assert "| 2 |" in row


def test_text_from_yaml_cannot_inject_markup(lsk, repo, tmp_path):
    root = repo(RECORDS)
    assert _report(lsk, root, "-f", "html", "-o", tmp_path / "r.html").code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_unknown_year_is_a_clear_error(lsk, repo):
    result = lsk("kvalitetsberattelse", "2019", repo(RECORDS))
    assert result.code == 2 and "2025" in result.err


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_report_files_get_normal_permissions(lsk, repo, tmp_path, fmt):
    root = repo(RECORDS)
    target = tmp_path / f"r.{fmt}"
    assert _report(lsk, root, "-f", fmt, "-o", target).code == 0
    assert target.stat().st_mode & 0o044


def test_example_copy_report_changes_with_its_records(lsk, tmp_path):
    root = tmp_path / "ex"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    year = _latest(root)
    path = root / "ar" / year / "avvikelser.yaml"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"antal: (\d+)\}", text)
    assert first
    out = tmp_path / "md"
    lsk("kvalitetsberattelse", year, root, "-f", "md", "-o", out, "--datum", TODAY)
    before = (out / f"kvalitetsberattelse-{year}.md").read_text(encoding="utf-8")
    path.write_text(text.replace(first.group(0), f"antal: {int(first.group(1)) + 100}}}", 1)
                    .replace("totalt:", "# totalt:"), encoding="utf-8")
    lsk("kvalitetsberattelse", year, root, "-f", "md", "-o", out, "--datum", TODAY)
    after = (out / f"kvalitetsberattelse-{year}.md").read_text(encoding="utf-8")
    total = lambda md: int(re.search(r"registrerades (\d+) rapporter", md).group(1))  # noqa: E731
    assert total(after) == total(before) + 100


def test_broken_records_refuse_the_report_and_name_the_errors(lsk, repo, tmp_path):
    root = repo({**RECORDS,
                 "ar/2025/egenkontroller.yaml": "id: ek-2025\nar: 2025\negenkontroller: fel\n"})
    result = _report(lsk, root, "-f", "md", "-o", tmp_path / "k")
    assert result.code == 1 and "ar/2025/egenkontroller.yaml:" in result.err
    assert "skapas inte" in result.err and "--utkast" in result.err
    assert not (tmp_path / "k").exists()


def test_a_sum_error_refuses_the_report_instead_of_publishing_a_wrong_total(lsk, repo, tmp_path):
    root = repo({**RECORDS, "ar/2025/avvikelser.yaml": AVVIKELSER + "totalt: 70\n"})
    result = _report(lsk, root, "-f", "html", "-o", tmp_path / "r.html")
    assert result.code == 1 and "LSK601" in result.err and "totalt" in result.err
    assert not (tmp_path / "r.html").exists()


def test_a_draft_says_so_on_every_page_in_every_format(lsk, repo, tmp_path):
    root = repo({**RECORDS, "ar/2025/avvikelser.yaml": AVVIKELSER + "totalt: 70\n"})
    for fmt, name in [("md", "md"), ("html", "r.html"), ("pdf", "r.pdf"), ("docx", "r.docx")]:
        result = _report(lsk, root, "-f", fmt, "-o", tmp_path / name, "--utkast")
        assert result.code == 0 and "utkast" in result.err, result.err
    md = (tmp_path / "md" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert md.startswith("# Kvalitetsberättelse 2025 – utkast") and "**UTKAST**" in md
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<p class="utkast" role="note">Utkast</p>' in html and 'content: "UTKAST"' in html
    from pypdf import PdfReader

    pages = PdfReader(str(tmp_path / "r.pdf")).pages
    assert len(pages) >= 3 and all("UTKAST" in p.extract_text() for p in pages)
    import docx

    document = docx.Document(str(tmp_path / "r.docx"))
    assert all(s.header.paragraphs[0].text == "UTKAST" for s in document.sections)
    # without errors there is no mark
    (root / "ar/2025/avvikelser.yaml").write_text(AVVIKELSER, encoding="utf-8")
    assert _report(lsk, root, "-f", "html", "-o", tmp_path / "ren.html").code == 0
    assert "UTKAST" not in (tmp_path / "ren.html").read_text(encoding="utf-8")


def test_the_logo_and_egen_css_reach_the_report_and_cannot_end_its_style(lsk, repo, tmp_path):
    root = repo(RECORDS)
    (root.parent / "mallar").mkdir()
    (root.parent / "mallar" / "egen.css").write_text(
        ":root { --accent: #0e4d5c; }\n/* </style><script>alert(1)</script> */\n", encoding="utf-8")
    (root.parent / "mallar" / "_logo.svg").write_text(
        '<svg class="logo" viewBox="0 0 1 1"><title>{{ kommun }}</title></svg>', encoding="utf-8")
    target = tmp_path / "r.html"
    assert _report(lsk, root, "-f", "html", "-o", target).code == 0
    html = target.read_text(encoding="utf-8")
    style = html[html.index("<style>"):html.index("</style>")]
    assert "--accent: #0e4d5c" in style and "<\\/style><script>" in style  # still CSS text
    assert html.count("</style>") == 1
    assert '<svg class="logo" viewBox="0 0 1 1"><title>Provby kommun</title></svg>' in html
    assert _report(lsk, root, "-f", "pdf", "-o", tmp_path / "r.pdf").code == 0


def test_reports_apart_from_types_with_shares_as_the_municipality_publishes_them(
        lsk, repo, tmp_path):
    # 50 reports; a report may carry several types, so the types add up to 57
    record = AVVIKELSER.replace("analys:", "totalt: 50\nanmalda_imy: 0\nanalys:").replace(
        "  - {enhet: utredningen, typ: lex_sarah, antal: 3}\n",
        "  - {enhet: utredningen, typ: lex_sarah, antal: 3}\n"
        "  - {enhet: utredningen, typ: ej_avvikelse, antal: 5}\n"
        "  - {enhet: utredningen, typ: personuppgiftsincident, antal: 2}\n")
    config = minimal.FILES["lsk.yaml"] + "kvalitetsberattelse: {andel_av: avvikelser, decimaler: 0}\n"
    root = repo({**RECORDS, "ar/2025/avvikelser.yaml": record, "lsk.yaml": config})
    result = _report(lsk, root, "-f", "md", "-o", tmp_path / "md")
    assert result.code == 0, result.err
    md = (tmp_path / "md" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "Under 2025 registrerades 50 rapporter om avvikelser" in md
    assert "5 av dem bedömdes inte vara avvikelser, så 45 var avvikelser" in md
    assert "typerna summerar till 64 och andelarna till mer än 100 %" in md
    # shares of the 45 deviations, in whole percent, rounded half up: 44/45 = 97.8 %
    assert "| Övrig avvikelse | 44 | 98 % |" in md and "| Lex Sarah | 3 | 7 % |" in md
    assert "| Synpunkt/klagomål | 10 | 22 % |" in md
    assert "| Rapporter totalt | 50 | – |" in md and "| Avvikelser | 45 | 100 % |" in md
    assert "| Bedömda som ej avvikelse | 5 | – |" in md
    assert "Andelarna är räknade av de 45 rapporterna som bedömdes vara avvikelser, i hela procent" in md
    assert "1 av 3 lex Sarah- och lex Maria-ärenden (33 %) anmäldes till IVO och 0 av 2 " \
           "personuppgiftsincidenter (0 %) till IMY." in md


def test_shares_round_half_up():
    from lsk.reports.kvalitet.figures import share

    assert share(1, 8, 0) == "13 %" and share(1, 8) == "12,5 %" and share(1, 40, 1) == "2,5 %"
    assert share(5, 0) == "–"


def test_the_report_shows_names_and_labels_never_ids(lsk, tmp_path):
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.orgtree import org_tree
    from lsk.model.poster import Arspost

    corpus = Corpus.load(EXAMPLE, __import__("datetime").date(2026, 11, 25))
    ids = {r.id for _, _, r in corpus.roles} | set(org_tree(corpus).names)
    names = [r.namn for _, _, r in corpus.roles] + list(org_tree(corpus).names.values())
    for _, d in corpus.records:
        assert isinstance(d.model, Arspost)
        ids |= {getattr(item, "id", None) for item in d.model.poster()} - {None}
        ids.add(getattr(d.model, "id", None) or "")
    ids = {i for i in ids if re.search(r"[-0-9]", i)}  # others are words prose may use
    assert len(ids) > 100
    for year in ("2025", "2026"):
        assert lsk("kvalitetsberattelse", year, EXAMPLE, "-f", "md", "-o", tmp_path / year,
                   "--datum", TODAY).code == 0
        md = (tmp_path / year / f"kvalitetsberattelse-{year}.md").read_text(encoding="utf-8")
        for name in sorted(names, key=len, reverse=True):  # a name may contain an id's word
            md = md.replace(name, "")
        shown = {i for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w-])", md)}
        assert shown == set(), shown
        assert "brukarundersokning" not in md and "SOSFS-2011:9/" not in md


SURVEY = """\
id: familjehemsenkat
namn: Familjehemsenkäten
typ: familjehemsenkat
malgrupp: Familjehem med placerade barn
grupper:
  - {id: barn, namn: Barn och unga}
  - {id: vuxna, namn: Vuxna}
svar:
  - {ar: 2023, svarsfrekvens: 64}
  - {ar: 2024, antal_svar: 31}
  - {ar: 2025, svarsfrekvens: 70.5, antal_svar: 40}
  - {ar: 2026, svarsfrekvens: 71}
fragor:
  - fraga: Vet vem man ska ringa
    enhet: "%"
    varden:
      - {ar: 2025, varde: 90}
      - {ar: 2023, varde: 84}
  - fraga: Nöjd med stödet
    enhet: "%"
    varden:
      - {ar: 2025, grupp: vuxna, varde: 81}
      - {ar: 2025, grupp: barn, varde: 78}
      - {ar: 2024, grupp: barn, varde: 75}
      - {ar: 2026, grupp: barn, varde: 99}
"""


def test_a_survey_is_one_table_in_its_own_question_order_with_its_response_rate(
        lsk, repo, tmp_path):
    root = repo({**RECORDS, "undersokningar/familjehemsenkat.yaml": SURVEY})
    assert _report(lsk, root, "-f", "md", "-o", tmp_path / "md").code == 0
    md = (tmp_path / "md" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    table = md[md.index("**Familjehemsenkäten (Familjehemsenkät). Målgrupp: Familjehem med "
                        "placerade barn**"):]
    table = table[:table.index("\n\n", table.index("| ---"))]
    assert table.splitlines()[2:] == [
        "|  | 2023 | 2024 | 2025 | ",
        "| --- | --- | --- | --- |",
        "| Svarsfrekvens | 64 % | okänd (31 svar) | 70,5 % (40 svar) | ",
        "| Vet vem man ska ringa | 84 % | – | 90 % | ",
        "| Nöjd med stödet – Barn och unga | – | 75 % | 78 % | ",
        "| Nöjd med stödet – Vuxna | – | – | 81 % | ",
    ]  # 2026 is after the report year


NARRATIVE = """\
ar: 2025
inledning: Inledningen för 2025.
bedomning: {bedomning: uppyller_delvis, motivering: Brister i uppföljningen.}
kapitel:
  - kapitel: "5"
    text: Nämnden gjorde tre riskanalyser 2025.
    bedomning: {bedomning: uppfyller_inte, motivering: Egenkontrollerna blev inte gjorda.}
"""


def test_the_years_own_words_and_assessment_stand_beside_the_figures(lsk, repo, tmp_path):
    narrative = NARRATIVE.replace("uppyller_delvis", "uppfyller_delvis")
    root = repo({**RECORDS, "ar/2025/berattelse.yaml": narrative,
                 "ar/2024/berattelse.yaml": narrative.replace("2025", "2024").replace(
                     "uppfyller_inte", "uppfyller"),
                 "ar/2024/avvikelser.yaml": "id: avvikelser-2024\nar: 2024\n"})
    assert _report(lsk, root, "-f", "md", "-o", tmp_path / "md").code == 0
    md = (tmp_path / "md" / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert md.index("Inledningen för 2025.") < md.index("Kvalitetsberättelsen redovisar")
    assert "Nämndens samlade bedömning 2025: uppfyller inte kraven fullt ut. Brister i " \
           "uppföljningen." in md
    section = md[md.index("## Systematiskt förbättringsarbete"):]
    assert section.index("Nämnden gjorde tre riskanalyser 2025.") < section.index(
        "Nämndens egen bedömning 2025: uppfyller inte kraven. Egenkontrollerna blev inte gjorda.")
    assert "2024" not in md.split("## Systematiskt förbättringsarbete")[1].split("###")[0]
    assert lsk("kvalitetsberattelse", "2024", root, "-f", "md", "-o", tmp_path / "md24",
               "--datum", TODAY).code == 0
    md24 = (tmp_path / "md24" / "kvalitetsberattelse-2024.md").read_text(encoding="utf-8")
    assert "Nämndens egen bedömning 2024: uppfyller kraven." in md24
    assert "uppfyller inte kraven." not in md24  # 2025's assessment stays in 2025


def test_a_wrong_assessment_value_is_an_error_that_refuses_the_report(lsk, repo, tmp_path):
    root = repo({**RECORDS, "ar/2025/berattelse.yaml": NARRATIVE})
    result = _report(lsk, root, "-f", "md", "-o", tmp_path / "md")
    assert result.code == 1 and "ar/2025/berattelse.yaml:3" in result.err


def _year(year: int, ovrig: tuple[int, int], extra: str = "") -> str:
    return (f"id: avvikelser-{year}\nar: {year}\nantal:\n"
            f"  - {{enhet: ifo, typ: ovrig_avvikelse, antal: {ovrig[0]}}}\n"
            f"  - {{enhet: aldreomsorgen, typ: ovrig_avvikelse, antal: {ovrig[1]}}}\n" + extra)


THREE_YEARS = {
    "organisation.yaml": minimal.FILES["organisation.yaml"].replace(
        "externa_parter:", "    - id: aldreomsorgen\n      namn: Äldreomsorg\n"
        "externa_parter:"),
    "ar/2023/avvikelser.yaml": _year(2023, (64, 355)),
    "ar/2024/avvikelser.yaml": _year(2024, (71, 380), "  - {typ: lex_sarah, antal: 11}\nanmalda_ivo: 2\n"
                                     "orsaker:\n  - {orsak: Fall, antal: 187}\n"),
    "ar/2025/avvikelser.yaml": _year(2025, (58, 412), "  - {typ: lex_sarah, antal: 3}\n"
                                     "anmalda_ivo: 1\norsaker:\n  - {orsak: Fall, antal: 198}\n"
                                     "  - {orsak: Läkemedel, antal: 241}\n"),
}
"""Deviations per verksamhetsområde for three years; lex Sarah known only for the whole nämnd."""


def test_deviations_compare_with_two_earlier_years_per_department(lsk, repo, tmp_path):
    root = repo(THREE_YEARS)
    assert _report(lsk, root, "-f", "md", "-o", tmp_path).code == 0
    md = (tmp_path / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "| Typ | 2025 | Andel | 2023 | 2024 | Förändring mot 2024 |" in md
    assert "| Övrig avvikelse | 470 | 99,4 % | 419 | 451 | \\+19 |" in md
    assert "| Lex Sarah | 3 | 0,6 % | 0 | 11 | \\-8 |" in md
    assert "| Rapporter totalt | 473 | 100,0 % | 419 | 462 | \\+11 |" in md
    # the departments' totals over the years, as each year's report published them
    assert "**Antal per avdelning och år**" in md
    assert "**Avvikelser per avdelning och typ**\n\n| Avdelning | Övrig avvikelse | Totalt |" in md
    assert "| Individ- och familjeomsorg | 64 | 71 | 58 |" in md
    assert "| Äldreomsorg | 355 | 380 | 412 |" in md
    assert "| Totalt | 419 | 451 | 470 |" in md
    # a count for the whole nämnd is in the totals but in no unit's row, and says so
    assert "Inte fördelat på enhet och därför bara med i tabellen per typ: Lex Sarah 3." in md
    assert "| Fall | 198 | 187 |" in md and "| Läkemedel | 241 | – |" in md


def test_small_department_totals_stay_hidden_in_the_comparison_over_years(lsk, repo, tmp_path):
    files = dict(THREE_YEARS)
    files["ar/2024/avvikelser.yaml"] = _year(2024, (3, 380))
    root = repo(files)
    assert _report(lsk, root, "-f", "md", "-o", tmp_path).code == 0
    md = (tmp_path / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "| Individ- och familjeomsorg | 64 | × | 58 |" in md
    assert "| Äldreomsorg | 355 | × | 412 |" in md


COMPILATIONS = {
    "ar/2024/sammanstallningar.yaml": """\
ar: 2024
sammanstallningar:
  - rubrik: Klagomål, synpunkter och beröm
    avsnitt: avvikelser
    rader:
      - {kategori: Klagomål, varde: 41}
      - {kategori: Beröm, varde: 5}
      - {kategori: Bara 2024, varde: 3}
  - rubrik: Journalgranskning
    avsnitt: egenkontroller
    enhet: "%"
    rader:
      - {kategori: Aktuell genomförandeplan, varde: 78.5}
""",
    "ar/2025/sammanstallningar.yaml": """\
ar: 2025
sammanstallningar:
  - rubrik: Klagomål, synpunkter och beröm
    avsnitt: avvikelser
    rader:
      - {kategori: Klagomål, varde: 46}
      - {kategori: beröm, varde: 8}
  - rubrik: Journalgranskning
    avsnitt: egenkontroller
    enhet: "%"
    rader:
      - {kategori: Aktuell genomförandeplan, varde: 85}
  - rubrik: Tillsyn från IVO
    avsnitt: tillsyn
    kommentar: Inspektionen ledde till kritik.
    rader:
      - {kategori: Beslut med kritik, varde: 1}
  - rubrik: Upprättade SIP
    rader:
      - {kategori: SIP, varde: 42}
""",
    "undersokningar/senior-alert.yaml": """\
id: senior-alert
namn: Senior alert
typ: kvalitetsregister
malgrupp: Personer 65 år och äldre i särskilt boende
fragor:
  - fraga: Riskbedömning gjord
    enhet: "%"
    varden: [{ar: 2024, varde: 72}, {ar: 2025, varde: 78}]
""",
}


def test_compilations_by_free_category_compare_with_the_same_heading_earlier(
        lsk, repo, tmp_path):
    root = repo({**RECORDS, **COMPILATIONS})
    assert _report(lsk, root, "-f", "md", "-o", tmp_path).code == 0
    md = (tmp_path / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    sections = md.split("\n### ")
    deviations = next(s for s in sections if s.startswith("Analys av rapporterade avvikelser"))
    assert "**Klagomål, synpunkter och beröm**" in deviations
    # categories match across years by their words (case aside); one only earlier comes last
    assert "| Klagomål | 41 | 46 | \\+5 |" in deviations
    assert "| beröm | 5 | 8 | \\+3 |" in deviations
    assert "| Bara 2024 | 3 | – | – |" in deviations
    controls = next(s for s in sections if s.startswith("Resultat av egenkontroller"))
    assert "| Aktuell genomförandeplan | 78,5 % | 85 % | \\+6,5 |" in controls
    assert "Förändringen är i procentenheter." in controls
    supervision = next(s for s in sections if s.startswith("Tillsyn och beslut från IVO"))
    assert "| Beslut med kritik | 1 |" in supervision
    assert "Inspektionen ledde till kritik." in supervision
    other = next(s for s in sections if s.startswith("Övriga sammanställningar"))
    assert "| SIP | 42 |" in other
    assert "Senior alert (Nationellt kvalitetsregister)" in md
    assert "| Övriga sammanställningar | ar/2025/sammanstallningar.yaml | 4 sammanställningar |" \
        in md
