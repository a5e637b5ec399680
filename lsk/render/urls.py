"""Where each thing lives in each output, as a link from the page being rendered.

The same templates render the site (one page per process and routine), the Markdown handbook
(``index.md`` plus one file per process and routine) and the PDF (one document, anchors only);
only this object differs between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsk.analysis.corpus import Carrier
from lsk.model.arscykel import MANADER

PAGES = ("index", "organisation", "roller", "processer", "rutiner", "arscykel", "krav", "sok")


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

    def role(self, role_id: str) -> str:
        return self.page("roller", f"roll-{role_id}")

    def organ(self, organ_id: str) -> str:
        return self.page("organisation", f"org-{organ_id}")

    def requirement(self, krav_id: str) -> str:
        return self.page("krav", anchor("krav", krav_id))

    def month(self, month: str) -> str:
        return self.page("arscykel", f"manad-{month}")

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
        when = c.id.split("/", 1)[0]
        return self.month(when) if when in MANADER else self.page("arscykel", "lopande")
