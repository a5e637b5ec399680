"""Issue 13, part 8: the cache reads only regular files of a bounded size, never through a link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lsk.loader import cache

NAMES = ["result.pickle", "fmt.pickle", *(f"files-{s:02d}.pickle" for s in range(cache.SHARDS))]

# lsk check in a fresh interpreter with 1 GiB of address space and a deadline: reading
# /dev/zero whole would exhaust either, a FIFO would block on open.
GUARDED = """\
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from lsk.cli import main
sys.argv = ["lsk", "check", sys.argv[1], "--datum", "2026-11-25"]
sys.exit(main())
"""


def _check_guarded(root: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}  # a key of its own: reads happen
    return subprocess.run([sys.executable, "-c", GUARDED, str(root)], capture_output=True,
                          text=True, timeout=60, env=env)


def test_a_cache_file_linked_to_dev_zero_is_not_read(repo, tmp_path):
    root = repo()
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    for name in NAMES:
        os.symlink("/dev/zero", folder / name)
    done = _check_guarded(root, tmp_path)
    assert done.returncode == 0, done.stderr
    assert all((folder / name).is_symlink() for name in NAMES)  # not lsk's: left as it is


def test_a_fifo_in_the_cache_neither_hangs_nor_is_removed(repo, tmp_path):
    root = repo()
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    for name in NAMES:
        os.mkfifo(folder / name)
    done = _check_guarded(root, tmp_path)
    assert done.returncode == 0, done.stderr
    assert all(stat.S_ISFIFO(os.lstat(folder / name).st_mode) for name in NAMES)


def test_a_huge_cache_file_is_not_read(repo, tmp_path):
    """A sparse 64 GiB shard: its size alone keeps it from being read."""
    root = repo()
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    for name in NAMES:
        with open(folder / name, "wb") as fh:
            fh.truncate(64 << 30)
    done = _check_guarded(root, tmp_path)
    assert done.returncode == 0, done.stderr


def test_a_growing_file_is_cut_off_at_the_limit(tmp_path, monkeypatch):
    """st_size can lie (a file that grows, /proc): the read itself stops at the limit + 1."""
    monkeypatch.setattr(cache, "MAX_BYTES", 100)
    (tmp_path / "stor").write_bytes(b"x" * 50)
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        assert cache._read_bytes(fd, "stor") == b"x" * 50
        (tmp_path / "stor").write_bytes(b"x" * 500)
        monkeypatch.setattr(os, "fstat", lambda f: os.stat_result((stat.S_IFREG | 0o600,
                                                                   *[0] * 5, 10, 0, 0, 0)))
        assert cache._read_bytes(fd, "stor") is None
    finally:
        os.close(fd)


@pytest.fixture
def linked_cache(repo, request):
    """``.lsk-cache`` as a link to the root or its parent (removed again: a loop upsets rmtree)."""
    root = repo()
    link = root / cache.CACHE_DIR
    os.symlink(request.param, link)
    yield root
    link.unlink()


@pytest.mark.parametrize("linked_cache", [".", ".."], indirect=True)
def test_a_linked_cache_folder_is_neither_read_nor_written(lsk, linked_cache):
    root = linked_cache
    before = sorted(p.name for p in root.parent.iterdir()), sorted(p.name for p in root.iterdir())
    assert lsk("check", root).code == 0
    assert lsk("check", root).code == 0
    assert (root / cache.CACHE_DIR).is_symlink()
    assert not (root / ".gitignore").exists() and not (root.parent / ".gitignore").exists()
    after = sorted(p.name for p in root.parent.iterdir()), sorted(p.name for p in root.iterdir())
    assert after == before


def test_a_planted_gitignore_link_is_not_written_through(lsk, repo, tmp_path):
    root = repo()
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    outside = tmp_path / "annan.gitignore"
    os.symlink(outside, folder / ".gitignore")
    assert lsk("check", root).code == 0
    assert not outside.exists() and (folder / ".gitignore").is_symlink()
    assert list(folder.glob("files-*.pickle"))  # the cache itself still works


def test_foreign_regular_files_are_replaced_with_lsk_s_own(lsk, repo):
    root = repo()
    folder = root / cache.CACHE_DIR
    folder.mkdir()
    (folder / "result.pickle").write_bytes(b"inte lsk:s")
    assert lsk("check", root).code == 0
    assert (folder / "result.pickle").read_bytes() != b"inte lsk:s"
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*\n"
