"""Where the handbook is written, and writing it without ever leaving half a folder behind.

The folder is built next to its destination and swapped in (``publish`` says how the old or the
new site is in place at every moment). lsk marks the folders it makes (``.lsk-handbok``) and
replaces only those; any other non-empty folder needs ``--force``.
The ledningssystem itself, or a folder that contains it, is never replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lsk.atomic import umask
from lsk.errors import LskError, os_error_text
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


_MARKER_TEXT = "Skapad av lsk render; ersätts vid nästa körning.\n"
_WORK = re.compile(r"\.(?P<name>.+)\.(?:ny|gammal)-(?P<pid>\d+)-[0-9a-f]+")
"""lsk's work folders beside the target: ``.handbok.ny-<pid>-<slump>`` (being built) and
``.handbok.gammal-<pid>-<slump>`` (the old site during a swap without an exchange)."""


def publish(target: Path, build: Callable[[Path], int]) -> int:
    """Build into a fresh sibling folder, then swap it in; returns what ``build`` returns.

    The invariant: ``target`` names a complete site, the old or the new one, at every moment.
    On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``: the old site and the new one trade
    names atomically, and the old one is removed from its work folder afterwards. Where no
    exchange exists (another system, a file system without it) the old site is renamed to a
    work folder and the new one into its place; a failure between the two renames puts the old
    site back, and after a kill between them the next run moves it back before it builds.

    A run first removes the work folders that earlier runs left when they were killed: only
    folders marked as lsk's own (``.lsk-handbok`` is written into each when it is made), older
    than this run, whose process no longer runs. Anything else beside the target is left alone.
    """
    started = time.time()
    target.parent.mkdir(parents=True, exist_ok=True)
    _recover(target, started)
    fresh = _work_folder(target, "ny")
    try:
        os.chmod(fresh, 0o777 & ~umask())  # made private; a web server must read it
        (fresh / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        count = build(fresh)
        (fresh / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    try:
        _swap(fresh, target)
    except OSError as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise LskError(f"kan inte ersätta {target}: {os_error_text(exc)}",
                       "Kontrollera behörigheten; den förra webbplatsen finns kvar.") from exc
    return count


def _work_folder(target: Path, kind: str) -> Path:
    """A new, empty, private work folder beside ``target``, named for this process."""
    while True:
        folder = target.with_name(f".{target.name}.{kind}-{os.getpid()}-{secrets.token_hex(6)}")
        try:
            os.mkdir(folder, 0o700)
            return folder
        except FileExistsError:
            continue


def _swap(fresh: Path, target: Path) -> None:
    if not os.path.lexists(target):
        os.replace(fresh, target)
        return
    if _exchange(fresh, target):
        shutil.rmtree(fresh, ignore_errors=True)  # now the old site
        return
    old = target.with_name(f".{target.name}.gammal-{os.getpid()}-{secrets.token_hex(6)}")
    os.replace(target, old)
    try:
        os.replace(fresh, target)
    except BaseException:
        os.replace(old, target)  # the old site back where it was
        raise
    shutil.rmtree(old, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` in one step (Linux renameat2); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _recover(target: Path, started: float) -> None:
    """Remove the work folders killed runs left beside ``target``; if a kill came between the
    two renames of a swap (no site at ``target``), first move the old site back."""
    try:
        entries = sorted(target.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _WORK.fullmatch(entry.name)
        if not match or match["name"] != target.name or not _stale(entry, int(match["pid"]),
                                                                   started):
            continue
        if ".gammal-" in entry.name and not os.path.lexists(target):
            with contextlib.suppress(OSError):  # if it cannot move back, it stays as it is
                os.replace(entry, target)
            continue
        shutil.rmtree(entry, ignore_errors=True)


def _stale(folder: Path, pid: int, started: float) -> bool:
    """lsk's own work folder (a real folder holding its marker), from a run that has ended."""
    try:
        info = os.lstat(folder)
        marker = os.lstat(folder / MARKER)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not stat.S_ISREG(marker.st_mode):
        return False
    if info.st_mtime >= started or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it runs, as another user
    return False


def write_file(path: str, text: str) -> None:
    """One file of the handbook (inside the fresh folder, so no atomic write is needed)."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
