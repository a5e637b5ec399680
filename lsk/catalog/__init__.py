"""The legal requirement catalog shipped with lsk: one YAML file per författning in ``data/``.

The files are read by the same loader as a repository's documents (kind ``kravkatalog``), under
the display path ``@lsk/katalog/<fil>``, so the catalog is validated like everything else.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
PREFIX = "@lsk/katalog/"


def catalog_files() -> list[tuple[str, str]]:
    """(display path, absolute path) of every catalog file, sorted."""
    return [(PREFIX + p.name, str(p)) for p in sorted(DATA.glob("*.yaml"))]
