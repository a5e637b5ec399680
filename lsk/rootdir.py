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
    if relpath.startswith("../"):  # a template beside the root (lsk.loader.discover)
        full = Path(os.path.normpath(full))
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


def read_by_lsk(target: Path, root: Path, *, templates_allowed: bool = False) -> str | None:
    """What ``target`` would replace that lsk reads from ``root``, in words; None when nothing.

    lsk reads the root's YAML documents (``lsk.yaml`` among them), the template folders
    ``mallar/`` beside the root and ``ROOT/mallar/``, and its cache. The path is resolved first,
    so a symlink to ``roller.yaml`` is what it leads to. ``templates_allowed`` is for
    ``lsk mallar``, whose output is templates.
    """
    from lsk.loader.cache import CACHE_DIR
    from lsk.loader.discover import TEMPLATE_FOLDER

    real = Path(os.path.realpath(target))
    base = Path(os.path.realpath(root))
    if real == base or real in base.parents:
        return "ledningssystemet eller en mapp som innehåller det"
    if not templates_allowed:
        for folder in (base.parent / TEMPLATE_FOLDER, base / TEMPLATE_FOLDER):
            if real == folder:
                return "mappen med egna mallar som lsk läser"
            if folder in real.parents:
                return "en egen mall som lsk läser"
    if base in real.parents:
        if real.relative_to(base).parts[0] == CACHE_DIR:
            return "lsk:s cache"
        if real.name == CONFIG_FILE or real.suffix.lower() in (".yaml", ".yml"):
            return "ett dokument som lsk läser"
    return None


def refuse_overwrite(target: Path, root: Path, *, templates_allowed: bool = False) -> None:
    """Stop before an output replaces something lsk reads; exit 2 with a sentence.

    The one rule for every command that writes an output (``--out``, ``-o`` or a default file
    or folder): each calls this before writing, with the root it read (or would read). The rule
    lives here, not in ``lsk.atomic``, because atomic writing is also how ``fmt``, ``fix``,
    ``granska``, ``ny`` and ``init`` rewrite exactly the documents the user named, and because
    only this layer knows what a ledningssystem's folder holds.
    """
    from lsk.errors import LskError

    what = read_by_lsk(target, root, templates_allowed=templates_allowed)
    if what is not None:
        raise LskError(f"'{target}' är {what} och skrivs aldrig över",
                       "Skriv utdata utanför ledningssystemet och mallmapparna, "
                       "t.ex. --out rapport.html bredvid roten.")


def repository_top(root: Path) -> Path:
    """The folder CI tools resolve paths against: the git work tree holding ``root``, else ``root``.

    Found on the file system (a ``.git`` folder or file), so the CI formats name the same file
    the same way whichever folder lsk was started from, and without importing git.
    """
    start = root.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def repository_path(root: Path, relpath: str) -> str:
    """``relpath`` (relative to ``root``) as a path from ``repository_top(root)``, posix."""
    if relpath.startswith("@"):  # the catalog shipped inside lsk
        return relpath
    full = (root / relpath).resolve() if relpath else root.resolve()
    try:
        return full.relative_to(repository_top(root)).as_posix() or "."
    except ValueError:
        return full.as_posix()
