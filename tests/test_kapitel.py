"""Written chapters (``kapitel/NN-namn.md``): what lsk check says about them, case by case.

Each diagnostic a chapter can give has a failing case and a passing near miss (the smallest
change that makes it go away), run through the CLI on the minimal repository like the rule
fixtures in ``tests/rules/`` (the rules LSK530 and LSK531 have theirs there).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsk.loader.chapters import read_chapter
from lsk.model.kapitel import DIREKTIV, Placering, Text, heading_anchor
from lsk.render.textformat import chapter_html, chapter_markdown
from tests.conftest import check_json

CHAPTER = "kapitel/01-syfte.md"


@pytest.fixture(autouse=True)
def provdel(monkeypatch):
    """A directive whose part this lsk does not have ('::: provdel'): LSK024 and the handbook's
    note are tested with it, whichever real parts are wired."""
    from lsk.model import kapitel

    monkeypatch.setattr(kapitel, "DIREKTIV", (*kapitel.DIREKTIV, kapitel.Direktiv(
        namn="provdel", beskrivning="En del som inte finns.", exempel="::: provdel")))

# (name, {file: text}, expected [(code, file, line, column, message)]); [] passes
CASES = [
    ("filnamn utan nummer", {"kapitel/syfte.md": "# Syfte\n"},
     [("LSK020", "kapitel/syfte.md", 1, 1,
       "kapitlets filnamn 'syfte.md' börjar inte med ett nummer och ett bindestreck")]),
    ("filnamn med nummer", {"kapitel/1-syfte.md": "# Syfte\n"}, []),
    ("filnamn med versaler", {"kapitel/01-Syfte.md": "# Syfte\n"},
     [("LSK020", "kapitel/01-Syfte.md", 1, 1,
       "kapitlets filnamn '01-Syfte.md' börjar inte med ett nummer och ett bindestreck")]),
    ("rubriken saknas", {CHAPTER: "\nSyfte\n\nText.\n"},
     [("LSK021", CHAPTER, 2, 1, "kapitlet börjar inte med sin rubrik ('# Rubrik')")]),
    ("rubriken efter tomma rader", {CHAPTER: "\n\n# Syfte\n\nText.\n"}, []),
    ("rubriken på nivå 2", {CHAPTER: "## Syfte\n"},
     [("LSK021", CHAPTER, 1, 1, "kapitlet börjar inte med sin rubrik ('# Rubrik')")]),
    ("kapitlet är tomt", {CHAPTER: "\n"}, [("LSK021", CHAPTER, 1, 1, "kapitlet är tomt")]),
    ("okänt direktiv", {CHAPTER: "# Syfte\n\n::: processkartan\n"},
     [("LSK022", CHAPTER, 3, 5, "direktivet 'processkartan' finns inte")]),
    ("känt direktiv", {CHAPTER: "# Syfte\n\n::: processkarta\n"}, []),
    ("direktiv utan namn", {CHAPTER: "# Syfte\n\n:::\n"},
     [("LSK022", CHAPTER, 3, 1, "raden ':::' saknar direktivets namn")]),
    ("direktiv i kodblock", {CHAPTER: "# Syfte\n\n```\n::: processkartan\n```\n"}, []),
    ("process utan id", {CHAPTER: "# Syfte\n\n::: process\n"},
     [("LSK023", CHAPTER, 3, 5, "direktivet 'process' tar ett argument, men har 0")]),
    ("process med id", {CHAPTER: "# Syfte\n\n::: process KP01\n"}, []),
    ("argument där inga tas", {CHAPTER: "# Syfte\n\n::: arshjul 2026\n"},
     [("LSK023", CHAPTER, 3, 5, "direktivet 'arshjul' tar inga argument, men har 1")]),
    ("del som inte finns ännu", {CHAPTER: "# Syfte\n\n::: provdel\n"},
     [("LSK024", CHAPTER, 3, 5, "delen 'provdel' finns inte i den här versionen av lsk")]),
    ("andra rubrik på nivå 1", {CHAPTER: "# Syfte\n\nText.\n\n# Mer\n"},
     [("LSK025", CHAPTER, 5, 1, "kapitlet har en rubrik till på nivå 1")]),
    ("andra rubrik på nivå 2", {CHAPTER: "# Syfte\n\nText.\n\n## Mer\n"}, []),
    ("okänd process", {CHAPTER: "# Syfte\n\n::: process KP02\n"},
     [("LSK302", CHAPTER, 3, 13, "::: process: 'KP02' finns inte")]),
    ("okänt lagrum", {CHAPTER: "# Syfte\n\n::: lagrum SOSFS-2011:9/4/3 SOSFS-2011:9/4/33\n"},
     [("LSK304", CHAPTER, 3, 29,
       "::: lagrum: 'SOSFS-2011:9/4/33' finns inte i kravkatalogen")]),
    ("kända lagrum", {CHAPTER: "# Syfte\n\n::: lagrum SOSFS-2011:9/4/3 SOSFS-2011:9/4/2\n"}, []),
    ("personnummer i kapitlet", {CHAPTER: "# Syfte\n\nEtt exempel: 19121212-1212.\n"},
     [("LSK401", CHAPTER, 3, 14, "ett personnummer står i kapitlet")]),
    ("ett datum och ett nummer", {CHAPTER: "# Syfte\n\nBeslut 19121212, dnr 1212.\n"}, []),
]


@pytest.mark.parametrize(("files", "expected"), [pytest.param(f, e, id=n) for n, f, e in CASES])
def test_chapter_case(lsk, repo, files, expected):
    root = repo(files)
    found = sorted((d["code"], Path(d["path"]).resolve().relative_to(root.resolve()).as_posix(),
                    d["line"], d["column"], d["message"]) for d in check_json(lsk, root))
    assert found == sorted(expected)


def test_every_chapter_code_has_a_failing_and_a_passing_case():
    failing = {e[0] for _, _, expected in CASES for e in expected}
    assert failing >= {"LSK020", "LSK021", "LSK022", "LSK023", "LSK024", "LSK025", "LSK302",
                       "LSK304", "LSK401"}
    assert any(not expected for _, _, expected in CASES)


def test_unknown_directive_and_unknown_process_suggest_the_closest(lsk, repo):
    root = repo({CHAPTER: "# Syfte\n\n::: proces KP0l\n::: process KP0l\n"})
    hints = {d["code"]: d["hint"] for d in check_json(lsk, root)}
    assert hints["LSK022"].startswith("Menade du 'process'?")
    assert hints["LSK302"] == "Menade du 'KP01'?"


def test_a_chapter_is_read_into_text_and_placements_in_order():
    text = ("# Ledningssystemet\n\nFörsta stycket.\n\n::: processkarta\n\n## Lagen\n\n"
            "::: lagrum SOSFS-2011:9/4/1 SOSFS-2011:9/4/2\nSlut.\n")
    chapter, problems, refs = read_chapter("kapitel/03-ledningssystemet.md", text)
    assert problems == [] and chapter is not None
    assert (chapter.titel, chapter.ordning, chapter.namn) == (
        "Ledningssystemet", 3, "03-ledningssystemet")
    assert [type(p) for p in chapter.delar] == [Text, Placering, Text, Placering, Text]
    assert chapter.delar[1] == Placering(namn="processkarta", rad=5)
    assert chapter.delar[3].argument == ("SOSFS-2011:9/4/1", "SOSFS-2011:9/4/2")
    assert chapter.rubriker == ("lagen",)
    assert [(r.target, r.line, r.column) for r in refs] == [
        ("SOSFS-2011:9/4/1", 9, 12), ("SOSFS-2011:9/4/2", 9, 29)]


def test_every_directive_documents_itself_and_names_its_renderers():
    for d in DIREKTIV:
        assert d.exempel.startswith(f"::: {d.namn}") and d.beskrivning.endswith(".")
        assert (d.html is None) == (d.markdown is None), d.namn


def test_lsk_serve_shows_a_chapters_findings_on_its_page():
    from lsk.render.preview import page_for

    assert page_for("kapitel/03-styrning.md") == "kapitel/03-styrning.html"
    assert page_for("kapitel/03-styrning.txt") == "index.html"


def test_every_available_directive_names_render_functions_that_exist():
    from lsk.render.direktiv import renderer

    for d in DIREKTIV:
        for path in (d.html, d.markdown, d.pdf):
            if path is not None:
                assert callable(renderer(path)), (d.namn, path)


_PIECES = ["# Rubrik\n", "## Avsnitt\n", "::: process KP01\n", "::: lagrum A B\n", ":::\n",
           "::: okand\n", "```\n", "~~~\n", "[a](b.md#c)", "[r]: <x y>\n", "`[k](l)`", "\n",
           "<script>", "text ", "# \n", "19121212-1212", "\t", "\r\n", "å"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=30))
def test_any_chapter_text_is_read_or_reported_never_a_crash(pieces):
    from lsk.analysis.kapitel import LinkIndex, resolve_link

    chapter, problems, refs = read_chapter("kapitel/02-x.md", "".join(pieces))
    assert all(p.code.startswith("LSK02") for p in problems)
    if chapter is not None:
        index = LinkIndex({"kapitel/02-x.md": chapter}, {})
        for link in chapter.lankar:
            resolve_link(link.mal, chapter, index)
        assert all(r.line >= 1 and r.column >= 1 for r in refs)
        for part in chapter.delar:
            if isinstance(part, Text):
                html = chapter_html(part.text, str, heading_anchor)
                assert "<script" not in html
                assert "<script" not in chapter_markdown(part.text, str, heading_anchor)
