"""Where lsk render writes: beside the root by default, never over the ledningssystem or a folder
lsk did not make (unless --force), and whole folders swapped in, never half-written ones."""

from __future__ import annotations

from tests.render_support import TODAY, write_rich


def _render(lsk, *args, cwd=None):
    return lsk("render", *args, "--datum", TODAY, cwd=cwd)


def test_default_output_is_handbok_beside_the_root(lsk, tmp_path):
    write_rich(tmp_path / "ledningssystem")
    result = _render(lsk, cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "handbok" / "index.html").is_file()
    assert not list((tmp_path / "ledningssystem").rglob("*.html"))  # nothing inside the root
    assert _render(lsk, "--format", "md", "--out", tmp_path / "md", cwd=tmp_path).code == 0
    assert (tmp_path / "md" / "index.md").is_file()


def test_rerendering_replaces_the_folder_lsk_made(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    out = tmp_path / "webb"
    assert _render(lsk, root, "--out", out).code == 0
    (out / "gammal.html").write_text("kvar från förra gången", encoding="utf-8")
    assert _render(lsk, root, "--out", out).code == 0
    assert not (out / "gammal.html").exists() and (out / ".lsk-handbok").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".webb")]  # no temp folders


def test_refuses_a_folder_it_did_not_make_unless_forced(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    out = tmp_path / "mina-filer"
    out.mkdir()
    (out / "viktig.txt").write_text("behåll mig", encoding="utf-8")
    result = _render(lsk, root, "--out", out)
    assert result.code == 2 and "inte skapats av lsk render" in result.err
    assert "--force" in result.err and (out / "viktig.txt").exists()
    assert _render(lsk, root, "--out", out, "--force").code == 0
    assert (out / "index.html").is_file() and not (out / "viktig.txt").exists()


def test_never_writes_over_the_ledningssystem(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    for target in (root, tmp_path):
        result = _render(lsk, root, "--out", target, "--force")
        assert result.code == 2 and "innehåller ledningssystemet" in result.err
    assert (root / "lsk.yaml").is_file()


def test_empty_folder_is_fine_and_missing_root_is_an_error(lsk, tmp_path):
    root = write_rich(tmp_path / "ls")
    (tmp_path / "tom").mkdir()
    assert _render(lsk, root, "--out", tmp_path / "tom").code == 0
    result = _render(lsk, tmp_path / "finns-inte", "--out", tmp_path / "x")
    assert result.code == 2 and "finns inte" in result.err


def test_site_files_are_readable_by_a_web_server(lsk, tmp_path):
    out = tmp_path / "webb"
    assert _render(lsk, write_rich(tmp_path / "ls"), "--out", out).code == 0
    assert out.stat().st_mode & 0o005 == 0o005  # not the private mode of a temporary folder
