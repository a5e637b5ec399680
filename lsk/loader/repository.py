"""Load a whole ledningssystem: discover, read, parse, validate, resolve (the loader pipeline)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsk.catalog import catalog_files
from lsk.diagnostics import Diagnostic, diag
from lsk.loader import cache
from lsk.loader.discover import discover, template_files
from lsk.loader.files import FileResult, process_file, process_template, read_text
from lsk.loader.resolve import required_documents, resolve
from lsk.model.kinds import by_name


@dataclass
class Source:
    """A file read from disk, before parsing: what the cache is keyed on."""

    relpath: str
    raw: bytes | None
    text: str | None
    problems: list[Diagnostic]
    digest: bytes
    builtin: bool = False
    template: bool = False
    """A file in a template folder (``discover.template_files``): scanned for personal data
    only, since what it holds is published on every page."""


@dataclass
class Scan:
    root: Path
    sources: list[Source] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    """Files under the root that are not documents (``Discovery.attachments``)."""

    def digest(self) -> bytes:
        """One hash over every file's path and content: equal scans give equal results."""
        h = hashlib.blake2b(digest_size=16)
        for s in self.sources:
            h.update(s.relpath.encode() + b"\0" + s.digest)
        for a in self.attachments:  # a linked file added or removed changes LSK516
            h.update(b"\1" + a.encode())
        for d in self.diagnostics:  # what discovery found in names that are not read
            h.update(f"{d.code}\0{d.path}\0{d.message}\0".encode("utf-8", "backslashreplace"))
        return h.digest()


@dataclass
class Repository:
    root: Path
    files: list[FileResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)

    def models(self, kind: str) -> list[Any]:
        """Validated documents of one kind."""
        return [f.model for f in self.files if f.kind == kind and f.model is not None]


def _read(path: str, relpath: str, builtin: bool = False, template: bool = False) -> Source:
    raw, text, problems = read_text(path, relpath)
    return Source(relpath, raw, text, problems,
                  hashlib.blake2b(raw or b"", digest_size=16).digest(), builtin, template)


def scan(root: Path) -> Scan:
    """Discover and read every file (and the shipped catalog); nothing is parsed yet."""
    out = Scan(root)
    if not root.is_dir():
        what = "finns inte" if not root.exists() else "är ingen mapp"
        out.diagnostics.append(diag(
            "LSK001", "", 1, 1, f"roten '{root}' {what}",
            "Ange mappen som innehåller lsk.yaml, t.ex. 'lsk check ledningssystem/'."))
        return out
    found = discover(root)
    out.diagnostics.extend(found.diagnostics)
    out.attachments = found.attachments
    if not found.files and not found.diagnostics:
        out.diagnostics.append(diag("LSK001", "", 1, 1, f"roten '{root}' är tom",
                                    "Ange mappen som innehåller lsk.yaml."))
        return out
    base = os.fspath(root)
    out.sources = [_read(os.path.join(base, rel), rel) for rel in found.files]
    out.sources += [_read(path, rel, builtin=True) for rel, path in catalog_files()]
    templates, problems = template_files(root)
    out.diagnostics.extend(problems)
    out.sources += [_read(path, rel, template=True) for path, rel in templates]
    return out


def load_repository(root: Path, *, use_cache: bool = True, scanned: Scan | None = None) -> Repository:
    """Every loader diagnostic for ``root`` and the validated models of all its documents."""
    found = scanned or scan(root)
    repo = Repository(root, diagnostics=list(found.diagnostics), attachments=found.attachments)
    if not found.sources:
        return repo
    cached = cache.load(root) if use_cache else {}
    catalog_kind = by_name("kravkatalog")
    for s in found.sources:
        hit = cached.get(s.relpath)
        if hit is not None and hit.digest == s.digest and s.raw is not None:
            repo.files.append(hit)
        elif s.template:
            repo.files.append(process_template(s.relpath, s.digest, s.text, s.problems))
        else:
            repo.files.append(process_file(s.relpath, s.digest, s.raw, s.text, s.problems,
                                           catalog_kind if s.builtin else None))
    if use_cache:
        current = {f.relpath for f in repo.files}
        changed = {f.relpath for f in repo.files if cached.get(f.relpath) is not f}
        changed |= set(cached) - current
        if changed:
            cache.save(root, repo.files, changed)
    for f in repo.files:
        repo.diagnostics.extend(f.diagnostics)
    user_files = [f for f in repo.files if not f.relpath.startswith(("@", "../", "mallar/"))]
    repo.diagnostics.extend(required_documents(user_files))
    repo.diagnostics.extend(resolve(repo.files))
    repo.diagnostics.sort(key=Diagnostic.sort_key)
    return repo
