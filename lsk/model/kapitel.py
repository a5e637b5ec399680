"""Written chapters: the handbook's prose in Markdown, with the generated parts placed in it.

A chapter is one file ``kapitel/NN-namn.md`` under the root. The number before the first hyphen
orders the chapters (``01-ledningssystemet.md`` comes before ``02-uppdrag-och-organisation.md``);
the first line is the chapter's title as a level-1 heading (``# Ledningssystemet``). Nothing else
is needed: no front matter, so the file reads the same in any Markdown editor.

A generated part is placed by a *directive*, a line of its own that starts with three colons::

    ::: processkarta
    ::: process KP01
    ::: lagrum SOSFS-2011:9/4/1 SOSFS-2011:9/4/2

``DIREKTIV`` is the registry: one entry per directive with its name, its arguments and where
its render functions live (``module:function``, imported only when a handbook is rendered, so
the model does not depend on the renderers). An entry without render functions is a part this
version of lsk does not have yet: ``lsk check`` says so (LSK024) and the handbook shows a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from pydantic import Field

from lsk.model.base import Modell

FOLDER = "kapitel"
"""The folder under the root that holds the chapters."""

FILE_NAME = re.compile(r"^(?P<ordning>[0-9]{1,3})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
"""``01-ledningssystemet.md``: a number, a hyphen, lowercase ASCII words joined by hyphens."""

DIRECTIVE_LINE = re.compile(r"^:::[ \t]*(?P<namn>\S*)(?P<rest>.*)$")
"""A line that starts with ``:::`` is a directive (outside fenced code)."""


def is_chapter(relpath: str) -> bool:
    """A Markdown file directly in ``kapitel/`` (posix path relative to the root)."""
    folder, _, name = relpath.partition("/")
    return folder == FOLDER and "/" not in name and name.endswith(".md")


@dataclass(frozen=True, kw_only=True)
class Direktiv:
    """One directive: its name, its arguments, and its render functions."""

    namn: str
    beskrivning: str
    """What it places, in Swedish (documentation and ``lsk`` messages)."""
    exempel: str
    """The directive as an author writes it."""
    min_argument: int = 0
    max_argument: int = 0
    """At most this many arguments; -1 is any number."""
    argument_avser: tuple[str, ...] = ()
    """The id kinds its arguments refer to ('process', 'lagkrav'): lsk check resolves them like
    any reference (LSK302/LSK304, with a suggestion)."""
    html: str | None = None
    """``module:function`` rendering the part as HTML (site and PDF), or None: not available."""
    markdown: str | None = None
    """``module:function`` rendering the part as Markdown."""
    pdf: str | None = None
    """``module:function`` rendering the part in the PDF's HTML; None: the ``html`` function,
    given links inside the one document (``Urls('pdf')``)."""

    @property
    def available(self) -> bool:
        return self.html is not None and self.markdown is not None

    def arguments_text(self) -> str:
        if self.max_argument == 0:
            return "inga argument"
        if self.min_argument == self.max_argument == 1:
            return "ett argument"
        return f"minst {self.min_argument} argument" if self.max_argument < 0 else (
            f"{self.min_argument}–{self.max_argument} argument")


_R = "lsk.render.direktiv:"

DIREKTIV: tuple[Direktiv, ...] = (
    Direktiv(namn="processkarta", beskrivning="Processkartan: lednings-, kärn- och stödprocesser.",
             exempel="::: processkarta", html=_R + "processkarta_html",
             markdown=_R + "processkarta_md"),
    Direktiv(namn="organisationsschema", beskrivning="Organisationsschemat: politiska organ och "
             "tjänstemannaorganisationen, med länk till varje enhet.",
             exempel="::: organisationsschema", html=_R + "organisationsschema_html",
             markdown=_R + "organisationsschema_md"),
    Direktiv(namn="arshjul", beskrivning="Årshjulet med årscykelns händelser per månad.",
             exempel="::: arshjul", html=_R + "arshjul_html", markdown=_R + "arshjul_md"),
    Direktiv(namn="ansvarsmatris", beskrivning="Ansvarsmatrisen: roller × processer.",
             exempel="::: ansvarsmatris", html=_R + "ansvarsmatris_html",
             markdown=_R + "ansvarsmatris_md"),
    Direktiv(namn="process", beskrivning="En process: syfte, ägare och aktiviteter, med länk "
             "till processens sida.", exempel="::: process KP01", min_argument=1,
             max_argument=1, argument_avser=("process",), html=_R + "process_html",
             markdown=_R + "process_md"),
    Direktiv(namn="styrdokument", beskrivning="Förteckningen över styrdokument utanför lsk, "
             "per typ, med beslut, ansvarig och länk.", exempel="::: styrdokument",
             html=_R + "styrdokument_html", markdown=_R + "styrdokument_md"),
    Direktiv(namn="begrepp", beskrivning="Begreppen och deras definitioner (begrepp.yaml).",
             exempel="::: begrepp", html=_R + "begrepp_html", markdown=_R + "begrepp_md"),
    Direktiv(namn="kvalitetsfaktorer", beskrivning="Kvalitetsfaktorerna som beskriver god "
             "kvalitet (begrepp.yaml).", exempel="::: kvalitetsfaktorer",
             html=_R + "kvalitetsfaktorer_html", markdown=_R + "kvalitetsfaktorer_md"),
    Direktiv(namn="omraden", beskrivning="Alla kvalitetsområden (omraden.yaml), vart och ett med "
             "vad som säkerställs, uppföljning och ansvar.", exempel="::: omraden",
             html=_R + "omraden_html", markdown=_R + "omraden_md"),
    Direktiv(namn="omrade", beskrivning="Ett kvalitetsområde: vad som säkerställs, uppföljning "
             "och ansvar.", exempel="::: omrade bemotande", min_argument=1, max_argument=1,
             argument_avser=("omrade",), html=_R + "omrade_html", markdown=_R + "omrade_md"),
    Direktiv(namn="lagrum", beskrivning="Bestämmelserna som kapitlet vilar på, med rubrik och "
             "länk till kravsidan.", exempel="::: lagrum SOSFS-2011:9/4/1 SOSFS-2011:9/4/2",
             min_argument=1, max_argument=-1, argument_avser=("lagkrav",),
             html=_R + "lagrum_html", markdown=_R + "lagrum_md"),
)
"""Every directive, in the order the documentation lists them."""


def directive(name: str) -> Direktiv | None:
    return next((d for d in DIREKTIV if d.namn == name), None)


class Text(Modell):
    """Markdown between directives, as written."""

    typ: Literal["text"] = "text"
    text: str
    rad: int
    """The line of the text's first line in the file."""


