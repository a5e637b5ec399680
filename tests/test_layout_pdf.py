"""Both PDFs read back from the page: every table whole, nothing past the margins, tagged, PDF/A.

Each document is rendered once for the module (the handbook only with the additions below, which
keep every table of the example): the kvalitetsberättelse public and internal for the example as
it is, and for the example with a 60-character unit name and soft hyphens (U+00AD, as text pasted
from Word carries them) in a measure and a unit name. Page images go to ``SIDBILDER`` for CI.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from lsk.typografi import TAL, TEXT, clean, column_kinds, plan
from tests.conftest import EXAMPLE, PROJECT, TODAY
from tests.layout_support import (
    headings_at_the_bottom,
    keep_images,
    missing_headers,
    need_poppler,
    outside_margins,
    pages,
    table_headers,
)

YEAR = "2025"
LONG_UNIT = "Mottagnings- och utredningsenheten för barn, unga och familj"
SHY = "\u00ad"


def _with_additions(folder: Path) -> Path:
    shutil.copytree(PROJECT / "mallar", folder / "mallar")
    root = folder / "ledningssystem"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    org = root / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    assert "namn: Mottagningsenheten\n" in text
    org.write_text(text.replace("namn: Mottagningsenheten\n", f"namn: {LONG_UNIT}\n", 1)
                   .replace("namn: Hemtjänsten i egen regi", f"namn: Hemtjänsten i egen{SHY}regi", 1),
                   encoding="utf-8")
    measures = root / "ar" / YEAR / "atgarder.yaml"
    text = measures.read_text(encoding="utf-8")
    assert "Semesterschemat" in text
    measures.write_text(text.replace("Semesterschemat", f"Semester{SHY}schemat")
                        .replace("en samordnare", f"en sam{SHY}ord{SHY}nare"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """{name: (pdf, html)} for every document, each rendered once."""
    import sys

    from lsk.cli import main

    need_poppler()
    out = tmp_path_factory.mktemp("layout")
    added = _with_additions(out / "tillagd")
    monkey = pytest.MonkeyPatch()

    def lsk(*args: object) -> None:
        monkey.setattr(sys, "argv", ["lsk", *[str(a) for a in args]])
        assert main() == 0, args

    docs: dict[str, tuple[Path, str]] = {}
    try:
        for name, root, extra in [("kb", EXAMPLE, []), ("kb-intern", EXAMPLE, ["--intern"]),
                                  ("kb-tillagd", added, []),
                                  ("kb-tillagd-intern", added, ["--intern"])]:
            pdf, page = out / f"{name}.pdf", out / f"{name}.html"
            for fmt, target in (("pdf", pdf), ("html", page)):
                lsk("kvalitetsberattelse", YEAR, root, "-f", fmt, "-o", target, "--datum", TODAY,
                    *extra)
            docs[name] = (pdf, page.read_text(encoding="utf-8"))
        lsk("kvalitetsberattelse", YEAR, EXAMPLE, "-f", "pdf", "-o", out / "kb-arkiv.pdf",
            "--datum", TODAY, "--arkiv")
        docs["kb-arkiv"] = (out / "kb-arkiv.pdf", docs["kb"][1])
        lsk("render", added, "-f", "pdf", "-o", out / "handbok.pdf", "--datum", TODAY)
        import datetime as dt

        from lsk.analysis.corpus import Corpus
        from lsk.render.handbook import build
        from lsk.render.pdf import pdf_html
        from lsk.render.version import detect

        day = dt.date.fromisoformat(TODAY)
        corpus = Corpus.load(added, day)
        docs["handbok"] = (out / "handbok.pdf",
                           pdf_html(build(corpus, detect(added, corpus, day)), added))
    finally:
        monkey.undo()
    return docs


DOCUMENTS = ["kb", "kb-intern", "kb-tillagd", "kb-tillagd-intern", "handbok"]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_table_is_whole_on_its_page_and_nothing_passes_the_margins(rendered, name):
    pdf, source = rendered[name]
    doc = pages(pdf)
    tables = table_headers(source)
    assert len(tables) >= (5 if name.startswith("kb") else 10)
    assert missing_headers(doc, tables) == []
    assert outside_margins(doc) == []
    assert headings_at_the_bottom(doc) == []


def test_the_table_that_lost_three_columns_is_whole_in_both_versions(rendered):
    for name in ("kb", "kb-intern", "kb-tillagd", "kb-tillagd-intern"):
        doc = pages(rendered[name][0])
        page = next(p for p in doc if "Avvikelser per avdelning, enhet och typ" in p.text)
        for header in ("Övrig avvikelse", "Bedömd som ej avvikelse", "Totalt"):
            assert header in page.text, (name, header)
        assert outside_margins([page]) == []
    added = pages(rendered["kb-tillagd"][0])
    unit_page = next(p for p in added if "Avvikelser per avdelning, enhet och typ" in p.text)
    assert set(LONG_UNIT.split()) <= set(unit_page.text.split())  # wrapped in its cell
    assert any("Semesterschemat" in p.text for p in added)


def test_soft_hyphens_never_reach_the_page_or_the_html(rendered):
    for name in ("kb-tillagd", "handbok"):
        pdf, source = rendered[name]
        assert SHY not in source
        assert all(SHY not in p.text for p in pages(pdf))


def test_contents_have_page_numbers_and_chapters_share_pages(rendered):
    doc = pages(rendered["kb"][0])
    first = " ".join(doc[0].text.split())
    assert re.search(r"Ansvar för kvalitetsarbetet \(3 kap\.\)[ .]+\d+", first), first
    assert re.search(r"Dokumentation \(7 kap\.\)[ .]+\d+", first)
    # no near-empty page: every page but the last is at least a third full
    for page in doc[:-1]:
        lowest = max(w.y1 for w in page.words if w.y1 < page.height - 15 * 72 / 25.4)
        assert lowest > page.height / 3, f"sida {page.number} är nästan tom"


def test_numbers_right_text_left_by_the_column_not_the_first_character(rendered):
    source = rendered["kb"][1]
    row = re.search(r"<tr><td>Lex Sarah</td>(.*?)</tr>", source).group(1)
    assert row.count('class="tal"') == 4  # antal, andel, previous year, change
    result = re.search(r"<td>\d+ utredningar granskades", source)
    assert result, "a text cell that starts with a digit stays left-aligned"


@pytest.mark.parametrize("name", [*DOCUMENTS, "kb-arkiv"])
def test_pdfs_are_tagged_with_language_title_and_bookmarks(rendered, name):
    reader = PdfReader(rendered[name][0])
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "sv"
    assert reader.metadata.title.startswith(("Kvalitetsberättelse 2025",
                                             "Ledningssystem för systematiskt"))
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert len(_titles(reader.outline)) >= 5
    assert _fonts_embedded(reader)


def test_the_archive_copy_declares_pdf_a(rendered):
    reader = PdfReader(rendered["kb-arkiv"][0])
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part[>=\"']+2", xmp) and re.search(r"pdfaid:conformance[>=\"']+A",
                                                                  xmp)
    assert "/OutputIntents" in reader.trailer["/Root"]
    ordinary = PdfReader(rendered["kb"][0])
    ordinary_xmp = ordinary.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid" in ordinary_xmp and "pdfaid" not in ordinary_xmp


def _titles(outline: list) -> list[str]:
    return [t for item in outline for t in (_titles(item) if isinstance(item, list)
                                             else [item.title])]


def _fonts_embedded(reader: PdfReader) -> bool:
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
            seen += 1
    return seen > 0


def test_page_images_are_kept_for_ci(rendered):
    kb = pages(rendered["kb-tillagd"][0])
    unit_page = next(p.number for p in kb if "Avvikelser per avdelning, enhet och typ" in p.text)
    hb = pages(rendered["handbok"][0])
    matrix_page = next(p.number for p in hb
                       if "Ansvarsmatris" in p.text and "Roll, organ eller enhet" in p.text)
    made = (keep_images(rendered["kb-tillagd"][0], "kvalitetsberattelse", [1, unit_page])
            + keep_images(rendered["handbok"][0], "handbok", [1, 2, matrix_page]))
    assert all(p.stat().st_size > 1000 for p in made)


def test_column_kinds_come_from_every_cell_or_the_declaration():
    rows = [["Lex Sarah", "43", "7,1 %", "+17", "50 utredningar granskades"],
            ["Totalt", "×", "–", "−5", "12"]]
    header = ["Typ", "Antal", "Andel", "Förändring", "Resultat"]
    assert column_kinds(header, rows) == [TEXT, TAL, TAL, TAL, TEXT]
    assert column_kinds(header, rows, [TEXT, TEXT]) == [TEXT] * 5
    assert column_kinds(["Indikator", "2025"], [["Svar", "61 % (63 svar)"]]) == [TEXT, TAL]


def test_a_wide_table_gets_smaller_type_then_a_landscape_page():
    narrow = plan(["Typ", "Antal"], [["Lex Sarah", "4"]])
    assert narrow.form == "" and abs(sum(narrow.widths) - 1) < 1e-9
    header = ["Enhet", *[f"Avvikelse {i}" for i in range(8)], "Totalt"]
    assert plan(header, [[LONG_UNIT, *["12"] * 9]]).form == "bred"
    wider = ["Enhet", *[f"Kvalitetsuppföljning{i}" for i in range(14)]]
    assert plan(wider, [["x", *["1"] * 14]]).form.startswith("liggande")


def test_clean_takes_out_what_word_hides():
    assert clean(f"Semester{SHY}schemat\u200b i\u2060 egen\u2028regi\ufeff") == \
        "Semesterschemat i egen regi"
    assert clean("5\u00a0%") == "5\u00a0%"
