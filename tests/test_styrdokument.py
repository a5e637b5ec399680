"""Styrdokument kept outside lsk (styrdokument.yaml): in the handbook with their links, the files
they link to copied beside the pages, and in lsk status."""

from __future__ import annotations

from pathlib import Path

from lsk.render.linkcheck import check_markdown, check_site
from tests import minimal
from tests.render_support import RICH, TODAY, write_rich


def _render(lsk, root: Path, out: Path, fmt: str = "html") -> Path:
    result = lsk("render", root, "--format", fmt, "--out", out, "--datum", TODAY)
    assert result.code == 0, result.err
    return out


def test_the_site_lists_them_links_them_from_activities_and_steps_and_copies_the_file(lsk, tmp_path):
    site = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "webb")
    assert check_site(site) == []
    copy = site / "filer" / "dokument" / "riktlinje för mottagning.pdf"
    assert copy.read_bytes() == RICH["dokument/riktlinje för mottagning.pdf"]
    listing = (site / "styrdokument.html").read_text(encoding="utf-8")
    assert '<tr id="styrdok-delegationsordning">' in listing
    assert "<h2>Delegationsordningar</h2>" in listing and "<h2>Riktlinjer</h2>" in listing
    assert listing.index("<h2>Riktlinjer</h2>") < listing.index("<h2>Delegationsordningar</h2>")
    assert "2026-01-28, <a href" in listing and "§ 8, dnr SN 2025/164" in listing
    assert "till och med 2027-12-31" in listing
    process = (site / "processer" / "KP01.html").read_text(encoding="utf-8")
    assert ('<dt>Styrdokument</dt><dd><a href="https://provby.example/styrdokument/'
            'delegationsordning_%282026%29.pdf">Delegationsordning för socialnämnden</a>') in process
    assert '<a href="../styrdokument.html#styrdok-delegationsordning">delegationsordning</a>' in process
    routine = (site / "rutiner" / "R002.html").read_text(encoding="utf-8")
    assert ('Följer: <a href="../filer/dokument/riktlinje%20f%C3%B6r%20mottagning.pdf">'
            'Riktlinje för mottagning</a>') in routine
    assert "Styrdokument</a></li>" in (site / "index.html").read_text(encoding="utf-8")  # menu


def test_markdown_links_resolve_to_the_copied_file(lsk, tmp_path):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "md", "md")
    assert check_markdown(out) == []
    assert (out / "filer" / "dokument" / "riktlinje för mottagning.pdf").is_file()


def test_a_missing_file_is_named_not_linked(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    (root / "dokument" / "riktlinje för mottagning.pdf").unlink()
    site = _render(lsk, root, tmp_path / "webb")
    assert check_site(site) == []
    assert not (site / "filer").exists()
    listing = (site / "styrdokument.html").read_text(encoding="utf-8")
    assert "Riktlinje för mottagning (filen dokument/riktlinje för mottagning.pdf saknas)" in listing


def test_the_pdf_names_a_repository_file_as_text(tmp_path):
    import datetime as dt

    from lsk.analysis.corpus import Corpus
    from lsk.render.handbook import build
    from lsk.render.pdf import pdf_html
    from lsk.render.version import Version

    root = write_rich(tmp_path / "ls")
    corpus = Corpus.load(root, dt.date(2026, 11, 25), use_cache=False)
    html = pdf_html(build(corpus, Version(None, corpus.today, 0, 0)), root)
    assert ("Riktlinje för mottagning (fil i handbokens repo: dokument/riktlinje för "
            "mottagning.pdf)") in html
    assert 'href="#styrdok-delegationsordning"' in html and 'id="styrdok-delegationsordning"' in html


def test_lsk_status_lists_passed_revision_and_validity(lsk, tmp_path):
    root = minimal.write(tmp_path / "ls", {"styrdokument.yaml": """\
styrdokument:
  - id: overenskommelse
    titel: Överenskommelse om utskrivning
    typ: overenskommelse
    giltig_till: 2026-10-31
    nasta_revision: 2026-09-30
"""})
    result = lsk("status", root, "--datum", TODAY, "--format", "json")
    overdue = [(i["type"], i["id"], i["due"]) for i in result.json["overdue"]]
    assert ("revision", "overenskommelse", "2026-09-30") in overdue
    assert ("giltighet", "overenskommelse", "2026-10-31") in overdue
