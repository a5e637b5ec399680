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
    assert "2026-01-28 av <a href" in listing and "§ 8, dnr SN 2025/164" in listing
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


# --- Honest pages (issue 14 part 6): one truth about fastställelse, the same everywhere -------

def _warnings(lsk, root: Path, code: str) -> list[str]:
    result = lsk("check", root, "--format", "json")  # with the cache: it must not go stale
    return [d["message"] for d in result.json["diagnostics"] if d["code"] == code]


def _unapproved(lsk, root: Path) -> list[tuple[str, str, str]]:
    result = lsk("status", root, "--datum", TODAY, "--format", "json")
    return [(i["id"], i["description"], i["due"]) for i in result.json["overdue"]
            if i["type"] == "faststallelse"]


def _kp01_md(lsk, root: Path, out: Path) -> str:
    _render(lsk, root, out, "md")
    return (out / "processer" / "KP01.md").read_text(encoding="utf-8")


def test_an_approved_edition_fastställer_the_documents_in_it_until_they_change(lsk, tmp_path):
    from tests.gitrepos import make

    git = make(tmp_path / "repo")
    git.replace("processer/KP01-mottagning.yaml",
                "faststalld: {datum: 2025-03-20, av: socialnamnden, beslut: SN 2025-03-20 § 33}\n",
                "")
    git.commit("KP01 utan eget beslut", date="2024-04-01T10:00:00+01:00")
    assert _warnings(lsk, git.root, "LSK508") == ["KP01 är inte fastställd"]
    assert _unapproved(lsk, git.root) == [("KP01", "inte fastställd", "")]

    assert lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 79", "--dnr", "SN 2024/112",
               "--datum", "2024-04-25").code == 0
    assert _warnings(lsk, git.root, "LSK508") == []  # the edition covers KP01
    assert _unapproved(lsk, git.root) == []
    page = _kp01_md(lsk, git.root, tmp_path / "md1")
    assert ("| Fastställd | 2024-04-25 av Socialnämnden (SN 2024-04-25 § 79), dnr SN 2024/112, "
            "genom den fastställda utgåvan faststalld/2024-04-25 |") in page
    assert "ej fastställd" not in page and "ej angivet" not in page
    site = _render(lsk, git.root, tmp_path / "webb1")
    listing = (site / "rutiner.html").read_text(encoding="utf-8")
    assert "ej fastställd" not in listing  # R001 has its own decision, older than the edition
    assert "fastställd utgåva faststalld/2024-04-25" in listing

    git.replace("processer/KP01-mottagning.yaml", "syfte: Ta emot ansökningar och anmälningar.",
                "syfte: Ta emot ansökningar, anmälningar och förfrågningar.")
    git.commit("KP01 tar emot förfrågningar", date="2024-05-01T10:00:00+01:00")
    assert _warnings(lsk, git.root, "LSK508") == [
        "KP01 är inte fastställd i sin nuvarande lydelse: den har ändrats eller tillkommit "
        "efter den fastställda utgåvan faststalld/2024-04-25"]
    assert _unapproved(lsk, git.root) == [
        ("KP01", "ändrad eller tillkommen efter den fastställda utgåvan faststalld/2024-04-25",
         "2024-04-25")]
    page = _kp01_md(lsk, git.root, tmp_path / "md2")
    assert "| Fastställd | ej fastställd i denna lydelse (ändrad eller tillkommen efter den " \
           "fastställda utgåvan) |" in page
    assert "| Efter fastställandet | **Ändrad efter den fastställda utgåvan** |" in page

    assert lsk("faststall", git.root, "--beslut", "SN 2024-05-30 § 90",
               "--datum", "2024-05-30").code == 0
    assert _warnings(lsk, git.root, "LSK508") == []


def test_a_process_page_names_its_owner_once_and_never_an_empty_ansvarig(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    site = _render(lsk, root, tmp_path / "webb")
    page = (site / "processer" / "KP01.html").read_text(encoding="utf-8")
    assert page.count("<dt>Processägare</dt>") == 1 and "ej angivet" not in page
    assert "Ansvarig för beskrivningen" not in page
    text = (root / "processer" / "KP01-mottagning.yaml").read_text(encoding="utf-8")
    (root / "processer" / "KP01-mottagning.yaml").write_text(
        text.replace("agare: enhetschef\n", "agare: enhetschef\nansvarig: forvaltningschef\n"),
        encoding="utf-8")
    page = (_render(lsk, root, tmp_path / "webb2") / "processer" / "KP01.html").read_text(
        encoding="utf-8")
    assert "<dt>Ansvarig för beskrivningen</dt>" in page and "Förvaltningschef" in page


def _one(lank: str) -> str:
    return ("styrdokument:\n  - id: riktlinje\n    titel: Riktlinje\n    typ: riktlinje\n"
            f"    lank: '{lank}'\n")


def test_a_link_is_a_web_address_or_a_path_under_the_root(lsk, tmp_path):
    from tests.conftest import check_json

    bad = {"../utanfor.pdf": "utan '..'", "/etc/passwd": "relativt roten",
           "dokument\\\\a.pdf": "utan '..', '\\'", "www.kommun.se/a.pdf": "https://",
           "https://": "ofullständig", "javascript:alert(1)": "relativt roten",
           "mailto:a@kommun.se": "https://", "dokument//a.pdf": "relativt roten"}
    for i, (lank, said) in enumerate(bad.items()):
        root = minimal.write(tmp_path / f"fel{i}", {"styrdokument.yaml": _one(lank)})
        found = [(d["code"], d["line"], d["message"]) for d in check_json(lsk, root)
                 if d["path"].endswith("styrdokument.yaml")]
        assert len(found) == 1 and found[0][:2] == ("LSK203", 5) and said in found[0][2], (lank, found)
    for i, lank in enumerate(("https://kommun.se/styrdokument/riktlinje.pdf",
                              "http://intranat/riktlinje", "dokument/riktlinje 2026.pdf")):
        root = minimal.write(tmp_path / f"ok{i}", {"styrdokument.yaml": _one(lank),
                                                    "dokument/riktlinje 2026.pdf": b"%PDF"})
        assert [d for d in check_json(lsk, root) if d["severity"] == "error"] == [], lank


def test_a_step_and_an_activity_must_name_a_styrdokument_that_exists(lsk, tmp_path):
    from tests.conftest import check_json

    steps = minimal.FILES["rutiner/R001-mottagning.yaml"].replace(
        "    ansvar: handlaggare\n", "    ansvar: handlaggare\n    styrdokument: [riktlinj]\n", 1)
    root = minimal.write(tmp_path / "ls", {"styrdokument.yaml": _one("https://kommun.se/r.pdf"),
                                           "rutiner/R001-mottagning.yaml": steps})
    found = [(d["code"], d["path"].rsplit("/", 1)[-1], d["line"], d["message"], d["hint"])
             for d in check_json(lsk, root) if d["code"] == "LSK302"]
    assert found == [("LSK302", "R001-mottagning.yaml", 15,
                      "styrdokument: 'riktlinj' finns inte", "Menade du 'riktlinje'?")]
