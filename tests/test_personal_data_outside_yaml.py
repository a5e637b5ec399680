"""Personal data outside the YAML documents (issue 13, part 3): templates in both template
folders and the names of files and folders are scanned like documents, reported with file and
line, and stop publishing."""

from __future__ import annotations

import json

import pytest

from lsk.loader.discover import template_folders
from lsk.render.environment import candidate_folders
from tests import gitrepos
from tests.personal_data import FORMS


def _found(lsk, root, *extra):
    result = lsk("check", root, "--format", "json", *extra)
    return result, [(d["code"], d["path"], d["line"]) for d in result.json["diagnostics"]]


def test_the_loader_reads_the_template_folders_the_renderer_reads(tmp_path):
    assert tuple(folder for folder, _ in template_folders(tmp_path / "ls")) == \
        candidate_folders(tmp_path / "ls")


@pytest.mark.parametrize("form", ["plain", "entity-decimal", "zero-width", "bold-pieces",
                                  "date-in-groups", "html-tags"])
@pytest.mark.parametrize("place", ["beside", "inside"])
def test_a_personnummer_in_a_template_is_reported_at_its_line(lsk, repo, tmp_path, form, place):
    root = repo()
    folder = tmp_path / "mallar" if place == "beside" else root / "mallar"
    folder.mkdir(exist_ok=True)
    (folder / "sida.html").write_text(
        "{% extends 'bas.html' %}\n{# mall #}\n<footer>Kontakt " + FORMS[form]("191212121212")
        + "</footer>\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")  # images are not read
    result, found = _found(lsk, root)
    assert result.code == 1
    assert [(c, p.rsplit("/", 2)[-2:], line) for c, p, line in found] == \
        [("LSK401", ["mallar", "sida.html"], 3)]
    assert "ett personnummer står i mallen" in result.out
    text = lsk("check", root)
    assert "mallar/sida.html:3:" in text.out and "Kontrollerade 5 filer" in text.out
    out = tmp_path / "hb"
    rendered = lsk("render", root, "--format", "md", "--out", out)
    assert rendered.code == 2 and "personnummer" in rendered.err and not out.exists()


def test_a_template_added_after_a_clean_check_is_not_hidden_by_the_cache(lsk, repo, tmp_path):
    root = repo()
    assert lsk("check", root).code == 0
    (tmp_path / "mallar").mkdir()
    (tmp_path / "mallar" / "egen.css").write_text("/* 701063-2391 */\n", encoding="utf-8")
    result, found = _found(lsk, root)
    assert [c for c, _, _ in found] == ["LSK402"]
    (tmp_path / "mallar" / "egen.css").write_text("/* inget */\n", encoding="utf-8")
    assert lsk("check", root).code == 0


@pytest.mark.parametrize("name", ["rutiner/R009-19121212-1212.yaml",
                                  "bilagor/beslut 1912 12 12-1212.pdf",
                                  "bilagor/701063\u200b-2391/protokoll.pdf"])
def test_a_personnummer_in_a_file_or_folder_name_is_reported(lsk, repo, name):
    root = repo()
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id: x\n" if name.endswith(".yaml") else "pdf", encoding="utf-8")
    result, found = _found(lsk, root)
    names = [(c, p) for c, p, line in found if c in ("LSK401", "LSK402") and line == 1]
    assert result.code == 1 and len(names) == 1, found
    assert names[0][1].endswith(name.rsplit("/", 1)[0] if "\u200b" in name else name)
    assert ("mappnamnet" if "\u200b" in name else "filnamnet") in result.out
    # a new name invalidates the cached result
    path.unlink()
    if "\u200b" in name:
        path.parent.rmdir()
    assert lsk("check", root).code in (0, 1) and not [
        d for d in lsk("check", root, "--format", "json").json["diagnostics"]
        if d["code"] in ("LSK401", "LSK402")]


def test_historik_does_not_print_a_personnummer_in_a_path(lsk, tmp_path):
    git = gitrepos.make(tmp_path / "repo")
    (git.root / "rutiner" / "R001-mottagning.yaml").rename(
        git.root / "rutiner" / "R001-19121212-1212.yaml")
    git.commit("Byt namn")
    for args in (["historik", "R001", git.root], ["historik", "R001", git.root, "--format", "json"]):
        result = lsk(*args)
        assert result.code == 0 and "1212-1212" not in result.out, result.out
        assert "(personnummer borttaget)" in result.out
    assert json.loads(lsk("historik", "R001", git.root, "--format", "json").out)["path"]
