"""Load a whole ledningssystem: discover, read, parse, validate, resolve (the loader pipeline)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsk.diagnostics import Diagnostic, diag
from lsk.loader import cache
from lsk.loader.discover import discover
from lsk.loader.files import FileResult, process_file, read_text
from lsk.loader.resolve import required_documents, resolve


@dataclass
class Repository:
    root: Path
    files: list[FileResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def models(self, kind: str) -> list[Any]:
        """Validated documents of one kind (only when loaded with ``want_models``)."""
        return [f.model for f in self.files if f.kind == kind and f.model is not None]


def load_repository(root: Path, *, use_cache: bool = True, want_models: bool = False) -> Repository:
    """Every diagnostic of the loader for ``root``; models too when ``want_models``."""
    repo = Repository(root)
    if not root.is_dir():
        what = "finns inte" if not root.exists() else "är ingen mapp"
        repo.diagnostics.append(diag(
            "LSK001", "", 1, 1, f"roten '{root}' {what}",
            "Ange mappen som innehåller lsk.yaml, t.ex. 'lsk check ledningssystem/'."))
        return repo
    found = discover(root)
    repo.diagnostics.extend(found.diagnostics)
    if not found.files and not found.diagnostics:
        repo.diagnostics.append(diag("LSK001", "", 1, 1, f"roten '{root}' är tom",
                                     "Ange mappen som innehåller lsk.yaml."))
        return repo
    cached = cache.load(root) if use_cache and not want_models else {}
    base = os.fspath(root)
    for relpath in found.files:
        raw, text, problems = read_text(os.path.join(base, relpath), relpath)
        digest = hashlib.blake2b(raw or b"", digest_size=16).digest()
        hit = cached.get(relpath)
        if hit is not None and hit.digest == digest and raw is not None:
            repo.files.append(hit)
        else:
            repo.files.append(process_file(relpath, digest, raw, text, problems, want_models))
    if use_cache and not want_models:
        changed = len(cached) != len(repo.files) or any(
            cached.get(f.relpath) is not f for f in repo.files)
        if changed:
            cache.save(root, repo.files)
    for f in repo.files:
        repo.diagnostics.extend(f.diagnostics)
    repo.diagnostics.extend(required_documents(repo.files))
    repo.diagnostics.extend(resolve(repo.files))
    repo.diagnostics.sort(key=Diagnostic.sort_key)
    return repo
