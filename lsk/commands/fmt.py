"""``lsk fmt``: canonical key order and layout for every document, comments and values kept."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from lsk import limits
from lsk.errors import EXIT_FINDINGS, EXIT_OK, LskError
from lsk.rootdir import display_path, find_root


def formatted(relpath: str, text: str) -> str | None:
    """The formatted text, or None when the file must not be touched; see ``format_text``."""
    result = format_text(relpath, text)
    return None if result is None or isinstance(result, Refusal) else result


class Refusal(str):
    """Why a file is left as it is (a str subclass so callers can print it)."""


def format_text(relpath: str, text: str) -> str | Refusal | None:
    """The formatted text; a ``Refusal`` saying why not; None when the file is no document type.

    Directives, ``---`` and anything before them, and a closing ``...`` with what follows, are
    kept verbatim: ruamel drops them. The result must read back with every value as written and
    every comment above the same node (``writers.verify``), or the file is left alone.
    """
    from lsk.loader.yamlread import parse_yaml
    from lsk.model.kinds import kind_for
    from lsk.writers import roundtrip
    from lsk.writers.order import reorder
    from lsk.writers.verify import difference

    kind = kind_for(relpath)
    if kind is None:
        return None
    if len(text.encode()) > limits.MAX_FILE_BYTES or not parse_yaml(text).ok:
        return Refusal("kan inte tolkas; kör lsk check")
    prolog, body, epilog = _split_document(text)
    try:
        data = roundtrip.load(body)
        reorder(kind.model, data)
        new = prolog + roundtrip.dump(data) + epilog
    except Exception:  # noqa: BLE001 - ruamel rejects what libyaml accepts: leave the file alone
        return Refusal("ruamel.yaml kan inte skriva om filen utan att ändra den")
    if new == text:
        return new
    why = difference(text, new)
    return Refusal(why) if why else new


def _split_document(text: str) -> tuple[str, str, str]:
    """(prolog up to an explicit ``---``, the document body, a closing ``...`` and after)."""
    lines = text.splitlines(keepends=True)
    start = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "---" or stripped.startswith("--- #"):
            start = index + 1
            break
        if stripped and not stripped.startswith(("#", "%")):
            break
    end = len(lines)
    for index in range(start, len(lines)):
        if lines[index].rstrip() == "..." or lines[index].startswith("... #"):
            end = index
            break
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def run(root_arg: Path | None, check: bool) -> int:
    from lsk.commands.outfile import write_atomic
    from lsk.loader import cache
    from lsk.loader.discover import discover

    root = find_root(root_arg)
    if not root.is_dir():
        raise LskError(f"roten '{root}' finns inte", "Ange mappen som innehåller lsk.yaml.")
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
    verb = "skulle formateras" if check else "formaterad"
    for relpath in changed:
        print(f"{display_path(root, relpath)}: {verb}")
    print(f"{len(changed)} filer {verb}, {len(skipped)} hoppades över.")
    return EXIT_FINDINGS if check and changed else EXIT_OK


def _digest(relpath: str, raw: bytes) -> bytes:
    """The file's kind (from its path) matters to formatting as much as its bytes."""
    return hashlib.blake2b(relpath.encode() + b"\0" + raw, digest_size=16).digest()
