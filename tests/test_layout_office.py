"""The Word and Excel files read back: page size, language, fields, charts, tables, print setup.

The kvalitetsberättelse's DOCX is written once for the module (and once more with a municipal
Word template); LibreOffice, when installed, turns it into pages to show that no word in the
example's tables is broken mid-word, and page images go to ``SIDBILDER`` for CI.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, TODAY
from tests.layout_support import keep_images

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

YEAR = "2025"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(*args: object) -> None:
    from lsk.cli import main

    monkey = pytest.MonkeyPatch()
    monkey.setattr(sys, "argv", ["lsk", *[str(a) for a in args]])
    try:
        assert main() == 0, args
    finally:
        monkey.undo()


@pytest.fixture(scope="module")
def word_file(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "kb.docx"
    _run("kvalitetsberattelse", YEAR, EXAMPLE, "-f", "docx", "-o", target, "--datum", TODAY,
         "--beslut", "SN 2026-02-19 §12", "--dnr", "SN 2026/014")
    return target


@pytest.fixture(scope="module")
def word(word_file):
    return docx.Document(str(word_file))


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_a4_swedish_and_the_namnd_as_author(word, word_file):
    for section in word.sections:
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
    styles = _xml(word_file, "word/styles.xml")
    assert 'w:lang w:val="sv-SE"' in styles and "en-US" not in styles
    assert word.core_properties.author == "Socialnämnden, Sjöbacka kommun"
    assert word.core_properties.language == "sv-SE"
    assert word.core_properties.title == f"Kvalitetsberättelse {YEAR}"


def test_first_page_contents_and_page_numbers(word, word_file):
    first = "\n".join(p.text for p in word.paragraphs[:4]) + "\n".join(
        c.text for row in word.tables[0].rows for c in row.cells)
    assert f"Kvalitetsberättelse {YEAR}" in first
    for shown in ("Socialnämnden", "2026-02-19", "§ 12", "SN 2026/014"):
        assert shown in first
    body = _xml(word_file, "word/document.xml")
    assert re.search(r"<w:instrText[^>]*> TOC \\o", body)
    footer = "".join(_xml(word_file, n) for n in zipfile.ZipFile(word_file).namelist()
                     if n.startswith("word/footer"))
    assert "Sida " in footer and " PAGE " in footer and " NUMPAGES " in footer
    assert 'w:updateFields w:val="true"' in _xml(word_file, "word/settings.xml")


def test_the_four_charts_are_images_with_their_text(word):
    pictures = word.inline_shapes
    assert len(pictures) == 4
    described = [p._inline.docPr.get("descr") for p in pictures]
    assert "Avvikelser per typ" in described


def test_tables_repeat_their_header_and_align_numbers_right(word):
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A

    tables = word.tables[1:]  # the first is the decision details on the first page
    assert len(tables) >= 8
    for t in tables:
        assert t.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
        widths = {c.width for c in t.rows[0].cells}
        assert len(t.columns) == 1 or len(widths) > 1  # widths from the content, not equal
    by_type = next(t for t in tables if t.rows[0].cells[0].text == "Typ")
    lex_sarah = next(r for r in by_type.rows if r.cells[0].text == "Lex Sarah")
    aligned = [c.paragraphs[0].alignment for c in lex_sarah.cells]
    assert aligned == [A.LEFT, A.RIGHT, A.RIGHT, A.RIGHT, A.RIGHT]
    controls = next(t for t in tables if t.rows[0].cells[0].text == "Vad")
    result = [r.cells[3] for r in controls.rows[1:] if r.cells[3].text[:1].isdigit()]
    assert result and all(c.paragraphs[0].alignment == A.LEFT for c in result)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice eller pdftotext saknas")
def test_libreoffice_breaks_no_word_in_the_tables(word, word_file, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(word_file)],
                   check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "kb.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flowing = " ".join(text.split())
    broken = set()
    for t in word.tables:
        for row in t.rows:
            for cell in row.cells:
                for word_ in re.split(r"[\s/]+", cell.text):
                    w = word_.strip(".,:;()*")
                    if len(w) >= 4 and w not in flowing:
                        broken.add(w)
    assert not broken
    keep_images(pdf, "kvalitetsberattelse-docx", [1, 4])


def test_a_municipal_template_gives_styles_header_footer_and_first_page(tmp_path):
    root = tmp_path / "ledningssystem"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".lsk-cache"))
    (tmp_path / "mallar").mkdir()
    mall = docx.Document()
    mall.styles["Normal"].font.name = "Georgia"
    from docx.enum.style import WD_STYLE_TYPE

    mall.styles.add_style("lsk-tabell", WD_STYLE_TYPE.TABLE)
    mall.sections[0].header.paragraphs[0].text = "Sjöbacka kommun – Socialförvaltningen"
    mall.sections[0].footer.paragraphs[0].text = "Mallens sidfot"
    mall.add_paragraph("Tjänsteskrivelse: {titel}")
    mall.add_paragraph("Dnr {dnr}, {nämnd}")
    buffer = io.BytesIO()
    mall.save(buffer)
    template = tmp_path / "mallar" / "kvalitetsberattelse.dotx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(template, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    target = tmp_path / "kb.docx"
    _run("kvalitetsberattelse", YEAR, root, "-f", "docx", "-o", target, "--datum", TODAY,
         "--dnr", "SN 2026/014")
    made = docx.Document(str(target))
    assert made.paragraphs[0].text == f"Tjänsteskrivelse: Kvalitetsberättelse {YEAR}"
    assert made.paragraphs[1].text == "Dnr SN 2026/014, Socialnämnden"
    assert made.styles["Normal"].font.name == "Georgia"
    assert made.sections[0].header.paragraphs[0].text == "Sjöbacka kommun – Socialförvaltningen"
    assert made.sections[0].footer.paragraphs[0].text == "Mallens sidfot"
    assert len(made.inline_shapes) == 4 and len(made.tables) >= 8
    assert {t.style.name for t in made.tables} == {"lsk-tabell"}


def test_xlsx_has_tables_with_filters_widths_and_print_setup(tmp_path):
    target = tmp_path / "sparbarhet.xlsx"
    _run("trace", EXAMPLE, "-f", "xlsx", "-o", target, "--datum", TODAY)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Krav", "Täckning"]
    for ws in book.worksheets:
        assert len(ws.tables) == 1
        table = next(iter(ws.tables.values()))
        assert table.ref == ws.dimensions and table.autoFilter is not None
        assert ws.freeze_panes == "A2"
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        letters = [c.column_letter for c in ws[1]]
        assert all(ws.column_dimensions[x].width >= 8 for x in letters)
    krav = book["Krav"]
    assert krav.column_dimensions["B"].width > krav.column_dimensions["F"].width
    links = [c for c in krav["G"][1:] if c.hyperlink]
    assert links and all(c.hyperlink.target == c.value for c in links)
    assert any(c.alignment.wrap_text for c in krav["B"][1:])
    if shutil.which("soffice") and shutil.which("pdftotext"):  # printed: every column on page 1
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
                       check=True, capture_output=True, timeout=300)
        pdf = tmp_path / "sparbarhet.pdf"
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert all(h in first for h in ("id", "rubrik", "täckt av", "text verifierad", "källa"))
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "841.89 x 595.3" in info  # A4 landscape
        keep_images(pdf, "sparbarhet-xlsx", [1])



def test_a_table_too_wide_for_portrait_gets_a_landscape_section(tmp_path):
    from docx.enum.section import WD_ORIENT

    from lsk.reports.kvalitet.document import Document, Section, Table
    from lsk.reports.kvalitet.docx_writer import FirstPage, write_docx

    header = ["Enhet", *[f"Kvalitetsuppföljningsområde{i}" for i in range(8)]]
    wide = Table("Bred", header, [["Hemtjänsten", *["12"] * 8]])
    narrow = Table("Smal", ["Typ", "Antal"], [["Lex Sarah", "4"]])
    doc = Document("Kvalitetsberättelse 2025", [], [Section("Avsnitt", tables=[narrow, wide])])
    target = tmp_path / "bred.docx"
    write_docx(doc, FirstPage(doc.title, "Socialnämnden", "Sjöbacka kommun", 2025), target)
    made = docx.Document(str(target))
    orientations = [s.orientation for s in made.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert made.sections[1].page_width > made.sections[1].page_height
