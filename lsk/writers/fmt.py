"""The formatter: canonical key order and layout for one document, comments and values kept.

``lsk fmt`` runs it over a repository; ``lsk ny`` runs it on the file it creates.
"""

from __future__ import annotations

import re
from typing import Any

from lsk import limits


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
