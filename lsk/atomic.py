"""Atomic file writing: a temporary file beside the target, renamed over it when complete.

Below render, reports, writers and commands: every output lsk writes goes through here, so an
interrupted run never leaves half a file and an existing file keeps its mode and owner.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lsk.errors import LskError, os_error_text


def _keep_owner(path: Path, tmp: str) -> None:
    try:
        info = os.stat(path)
        if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            os.chown(tmp, info.st_uid, info.st_gid)
    except (OSError, AttributeError):
        return


def umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what the umask allows."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~umask()


def _through(path: Path) -> Path:
    """Where a write to ``path`` should land: through a symlink to its target."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _special(path: Path) -> bool:
    """An existing non-regular file (/dev/null, a FIFO): written to, never replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode) and not stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def write_atomic(path: Path, text: str, newline: str = "\n") -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    A symlink is written through (its target changes, the link stays); a device or FIFO such as
    /dev/null is written to directly; an existing file keeps its mode and, where allowed, owner.
    """
    path = _through(path)
    if path.is_dir():
        raise LskError(f"'{path}' är en mapp", "Ange en fil med --out.")
    if _special(path):
        try:
            with open(path, "w", encoding="utf-8", newline=newline) as fh:
                fh.write(text)
        except OSError as exc:
            raise _cannot_write(path, exc) from exc
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
                fh.write(text)
            os.chmod(tmp, mode)
            _keep_owner(path, tmp)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


@contextlib.contextmanager
def atomic_target(path: Path, suffix: str = "") -> Iterator[str]:
    """A temporary path beside ``path`` for libraries that write files themselves (PDF, DOCX,
    XLSX); renamed over ``path`` with the permissions a normal file would get, or removed on
    failure. A device or FIFO (/dev/null) is written to, never replaced; errors name ``path``."""
    path = _through(path)
    if path.is_dir():
        raise LskError(f"'{path}' är en mapp", "Ange en fil med --out.")
    special = _special(path)
    try:
        if not special:
            path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode(path)
        fd, tmp = tempfile.mkstemp(dir=None if special else path.parent,
                                   prefix=f".{path.name}.", suffix=suffix)
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        yield tmp
        if special:
            with open(tmp, "rb") as source, open(path, "wb") as target:
                target.write(source.read())
        else:
            os.chmod(tmp, mode)
            os.replace(tmp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


def _cannot_write(path: Path, exc: OSError) -> LskError:
    return LskError(f"kan inte skriva {path}: {os_error_text(exc)}",
                    "Kontrollera sökvägen och behörigheten.")
