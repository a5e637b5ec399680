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

from lsk import limits, personnummer
from lsk.diagnostics import Diagnostic, diag
from lsk.errors import os_error_text
from lsk.model.kapitel import is_chapter

TEMPLATE_FOLDER = "mallar"
"""Templates, not documents: the folder under the root that discovery skips."""

TEMPLATE_SUFFIXES = (".html", ".htm", ".md", ".css", ".js", ".svg", ".txt", ".xml", ".j2",
                     ".jinja", ".json")
"""Files in a template folder that are text a page can show, and so are scanned for personal
data (images and fonts are not read)."""


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    """Posix paths relative to the root, sorted."""
    attachments: list[str] = field(default_factory=list)
    """Other files under the root (a PDF a styrdokument links to), by name only: never read,
    capped at ``limits.MAX_DOCUMENTS``."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def template_folders(root: Path) -> tuple[tuple[Path, str], ...]:
    """The repository's own template folders, as ``lsk.render.environment.candidate_folders``
    reads them (``mallar/`` beside the root, the older ``ROOT/mallar/``), each with the relpath
    prefix its files are reported under: ``../mallar/`` and ``mallar/``."""
    real = Path(os.path.realpath(root))
    return ((real.parent / TEMPLATE_FOLDER, f"../{TEMPLATE_FOLDER}/"),
            (real / TEMPLATE_FOLDER, f"{TEMPLATE_FOLDER}/"))


def template_files(root: Path) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    """(path, relpath) of every text file in the template folders, and diagnostics for names
    holding a personnummer. Linked folders and files are not followed (the renderer refuses
    them too); the walk is as deep as discovery's."""
    out: list[tuple[str, str]] = []
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for folder, prefix in template_folders(root):
        base = os.fspath(folder)
        if base in seen or not os.path.isdir(base) or os.path.islink(base):
            continue
        seen.add(base)
        pending: list[tuple[str, int]] = [("", 0)]
        while pending:
            rel_dir, depth = pending.pop()
            folders, names, _ = _entries(os.path.join(base, rel_dir) if rel_dir else base)
            for d in folders:
                rel = f"{rel_dir}{d}/"
                if not d.startswith(".") and depth < limits.MAX_FOLDER_DEPTH and \
                        not os.path.islink(os.path.join(base, rel)):
                    pending.append((rel, depth + 1))
            for name in names:
                full = os.path.join(base, rel_dir, name)
                relpath = prefix + rel_dir + shown_name(name)
                problems.extend(personal_data_in_name(relpath, name, folder=False))
                if not name.startswith(".") and name.lower().endswith(TEMPLATE_SUFFIXES) \
                        and not os.path.islink(full):
                    out.append((full, relpath))
    return sorted(out, key=lambda item: item[1]), problems


def personal_data_in_name(relpath: str, name: str, *, folder: bool) -> list[Diagnostic]:
    """A personnummer or samordningsnummer in a file's or folder's name: names are printed
    (historik, check) and published (links, attachments) like any text."""
    out = []
    for hit in personnummer.scan_text(shown_name(name)):
        code, what = ("LSK402", "samordningsnummer") if hit.samordningsnummer else (
            "LSK401", "personnummer")
        out.append(diag(code, relpath, 1, 1,
                        f"{'mappnamnet' if folder else 'filnamnet'} innehåller ett {what}",
                        "Byt namn på den: namn på filer och mappar skrivs ut och publiceras. "
                        "Beskriv innehållet, inte personen."))
    return out


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


def _entries(path: str) -> tuple[list[str], list[str], OSError | None]:
    """Sorted folder and other names in ``path``, and why the folder could not be read (it is
    then empty, as in os.walk, and the caller reports it like an unreadable file)."""
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
    except OSError as exc:
        return [], [], exc
    return sorted(folders), sorted(others), None


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
        folders, names, failure = _entries(dirpath)
        if failure is not None:
            out.diagnostics.append(diag(
                "LSK008", rel_dir if rel_dir != "." else "", 1, 1,
                f"mappen kan inte läsas: {os_error_text(failure)}; dokumenten i den läses inte",
                "Kontrollera behörigheten (ls -ld mappen) och att mappen finns."))
            continue
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
            out.diagnostics.extend(personal_data_in_name(_rel(rel_dir, shown_name(d)), d,
                                                         folder=True))
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
            if name.startswith("."):
                continue
            out.diagnostics.extend(personal_data_in_name(_rel(rel_dir, shown_name(name)), name,
                                                         folder=False))
            if not (name.endswith((".yaml", ".yml")) or is_chapter(_rel(rel_dir, name))):
                full = os.path.join(dirpath, name)
                if len(out.attachments) < limits.MAX_DOCUMENTS and shown_name(name) == name \
                        and not (os.path.islink(full) and not _inside(full, real_root)):
                    out.attachments.append(_rel(rel_dir, name))
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
    out.attachments.sort()
    return out


def _rel(rel_dir: str, name: str) -> str:
    return name if rel_dir == "." else Path(rel_dir, name).as_posix()
