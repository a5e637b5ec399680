"""A handbook shaped like real municipal ones checks and renders without errors.

Real handbooks (Söderhamn/Timrå-style handbooks, riktlinjer for the ledningssystem) are built
from definitions, a responsibility table per role (the nämnd, chefs, medarbetare, MAS,
external contractors), quality factors, and quality areas each with what "vi säkerställer
att", how it is followed up and who is responsible. ``tests/data/verklig-handbok`` is a small
repository of that shape, written for the test: lsk must hold all of it (``begrepp.yaml``,
``omraden.yaml``, a role at an utförare, an avtal without a diarienummer), check it at 0 errors
and 0 warnings, and place every part in the chapters of the site, the Markdown and the PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import check_json
from tests.render_support import TODAY

FIXTURE = Path(__file__).parent / "data" / "verklig-handbok"

AREA_TEXTS = ("Bemötande", "Avvikelser, fel och brister", "Vi säkerställer att",
              "varje brukare blir bemött med respekt för sin integritet", "Uppföljning",
              "brukarundersökningen", "Ansvar", "att avvikelser följs upp och åtgärdas",
              "att ha ett eget system för avvikelser enligt avtalet")
TERMS = ("Ledningssystem", "Egenkontroll", "SOSFS 2011:9 1 kap. 2 §", "Kunskapsbaserad verksamhet",
         "God tillgänglighet")


@pytest.fixture
def root(tmp_path) -> Path:
    target = tmp_path / "ledningssystem"
    shutil.copytree(FIXTURE, target)
    return target


def _render(lsk, root: Path, fmt: str, out: Path) -> Path:
    result = lsk("render", root, "--format", fmt, "--out", out, "--datum", TODAY, "--check-links")
    assert result.code == 0, result.err + result.out
    assert "varning" not in result.err, result.err
    return out


def test_the_real_shaped_handbook_checks_clean(lsk, root):
    assert check_json(lsk, root) == []


def test_a_misspelt_area_is_found_with_a_suggestion(lsk, root):
    chapter = root / "kapitel" / "02-omraden.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "::: omrade bemotande", "::: omrade bemotnde"), encoding="utf-8")
    [d] = check_json(lsk, root)
    assert (d["code"], d["path"].endswith("02-omraden.md"), d["line"]) == ("LSK302", True, 9)
    assert d["hint"] == "Menade du 'bemotande'?"


def test_an_area_responsibility_names_someone_who_exists(lsk, root):
    areas = root / "omraden.yaml"
    areas.write_text(areas.read_text(encoding="utf-8").replace(
        "ansvar: medarbetare", "ansvar: medarbetar"), encoding="utf-8")
    [d] = check_json(lsk, root)
    assert d["code"] == "LSK302" and d["hint"] == "Menade du 'medarbetare'?"


def test_markdown_places_definitions_factors_and_areas(lsk, root, tmp_path):
    out = _render(lsk, root, "md", tmp_path / "md")
    first = (out / "kapitel" / "01-begrepp.md").read_text(encoding="utf-8")
    second = (out / "kapitel" / "02-omraden.md").read_text(encoding="utf-8")
    for text in TERMS:
        assert text in first
    assert "- **Riskanalys**: Att i förväg söka det som kan gå fel och *bedöma*" in first
    for text in AREA_TEXTS:
        assert text in second
    # each area a heading one level below its section, a role linked to its page
    assert "## Områden" not in second and "\n### Bemötande\n" in second
    assert "[Verksamhetschef](../index.md#roll-verksamhetschef)** tillsammans med [Chef]" in second
    assert "finns inte i den här versionen" not in first + second


def test_the_site_places_them_with_unique_ids(lsk, root, tmp_path):
    out = _render(lsk, root, "html", tmp_path / "site")
    page = (out / "kapitel" / "02-omraden.html").read_text(encoding="utf-8")
    for text in AREA_TEXTS:
        assert text in page
    assert '<p class="omrade-del">Vi säkerställer att</p>' in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "the area placed twice keeps its ids unique"
    begrepp = (out / "kapitel" / "01-begrepp.html").read_text(encoding="utf-8")
    assert '<dl class="begrepp">' in begrepp and "<em>bedöma</em>" in begrepp
    organisation = (out / "organisation.html").read_text(encoding="utf-8")
    assert "hem för vård eller boende" in organisation  # the utförare's beskrivning is shown
    assert "Uppföljning: Avtalen följs upp en gång om året" in organisation


def test_the_pdf_holds_every_part(lsk, root, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    target = _render(lsk, root, "pdf", tmp_path / "handbok.pdf")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = re.sub(r"\s+", " ", text.replace("\u2010\n", "").replace("-\n", ""))
    for part in (*TERMS, *AREA_TEXTS, "Verksamhetschef HSL", "Extern entreprenör"):
        assert part in flat, part


def test_each_role_lists_its_responsibilities_in_the_areas(lsk, root, tmp_path):
    out = _render(lsk, root, "md", tmp_path / "md")
    index = (out / "index.md").read_text(encoding="utf-8")
    chef = index.split('<a id="roll-enhetschef"></a>')[1].split("<a id=")[0]
    assert "Ansvar i kvalitetsområdena:" in chef
    assert ("- Avvikelser, fel och brister: att avvikelser följs upp och åtgärdas (ansvarar "
            "tillsammans med [Verksamhetschef](index.md#roll-verksamhetschef))\n") in chef
    # a role that only has årscykel events gets no empty 'I processerna och rutinerna:'
    assert "I processerna och rutinerna" not in chef
    mas = index.split('<a id="roll-mas"></a>')[1].split("<a id=")[0]
    assert "kvalitetsområdena" not in mas  # MAS has no line in any area
    site = _render(lsk, root, "html", tmp_path / "site")
    roles = (site / "roller.html").read_text(encoding="utf-8")
    assert "<li>Bemötande: att bemöta brukare och närstående väl</li>" in roles


def test_a_handbook_without_processes_says_so_instead_of_an_empty_matrix(lsk, root, tmp_path):
    """Both documents describe roles and areas but no process: the matrix has no columns."""
    out = _render(lsk, root, "md", tmp_path / "md")
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "Inga processer är beskrivna ännu, så ansvarsmatrisen är tom" in index
    assert "| Roll, organ eller enhet | Processer |" not in index
    site = _render(lsk, root, "html", tmp_path / "site")
    roles = (site / "roller.html").read_text(encoding="utf-8")
    assert "ansvarsmatrisen är tom" in roles and 'class="matris' not in roles


def test_the_namnd_lists_its_responsibilities_and_its_lines_in_the_areas(lsk, root, tmp_path):
    out = _render(lsk, root, "md", tmp_path / "md")
    index = (out / "index.md").read_text(encoding="utf-8")
    namnd = index.split('<a id="org-socialnamnden"></a>')[1].split("<a id=")[0]
    assert ("Nämndens ansvar i kvalitetsarbetet:\n\n- sätta mål för kvalitetsarbetet och följa "
            "upp dem\n") in namnd
    assert "- Avvikelser, fel och brister: att få en sammanställning av avvikelserna" in namnd
    site = _render(lsk, root, "html", tmp_path / "site")
    organisation = (site / "organisation.html").read_text(encoding="utf-8")
    assert "<li>se till att verksamheten har resurser att nå målen</li>" in organisation


def test_the_site_search_finds_definitions_and_areas_where_they_stand(lsk, root, tmp_path):
    import json

    site = _render(lsk, root, "html", tmp_path / "site")
    script = (site / "resurser" / "sokindex.js").read_text(encoding="utf-8")
    entries = json.loads(script.removeprefix("window.LSK_SOKINDEX = ").rstrip().rstrip(";"))
    areas = [e for e in entries if e[2] == "Område"]
    # placed twice: by ::: omraden (part 2 of the chapter) and by ::: omrade (part 4)
    assert [(e[0], e[1]) for e in areas] == [
        ("Bemötande", "kapitel/02-omraden.html#02-omraden-2-omrade-bemotande"),
        ("Avvikelser, fel och brister", "kapitel/02-omraden.html#02-omraden-2-omrade-avvikelser"),
        ("Bemötande", "kapitel/02-omraden.html#02-omraden-4-omrade-bemotande")]
    assert "lättläst form" in areas[0][3] and "rutiner för bemötande" in areas[0][3]
    page = (site / "kapitel" / "02-omraden.html").read_text(encoding="utf-8")
    for _, url, _, _ in areas:
        assert f'id="{url.split("#")[1]}"' in page, url
    terms = {e[0]: e for e in entries if e[2] == "Begrepp"}
    assert terms["Egenkontroll"][1] == "kapitel/01-begrepp.html"
    assert "kontroll i efterhand" in terms["Egenkontroll"][3].lower()


def test_fmt_leaves_the_real_shaped_handbook_as_written(lsk, root):
    before = {p.name: p.read_bytes() for p in root.glob("*.yaml")}
    result = lsk("fmt", root, "--check")
    assert result.code == 0, result.out + result.err
    result = lsk("fmt", root)
    assert result.code == 0 and {p.name: p.read_bytes() for p in root.glob("*.yaml")} == before


def test_an_area_that_cites_a_provision_carries_it_and_the_trace_links_to_it(lsk, root, tmp_path):
    """An area's 'lagkrav' says how the nämnd meets the provision: it counts as carrying it (no
    LSK510 for it) and the requirements page links to where the chapter places the area."""
    (root / "lsk.yaml").write_text((root / "lsk.yaml").read_text(encoding="utf-8").replace(
        "LSK510: {aktiv: false}", "LSK510: {aktiv: true}"), encoding="utf-8")
    uncovered = {d["message"].split(" ")[0] for d in check_json(lsk, root) if d["code"] == "LSK510"}
    assert uncovered and "SOSFS-2011:9/5/6" not in uncovered
    out = _render_with_warnings(lsk, root, tmp_path / "site")
    page = (out / "krav.html").read_text(encoding="utf-8")
    row = next(r for r in page.split("<tr") if "SOSFS-2011:9/5/6" in r)
    href = re.search(r'<a href="([^"]+)">område Avvikelser, fel och brister</a>', row)
    assert href, row
    target, fragment = href.group(1).split("#")
    assert target == "kapitel/02-omraden.html"
    assert f'id="{fragment}"' in (out / target).read_text(encoding="utf-8")


def _render_with_warnings(lsk, root: Path, out: Path) -> Path:
    result = lsk("render", root, "--format", "html", "--out", out, "--datum", TODAY, "--check-links")
    assert result.code == 0, result.err + result.out
    return out
