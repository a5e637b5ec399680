"""The documents of one side of a comparison: a commit, or the working tree on disk.

Files are parsed by lsk's own reader (no model validation: an invalid document still compares),
and a document is known by its kind and id, so a renamed file is the same document.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsk import limits
from lsk.gitrepo import GitRepo
from lsk.loader.yamlread import parse_yaml
from lsk.model.kinds import KINDS, kind_for

_KIND_ORDER = {k.name: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Document:
    relpath: str
    kind: str
    id: str | None
    title: str | None
    data: Any
    problem: str | None = None
    """Why the file could not be read; ``data`` is None then."""
    digest: str = ""

    @property
    def name(self) -> str:
        """How people refer to it: 'R004 Utredning', else the file."""
        if self.id:
            return f"{self.id} {self.title}" if self.title else self.id
        return self.relpath

    def sort_key(self) -> tuple[int, str]:
        return (_KIND_ORDER.get(self.kind, len(KINDS)), self.id or self.relpath)


def _document(relpath: str, kind: str, raw: bytes) -> Document:
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if len(raw) > limits.MAX_FILE_BYTES:
        return Document(relpath, kind, None, None, None, "filen är för stor för att läsas", digest)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Document(relpath, kind, None, None, None, "filen är inte giltig UTF-8", digest)
    parsed = parse_yaml(text)
    if not parsed.ok:
        first = parsed.problems[0]
        return Document(relpath, kind, None, None, None,
                        f"filen kan inte tolkas (rad {first.line}: {first.message})", digest)
    data = parsed.data
    ident = data.get("id") if isinstance(data, dict) else None
    title = (data.get("titel") or data.get("namn")) if isinstance(data, dict) else None
    return Document(relpath, kind, ident if isinstance(ident, str) else None,
                    title if isinstance(title, str) else None, data, None, digest)


def documents(files: dict[str, bytes]) -> dict[str, Document]:
    """Documents keyed by ``kind:id``, or ``fil:relpath`` when the id is missing or not unique.

    A duplicated id (LSK301) keys every file that carries it by path, so no copy is mistaken
    for the other; ``semdiff`` then pairs each with the same file in the other snapshot.
    """
    docs = []
    for relpath in sorted(files):
        kind = kind_for(relpath)
        if kind is None:  # not a document (lsk check warns about it: LSK006)
            continue
        docs.append(_document(relpath, kind.name, files[relpath]))
    ids = Counter(f"{doc.kind}:{doc.id}" for doc in docs if doc.id)
    out: dict[str, Document] = {}
    for doc in docs:
        key = f"{doc.kind}:{doc.id}" if doc.id else ""
        out[key if ids[key] == 1 else f"fil:{doc.relpath}"] = doc
    return out


def working_tree(root: Path) -> dict[str, bytes]:
    """The YAML files lsk reads under ``root``, as they are on disk now."""
    from lsk.loader.discover import discover

    out = {}
    for relpath in discover(root).files:
        try:
            with open(os.path.join(root, relpath), "rb") as fh:
                out[relpath] = fh.read(limits.MAX_FILE_BYTES + 1)
        except OSError:
            continue
    return out


def at(git: GitRepo, commit: str | None, root: Path) -> dict[str, Document]:
    """The documents in ``commit``, or in the working tree when ``commit`` is None."""
    return documents(working_tree(root) if commit is None else git.files_at(commit))
