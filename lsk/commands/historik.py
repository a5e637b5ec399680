"""``lsk historik PATH|ID``: who changed a document last, when and why (``--alla``: every change)."""

from __future__ import annotations

import json
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.errors import EXIT_OK, LskError
from lsk.rootdir import display_path, existing_root
from lsk.terminal import terminal_safe

JSON_FORMAT = 1
"""``--format json``: ``{"format", "path", "id", "uncommitted", "shallow_clone", "changes":
[{"commit", "date", "author", "message", "approximate"}]}``; ``id`` is null when a path was given,
``date`` is ISO 8601 with the time and offset, and ``approximate`` marks a date at the edge of a
shallow clone (the change happened on or before it)."""


def _relpath(root: Path, target: str) -> tuple[str, str | None]:
    """The document's relpath and id: ``target`` is a path (from here or from the root) or an id."""
    if "/" in target or target.endswith((".yaml", ".yml")):
        try:
            return Path(target).resolve().relative_to(root.resolve()).as_posix(), None
        except ValueError:
            if Path(target).is_absolute() or ".." in Path(target).parts:
                raise LskError(f"'{target}' ligger utanför ledningssystemet ({root})",
                               "Ange en sökväg under roten eller ett id (R004, KP01).") from None
            return Path(target).as_posix(), None  # a path from the root
    from lsk.loader.repository import load_repository
    from lsk.loader.validate import closest

    files = load_repository(root).files
    for f in files:
        if not f.relpath.startswith("@") and any(d.id == target for d in f.definitions):
            return f.relpath, target
    ids = [d.id for f in files if not f.relpath.startswith("@") for d in f.definitions]
    guess = closest(target, ids)
    raise LskError(f"inget dokument definierar id '{target}'",
                   f"Menade du '{guess}'?" if guess else "Ange ett id (R004, KP01) eller en sökväg.")


def run(*, root_arg: Path | None, target: str, every: bool, fmt: str, out: Path | None) -> int:
    from lsk.gitrepo import open_repo
    from lsk.personnummer import masked

    root = existing_root(root_arg)
    git = open_repo(root)
    relpath, ident = _relpath(root, target)
    changes = list(git.log(relpath) if every else git.last_changes([relpath]).values())
    uncommitted = relpath in git.dirty()
    if not changes and not (root / relpath).is_file():
        raise LskError(f"'{target}' finns inte i ledningssystemet",
                       "Ange en sökväg under roten eller ett id (R004, KP01).")
    # A name holding a personnummer is reported by check (LSK401); it is not printed meanwhile.
    shown = masked(relpath)[0]
    if fmt == "json":
        emit(json.dumps({
            "format": JSON_FORMAT, "path": shown, "id": ident, "uncommitted": uncommitted,
            "shallow_clone": git.is_shallow,
            "changes": [{"commit": c.commit, "date": c.date.isoformat(), "author": c.author,
                         "message": c.message, "approximate": c.approximate} for c in changes],
        }, ensure_ascii=False, indent=2) + "\n", out, root=root)
        return EXIT_OK
    lines = [display_path(root, shown) + (f" ({ident})" if ident else "")]
    if not changes:
        lines.append("  ingen historik: filen är inte incheckad i git")
    for c in changes:
        when = ("på eller före " if c.approximate else "") + c.date.date().isoformat()
        lines.append(f"  {when}  {c.author}  {c.message}  ({c.commit[:10]})")
    if uncommitted:
        lines.append("  + ändringar som inte är incheckade")
    if any(c.approximate for c in changes):
        lines.append("  Repot är en grund klon: äldre historik saknas (git fetch --unshallow).")
    emit(terminal_safe("\n".join(lines)) + "\n", out, root=root)
    return EXIT_OK
