"""``lsk fmt``: canonical key order and layout for every document, comments and values kept."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

from lsk import limits
from lsk.errors import EXIT_FINDINGS, EXIT_OK
from lsk.rootdir import display_path, existing_root


def formatted(relpath: str, text: str) -> str | None:
    """The formatted text, or None when the file must not be touched; see ``format_text``."""
    result = format_text(relpath, text)
    return None if result is None or isinstance(result, Refusal) else result


class Refusal(str):
    """Why a file is left as it is (a str subclass so callers can print it)."""


def format_text(relpath: str, text: str) -> str | Refusal | None:
    """The formatted text; a ``Refusal`` saying why not; None when the file is no document type.

    Directives, ``---`` and anything before them, and a closing ``...`` with what follows, are
    kept verbatim: ruamel drops them. So are a byte order mark and CRLF line ends. The result
    must read back with every value as written and every comment above the same node
    (``writers.verify``), and formatting it again must change nothing, or the file is left alone.
    """
    from lsk.loader.yamlread import parse_yaml
    from lsk.model.kinds import kind_for
    from lsk.writers.verify import difference

    kind = kind_for(relpath)
    if kind is None:
        return None
    if len(text.encode()) > limits.MAX_FILE_BYTES or not parse_yaml(text).ok:
        return Refusal("kan inte tolkas; kör lsk check")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    work = text[len(bom):]
    crlf = "\r\n" in work
    if crlf:
        if work.count("\r\n") != work.count("\n"):
            return Refusal("filen blandar radslut (CRLF och LF); spara den med ett slags radslut")
        work = work.replace("\r\n", "\n")
    if "\r" in work:
        return Refusal("filen har radslut med bara CR; spara den med LF eller CRLF")
    new = _format_once(kind.model, work)
    if isinstance(new, Refusal) or new == work:
        return new if isinstance(new, Refusal) else text
    again = _format_once(kind.model, new)
    if again != new:
        return Refusal("formateringen blir inte stabil (en andra körning skulle ändra filen "
                       "igen); ordna nycklarna för hand")
    why = difference(work, new)
    if why:
        return Refusal(why)
    return bom + (new.replace("\n", "\r\n") if crlf else new)


def _format_once(model: Any, text: str) -> str | Refusal:
    from lsk.writers import roundtrip
    from lsk.writers.order import reorder

    parts = _split_document(text)
    if isinstance(parts, Refusal):
        return parts
    prolog, body, epilog = parts
    try:
        data = roundtrip.load(body)
        reorder(model, data)
        return prolog + roundtrip.dump(data) + epilog
    except Exception:  # noqa: BLE001 - ruamel rejects what libyaml accepts: leave the file alone
        return Refusal("ruamel.yaml kan inte skriva om filen utan att ändra den")


_START = re.compile(r"---(?:\s+#.*)?")
_END = re.compile(r"\.\.\.(?:\s+#.*)?")


def _split_document(text: str) -> tuple[str, str, str] | Refusal:
    """(prolog up to an explicit ``---``, the document body, a closing ``...`` and after)."""
    lines = text.splitlines(keepends=True)
    start = 0
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        if _START.fullmatch(stripped):
            start = index + 1
            break
        if stripped.startswith("---"):
            return Refusal("innehåll på samma rad som '---' skrivs inte om; flytta det till "
                           "raden under")
        if stripped and not stripped.lstrip().startswith(("#", "%")):
            break
    end = len(lines)
    for index in range(start, len(lines)):
        if _END.fullmatch(lines[index].rstrip()):
            end = index
            break
    return "".join(lines[:start]), "".join(lines[start:end]), "".join(lines[end:])


def run(root_arg: Path | None, check: bool) -> int:
    from lsk.commands.outfile import write_atomic
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
