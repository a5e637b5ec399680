"""lsk render --format html: the whole site's links, its pages and markup, and safe output."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lsk.render.linkcheck import check_site
from tests.conftest import EXAMPLE
from tests.render_support import TODAY, write_injected, write_rich


def _render(lsk, root: Path, out: Path, *args: str) -> Path:
    result = lsk("render", root, "--out", out, "--datum", TODAY, *args)
    assert result.code == 0, result.err
    return out


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> Path:
    import datetime as dt

    from lsk.commands.render import run

    out = tmp_path_factory.mktemp("webb") / "handbok"
    assert run(root_arg=EXAMPLE, fmt="html", out=out, force=False, check_links=False,
               today=dt.date(2026, 11, 25)) == 0
    return out


class _Elements(HTMLParser):
    """Every start tag with its attributes, for assertions on the markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def test_every_internal_link_on_the_example_site_resolves(example_site):
    assert check_site(example_site) == []
    processes = list((EXAMPLE / "processer").glob("*.yaml"))
    assert len(list((example_site / "processer").glob("*.html"))) == len(processes)
    for name in ("index", "organisation", "roller", "processer", "rutiner", "arscykel", "krav",
                 "sok"):
        assert (example_site / f"{name}.html").is_file()


def test_link_checker_reports_broken_links_and_external_resources(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#saknas">x</a><a href="c.html">y</a><a href="https://lagen.nu/">z</a>'
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="s.css">',
        encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="finns">b</p>', encoding="utf-8")
    (tmp_path / "s.css").write_text("@import 'https://fonts.example/f.css';", encoding="utf-8")
    problems = check_site(tmp_path)
    assert any("b.html#saknas" in p and "ankare" in p for p in problems)
    assert any("c.html" in p and "fil som inte finns" in p for p in problems)
    assert any("extern resurs https://cdn.example/x.js" in p for p in problems)
    assert any(p.startswith("s.css: extern resurs") for p in problems)
    assert not any("lagen.nu" in p for p in problems)  # a link to a web page loads nothing


def test_pages_are_swedish_accessible_and_carry_the_version_line(example_site):
    for page in [example_site / "index.html", *sorted(example_site.glob("*/*.html"))[:5]]:
        text = page.read_text(encoding="utf-8")
        tags = _tags(page)
        assert ("html", {"lang": "sv"}) in tags
        assert any(t == "main" for t, _ in tags) and any(t == "nav" for t, _ in tags)
        assert sum(1 for t, _ in tags if t == "h1") == 1
        assert "Version: commit " in text and "publicerad 2026-11-25" in text
        assert "fastställelse: " in text


def test_process_page_has_an_svg_flow_that_links_to_its_routines(example_site):
    page = example_site / "processer" / "KP01.html"
    tags = _tags(page)
    svg = next(a for t, a in tags if t == "svg" and a.get("class") == "flode")
    assert svg["aria-labelledby"] == "flode-KP01-titel flode-KP01-besk"
    chips = [a for t, a in tags if t == "a" and (a.get("aria-label") or "").startswith("Rutin R")]
    assert {"../rutiner/R001.html", "../rutiner/R004.html"} <= {c["href"] for c in chips}
    assert "<desc id=\"flode-KP01-besk\">7 aktiviteter i ordning: 1. Aktualisering" in \
        page.read_text(encoding="utf-8")


def test_roles_page_has_a_responsibility_matrix(example_site):
    text = (example_site / "roller.html").read_text(encoding="utf-8")
    assert '<table class="matris">' in text
    assert '<th scope="row"><a href="roller.html#roll-forvaltningschef">' in text
    assert 'id="roll-socialsekreterare"' in text


def test_requirements_page_shows_status_and_carriers(example_site):
    text = (example_site / "krav.html").read_text(encoding="utf-8")
    assert 'id="krav-sosfs-2011-9-4-4"' in text
    assert text.index("SOSFS 2011:9 –") < text.index("LSS –")  # the main regulation first
    assert '<span class="status status-uppfylls">uppfylls</span>' in text
    assert '<a href="rutiner/R004.html">rutin R004</a>' in text
    # how far each text can be trusted: current wording, an older one, or our paraphrase
    for label in ("Författningstext, inte verifierad", "Författningstext i en äldre lydelse",
                  "Parafras, inte verifierad", "Författningstext."):
        assert label in text, label


def test_arscykel_is_an_svg_wheel_with_a_list_per_month(example_site):
    tags = _tags(example_site / "arscykel.html")
    assert any(t == "svg" and a.get("class") == "arshjul" for t, a in tags)
    months = [a["href"] for t, a in tags if t == "a" and "#manad-" in (a.get("href") or "")]
    assert len(months) == 12
    assert {("section", "manad-januari"), ("section", "manad-december")} <= {
        (t, a.get("id")) for t, a in tags}


def test_search_index_is_a_script_with_every_routine(example_site):
    index = (example_site / "resurser" / "sokindex.js").read_text(encoding="utf-8")
    assert index.startswith("window.LSK_SOKINDEX = [")
    assert '"rutiner/R004.html","Rutin"' in index
    assert '"Styrning","kapitel/03-styrning.html","Kapitel"' in index


def test_nothing_from_yaml_becomes_markup(lsk, tmp_path):
    out = _render(lsk, write_injected(tmp_path / "ls"), tmp_path / "webb")
    for page in out.rglob("*.html"):
        for tag, attrs in _tags(page):
            assert tag not in ("img", "iframe", "object"), page
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
            if tag == "script":
                assert (attrs.get("src") or "").endswith(("sokindex.js", "sok.js")), page
            assert not (attrs.get("href") or "").lower().startswith("javascript"), page
    routine = (out / "rutiner" / "R001.html").read_text(encoding="utf-8")
    assert "Mottagning &lt;script&gt;window.__pwned = 1&lt;/script&gt;" in routine
    assert 'content="default-src \'none\'; script-src \'self\'' in routine  # and a CSP behind it


def test_free_text_markdown_becomes_sanitised_html(lsk, tmp_path):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "webb")
    text = (out / "rutiner" / "R002.html").read_text(encoding="utf-8")
    assert "<strong>ansökan</strong>" in text and "<em>två</em>" in text
    assert "<li>bekräftelse inom en vecka,</li>" in text
    assert '<a href="https://www.socialstyrelsen.se/" rel="noopener noreferrer">' in text
    assert "<code>verksamhetssystemet</code>" in text


