"""Written chapters in the handbook: Markdown golden files, and the site and the PDF in chapter
order.

After an intended change, update the golden files and review the diff:
``LSK_UPDATE_GOLDEN=1 pytest tests/test_render_kapitel.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lsk.render.linkcheck import check_markdown
from tests.conftest import EXAMPLE, check_json
from tests.render_support import TODAY, write_rich

GOLDEN = Path(__file__).parent / "golden" / "markdown-kapitel"
UPDATE = os.environ.get("LSK_UPDATE_GOLDEN") == "1"

# The file names' numbers decide the order, not their names (b before a) nor their titles.
CHAPTERS = {
    "kapitel/01-b-syfte.md": """\
# Syftet med ledningssystemet

Texten är *Markdown* med en [länk till styrningen](05-a-styrning.md#mal-och-planer), en till
[mottagningen](../processer/KP01-mottagning.yaml), en till [rollerna](../roller.yaml) och en
[utåt](https://www.example.org/). Rå HTML <script>alert(1)</script> blir text.

::: processkarta

## Vad lagen kräver

::: lagrum SOSFS-2011:9/5/3 SOSFS-2011:9/4/3

::: provdel
""",
    "kapitel/05-a-styrning.md": """\
# Styrning

## Mål och planer

Nämnden styr med mål. Se [syftet](01-b-syfte.md) och [lagen](01-b-syfte.md#vad-lagen-kraver).

::: process KP01

### Ansvar

::: ansvarsmatris

::: arshjul
""",
}
TITLES = ["Syftet med ledningssystemet", "Styrning"]


@pytest.fixture(autouse=True)
def provdel(monkeypatch):
    """A directive whose part this lsk does not have ('::: provdel'): LSK024 and the handbook's
    note are tested with it, whichever real parts are wired."""
    from lsk.model import kapitel

    monkeypatch.setattr(kapitel, "DIREKTIV", (*kapitel.DIREKTIV, kapitel.Direktiv(
        namn="provdel", beskrivning="En del som inte finns.", exempel="::: provdel")))


@pytest.fixture
def no_git(monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "ingen-git"))


def _chaptered(root: Path) -> Path:
    write_rich(root)
    for rel, text in CHAPTERS.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _render(lsk, root: Path, fmt: str, out: Path) -> Path:
    result = lsk("render", root, "--format", fmt, "--out", out, "--datum", TODAY, "--check-links")
    assert result.code == 0, result.err + result.out
    return out


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.md"))}


def test_the_chaptered_fixture_checks_with_only_the_missing_part(lsk, tmp_path):
    diags = check_json(lsk, _chaptered(tmp_path / "ls"))
    in_chapters = [(d["code"], d["line"]) for d in diags if "/kapitel/" in d["path"]]
    assert in_chapters == [("LSK024", 13)]


def test_markdown_with_chapters_matches_the_golden_files(lsk, tmp_path, no_git):
    out = _render(lsk, _chaptered(tmp_path / "ls"), "md", tmp_path / "handbok")
    produced = {k: v for k, v in _files(out).items() if k in ("index.md",) or k.startswith(
        "kapitel/")}
    assert sorted(produced) == ["index.md", "kapitel/01-b-syfte.md", "kapitel/05-a-styrning.md"]
    if UPDATE:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = _files(GOLDEN)
    assert set(expected) == set(produced), "golden files differ in name: LSK_UPDATE_GOLDEN=1"
    for rel, text in produced.items():
        assert text == expected[rel], f"{rel} differs from {GOLDEN} (LSK_UPDATE_GOLDEN=1)"
    assert check_markdown(out) == []


def test_markdown_chapter_is_escaped_and_its_links_lead_to_the_handbook(lsk, tmp_path, no_git):
    out = _render(lsk, _chaptered(tmp_path / "ls"), "md", tmp_path / "handbok")
    first = (out / "kapitel" / "01-b-syfte.md").read_text(encoding="utf-8")
    assert "<script>" not in first and "&lt;script>" in first
    assert "(../kapitel/05-a-styrning.md#mal-och-planer)" in first
    assert "(../processer/KP01.md)" in first and "(../index.md#del-roller)" in first
    assert "(https://www.example.org/)" in first
    index = (out / "index.md").read_text(encoding="utf-8")
    toc = index[index.index("## Innehåll"):index.index("Genererade delar")]
    assert re.findall(r"\d\. \[([^\]]+)\]", toc) == TITLES


def _text_order(text: str, needles: list[str]) -> list[int]:
    return [text.index(n) for n in needles]


def test_site_follows_the_chapter_order(lsk, tmp_path, no_git):
    out = _render(lsk, _chaptered(tmp_path / "ls"), "html", tmp_path / "webb")
    start = (out / "index.html").read_text(encoding="utf-8")
    toc = start[start.index('id="innehall-kapitel"'):start.index("</ol>", start.index(
        'id="innehall-kapitel"'))]
    assert re.findall(r'<a href="kapitel/([^"]+)\.html">([^<]+)</a>', toc) == [
        ("01-b-syfte", TITLES[0]), ("05-a-styrning", TITLES[1])]
    first = (out / "kapitel" / "01-b-syfte.html").read_text(encoding="utf-8")
    assert "Kapitel 1 av 2" in first and 'rel="next">Styrning<' in first
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first and "<script>alert" not in first
    # the parts stand where the directives are, in the order written
    placed = _text_order(first, ["Kärnprocesser", 'id="vad-lagen-kraver"', "SOSFS-2011:9/5/3",
                                 "SOSFS-2011:9/4/3", "finns inte i den här versionen av lsk"])
    assert placed == sorted(placed)
    second = (out / "kapitel" / "05-a-styrning.html").read_text(encoding="utf-8")
    assert 'href="../kapitel/01-b-syfte.html#vad-lagen-kraver"' in second
    assert 'rel="prev">Syftet med ledningssystemet<' in second
    ids = re.findall(r'\bid="([^"]+)"', second)
    assert len(ids) == len(set(ids)), "an id twice on one page"


def test_pdf_follows_the_chapter_order(lsk, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = tmp_path / "handbok.pdf"
    _render(lsk, _chaptered(tmp_path / "ls"), "pdf", target)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    contents = pages[1]
    assert _text_order(contents, [*TITLES, "Organisation", "Processer", "Rutiner"]) == sorted(
        _text_order(contents, [*TITLES, "Organisation", "Processer", "Rutiner"]))
    body = "\f".join(pages[2:])
    starts = [body.index(t) for t in ("Syftet med ledningssystemet\n", "Vad lagen kräver\n",
                                      "Mål och planer\n", "\nAnsvar\n", "Årshjulet: det som",
                                      "\nOrganisation\n", "\nRoller och ansvar\n")]
    assert starts == sorted(starts)


def test_example_reproduces_the_six_chapters_of_the_source_handbook(lsk, tmp_path):
    assert check_json(lsk, EXAMPLE) == []
    names = sorted(p.name for p in (EXAMPLE / "kapitel").glob("*.md"))
    titles = [(EXAMPLE / "kapitel" / n).read_text(encoding="utf-8").splitlines()[0] for n in names]
    assert titles == ["# Ledningssystem för systematiskt kvalitetsarbete",
                      "# Uppdrag och organisation", "# Styrning",
                      "# Kvalitetssäkring och uppföljning",
                      "# Ansvarsfördelning i kvalitetsarbetet", "# Delaktighet"]


def test_the_example_places_the_organisation_chart_and_the_styrdokument(lsk, tmp_path):
    """The two parts other kinds bring (organisation tree, styrdokument) stand where the
    example's chapters put them, in the site and in the Markdown, with working links."""
    site = _render(lsk, EXAMPLE, "html", tmp_path / "site")
    page = (site / "kapitel" / "02-uppdrag-och-organisation.html").read_text(encoding="utf-8")
    start = page.index('<svg xmlns="http://www.w3.org/2000/svg" class="organisationsschema"')
    chart = page[start:page.index("</svg>", start)]
    assert "Socialkontoret" in chart and "../organisation.html#org-socialkontoret" in chart
    page = (site / "kapitel" / "03-styrning.html").read_text(encoding="utf-8")
    assert "Delegationsordning" in page and "Riktlinjer" in page
    md = _render(lsk, EXAMPLE, "md", tmp_path / "md")
    text = (md / "kapitel" / "02-uppdrag-och-organisation.md").read_text(encoding="utf-8")
    assert "](../organisationsschema.svg)" in text and (md / "organisationsschema.svg").is_file()
    text = (md / "kapitel" / "03-styrning.md").read_text(encoding="utf-8")
    assert "| Styrdokument | Beslut | Ansvarig | Gäller | Styr |" in text
    assert check_markdown(md) == []
