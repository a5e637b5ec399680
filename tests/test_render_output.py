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


# Issue 13, part 10: a killed render leaves no work folders for good and never an empty --out.

DEAD_PID = 4_194_305
"""Above Linux's largest pid_max (2**22): no process ever has it."""


def _replace_fails_into(monkeypatch, out):
    """The second rename of a swap (the new site into place) fails."""
    import os

    from lsk.render import outdir

    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst) == str(out) and ".ny-" in os.path.basename(src):
            raise OSError(5, "Input/output error")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(outdir.os, "replace", replace)


def test_a_failure_between_the_renames_leaves_the_old_site(lsk, tmp_path, monkeypatch):
    from lsk.render import outdir

    root = write_rich(tmp_path / "ls")
    out = tmp_path / "webb"
    assert _render(lsk, root, "--out", out).code == 0
    (out / "förra.txt").write_text("den förra webbplatsen", encoding="utf-8")
    monkeypatch.setattr(outdir, "_exchange", lambda a, b: False, raising=False)  # no renameat2
    _replace_fails_into(monkeypatch, out)
    result = _render(lsk, root, "--out", out)
    assert result.code == 2 and "finns kvar" in result.err and "Traceback" not in result.err
    assert (out / "förra.txt").is_file() and (out / "index.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".webb")]


def test_the_swap_never_moves_the_site_away_where_it_can_exchange(lsk, tmp_path, monkeypatch):
    import os
    import sys

    import pytest

    from lsk.render import outdir

    root = write_rich(tmp_path / "ls")
    out = tmp_path / "webb"
    assert _render(lsk, root, "--out", out).code == 0
    if not sys.platform.startswith("linux") or not outdir._exchange(out, out):
        pytest.skip("renameat2(RENAME_EXCHANGE) finns inte här")
    moved: list[str] = []
    real = os.replace
    monkeypatch.setattr(outdir.os, "replace", lambda s, d, *a, **k: (moved.append(str(s)),
                                                                     real(s, d, *a, **k))[1])
    assert _render(lsk, root, "--out", out).code == 0
    assert str(out) not in moved and (out / "index.html").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".webb")]


def _work(tmp_path, name, *, marked=True, content="index.html"):
    import os
    import time

    folder = tmp_path / name
    folder.mkdir()
    (folder / content).write_text("x", encoding="utf-8")
    if marked:
        (folder / ".lsk-handbok").write_text("Skapad av lsk render\n", encoding="utf-8")
    past = time.time() - 3600
    os.utime(folder, (past, past))
    return folder


def test_the_next_run_removes_only_lsk_s_own_stale_work_folders(lsk, tmp_path):
    import os

    root = write_rich(tmp_path / "ls")
    out = tmp_path / "webb"
    assert _render(lsk, root, "--out", out).code == 0
    killed = _work(tmp_path, f".webb.ny-{DEAD_PID}-0a1b2c")
    old = _work(tmp_path, f".webb.gammal-{DEAD_PID}-3d4e5f")
    foreign = _work(tmp_path, f".webb.ny-{DEAD_PID}-abcdef", marked=False)
    running = _work(tmp_path, f".webb.ny-{os.getppid()}-123456")
    other = _work(tmp_path, f".annan.ny-{DEAD_PID}-0a1b2c")
    assert _render(lsk, root, "--out", out).code == 0
    assert not killed.exists() and not old.exists()
    assert foreign.exists() and running.exists() and other.exists()


def test_a_kill_between_the_renames_is_repaired_by_the_next_run(lsk, tmp_path, monkeypatch):
    import os
    import time

    from lsk.errors import LskError

    root = write_rich(tmp_path / "ls")
    out = tmp_path / "webb"
    assert _render(lsk, root, "--out", out).code == 0
    # what a kill after the first rename of a swap leaves: no site, the old one in a work folder
    parked = tmp_path / f".webb.gammal-{DEAD_PID}-0a1b2c"
    out.rename(parked)
    past = time.time() - 3600
    os.utime(parked, (past, past))
    _work(tmp_path, f".webb.ny-{DEAD_PID}-3d4e5f")

    def broken(*args, **kwargs):
        raise LskError("bygget avbröts")

    monkeypatch.setattr("lsk.render.site.build_site", broken)
    assert _render(lsk, root, "--out", out).code == 2
    assert (out / "index.html").is_file()  # the old site is back even though this run failed
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".webb")]
