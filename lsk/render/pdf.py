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


def write_pdf(hb: Handbook, root: Path, target: Path, *, check_links: bool = False,
              archive: bool = False) -> list[str]:
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
    pages = html_to_pdf(html, target, pdf_css(root), **archive_option(archive))
    print(f"lsk: skrev {target} ({pages} sidor)")
    return []


TAGGED = "pdf/ua-1"
"""Every PDF is tagged (PDF/UA-1): structure tree, document language from ``<html lang="sv">``,
title from ``<title>`` shown instead of the file name, bookmarks from the headings."""
ARCHIVE = "pdf/a-2a"
"""``--arkiv``: PDF/A-2a for the archive copy of an allmän handling: fonts embedded, XMP metadata
declaring PDF/A, an sRGB output intent, and tagged (level a) like the published edition."""


def archive_option(archive: bool) -> dict[str, bool]:
    """``html_to_pdf``'s keyword for the archive copy, only when asked for."""
    return {"archive": True} if archive else {}


def pdf_css(root: Path) -> str:
    """pdf.css, then the municipality's egen.css: the style of both PDFs."""
    return (environment.static_file(root, "pdf.css") + "\n"
            + environment.static_file(root, "egen.css"))


def html_to_pdf(html: str, target: Path, css: str | None = None, *, archive: bool = False) -> int:
    """Render ``html`` (and optional extra CSS) with WeasyPrint to ``target``, atomically.

    Shared by the handbook and the kvalitetsberättelse; nothing is fetched from outside. The PDF
    is tagged (``TAGGED``); with ``archive`` it is the PDF/A variant (``ARCHIVE``).
    """
    try:
        weasyprint = require("weasyprint", "PDF")
    except ImportError as exc:  # WeasyPrint needs pango from the system (apt: libpango-1.0-0)
        raise LskError(f"PDF kan inte skapas: {exc}",
                       "Installera WeasyPrint och dess systembibliotek (pango), se README.") from exc
    sheets = [weasyprint.CSS(string=css)] if css else []
    options: dict[str, Any] = {"pdf_variant": ARCHIVE if archive else TAGGED, "pdf_tags": True}
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching).render(
        stylesheets=sheets, **options)
    with atomic_target(target, ".pdf") as tmp:
        document.write_pdf(tmp, **options)
    return len(document.pages)
