"""Issue 13, part 13: what cannot be read is reported, and outputs are sanitised alike."""

from __future__ import annotations

import json
import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from lsk.loader.yamlread import parse_yaml
from lsk.render.textformat import markdown_block, md_source
from tests import minimal
from tests.conftest import check_json
from tests.test_crash_regressions import RISKER, _risker, _year


def test_an_unreadable_folder_is_reported_like_an_unreadable_file(lsk, repo, monkeypatch):
    root = repo()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith(os.sep + "rutiner"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    diags = check_json(lsk, root)
    found = [d for d in diags if d["code"] == "LSK008"]
    assert [(d["path"][len(str(root)) + 1:], d["line"], d["column"], d["severity"])
            for d in found] == [("rutiner", 1, 1, "error")], diags
    assert found[0]["message"] == ("mappen kan inte läsas: behörighet saknas; dokumenten i den "
                                   "läses inte")
    assert found[0]["hint"]


# -- The Markdown output is sanitised as the site is ------------------------------------------

_GENERIC = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
"""A renderer as other tools use it on lsk's Markdown output: raw HTML, images, headings on."""
_PIECES = ["![x](https://tracker.example/p.png)", "![x][r]", "[r]: https://tracker.example/p.png",
           "# ", "## ", "===", "---", "-", "=", "> ", "- ", "1. ", "\\", "\\\\", "!", "[", "]",
           "(", ")", "<img src=https://t.example/a.png>", "&#33;", "`", "    ", "\n", "\n\n",
           "Rubrik", "text", " ", "\t", "\x1b[2J", "\x07", "<script>", "![", "](", "*"]
_TAGS = re.compile(r"<(/?)([a-z0-9]+)")


def _tags(html: str) -> set[str]:
    return {m.group(2) for m in _TAGS.finditer(html)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_markdown_output_renders_nothing_the_site_would_not(text):
    site = markdown_block(text)
    generic = _GENERIC.render(str(md_source(text)))
    for html in (site, generic):
        assert not {"img", "h1", "h2", "h3", "h4", "h5", "h6", "script"} & _tags(html), html
        assert "\x1b" not in html and "\x07" not in html
    assert _tags(generic) <= _tags(site) | {"p", "hr", "br"}, (site, generic)


def test_a_remote_image_is_a_link_in_both_outputs(lsk, repo, tmp_path):
    field = "Se ![spårning](https://tracker.example/p.png) och\n\n# Rubrik i fältet"
    rutin = minimal.FILES["rutiner/R001-mottagning.yaml"].replace(
        "syfte: Att varje ansökan registreras samma dag.",
        f"syfte: {json.dumps(field, ensure_ascii=False)}")
    root = repo({"rutiner/R001-mottagning.yaml": rutin})
    for fmt in ("md", "html"):
        result = lsk("render", root, "--format", fmt, "--out", tmp_path / fmt)
        assert result.code == 0, result.err
    page = (tmp_path / "md" / "rutiner" / "R001.md").read_text(encoding="utf-8")
    assert "\\![spårning](https://tracker.example/p.png)" in page
    assert "\n\\# Rubrik i fältet" in page
    shown = _GENERIC.render(page)
    assert "<img" not in shown and "<h1>Rubrik i fältet" not in shown
    site = (tmp_path / "html" / "rutiner" / "R001.html").read_text(encoding="utf-8")
    assert "<img" not in site.split("<main", 1)[1].split("</main>")[0]
    assert '!<a href="https://tracker.example/p.png"' in site


# -- Control characters from YAML escapes ------------------------------------------------------

def test_an_escape_that_makes_a_control_character_is_reported_and_dropped(lsk, repo):
    rutin = minimal.FILES["rutiner/R001-mottagning.yaml"].replace(
        "titel: Mottagning av ansökan", 'titel: "Mottagning\\e[2J av \\x07ansökan"')
    diags = check_json(lsk, repo({"rutiner/R001-mottagning.yaml": rutin}))
    assert [(d["code"], d["severity"], d["path"].rsplit("/", 1)[1], d["line"], d["column"])
            for d in diags] == [("LSK011", "warning", "R001-mottagning.yaml", 2, 8)], diags
    assert diags[0]["message"] == ("texten innehåller styrtecknen U+0007, U+001B (från en "
                                   "escape-sekvens); de tas bort när texten läses")


def test_parse_yaml_hands_on_no_control_character():
    parsed = parse_yaml('a: "x\\e[31my\\0\\a\\x85\\u009b\\r\\tz\\n"\n"\\eb": c\n')
    assert parsed.ok and parsed.data == {"a": "x[31my\tz\n", "b": "c"}
    assert [(n.code, n.line, n.column) for n in parsed.notes] == [("LSK011", 1, 4),
                                                                  ("LSK011", 2, 1)]


def test_no_control_character_reaches_the_kvalitetsberattelse(lsk, repo, tmp_path):
    risker = _risker().replace("handelse: Ansökan tappas bort.",
                               'handelse: "Ansökan\\e[2J tappas \\x1b]0;titel\\x07bort."')
    atgarder = ("ar: 2025\natgarder:\n  - id: atg-2025-01\n"
                '    atgard: "Ny rutin\\e[2J för \\x1b]0;titel\\x07mottagning"\n'
                "    ursprung: risk-2025-01\n    agare: enhetschef\n    sista_datum: 2025-06-01\n"
                "    status: genomford\n    genomford: 2025-05-20\n")
    root = repo({**_year(RISKER, risker), "ar/2025/atgarder.yaml": atgarder})
    diags = check_json(lsk, root)
    assert [d["code"] for d in diags if d["code"] == "LSK011"] == ["LSK011", "LSK011"], diags
    assert not [d for d in diags if d["severity"] == "error"], diags
    for fmt, name in (("html", "kb.html"), ("md", "kb")):
        result = lsk("kvalitetsberattelse", "2025", root, "--format", fmt,
                     "--out", tmp_path / name)
        assert result.code == 0, result.err
        out = tmp_path / name
        text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md")) \
            if out.is_dir() else out.read_text(encoding="utf-8")
        assert "Ny rutin[2J för ]0;titelmottagning" in text.replace("\\", "")
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
