"""Per-file results kept between runs, keyed by content hash, in ``<root>/.lsk-cache/``.

Only results that depend on one file alone are cached (diagnostics, ids, references and the
validated model); ids and references across files are resolved again on every run. The cache
is dropped whenever lsk's own code changes.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import pickle
import secrets
import stat
from functools import cache
from pathlib import Path
from typing import Any

import lsk
from lsk.loader.files import FileResult

CACHE_DIR = ".lsk-cache"


@cache
def _fingerprint() -> str:
    package = Path(lsk.__file__).parent
    stats = sorted(
        (str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
        for p in package.rglob("*.py")
    )
    # hashlib, not hash(): str hashes are salted per process and would never match
    return f"{lsk.__version__}:{hashlib.sha256(repr(stats).encode()).hexdigest()}"


SHARDS = 32
"""Per-file results are spread over shards so that one edited file rewrites 1/32 of the cache."""


def shard_of(relpath: str) -> int:
    return hashlib.blake2b(relpath.encode(), digest_size=1).digest()[0] % SHARDS


@cache
def _key() -> bytes | None:
    """A secret of this user's, outside every repository: the cache is signed with it, so a
    ``.lsk-cache`` committed or planted by someone else is never unpickled (pickle runs code)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lsk"
    path = base / "nyckel"
    try:
        if not path.exists():
            base.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(32))
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def _sign(payload: bytes, key: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


MAX_BYTES = 256 * 1_048_576
"""Largest cache file read or written; a larger one is not lsk's and is ignored."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _open_folder(root: Path, *, create: bool) -> int | None:
    """A descriptor for ``root/.lsk-cache``, never through a symlink; None when there is none.

    Everything in the folder is then opened relative to this descriptor, so a ``.lsk-cache``
    that is a link (to ``.``, or anywhere) is neither read nor written: lsk then runs without a
    cache, and the link is left as it is.
    """
    if not _NOFOLLOW or os.open not in os.supports_dir_fd:
        return None  # no safe way to refuse links here: run without a cache
    folder = root / CACHE_DIR
    try:
        if create:
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder)
        return os.open(folder, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
    except OSError:
        return None


def _read_bytes(folder: int, name: str) -> bytes | None:
    """The file's bytes if it is a regular file (no link, FIFO or device) of at most
    ``MAX_BYTES``; at most ``MAX_BYTES + 1`` bytes are ever read."""
    try:
        fd = os.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        chunks, left = [], MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1_048_576))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        blob = b"".join(chunks)
        return blob if len(blob) <= MAX_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _read(root: Path, name: str) -> Any:
    key = _key()
    if key is None:
        return None
    folder = _open_folder(root, create=False)
    if folder is None:
        return None
    try:
        blob = _read_bytes(folder, name)
    finally:
        os.close(folder)
    if blob is None:
        return None
    mac, payload = blob[:32], blob[32:]
    if len(mac) < 32 or not hmac.compare_digest(mac, _sign(payload, key)):
        return None  # not written by this user's lsk: never unpickled
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is simply not used
        return None


def load(root: Path) -> dict[str, FileResult]:
    # Unpickling creates ~100k small acyclic objects that live as long as the process. With the
    # cyclic GC on, collections scan them over and over (measured: 0.17 s of a 0.43 s warm
    # check); so GC is paused while loading and the result is frozen out of later collections.
    entries: dict[str, FileResult] = {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for shard in range(SHARDS):
            stored = _read(root, f"files-{shard:02d}.pickle")
            if stored and stored[0] == _fingerprint():
                entries.update(stored[1])
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    return entries


def save(root: Path, results: list[FileResult], changed: set[str]) -> None:
    """Rewrite the shards that hold a changed (or removed) file."""
    dirty = {shard_of(rel) for rel in changed}
    shards: dict[int, dict[str, FileResult]] = {s: {} for s in dirty}
    for r in results:
        shard = shard_of(r.relpath)
        if shard in shards:
            shards[shard][r.relpath] = r
    for shard, entries in shards.items():
        _write(root, f"files-{shard:02d}.pickle", (_fingerprint(), entries))


def _write(root: Path, name: str, payload: Any) -> None:
    """Write atomically; a read-only repository simply runs without a cache.

    Only regular files are replaced: a link, FIFO or device under a cache file's name is left
    where it is (that file is then not cached), and a ``.gitignore`` that exists in any form is
    never touched.
    """
    key = _key()
    if key is None:
        return
    folder = _open_folder(root, create=True)
    if folder is None:
        return
    tmp = f".tmp-{os.getpid()}-{secrets.token_hex(6)}"
    try:
        _ignore_folder(folder)
        try:
            if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
                return  # not lsk's: left alone
        except FileNotFoundError:
            pass
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) + 32 > MAX_BYTES:
            return  # would never be read back
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_sign(data, key) + data)
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=folder)
            raise
    except OSError:
        return
    finally:
        os.close(folder)


def _ignore_folder(folder: int) -> None:
    """``.gitignore`` with ``*`` in the cache folder, made once and only there."""
    try:
        fd = os.open(".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666,
                     dir_fd=folder)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("*\n")


_RESULT = "result.pickle"


def load_result(root: Path, key: bytes) -> Any:
    """The last full result, if it was computed from exactly these inputs (``key``)."""
    stored = _read(root, _RESULT)
    if not isinstance(stored, tuple) or len(stored) != 3:
        return None
    stamp, stored_key, result = stored
    return result if stamp == _fingerprint() and stored_key == key else None


def save_result(root: Path, key: bytes, result: Any) -> None:
    _write(root, _RESULT, (_fingerprint(), key, result))


_FORMATTED = "fmt.pickle"


def load_formatted(root: Path) -> set[bytes]:
    """Digests of files ``lsk fmt`` found already formatted (by this version of lsk)."""
    stored = _read(root, _FORMATTED)
    return set(stored[1]) if stored and stored[0] == _fingerprint() else set()


def save_formatted(root: Path, digests: set[bytes]) -> None:
    _write(root, _FORMATTED, (_fingerprint(), frozenset(digests)))
