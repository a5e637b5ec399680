"""``lsk fmt``: canonical key order and layout for every document, comments and values kept."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from lsk.errors import EXIT_FINDINGS, EXIT_OK
from lsk.rootdir import display_path, existing_root
from lsk.writers.fmt import Refusal, format_text


def run(*, root_arg: Path | None, check: bool) -> int:
    from lsk.atomic import write_atomic
    from lsk.loader import cache
    from lsk.loader.discover import discover

    root = existing_root(root_arg)
    known = cache.load_formatted(root)
    formatted_now: set[bytes] = set()
    changed: list[str] = []
    skipped: list[tuple[str, Refusal]] = []
    for relpath in discover(root).files:
        path = root / relpath
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            skipped.append((relpath, Refusal("kan inte läsas som UTF-8; kör lsk check")))
            continue
        digest = _digest(relpath, raw)
        if digest in known:  # formatted when lsk last looked, and not changed since
            formatted_now.add(digest)
            continue
        new = format_text(relpath, text)
        if new is None:
            continue  # not a document type lsk knows (lsk check reports it)
        if isinstance(new, Refusal):
            skipped.append((relpath, new))
        elif new != text:
            changed.append(relpath)
            if not check:
                write_atomic(path, new)
                formatted_now.add(_digest(relpath, new.encode()))
        else:
            formatted_now.add(digest)
    if formatted_now != known:
        cache.save_formatted(root, formatted_now)
    for relpath, why in skipped:
        print(f"{display_path(root, relpath)}: rörs inte ({why})", file=sys.stderr)
    for relpath in changed:
        print(f"{display_path(root, relpath)}: {'skulle formateras' if check else 'formaterad'}")
    files = "1 fil" if len(changed) == 1 else f"{len(changed)} filer"
    done = "skulle formateras" if check else ("formaterad" if len(changed) == 1 else "formaterade")
    print(f"{files} {done}, {len(skipped)} hoppades över.")
    # --check answers "is everything formatted?": a file that cannot be formatted is a no.
    return EXIT_FINDINGS if check and (changed or skipped) else EXIT_OK


def _digest(relpath: str, raw: bytes) -> bytes:
    """The file's kind (from its path) matters to formatting as much as its bytes."""
    return hashlib.blake2b(relpath.encode() + b"\0" + raw, digest_size=16).digest()
