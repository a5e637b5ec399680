"""Where a link in a written chapter leads: the one answer the check (LSK530) and the renderers
both use.

A chapter links the way its Markdown reads in an editor: relative to its own file. It may link
to another chapter (``02-uppdrag-och-organisation.md``, with ``#avsnitt`` for one of its
headings), to a section of its own (``#avsnitt``), to a process or routine by its YAML file
(``../processer/KP01-myndighetsutovning.yaml``), to the generated page a register file becomes
(``../organisation.yaml``, ``../roller.yaml``, ``../tjanster.yaml``, ``../arscykel.yaml``), and to
anything outside with ``https:`` or ``mailto:``. Every other relative link would lead nowhere
in the published handbook.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from lsk.analysis.corpus import Corpus
from lsk.loader.validate import closest
from lsk.model.kapitel import FOLDER, Kapitel

PAGE_FILES = {"organisation.yaml": "organisation", "tjanster.yaml": "organisation",
              "roller.yaml": "roller", "arscykel.yaml": "arscykel"}
"""Register files whose content is a generated page: a chapter links to the file, the handbook
to the page."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


@dataclass(frozen=True)
class Target:
    """A link's destination inside the handbook."""

    kind: Literal["kapitel", "process", "rutin", "sida"]
    id: str
    """The chapter's name (``01-ledningssystemet``), the process's or the routine's id, or the
    generated page's name (``organisation``)."""
    fragment: str = ""


@dataclass(frozen=True)
class Problem:
    message: str
    hint: str


@dataclass(frozen=True)
class LinkIndex:
    """What a chapter's relative link can reach, by path from the root."""

    chapters: dict[str, Kapitel]
    """``kapitel/01-x.md`` → the chapter."""
    documents: dict[str, tuple[Literal["process", "rutin", "sida"], str]]
    """``processer/KP01-….yaml`` → ('process', 'KP01'); likewise routines, and the register
    files that become a page of their own (``organisation.yaml`` → ('sida', 'organisation'))."""

    @classmethod
    def of(cls, corpus: Corpus) -> LinkIndex:
        documents: dict[str, tuple[Literal["process", "rutin", "sida"], str]] = {
            d.relpath: ("process", d.model.id) for d in corpus.processes}
        documents.update((d.relpath, ("rutin", d.model.id)) for d in corpus.routines)
        present = {f.relpath for f in corpus.files if f.model is not None}
        documents.update((rel, ("sida", page)) for rel, page in PAGE_FILES.items()
                         if rel in present)
        return cls({d.relpath: d.model for d in corpus.chapters}, documents)


def external(target: str) -> bool:
    """A link with a scheme (``https:``, ``mailto:``) or to another host: left as written."""
    return bool(_SCHEME.match(target))


def resolve_link(target: str, chapter: Kapitel, index: LinkIndex) -> Target | Problem | None:
    """Where ``target`` (written in ``chapter``) leads; None for an external link."""
    if external(target):
        return None
    path, _, fragment = unquote(target).partition("#")
    if not path:
        if fragment in chapter.rubriker:
            return Target("kapitel", chapter.namn, fragment)
        return _no_heading(fragment, chapter, "kapitlet")
    rel = posixpath.normpath(posixpath.join(FOLDER, path))
    found = index.chapters.get(rel)
    if found is not None:
        if fragment and fragment not in found.rubriker:
            return _no_heading(fragment, found, f"kapitlet {found.fil}")
        return Target("kapitel", found.namn, fragment)
    document = index.documents.get(rel)
    if document is not None:
        return Target(document[0], document[1])
    return Problem(f"länken '{target}' leder inte till något i handboken",
                   _suggestion(rel, index)
                   + "Ett kapitel länkar till andra kapitel ('02-uppdrag-och-organisation.md'), "
                   "till processer och rutiner via deras fil ('../processer/KP01-….yaml'), till "
                   "organisationen, rollerna och årscykeln via sina filer ('../roller.yaml') och "
                   "till webbsidor med 'https://'.")


def _no_heading(fragment: str, chapter: Kapitel, where: str) -> Problem:
    guess = closest(fragment, list(chapter.rubriker))
    return Problem(f"{where} har ingen rubrik '#{fragment}'",
                   (f"Menade du '#{guess}'? " if guess else "")
                   + "En rubrik länkas med små bokstäver och bindestreck i stället för "
                   "mellanslag, å/ä/ö som a/a/o: '## God kvalitet' blir '#god-kvalitet'.")


def _suggestion(rel: str, index: LinkIndex) -> str:
    known = [*index.chapters, *index.documents]
    guess = closest(posixpath.basename(rel), [posixpath.basename(k) for k in known])
    if guess is None:
        return ""
    full = next(k for k in known if posixpath.basename(k) == guess)
    return f"Menade du '{posixpath.relpath(full, FOLDER)}'? "
