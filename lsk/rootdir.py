"""Where the ledningssystem lives: the one convention every command follows.

1. the positional ROOT argument when given;
2. else the nearest folder, from the working directory upwards, that holds ``lsk.yaml``;
3. else ``ledningssystem/`` under the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from lsk.model.kinds import CONFIG_FILE

DEFAULT_ROOT = "ledningssystem"


def find_root(explicit: Path | None, cwd: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return _short(folder, here)
    return _short(here / DEFAULT_ROOT, here)


def existing_root(explicit: Path | None) -> Path:
    """``find_root``, for commands that need the folder to exist (check reports LSK001)."""
    from lsk.errors import LskError

    root = find_root(explicit)
    if not root.is_dir():
        what = "är ingen mapp" if root.exists() else "finns inte"
        raise LskError(f"roten '{root}' {what}", "Ange mappen som innehåller lsk.yaml.")
    return root


def _short(path: Path, cwd: Path) -> Path:
    """Relative to the working directory when below it, so messages show short paths."""
    try:
        return path.relative_to(cwd)
    except ValueError:
        return path


def display_path(root: Path, relpath: str) -> str:
    """How a diagnostic's file is shown: relative to the working directory where possible."""
    if relpath.startswith("@"):  # the catalog shipped inside lsk
        return relpath
    full = root / relpath if relpath else root
    if full.is_absolute():
        try:
            return Path(os.path.relpath(full)).as_posix() if _below_cwd(full) else full.as_posix()
        except ValueError:
            return full.as_posix()
    return full.as_posix()


def _below_cwd(path: Path) -> bool:
    try:
        path.resolve().relative_to(Path.cwd().resolve())
        return True
    except ValueError:
        return False