def test_a_template_in_mallar_beside_the_root_overrides_lsks_own(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    (tmp_path / "mallar").mkdir()
    (tmp_path / "mallar" / "stil.css").write_text("body { color: black; }\n", encoding="utf-8")
    (tmp_path / "mallar" / "rutin.html").write_text(
        '{% extends "sida.html" %}{% block title %}{{ routine.id }}{% endblock %}'
        "{% block main %}<h1>Egen mall: {{ routine.titel }}</h1>{% endblock %}", encoding="utf-8")
    result = lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY)
    assert result.code == 0 and result.err == "", result.err
    out = tmp_path / "webb"
    assert "<h1>Egen mall: Mottagning av ansökan</h1>" in (out / "rutiner" / "R001.html").read_text(
        encoding="utf-8")
    assert (out / "resurser" / "stil.css").read_text(encoding="utf-8") == "body { color: black; }\n"
    assert "<h1>Egen mall" not in (out / "processer" / "KP01.html").read_text(encoding="utf-8")


def test_the_older_place_in_the_root_is_read_and_loses_to_the_folder_beside_it(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    (root / "mallar").mkdir()
    (root / "mallar" / "stil.css").write_text("/* äldre */\n", encoding="utf-8")
    (root / "mallar" / "sok.js").write_text("// äldre\n", encoding="utf-8")
    (tmp_path / "mallar").mkdir()
    (tmp_path / "mallar" / "stil.css").write_text("/* bredvid roten */\n", encoding="utf-8")
    for fmt, out in (("html", "webb"), ("md", "md")):
        result = lsk("render", root, "-f", fmt, "--out", tmp_path / out, "--datum", TODAY)
        assert result.code == 0
        notes = result.err.splitlines()
        assert len(notes) == 1 and notes[0].startswith("lsk: obs: ") and "äldre platsen" in notes[0]
    resources = tmp_path / "webb" / "resurser"
    assert (resources / "stil.css").read_text(encoding="utf-8") == "/* bredvid roten */\n"
    assert (resources / "sok.js").read_text(encoding="utf-8") == "// äldre\n"


def test_only_a_real_folder_named_mallar_beside_the_root_is_read(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    elsewhere = tmp_path / "annanstans"
    elsewhere.mkdir()
    (elsewhere / "start.html").write_text("<h1>Utifrån</h1>", encoding="utf-8")
    (tmp_path / "Mallar").mkdir()
    (tmp_path / "Mallar" / "start.html").write_text("<h1>Fel namn</h1>", encoding="utf-8")
    os.symlink(elsewhere, tmp_path / "mallar")
    result = lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY)
    assert result.code == 0
    assert "symbolisk länk och läses inte" in result.err and "tips:" in result.err
    start = (tmp_path / "webb" / "index.html").read_text(encoding="utf-8")
    assert "Utifrån" not in start and "Fel namn" not in start and "Processkarta" in start


def test_a_template_that_links_out_of_mallar_is_refused(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    secret = tmp_path / "hemlig.html"
    secret.write_text("{% extends 'sida.html' %}{% block main %}hemligt{% endblock %}",
                      encoding="utf-8")
    (tmp_path / "mallar").mkdir()
    os.symlink(secret, tmp_path / "mallar" / "start.html")
    result = lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY)
    assert result.code == 2 and "start.html" in result.err and "pekar utanför" in result.err
    assert not (tmp_path / "webb").exists()
    (tmp_path / "mallar" / "start.html").unlink()
    (tmp_path / "mallar" / "riktig.html").write_text(
        "{% extends 'sida.html' %}{% block main %}egen{% endblock %}", encoding="utf-8")
    os.symlink("riktig.html", tmp_path / "mallar" / "start.html")  # a link inside is fine
    assert lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY).code == 0
    assert "egen" in (tmp_path / "webb" / "index.html").read_text(encoding="utf-8")


