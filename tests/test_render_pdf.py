"""lsk render --format pdf: a real PDF with a table of contents and page numbers."""

from __future__ import annotations

import re

from pypdf import PdfReader

from tests.render_support import TODAY, write_rich


def test_pdf_has_title_page_contents_and_numbered_pages(lsk, tmp_path):
    target = tmp_path / "handbok.pdf"
    result = lsk("render", write_rich(tmp_path / "ls"), "--format", "pdf", "--out", target,
                 "--datum", TODAY)
    assert result.code == 0, result.err
    assert target.read_bytes()[:5] == b"%PDF-"
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(target).pages]
    assert len(pages) >= 5 and f"({len(pages)} sidor)" in result.out
    assert "Ledningssystem för systematiskt kvalitetsarbete" in pages[0]
    contents = pages[1]
    assert contents.startswith("Innehåll")
    # each entry ends in the page it starts on, from CSS target-counter()
    assert re.search(r"R002 Uppföljning av ansökan[ .]+\d+", contents)
    assert f"Sida 2 av {len(pages)}" in pages[1]
    assert any("Så här gör vi" in p and "Kontrollera i verksamhetssystemet" in p for p in pages)


def test_pdf_target_must_be_a_pdf_file(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    result = lsk("render", root, "-f", "pdf", "-o", tmp_path / "handbok.txt", "--datum", TODAY)
    assert result.code == 2 and "ska sluta på .pdf" in result.err
    other = tmp_path / "annat.pdf"
    other.write_text("inte en pdf", encoding="utf-8")
    result = lsk("render", root, "-f", "pdf", "-o", other, "--datum", TODAY)
    assert result.code == 2 and "--force" in result.err
    assert other.read_text(encoding="utf-8") == "inte en pdf"
