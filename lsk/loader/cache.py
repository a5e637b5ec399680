"""Per-file results kept between runs, keyed by content hash, in ``<root>/.lsk-cache/``.

Only results that depend on one file alone are cached; ids and references across files are
resolved again on every run. The cache is dropped whenever lsk's own code changes.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

import lsk
from lsk.loader.files import FileResult

CACHE_DIR = ".lsk-cache"
_FILE = "check.pickle"


@cache
def _fingerprint() -> str:
    package = Path(lsk.__file__).parent
    stats = sorted(
        (str(p.relative_to(package)), p.stat().st_mtime_ns, p.stat().st_size)
        for p in package.rglob("*.py")
    )
    # hashlib, not hash(): str hashes are salted per process and would never match
    return f"{lsk.__version__}:{hashlib.sha256(repr(stats).encode()).hexdigest()}"


def load(root: Path) -> dict[str, FileResult]:
    # Unpickling creates ~100k small acyclic objects; with the cyclic GC running it took
    # 0.17 s instead of 0.04 s on the 5,500-file benchmark.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(root / CACHE_DIR / _FILE, "rb") as fh:
            stamp, entries = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    finally:
        if enabled:
            gc.enable()
    return entries if stamp == _fingerprint() else {}


def save(root: Path, results: list[FileResult]) -> None:
    """Write atomically; a read-only repository simply runs without a cache."""
    entries = {r.relpath: FileResult(r.relpath, r.kind, r.digest, r.diagnostics, r.definitions,
                                     r.references) for r in results}
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        gitignore = folder / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n", encoding="utf-8")
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((_fingerprint(), entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / _FILE)
    except OSError:
        return
