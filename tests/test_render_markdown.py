"""lsk render --format md: golden files, working relative links and escaped values.

After an intended change, update the golden files and review the diff:
``LSK_UPDATE_GOLDEN=1 pytest tests/test_render_markdown.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lsk.render.linkcheck import check_markdown
from tests.render_support import TODAY, write_injected, write_rich

GOLDEN = Path(__file__).parent / "golden" / "markdown"
UPDATE = os.environ.get("LSK_UPDATE_GOLDEN") == "1"


@pytest.fixture
def no_git(monkeypatch, tmp_path):
    """The version line names no commit: a temporary folder is no git repository."""
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "ingen-git"))


def _render(lsk, root: Path, out: Path) -> Path:
    result = lsk("render", root, "--format", "md", "--out", out, "--datum", TODAY)
    assert result.code == 0, result.err
    return out


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*.md"))}


def test_markdown_matches_the_golden_files(lsk, tmp_path, no_git):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "handbok")
    produced = _files(out)
    assert set(produced) == {"index.md", "processer/KP01.md", "rutiner/R001.md", "rutiner/R002.md"}
    if UPDATE:
        for rel, text in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = _files(GOLDEN)
    assert set(expected) == set(produced), "golden files differ in name: LSK_UPDATE_GOLDEN=1"
    for rel, text in produced.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/markdown (LSK_UPDATE_GOLDEN=1)"


def test_every_relative_link_and_anchor_resolves(lsk, tmp_path, no_git):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "handbok")
    assert check_markdown(out) == []
    routine = (out / "rutiner" / "R002.md").read_text(encoding="utf-8")
    assert "[Enhetschef](../index.md#roll-enhetschef)" in routine
    assert "[Följa upp](../processer/KP01.md#akt-KP01-folja-upp)" in routine


def test_free_text_keeps_its_markdown(lsk, tmp_path, no_git):
    out = _render(lsk, write_rich(tmp_path / "ls"), tmp_path / "handbok")
    routine = (out / "rutiner" / "R002.md").read_text(encoding="utf-8")
    assert "med **ansökan**:\n\n- bekräftelse inom en vecka," in routine
    assert "[Socialstyrelsens handbok](https://www.socialstyrelsen.se/)" in routine


def test_html_and_script_links_in_yaml_are_inert_in_markdown(lsk, tmp_path, no_git):
    out = _render(lsk, write_injected(tmp_path / "ls"), tmp_path / "handbok")
    text = "\n".join(_files(out).values())
    assert "<script" not in text and "<img" not in text and "<b " not in text
    assert "](javascript:" not in text  # the link syntax is broken: ']\(' shows as text
    assert "[klicka här]\\(javascript:" in text
    assert "Mottagning &lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;" in text


def test_version_line_names_the_git_commit(lsk, tmp_path):
    import subprocess

    root = write_rich(tmp_path / "ls")
    git = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "första"], check=True)
    head = subprocess.run([*git, "rev-parse", "--short=12", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    out = _render(lsk, root, tmp_path / "handbok")
    assert f"commit {head} ·" in (out / "index.md").read_text(encoding="utf-8")
    (root / "roller.yaml").write_text("roller: []\n", encoding="utf-8")
    out = _render(lsk, root, tmp_path / "handbok")
    assert f"commit {head} (ändrad)" in (out / "index.md").read_text(encoding="utf-8")
