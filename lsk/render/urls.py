"""Where each thing lives in each output, as a link from the page being rendered.

The same templates render the site (one page per process and routine), the Markdown handbook
(``index.md`` plus one file per process and routine) and the PDF (one document, anchors only);
only this object differs between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from lsk.analysis.corpus import Carrier
from lsk.model.arscykel import MANADER, Handelse
from lsk.model.styrdokument import is_url

PAGES = ("index", "organisation", "roller", "processer", "rutiner", "styrdokument", "arscykel",
         "krav", "sok")
FILES = "filer"
"""The folder of the site and the Markdown handbook that holds copies of the repository files
styrdokument link to (``filer/dokument/riktlinje.pdf``)."""


def anchor(prefix: str, value: str) -> str:
    """An id safe in HTML and URLs: 'SOSFS-2011:9/4/4' → 'krav-sosfs-2011-9-4-4'."""
    return f"{prefix}-" + re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


@dataclass(frozen=True)
class Urls:
    style: str
    """'html', 'md' or 'pdf'."""
    prefix: str = ""
    """From the current page to the output's root ('' or '../')."""

    def at(self, depth: int) -> Urls:
        return Urls(self.style, "../" * depth)

    def page(self, name: str, fragment: str = "") -> str:
        if self.style != "html" and not fragment:
            fragment = f"del-{name}"  # one document: each site page is a part of it
        if self.style == "pdf":
            return f"#{fragment}"
        base = f"{self.prefix}index.md" if self.style == "md" else f"{self.prefix}{name}.html"
        return base + (f"#{fragment}" if fragment else "")

    def asset(self, name: str) -> str:
        return f"{self.prefix}resurser/{name}"

    def _document(self, folder: str, kind: str, ident: str, fragment: str) -> str:
        if self.style == "pdf":
            return "#" + (fragment or f"{kind}-{ident}")
        ext = "md" if self.style == "md" else "html"
        return f"{self.prefix}{folder}/{ident}.{ext}" + (f"#{fragment}" if fragment else "")

    def process(self, pid: str) -> str:
        return self._document("processer", "process", pid, "")

    def activity(self, pid: str, aid: str) -> str:
        return self._document("processer", "process", pid, f"akt-{pid}-{aid}")

    def routine(self, rid: str) -> str:
        return self._document("rutiner", "rutin", rid, "")

    def styrdokument(self, sid: str) -> str:
        return self.page("styrdokument", f"styrdok-{sid}")

    def document(self, link: str) -> str | None:
        """Where a styrdokument's ``lank`` leads from this page: a web address as written, a
        repository file as its copy under ``filer/``. None for a file in the PDF, which has no
        folder beside it; the template then shows the path as text."""
        if is_url(link):
            return quote(link, safe=":/?#[]@!$&'*+,;=%~")
        if self.style == "pdf":
            return None
        return f"{self.prefix}{FILES}/" + quote(link)
    def chapter(self, name: str, heading: str = "") -> str:
        """A written chapter (``01-ledningssystemet``), or one of its headings' anchors."""
        if self.style == "pdf":
            return f"#kapitel-{name}" + (f"-{heading}" if heading else "")
        ext = "md" if self.style == "md" else "html"
        return f"{self.prefix}kapitel/{name}.{ext}" + (f"#{heading}" if heading else "")

    def role(self, role_id: str) -> str:
        return self.page("roller", f"roll-{role_id}")

    def organ(self, organ_id: str) -> str:
        return self.page("organisation", f"org-{organ_id}")

    def requirement(self, krav_id: str) -> str:
        return self.page("krav", anchor("krav", krav_id))

    def month(self, month: str) -> str:
        return self.page("arscykel", f"manad-{month}")

    def event(self, event: Handelse) -> str:
        """An årscykel event: its (first) month, or the list of what has no fixed month."""
        months = event.months() if event.dated else ()
        return self.month(months[0]) if months else self.page("arscykel", "lopande")

    def carrier(self, c: Carrier) -> str:
        if c.kind == "process":
            return self.process(c.id)
        if c.kind == "aktivitet":
            pid, _, aid = c.id.partition(".")
            return self.activity(pid, aid)
        if c.kind == "rutin":
            return self.routine(c.id)
        if c.kind == "roll":
            return self.role(c.id)
        if c.kind == "tjanst":
            return self.page("organisation", f"tjanst-{c.id}")
        if c.kind == "omrade":  # only a chapter places an area: Handbook.carrier_url knows where
            return self.page("index")
        when = c.id.split("/", 1)[0]
        return self.month(when) if when in MANADER else self.page("arscykel", "lopande")