class Placering(Modell):
    """A directive line: which part goes here."""

    typ: Literal["placering"] = "placering"
    namn: str
    argument: tuple[str, ...] = ()
    rad: int


class Lank(Modell):
    """A link in the chapter's text, where it stands (for LSK530)."""

    mal: str
    rad: int
    kolumn: int


class Kapitel(Modell):
    """One written chapter, read from ``kapitel/NN-namn.md``."""

    LABEL: ClassVar[str] = "kapitel"
    ARTICLE: ClassVar[str] = "ett"
    PLURAL: ClassVar[str] = "kapitel"

    namn: str
    """The file name without ``.md`` (``01-ledningssystemet``): the chapter's page and anchor."""
    ordning: int
    titel: str
    delar: tuple[Text | Placering, ...] = ()
    rubriker: tuple[str, ...] = ()
    """The anchors of the chapter's headings (``heading_anchor``), for links to a section."""
    lankar: tuple[Lank, ...] = ()

    @property
    def fil(self) -> str:
        return f"{self.namn}.md"


class Avsnitt(Modell):
    """One section of a chapter as ``lsk diff`` compares it: a heading and the text under it."""

    LABEL: ClassVar[str] = "avsnitt"
    ARTICLE: ClassVar[str] = "ett"

    rubrik: str | None = Field(None, title="Rubrik")
    text: str = Field("", title="Text")


class Kapitelinnehall(Modell):
    """A chapter as ``lsk diff`` compares it (``lsk.history.snapshot``): its title, its number
    and its sections, so a change reads 'Avsnitt «Uppföljning», text: … **ord** …'."""

    LABEL: ClassVar[str] = "kapitel"
    ARTICLE: ClassVar[str] = "ett"

    titel: str = Field(title="Rubrik")
    ordning: int = Field(title="Kapitlets nummer")
    avsnitt: list[Avsnitt] = Field([], title="Avsnitt")


def heading_anchor(text: str) -> str:
    """The anchor of a heading in a chapter: '## God kvalitet' → 'god-kvalitet'; å, ä and ö
    become a, a and o, so a link can be typed from the heading."""
    plain = text.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
