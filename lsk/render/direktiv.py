"""Written chapters in the handbook: their Markdown, and the generated parts their directives place.

The directive registry is ``lsk.model.kapitel.DIREKTIV``; its entries name the render functions
below (``html`` for the site, and for the PDF unless ``pdf`` names another; ``markdown`` for the
Markdown handbook). A render
function takes a ``Plats`` (the handbook, the output's links, the directive macros, the heading
level where the part stands) and the directive's arguments, and returns the part as Markup. The
macros live in the templates ``_direktiv.html`` and ``_direktiv.md``, so a municipality can
restyle a part like any other template, and the pages Start, Roller and Årscykel use the same.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from lsk.analysis.kapitel import Problem, Target, resolve_link
from lsk.model.kapitel import Kapitel, Placering, directive, heading_anchor
from lsk.render.handbook import Handbook
from lsk.render.matrix import responsibility
from lsk.render.textformat import chapter_html, chapter_markdown
from lsk.render.urls import Urls


@dataclass(frozen=True)
class Plats:
    """Where a directive's part is rendered."""

    hb: Handbook
    url: Urls
    macros: Any
    """The template module of ``_direktiv.html`` or ``_direktiv.md``: one macro per part."""
    h: int
    """The heading level for the part's own headings (one below the section it stands in)."""


Renderer = Callable[[Plats, tuple[str, ...]], Markup]


# --- The render functions the registry names ---------------------------------------------------

def processkarta_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.processkarta(p.h))


def processkarta_md(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.processkarta())


def arshjul_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.arshjul())


arshjul_md = arshjul_html


def ansvarsmatris_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.ansvarsmatris(responsibility(p.hb)))


ansvarsmatris_md = ansvarsmatris_html


def organisationsschema_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.organisationsschema())


organisationsschema_md = organisationsschema_html


def styrdokument_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.styrdokument(p.h))


styrdokument_md = styrdokument_html


def process_html(p: Plats, args: tuple[str, ...]) -> Markup:
    found = next((x for x in p.hb.processes if x.id == args[0]), None)
    if found is None:  # lsk check reports it (LSK302); the handbook says what is missing
        return Markup(p.macros.saknas(f"process {args[0]}"))
    return Markup(p.macros.process(found, p.h))


def process_md(p: Plats, args: tuple[str, ...]) -> Markup:
    found = next((x for x in p.hb.processes if x.id == args[0]), None)
    if found is None:
        return Markup(p.macros.saknas(f"process {args[0]}"))
    return Markup(p.macros.process(found))


def begrepp_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.begrepp(p.hb.begrepp))


begrepp_md = begrepp_html


def kvalitetsfaktorer_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.kvalitetsfaktorer(p.hb.kvalitetsfaktorer, p.h))


kvalitetsfaktorer_md = kvalitetsfaktorer_html


def omraden_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup("\n".join(p.macros.omrade(o, p.h) for o in p.hb.omraden))


omraden_md = omraden_html


def omrade_html(p: Plats, args: tuple[str, ...]) -> Markup:
    found = next((o for o in p.hb.omraden if o.id == args[0]), None)
    if found is None:  # lsk check reports it (LSK302); the handbook says what is missing
        return Markup(p.macros.saknas(f"område {args[0]}"))
    return Markup(p.macros.omrade(found, p.h))


omrade_md = omrade_html


def lagrum_html(p: Plats, args: tuple[str, ...]) -> Markup:
    return Markup(p.macros.lagrum(list(args)))


lagrum_md = lagrum_html


# --- Chapters ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kapiteltext:
    """A chapter rendered for one output: what the templates show."""

    namn: str
    """The file name without ``.md``: the chapter's page (``kapitel/NAMN.html``) and anchor."""
    titel: str
    nummer: int
    """Its place in the handbook, 1 for the first chapter (the file's own number may skip)."""
    innehall: Markup
    """The text with its parts, as HTML or Markdown."""

    @property
    def anchor(self) -> str:
        return f"kapitel-{self.namn}"


def renderer(path: str) -> Renderer:
    module, _, name = path.partition(":")
    found: Renderer = getattr(importlib.import_module(module), name)
    return found


def _heading_id(url: Urls, chapter: Kapitel, text: str) -> str:
    """A heading's id: as the author links it, prefixed by the chapter's in the one-document
    PDF (two chapters may each have a 'Syfte')."""
    slug = heading_anchor(text)
    return f"kapitel-{chapter.namn}-{slug}" if url.style == "pdf" else slug


def _link(target: str, chapter: Kapitel, hb: Handbook, url: Urls) -> str:
    found = resolve_link(target, chapter, hb.link_index)
    if found is None or isinstance(found, Problem):
        return target  # outside the handbook, or broken (lsk check: LSK530)
    return _target_url(found, url)


def _target_url(t: Target, url: Urls) -> str:
    if t.kind == "process":
        return url.process(t.id)
    if t.kind == "rutin":
        return url.routine(t.id)
    if t.kind == "sida":
        return url.page(t.id)
    return url.chapter(t.id, t.fragment)


_ID = re.compile(r'\b(id|aria-labelledby|aria-describedby)="([^"]*)"')


def namespaced(html: str, prefix: str) -> Markup:
    """Every id in a part (and the attributes that point at them) prefixed: a part placed twice,
    or once in a chapter and once in its own section of the PDF, keeps its ids unique."""
    html = _ID.sub(lambda m: f'{m.group(1)}="'
                   + " ".join(prefix + x for x in m.group(2).split()) + '"', html)
    return Markup(html.replace("url(#", f"url(#{prefix}"))


_LAST_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]", re.MULTILINE)


def render_chapter(chapter: Kapitel, hb: Handbook, env: Environment, url: Urls) -> Markup:
    """The chapter's text and parts as HTML (``url.style`` html or pdf) or Markdown (md)."""
    markdown = url.style == "md"
    macros = env.get_template("_direktiv.md" if markdown else "_direktiv.html").make_module(
        {"hb": hb, "url": url, "version": hb.version})

    def link(target: str) -> str:
        return _link(target, chapter, hb, url)

    def anchor(text: str) -> str:
        return _heading_id(url, chapter, text)

    level = 1
    pieces: list[str] = []
    for n, part in enumerate(chapter.delar, start=1):
        if not isinstance(part, Placering):
            pieces.append((chapter_markdown if markdown else chapter_html)(part.text, link, anchor))
            levels = _LAST_HEADING.findall(part.text)
            level = max(len(levels[-1]), 2) if levels else level
            continue
        pieces.append(_part(part, Plats(hb, url, macros, min(level + 1, 6)), markdown,
                            f"{chapter.namn}-{n}-"))
    return Markup(("\n\n" if markdown else "\n").join(p.strip() for p in pieces if p.strip()))


def _part(part: Placering, where: Plats, markdown: bool, prefix: str) -> Markup:
    entry = directive(part.namn)
    path = None
    if entry is not None and entry.available:
        path = entry.markdown if markdown else (
            entry.pdf or entry.html if where.url.style == "pdf" else entry.html)
    if path is None:  # lsk check says so (LSK022, LSK024)
        return Markup(where.macros.saknas(part.namn))
    out = renderer(path)(where, part.argument)
    return out if markdown else namespaced(out, prefix)


def render_chapters(hb: Handbook, env: Environment, url: Urls) -> list[Kapiteltext]:
    """Every chapter in handbook order, rendered with links from ``url`` (the chapter's page)."""
    return [Kapiteltext(c.namn, c.titel, i, render_chapter(c, hb, env, url))
            for i, c in enumerate(hb.chapters, start=1)]
