"""Find the YAML files under a root, refusing anything that leads outside it.

``mallar/`` directly under the root is the older place for a repository's own templates
(``lsk.render.environment``): never documents, so it is not entered at all.

The walk keeps its own list of folders rather than recursing (``os.walk`` recurses in Python
3.11), and stops at ``limits.MAX_FOLDER_DEPTH``. A name that is not valid UTF-8 is reported and
left out: every later stage (the cache, the output, git) needs a path it can write as text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lsk import limits
from lsk.diagnostics import Diagnostic, diag
from lsk.model.kapitel import is_chapter

TEMPLATE_FOLDER = "mallar"
"""Templates, not documents: the folder under the root that discovery skips."""


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    """Posix paths relative to the root, sorted."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _inside(path: str, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root + os.sep)


def shown_name(name: str) -> str:
    """A file name as text that can always be printed: bytes that are not UTF-8 (which Python
    keeps as lone surrogates) are written as ``\\xff``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _bad_name(rel: str, name: str, folder: bool) -> Diagnostic | None:
    shown = shown_name(name)
    if shown == name:
        return None
    raw = os.fsencode(name)
    byte = "okända byte"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = f"byte 0x{raw[exc.start]:02X}"
    what = "mappnamnet" if folder else "filnamnet"
    rest = "mappen läses inte" if folder else "filen läses inte"
    return diag("LSK002", rel, 1, 1, f"{what} '{shown}' är inte giltig UTF-8 ({byte}); {rest}",
                "Byt namn: namnet har tecken i en annan teckenkodning än UTF-8 (ofta å, ä "
                "eller ö från ett äldre system).")


def _entries(path: str) -> tuple[list[str], list[str]]:
    """Sorted folder and other names in ``path``; an unreadable folder is empty (as os.walk)."""
    folders: list[str] = []
    others: list[str] = []
    try:
        with os.scandir(path) as found:
            for entry in found:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (folders if is_dir else others).append(entry.name)
    except OSError:
        return [], []
    return sorted(folders), sorted(others)


def discover(root: Path) -> Discovery:
    """YAML files under ``root`` and the written chapters (``kapitel/*.md``); hidden folders,
    symlinked folders, the root's ``mallar/`` and folders deeper than ``limits.MAX_FOLDER_DEPTH``
    are not entered."""
    out = Discovery()
    base = os.fspath(root)
    real_root = os.path.realpath(root)
    pending: list[tuple[str, int]] = [(".", 0)]
    while pending:
        rel_dir, depth = pending.pop()
        dirpath = base if rel_dir == "." else os.path.join(base, rel_dir)
        folders, names = _entries(dirpath)
        kept = []
        for d in folders:
            if d.startswith(".") or (rel_dir == "." and d == TEMPLATE_FOLDER):
                continue
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                if not _inside(full, real_root):
                    out.diagnostics.append(diag(
                        "LSK004", _rel(rel_dir, shown_name(d)), 1, 1,
                        f"mappen '{shown_name(d)}' är en länk som pekar utanför roten",
                        "Flytta innehållet in i repot eller ta bort länken."))
                continue
            bad = _bad_name(_rel(rel_dir, shown_name(d)), d, folder=True)
            if bad is not None:
                out.diagnostics.append(bad)
            elif depth + 1 > limits.MAX_FOLDER_DEPTH:
                out.diagnostics.append(diag(
                    "LSK105", _rel(rel_dir, d), 1, 1,
                    f"mappen ligger mer än {limits.MAX_FOLDER_DEPTH} nivåer under roten och "
                    "läses inte",
                    "Flytta dokumenten närmare roten: varje dokumenttyp har sin plats en eller "
                    "två nivåer ner (lsk schema)."))
            else:
                kept.append(d)
        # Depth first, in name order: the stack takes the folders last to first.
        pending.extend((_rel(rel_dir, d), depth + 1) for d in reversed(kept))
        for name in names:
            if name.startswith(".") or not (name.endswith((".yaml", ".yml"))
                                             or is_chapter(_rel(rel_dir, name))):
                continue
            rel = _rel(rel_dir, shown_name(name))
            bad = _bad_name(rel, name, folder=False)
            if bad is not None:
                out.diagnostics.append(bad)
                continue
            full = os.path.join(dirpath, name)
            if os.path.islink(full) and not _inside(full, real_root):
                out.diagnostics.append(diag(
                    "LSK004", rel, 1, 1, f"'{name}' är en länk som pekar utanför roten",
                    "Kopiera in filen i repot eller ta bort länken; lsk läser bara det som "
                    "finns under roten."))
                continue
            if len(out.files) >= limits.MAX_DOCUMENTS:
                out.diagnostics.append(diag(
                    "LSK005", rel, 1, 1, f"fler än {limits.MAX_DOCUMENTS} YAML-filer under roten",
                    "Kontrollera att rätt mapp är angiven som rot."))
                return out
            out.files.append(rel)
    out.files.sort()
    return out


def _rel(rel_dir: str, name: str) -> str:
    return name if rel_dir == "." else Path(rel_dir, name).as_posix()
