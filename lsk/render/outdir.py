"""Where the handbook is written, and writing it without ever leaving half a folder behind.

The folder is built next to its destination and swapped in with renames. lsk marks the folders
it makes (``.lsk-handbok``) and replaces only those; any other non-empty folder needs ``--force``.
The ledningssystem itself, or a folder that contains it, is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from lsk.atomic import umask
from lsk.errors import LskError
from lsk.rootdir import refuse_overwrite

MARKER = ".lsk-handbok"
DEFAULT_FOLDER = "handbok"


def default_target(root: Path, fmt: str) -> Path:
    """Beside the root, never inside it: ``ledningssystem/`` → ``handbok/``, ``handbok.pdf``."""
    parent = root.resolve().parent
    return parent / (f"{DEFAULT_FOLDER}.pdf" if fmt == "pdf" else DEFAULT_FOLDER)


def _contains(outer: Path, inner: Path) -> bool:
    outer, inner = outer.resolve(), inner.resolve()
    return inner == outer or outer in inner.parents


def check_folder(target: Path, root: Path, *, force: bool) -> None:
    if _contains(target, root):
        raise LskError(f"'{target}' innehåller ledningssystemet och skrivs aldrig över",
                       "Ange en annan mapp med --out, t.ex. --out handbok.")
    if _contains(root, target):  # --force must never replace the user's documents
        raise LskError(f"'{target}' ligger i ledningssystemet och skrivs aldrig över",
                       "Ange en mapp utanför roten med --out, t.ex. --out handbok.")
    refuse_overwrite(target, root)
    if target.exists() and not target.is_dir():
        raise LskError(f"'{target}' finns redan och är ingen mapp", "Ange en mapp med --out.")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists() and not force:
        raise LskError(f"mappen '{target}' är inte tom och har inte skapats av lsk render",
                       "Välj en annan mapp med --out, eller ersätt den med --force.")


def check_file(target: Path, root: Path, *, force: bool) -> None:
    if target.suffix.lower() != ".pdf":
        raise LskError(f"'{target}': PDF-filen ska sluta på .pdf", "T.ex. --out handbok.pdf")
    if _contains(target, root) or target.is_dir():
        raise LskError(f"'{target}' är en mapp", "Ange en fil med --out, t.ex. handbok.pdf.")
    refuse_overwrite(target, root)
    if target.exists() and not force and target.read_bytes()[:5] != b"%PDF-":
        raise LskError(f"'{target}' finns redan och är ingen PDF",
                       "Välj ett annat filnamn, eller ersätt filen med --force.")


def publish(target: Path, build: Callable[[Path], int]) -> int:
    """Build into a fresh sibling folder, then swap it in; returns what ``build`` returns."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.ny-", dir=target.parent))
    try:
        os.chmod(fresh, 0o777 & ~umask())  # mkdtemp makes it private; a web server must read it
        count = build(fresh)
        (fresh / MARKER).write_text("Skapad av lsk render; ersätts vid nästa körning.\n",
                                    encoding="utf-8")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.gammal-", dir=target.parent))
        os.replace(target, old / target.name)
        os.replace(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(fresh, target)
    return count


def write_file(path: str, text: str) -> None:
    """One file of the handbook (inside the fresh folder, so no atomic write is needed)."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