LOGO = ('<svg class="logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" aria-hidden="true">'
        '<circle cx="5" cy="5" r="4" fill="#0e4d5c"/><title>{{ kommun }}</title></svg>')


def test_egen_css_and_the_logo_reach_the_site_and_the_pdf(lsk, tmp_path, monkeypatch):
    root = write_rich(tmp_path / "ls")
    (tmp_path / "mallar").mkdir()
    (tmp_path / "mallar" / "egen.css").write_text(":root { --accent: #0e4d5c; }\n", encoding="utf-8")
    (tmp_path / "mallar" / "_logo.svg").write_text(LOGO, encoding="utf-8")
    out = _render(lsk, root, tmp_path / "webb")
    assert (out / "resurser" / "egen.css").read_text(encoding="utf-8") == ":root { --accent: #0e4d5c; }\n"
    for page in ("index.html", "processer/KP01.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert '<svg class="logo"' in text and "<title>Provby kommun</title>" in text
        assert text.index("stil.css") < text.index("egen.css")  # read after lsk's style
    import lsk.render.pdf as pdf

    seen: dict[str, str] = {}
    monkeypatch.setattr(pdf, "html_to_pdf", lambda html, target, css=None: seen.update(
        html=html, css=css or "") or 1)
    assert lsk("render", root, "-f", "pdf", "--out", tmp_path / "h.pdf", "--datum", TODAY).code == 0
    title_page = seen["html"].split('<nav class="innehall"')[0]
    assert '<svg class="logo"' in title_page
    assert seen["css"].index("@page") < seen["css"].index("--accent: #0e4d5c")


def test_without_own_files_the_logo_is_empty_and_egen_css_only_a_comment(lsk, tmp_path):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "webb")
    assert "<svg class=\"logo\"" not in (out / "index.html").read_text(encoding="utf-8")
    css = (out / "resurser" / "egen.css").read_text(encoding="utf-8").strip()
    assert css.startswith("/*") and css.endswith("*/") and css.count("*/") == 1


