"""Find the YAML files under a root, refusing anything that leads outside it.

``mallar/`` directly under the root is the older place for a repository's own templates
(``lsk.render.environment``): never documents, so it is not entered at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lsk import limits
from lsk.diagnostics import Diagnostic, diag

TEMPLATE_FOLDER = "mallar"
"""Templates, not documents: the folder under the root that discovery skips."""


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    """Posix paths relative to the root, sorted."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root + os.sep)


def discover(root: Path) -> Discovery:
    """YAML files under ``root``; hidden folders, symlinked folders and the root's ``mallar/``
    are not entered."""
    out = Discovery()
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        kept = []
        for d in sorted(dirnames):
            if d.startswith(".") or (rel_dir == "." and d == TEMPLATE_FOLDER):
                continue
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                if not _inside(full, real_root):
                    out.diagnostics.append(diag(
                        "LSK004", _rel(rel_dir, d), 1, 1,
                        f"mappen '{d}' är en länk som pekar utanför roten",
                        "Flytta innehållet in i repot eller ta bort länken."))
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            rel = _rel(rel_dir, name)
            full = os.path.join(dirpath, name)
            if os.path.islink(full) and not _inside(full, real_root):
                out.diagnostics.append(diag(
                    "LSK004", rel, 1, 1, f"'{name}' är en länk som pekar utanför roten",
                    "Kopiera in filen i repot eller ta bort länken; lsk läser bara det som "
                    "finns under roten."))
                continue
            if len(out.files) >= limits.MAX_DOCUMENTS:
                out.diagnostics.append(diag(
                    "LSK005", rel, 1, 1, f"fler än {limits.MAX_DOCUMENTS} YAML-filer under roten",
                    "Kontrollera att rätt mapp är angiven som rot."))
                return out
            out.files.append(rel)
    out.files.sort()
    return out


def _rel(rel_dir: str, name: str) -> str:
    return name if rel_dir == "." else Path(rel_dir, name).as_posix()
