"""Issue 13, part 7: no command's output ever replaces a document, setting or template lsk reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import gitrepos
from tests.test_kvalitetsberattelse import RECORDS

REFUSED = "skrivs aldrig över"


def _root(repo) -> Path:
    return repo(RECORDS)


def _link(path: Path, to: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(to, path)
    return path


# (arguments given the root and a scratch folder, the file that must stay as it is)
CASES = {
    "trace": lambda r, t: (["trace", r, "--out", r / "roller.yaml"], r / "roller.yaml"),
    "trace csv": lambda r, t: (["trace", r, "-f", "csv", "-o", r / "lsk.yaml"], r / "lsk.yaml"),
    "trace xlsx": lambda r, t: (["trace", r, "-f", "xlsx", "-o", r / "roller.yaml"],
                                r / "roller.yaml"),
    "trace --for": lambda r, t: (["trace", r, "--for", "R001", "-o", r / "roller.yaml"],
                                 r / "roller.yaml"),
    "status": lambda r, t: (["status", r, "--out", r / "roller.yaml"], r / "roller.yaml"),
    "status via länk": lambda r, t: (["status", r, "--out", _link(t / "s.txt", r / "roller.yaml")],
                                     r / "roller.yaml"),
    "kvalitetsberattelse html": lambda r, t: (
        ["kvalitetsberattelse", "2025", r, "-f", "html", "-o", r / "roller.yaml"],
        r / "roller.yaml"),
    "kvalitetsberattelse docx": lambda r, t: (
        ["kvalitetsberattelse", "2025", r, "-f", "docx", "-o", r / "organisation.yaml"],
        r / "organisation.yaml"),
    "kvalitetsberattelse pdf": lambda r, t: (
        ["kvalitetsberattelse", "2025", r, "-f", "pdf", "-o", r / "roller.yaml"],
        r / "roller.yaml"),
    "kvalitetsberattelse md": lambda r, t: (
        ["kvalitetsberattelse", "2025", r, "-f", "md", "-o", r / "ar" / "2025"],
        _link(r / "ar" / "2025" / "kvalitetsberattelse-2025.md", r / "roller.yaml")),
    "kvalitetsberattelse mall": lambda r, t: (
        ["kvalitetsberattelse", "2025", r, "-f", "html", "-o", r.parent / "mallar" / "sida.html"],
        _written(r.parent / "mallar" / "sida.html")),
    "render pdf": lambda r, t: (
        ["render", r, "-f", "pdf", "--force", "-o", _link(t / "h.pdf", r / "roller.yaml")],
        r / "roller.yaml"),
    "render mallmapp": lambda r, t: (
        ["render", r, "--force", "-o", r.parent / "mallar"],
        _written(r.parent / "mallar" / "sida.html")),
    "render md mallmapp": lambda r, t: (
        ["render", r, "-f", "md", "--force", "-o", r / "mallar"],
        _written(r / "mallar" / "sida.html")),
    "koder": lambda r, t: (["koder", "--out", r / "roller.yaml"], r / "roller.yaml"),
    "regler": lambda r, t: (["regler", "--out", r / "lsk.yaml"], r / "lsk.yaml"),
    "schema": lambda r, t: (
        ["schema", "--out", r / "scheman"],
        _link(r / "scheman" / "roller.schema.json", r / "roller.yaml")),
}


def _written(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<p>egen mall</p>\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(CASES))
def test_no_output_replaces_what_lsk_reads(lsk, repo, tmp_path, case):
    root = _root(repo)
    args, kept = CASES[case](root, tmp_path / "ut")
    before = kept.read_bytes()
    result = lsk(*args, cwd=root)  # koder, regler and schema protect the root they stand in
    assert result.code == 2, (result.out, result.err)
    assert REFUSED in result.err and "tips:" in result.err and "Traceback" not in result.err
    assert kept.read_bytes() == before


@pytest.mark.parametrize("command", [
    lambda root: ["diff", "HEAD", "--rot", root], lambda root: ["utgavor", root],
    lambda root: ["historik", "R001", root]], ids=["diff", "utgavor", "historik"])
def test_git_commands_never_replace_a_document(lsk, tmp_path, command):
    git = gitrepos.make(tmp_path)
    target = git.root / "roller.yaml"
    before = target.read_bytes()
    result = lsk(*command(git.root), "-o", target)
    assert result.code == 2 and REFUSED in result.err, result.err
    assert target.read_bytes() == before


def test_outputs_beside_and_inside_the_root_that_lsk_does_not_read_are_written(lsk, repo,
                                                                               tmp_path):
    root = _root(repo)
    assert lsk("trace", root, "-o", root / "sparbarhet.md").code == 0
    assert lsk("schema", "--out", root / "scheman", cwd=root).code == 0
    assert (root / "scheman" / "roller.schema.json").is_file()
    assert lsk("mallar", "sida.html", "--rot", root).code == 0
    assert (root.parent / "mallar" / "sida.html").is_file()
