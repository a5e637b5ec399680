"""The optional parts of lsk: PDF and Office files need libraries that ``lsk check`` does not.

``pip install lsk`` gives check, fmt, trace, status and the HTML/Markdown handbook; the extras
add ``pdf`` (WeasyPrint), ``office`` (Word and Excel), ``serve`` (the live preview's file
watcher) and ``kalender`` (iCalendar files for Outlook). A command that needs a missing extra
says which one to install instead of failing on an import.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from lsk.errors import LskError

EXTRAS: dict[str, tuple[str, ...]] = {
    "pdf": ("weasyprint",),
    "office": ("docx", "openpyxl", "cairosvg"),
    "serve": ("watchfiles",),
    "kalender": ("icalendar",),
}
"""Extra (as in ``pip install 'lsk[pdf]'``) → the modules it brings; pyproject.toml lists the
same packages under ``[project.optional-dependencies]`` (tests/test_packaging.py)."""


def extra_for(module: str) -> str:
    return next(extra for extra, modules in EXTRAS.items() if module in modules)


def require(module: str, purpose: str) -> ModuleType:
    """Import ``module`` of an extra, or stop with a sentence naming the extra to install."""
    if importlib.util.find_spec(module) is None:
        extra = extra_for(module)
        raise LskError(f"{purpose} kräver tillägget lsk[{extra}], som inte är installerat",
                       f"Installera det med: pip install 'lsk[{extra}]' (alla tillägg: 'lsk[alla]').")
    return importlib.import_module(module)
