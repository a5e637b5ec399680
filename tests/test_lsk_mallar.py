"""lsk mallar: copies of lsk's templates beside the root, and the contract version they record."""

from __future__ import annotations

import os

from lsk.render.environment import PACKAGED
from lsk.render.kontrakt import MALL_KONTRAKT, MALLAR, MARKER, read_marker
from tests.render_support import TODAY, write_rich


def test_copies_every_template_beside_the_root_and_records_the_version(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    result = lsk("mallar", "--rot", root)
    assert result.code == 0, result.err
    folder = tmp_path / "mallar"
    assert {p.name for p in folder.iterdir()} == {*MALLAR, MARKER}
    for name in MALLAR:
        assert (folder / name).read_bytes() == (PACKAGED / name).read_bytes()
        assert f"mallar/{name}" in result.out
    assert read_marker(folder) == dict.fromkeys(MALLAR, MALL_KONTRAKT)
    assert f"kopierade {len(MALLAR)} av {len(MALLAR)}" in result.err
    # the copies are lsk's own: the handbook comes out the same, with nothing to warn about
    with_copies = lsk("render", root, "-f", "md", "--out", tmp_path / "a", "--datum", TODAY)
    assert with_copies.code == 0 and with_copies.err == ""
    os.rename(folder, tmp_path / "undan")
    assert lsk("render", root, "-f", "md", "--out", tmp_path / "b", "--datum", TODAY).code == 0
    for produced in (tmp_path / "a").rglob("*.md"):
        assert produced.read_text(encoding="utf-8") == (
            tmp_path / "b" / produced.relative_to(tmp_path / "a")).read_text(encoding="utf-8")


def test_never_overwrites_without_force_and_never_through_a_link(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "egen.css").write_text(":root { --accent: #000; }\n", encoding="utf-8")
    outside = tmp_path / "utanfor.css"
    outside.write_text("orörd\n", encoding="utf-8")
    os.symlink(outside, folder / "stil.css")
    result = lsk("mallar", "--rot", root, "egen.css", "stil.css", "_logo.svg")
    assert result.code == 0
    written = result.out.splitlines()
    assert len(written) == 2 and written[0].endswith("mallar/_logo.svg") and MARKER in written[1]
    assert "_logo.svg" in result.out and "egen.css" not in result.out
    assert "egen.css finns redan" in result.err and "stil.css är en länk" in result.err
    assert "--force" in result.err
    assert (folder / "egen.css").read_text(encoding="utf-8") == ":root { --accent: #000; }\n"
    assert read_marker(folder) == {"_logo.svg": MALL_KONTRAKT}  # only what was written
    forced = lsk("mallar", "--rot", root, "--force", "egen.css", "stil.css")
    assert forced.code == 0
    assert (folder / "egen.css").read_bytes() == (PACKAGED / "egen.css").read_bytes()
    assert outside.read_text(encoding="utf-8") == "orörd\n" and (folder / "stil.css").is_symlink()
    assert read_marker(folder) == {"_logo.svg": MALL_KONTRAKT, "egen.css": MALL_KONTRAKT}


def test_out_names_another_folder_and_needs_no_root(lsk, tmp_path):
    result = lsk("mallar", "--out", tmp_path / "nya", "rutin.html", cwd=tmp_path)
    assert result.code == 0 and (tmp_path / "nya" / "rutin.html").is_file()
    assert str(tmp_path / "nya" / "rutin.html") in result.out
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    assert lsk("mallar", "--out", tmp_path / "fil").code == 2


def test_unknown_template_missing_root_and_the_list(lsk, tmp_path):
    unknown = lsk("mallar", "--out", tmp_path / "m", "stil.cs")
    assert unknown.code == 2 and "'stil.css'" in unknown.err and not (tmp_path / "m").exists()
    no_root = lsk("mallar", cwd=tmp_path)
    assert no_root.code == 2 and "--out" in no_root.err
    listed = lsk("mallar", "--lista")
    assert listed.code == 0 and [line.split()[0] for line in listed.out.splitlines()] == list(MALLAR)


def test_render_warns_once_about_copies_from_an_older_contract(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    lsk("mallar", "--rot", root, "rutin.html", "_rutin.html", "egen.css")
    folder = tmp_path / "mallar"
    (folder / "sida.html").write_bytes((PACKAGED / "sida.html").read_bytes())  # not recorded
    (folder / MARKER).write_text(f"# kommentar\nrutin.html: {MALL_KONTRAKT - 1}\n"
                                 f"_rutin.html: {MALL_KONTRAKT - 1}\negen.css: {MALL_KONTRAKT}\n"
                                 "trasig rad\nfinns-inte.html: 0\n", encoding="utf-8")
    result = lsk("render", root, "--out", tmp_path / "webb", "--datum", TODAY)
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if line.startswith("lsk: varning")]
    assert len(warnings) == 1 and "2 egna mallar" in warnings[0]
    assert "rutin.html" in warnings[0] and "_rutin.html" in warnings[0]
    assert "sida.html" not in warnings[0] and "egen.css" not in warnings[0]
    assert "tips: " in result.err and "lsk mallar --out" in result.err
    (folder / MARKER).write_text(f"rutin.html: {MALL_KONTRAKT + 1}\n", encoding="utf-8")
    newer = lsk("render", root, "-f", "md", "--out", tmp_path / "md", "--datum", TODAY)
    assert "nyare mallkontrakt" in newer.err and "Uppdatera lsk" in newer.err
