"""The kvalitetsberättelse as PDF: WeasyPrint on the HTML edition (page numbers from its CSS)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsk.commands.outfile import atomic_target
from lsk.errors import LskError


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"extern resurs hämtas inte: {url}")


def write_pdf(html: str, target: Path) -> int:
    try:
        import weasyprint
    except ImportError as exc:
        raise LskError(f"PDF kan inte skapas: {exc}",
                       "Installera WeasyPrint och dess systembibliotek (pango), se README.") from exc
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching).render()
    with atomic_target(target, ".pdf") as tmp:
        document.write_pdf(tmp)
    return len(document.pages)