def test_a_template_with_an_unknown_variable_fails_loudly(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    (root / "mallar").mkdir()
    (root / "mallar" / "start.html").write_text("{{ finns_inte }}", encoding="utf-8")
    result = lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY)
    assert result.code == 2 and "finns_inte" in result.err  # StrictUndefined
    assert not (tmp_path / "webb").exists()  # nothing half-written


def test_check_links_option(lsk, tmp_path):
    result = lsk("render", write_rich(tmp_path / "ls"), "--out", tmp_path / "webb",
                 "--check-links", "--datum", TODAY)
    assert result.code == 0 and "alla länkar fungerar" in result.out


@pytest.mark.parametrize("fmt, template, broken, out", [
    ("md", "rutin.md", "[saknas](saknas.md)\n", "md"),
    ("md", "rutin.md", '[saknas](saknas.md "med titel")\n', "md"),
    ("md", "rutin.md", "[saknas](../../saknas/index.md)\n", "md"),
    ("pdf", "_rutin.html", '<a href="#saknas">saknas</a>', "handbok.pdf"),
    ("html", "_rutin.html", '<a href="#saknas">saknas</a>', "webb"),
])
def test_check_links_covers_every_format(lsk, tmp_path, fmt, template, broken, out):
    root = write_rich(tmp_path / "ls")
    ok = lsk("render", root, "-f", fmt, "--out", tmp_path / ("ok-" + out), "--check-links",
             "--datum", TODAY)
    assert ok.code == 0 and "alla länkar fungerar" in ok.out, ok.err
    (root / "mallar").mkdir()
    packaged = Path(__file__).parents[1] / "lsk" / "render" / "mallar" / template
    (root / "mallar" / template).write_text(packaged.read_text(encoding="utf-8") + broken,
                                            encoding="utf-8")
    bad = lsk("render", root, "-f", fmt, "--out", tmp_path / out, "--check-links",
              "--datum", TODAY)
    assert bad.code == 1 and "trasig länk" in bad.err and "saknas" in bad.err
    if fmt == "pdf":
        assert not (tmp_path / out).exists()  # a broken link writes no PDF


def test_the_arshjul_is_a_function_a_page_can_place(tmp_path):
    """A chapter places the wheel itself: ``arshjul(hb, url)`` in a template, or
    ``lsk.render.svgcycle.arshjul`` from Python, gives the same SVG as the årscykel page."""
    import datetime as dt

    from lsk.analysis.corpus import Corpus
    from lsk.render.environment import html_environment
    from lsk.render.handbook import build
    from lsk.render.svgcycle import arshjul
    from lsk.render.urls import Urls
    from lsk.render.version import Version

    corpus = Corpus.load(EXAMPLE, dt.date(2026, 11, 25))
    hb = build(corpus, Version(None, dt.date(2026, 11, 25), 0, 0))
    env = html_environment(EXAMPLE)
    url = Urls("html")
    placed = env.from_string("<div>{{ arshjul(hb, url) }}</div>").render(hb=hb, url=url)
    svg = str(arshjul(env, hb, url))
    assert placed == f"<div>{svg}</div>"
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="arshjul"')
    assert ">Kvalitetsberättelse</text>" in svg and ">Stickprov i internkontrollen</text>" in svg
