"""The handbook as one PDF for the nämnd's approval: WeasyPrint with CSS paged media.

The same partial templates as the site, with links as anchors inside the document
(``Urls("pdf")``); ``handbok-pdf.html`` adds a title page and a table of contents whose page
numbers come from CSS (``target-counter``), ``pdf.css`` numbers the pages and ``egen.css``, read
after it, holds the municipality's colours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsk.atomic import atomic_target
from lsk.errors import LskError
from lsk.extras import require
from lsk.render import environment
from lsk.render.direktiv import render_chapters
from lsk.render.handbook import Handbook
from lsk.render.matrix import responsibility
from lsk.render.urls import Urls


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Nothing is loaded from outside: the PDF is built from the rendered text alone."""
    raise ValueError(f"extern resurs hämtas inte: {url}")


def pdf_html(hb: Handbook, root: Path) -> str:
    env = environment.html_environment(root)
    return env.get_template("handbok-pdf.html").render(
        hb=hb, version=hb.version, url=Urls("pdf"), matrix=responsibility(hb),
        chapters=render_chapters(hb, env, Urls("pdf")))


def write_pdf(hb: Handbook, root: Path, target: Path, *, check_links: bool = False) -> list[str]:
    """Write the handbook PDF atomically to ``target``; returns link problems (when checked).

    Links are checked in the HTML the PDF is made from, before WeasyPrint turns them into PDF
    link annotations; a broken link writes no PDF.
    """
    html = pdf_html(hb, root)
    if check_links:
        from lsk.render.linkcheck import check_document

        problems = check_document(html, target.name)
        if problems:
            return problems
    css = environment.static_file(root, "pdf.css") + "\n" + environment.static_file(root, "egen.css")
    pages = html_to_pdf(html, target, css)
    print(f"lsk: skrev {target} ({pages} sidor)")
    return []


def html_to_pdf(html: str, target: Path, css: str | None = None) -> int:
    """Render ``html`` (and optional extra CSS) with WeasyPrint to ``target``, atomically.

    Shared by the handbook and the kvalitetsberättelse; nothing is fetched from outside.
    """
    try:
        weasyprint = require("weasyprint", "PDF")
    except ImportError as exc:  # WeasyPrint needs pango from the system (apt: libpango-1.0-0)
        raise LskError(f"PDF kan inte skapas: {exc}",
                       "Installera WeasyPrint och dess systembibliotek (pango), se README.") from exc
    sheets = [weasyprint.CSS(string=css)] if css else []
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching).render(stylesheets=sheets)
    with atomic_target(target, ".pdf") as tmp:
        document.write_pdf(tmp)
    return len(document.pages)
