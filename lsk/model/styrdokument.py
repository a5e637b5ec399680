"""Styrdokument kept outside lsk: riktlinjer, policyer, delegationsordningen, planer, avtal.

A municipality's activities are governed not only by its own rutiner but by documents that live
elsewhere (the nämnd's delegationsordning, a riktlinje adopted by kommunfullmäktige, the
internkontrollplan, a rutin in the document system). ``styrdokument.yaml`` lists them like a
municipality's register of governing documents: one short entry each, with who decided it and
when, how long it is valid and where it is found (a web address or a file in the repository).
Activities and routine steps point at them as they point at rutiner (``styrdokument: [id]``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from lsk.model.base import Dokumenthuvud, Labels, Modell, Slug, Text

Dokumenttyp = Annotated[
    Literal["riktlinje", "policy", "delegationsordning", "plan", "program", "reglemente",
            "avtal", "overenskommelse", "rutin", "instruktion", "annat"],
    Labels({"riktlinje": "riktlinje", "policy": "policy",
            "delegationsordning": "delegationsordning", "plan": "plan", "program": "program",
            "reglemente": "reglemente", "avtal": "avtal", "overenskommelse": "överenskommelse",
            "rutin": "rutin i dokumentsystemet", "instruktion": "instruktion",
            "annat": "annat styrdokument"},
           plural={"riktlinje": "Riktlinjer", "policy": "Policyer",
                   "delegationsordning": "Delegationsordningar", "plan": "Planer",
                   "program": "Program", "reglemente": "Reglementen", "avtal": "Avtal",
                   "overenskommelse": "Överenskommelser",
                   "rutin": "Rutiner i dokumentsystemet", "instruktion": "Instruktioner",
                   "annat": "Övriga styrdokument"}),
]
"""What kind of governing document it is; the plural heads each group in the handbook's list."""

_URL = re.compile(r"^https?://[^\s/]+\S*$")
_UNSAFE = re.compile(r"[\\:*?\"<>|\x00-\x1f]")


def is_url(link: str) -> bool:
    """A web address (http or https); anything else in ``lank`` is a file in the repository."""
    return bool(_URL.match(link))


def _check_link(link: str) -> str:
    if link.startswith(("http://", "https://")):
        if not is_url(link):
            raise ValueError("webbadressen är ofullständig eller innehåller mellanslag "
                             "(skriv t.ex. https://kommun.se/delegationsordning.pdf)")
        return link
    if "://" in link or link.startswith(("mailto:", "file:", "www.")):
        raise ValueError("en webbadress ska börja med https:// (eller http://)")
    parts = link.split("/")
    if link.startswith("/") or "" in parts or any(p in (".", "..") for p in parts) \
            or _UNSAFE.search(link):
        raise ValueError(
            "en fil anges relativt roten med '/' mellan mapparna, utan '..', '\\' eller "
            "specialtecken (t.ex. dokument/delegationsordning.pdf)")
    return link


Lank = Annotated[str, AfterValidator(_check_link)]
"""A web address (``https://…``) or a file under the root (``dokument/riktlinje.pdf``)."""


class Styrdokument(Dokumenthuvud):
    """One entry of ``styrdokument.yaml``: a document decided and kept outside lsk.

    The header fields are those of processes and rutiner (``Dokumenthuvud``): ``ansvarig`` is
    the role that owns the document, ``faststalld`` who decided it (organ, date, dnr, §),
    ``nasta_revision`` when it is to be revised (it feeds LSK507 and ``lsk status``).
    """

    KIND = "styrdokument"
    LABEL = "styrdokument"
    ARTICLE = "ett"
    PLURAL = "styrdokument"
    RECOMMENDED = ("faststalld", "lank")
    ORDER = ("id", "titel", "typ", "beskrivning", "ansvarig", "version", "upprattad",
             "faststalld", "reviderad", "granskad", "giltig_till", "nasta_revision", "lank")
    id: Slug = Field(title="Id", description="Kort namn som aktiviteter och steg hänvisar till, "
                     "t.ex. 'delegationsordning'.")
    titel: Text = Field(title="Titel", description="Dokumentets titel som den står på dokumentet.")
    typ: Dokumenttyp = Field(title="Typ", description="Vilket slags styrdokument det är.")
    beskrivning: str | None = Field(
        None, title="Beskrivning", description="Vad dokumentet styr, kort, för handbokens läsare.")
    giltig_till: dt.date | None = Field(
        None, title="Giltig till",
        description="Sista dag dokumentet gäller (t.ex. en plan för ett år eller ett avtal); "
                    "därefter varnar lsk check (LSK517).")
    lank: Lank | None = Field(
        None, title="Länk",
        description="Var dokumentet finns: en webbadress (https://…) eller en fil i repot "
                    "relativt roten, t.ex. 'dokument/delegationsordning.pdf'.")


class Styrdokumentregister(Modell):
    """Document ``styrdokument.yaml``: the register of styrdokument kept outside lsk."""

    styrdokument: list[Styrdokument] = Field(
        [], title="Styrdokument", description="Styrdokument som finns utanför lsk, ett per post.")
