"""Write command output to stdout or, atomically, to the ``--out`` file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from lsk.errors import LskError


def emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(out, text)


def write_atomic(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise LskError(f"kan inte skriva {path}: {exc.strerror}",
                       "Kontrollera sökvägen och behörigheten.") from exc
