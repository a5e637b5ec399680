"""The documents of one side of a comparison: a commit, or the working tree on disk.

Files are parsed by lsk's own reader (no model validation: an invalid document still compares),
and a document is known by its kind and id, so a renamed file is the same document.

A written chapter (``kapitel/NN-namn.md``) is compared as its title, number and sections
(``lsk.model.kapitel.Kapitelinnehall``) and known by the name after the number, so a chapter
renumbered is the same chapter moved.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsk import limits
from lsk.gitrepo import GitRepo
from lsk.loader.files import CHAPTER_KIND
from lsk.loader.yamlread import parse_yaml
from lsk.model.kapitel import FILE_NAME, is_chapter
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
        if self.kind == CHAPTER_KIND:  # after the documents, in the handbook's order
            return (len(KINDS), self.relpath.rsplit("/", 1)[-1])
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


_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def chapter_data(relpath: str, text: str) -> dict[str, Any]:
    """A chapter as it is compared: ``titel`` (the level-1 heading, else the file's name),
    ``ordning`` and ``avsnitt``, one per heading below the title (``rubrik``, ``text``); text
    before the first such heading is a section without ``rubrik``."""
    name = relpath.rsplit("/", 1)[-1]
    match = FILE_NAME.match(name)
    title: str | None = None
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {}
    lines: list[str] = []
    fence: str | None = None

    def close() -> None:
        body = "\n".join(lines).strip()
        if body or "rubrik" in current:
            sections.append({**current, "text": body})

    for line in text.splitlines():
        if fence is None and (opened := _FENCE.match(line)):
            fence = opened.group(1)[0] * 3
        elif fence is not None and line.lstrip(" ").startswith(fence):
            fence = None
        heading = _HEADING.match(line) if fence is None else None
        if heading and len(heading.group(1)) == 1 and title is None and not sections \
                and not any(x.strip() for x in lines):
            title, lines = heading.group(2).strip(), []
            continue
        if heading:
            close()
            current, lines = {"rubrik": heading.group(2).strip()}, []
            continue
        lines.append(line)
    close()
    return {"titel": title or name[:-3], "ordning": int(match.group("ordning")) if match else 0,
            "avsnitt": sections}


def _chapter(relpath: str, raw: bytes) -> Document:
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if len(raw) > limits.MAX_FILE_BYTES:
        return Document(relpath, CHAPTER_KIND, None, None, None, "filen är för stor för att läsas",
                        digest)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Document(relpath, CHAPTER_KIND, None, None, None, "filen är inte giltig UTF-8",
                        digest)
    data = chapter_data(relpath, text)
    return Document(relpath, CHAPTER_KIND, None, data["titel"], data, None, digest)


def _chapter_name(relpath: str) -> str:
    """What a chapter is known by: its file name without the number ('ledningssystemet')."""
    match = FILE_NAME.match(relpath.rsplit("/", 1)[-1])
    return match.group("slug") if match else relpath


def documents(files: dict[str, bytes]) -> dict[str, Document]:
    """Documents keyed by ``kind:id``, or ``fil:relpath`` when the id is missing or not unique.

    A duplicated id (LSK301) keys every file that carries it by path, so no copy is mistaken
    for the other; ``semdiff`` then pairs each with the same file in the other snapshot.
    """
    docs = []
    for relpath in sorted(files):
        kind = kind_for(relpath)
        if kind is None and is_chapter(relpath):
            docs.append(_chapter(relpath, files[relpath]))
        if kind is None:  # not a document (lsk check warns about it: LSK006)
            continue
        docs.append(_document(relpath, kind.name, files[relpath]))
    ids = Counter(key for doc in docs if (key := _key(doc)))
    out: dict[str, Document] = {}
    for doc in docs:
        key = _key(doc)
        out[key if ids[key] == 1 else f"fil:{doc.relpath}"] = doc
    return out


def _key(doc: Document) -> str:
    """``kind:id`` (``kapitel:name`` for a chapter); empty without an id."""
    if doc.kind == CHAPTER_KIND:
        return f"{CHAPTER_KIND}:{_chapter_name(doc.relpath)}"
    return f"{doc.kind}:{doc.id}" if doc.id else ""


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
    return documents(working_tree(root) if commit is None else
                     git.files_at(commit, also=is_chapter))
