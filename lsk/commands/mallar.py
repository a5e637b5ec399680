"""``lsk mallar``: copy lsk's templates into ``mallar/`` beside the root for editing; and what
``lsk render`` and ``lsk kvalitetsberattelse`` say about a repository's own templates."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

from lsk.errors import LskError


def print_notes(root: Path) -> None:
    """Once per run, on stderr: template folders that are not read or are in the older place,
    and copies made under another version of the template contract."""
    from lsk.render.environment import notes

    for note in notes(root):
        print(f"lsk: {note.level}: {note.message}", file=sys.stderr)
        if note.hint:
            print(f"    tips: {note.hint}", file=sys.stderr)


def _chosen(names: list[str]) -> list[str]:
    from lsk.render.kontrakt import MALLAR

    for name in names:
        if name not in MALLAR:
            close = difflib.get_close_matches(name, list(MALLAR), n=1)
            raise LskError(f"lsk har ingen mall som heter '{name}'",
                           (f"Menade du '{close[0]}'? " if close else "")
                           + "'lsk mallar --lista' visar alla.")
    return list(dict.fromkeys(names)) if names else list(MALLAR)


def listing() -> str:
    from lsk.render.kontrakt import MALLAR

    width = max(len(name) for name in MALLAR)
    return "".join(f"{name:<{width}}  {mall.beskrivning.replace('`', '')}\n"
                   for name, mall in MALLAR.items())


def run(*, names: list[str], root_arg: Path | None, out: Path | None, force: bool,
        show_list: bool) -> int:
    from lsk.atomic import write_atomic
    from lsk.render.environment import PACKAGED, candidate_folders, shown
    from lsk.render.kontrakt import MALL_KONTRAKT, MARKER, marker_text, read_marker
    from lsk.rootdir import existing_root, find_root, refuse_overwrite

    if show_list:
        sys.stdout.write(listing())
        return 0
    chosen = _chosen(names)
    root = find_root(root_arg)
    if out is None:
        try:
            root = existing_root(root_arg)
        except LskError as exc:
            raise LskError(exc.message, "Kör lsk mallar i repot, ange roten med --rot eller en "
                           "mapp med --out.") from exc
    target = out if out is not None else candidate_folders(root)[0]
    where = shown(target.resolve()) if out is None else f"{target}/"
    if target.exists() and not target.is_dir():
        raise LskError(f"'{target}' är ingen mapp", "Ange en mapp med --out.")
    for name in (*chosen, MARKER):
        refuse_overwrite(target / name, root, templates_allowed=True)
    written, kept = [], []
    for name in chosen:
        destination = target / name
        if os.path.islink(destination) or (destination.exists() and not force):
            kept.append(name)
            continue
        write_atomic(destination, (PACKAGED / name).read_text(encoding="utf-8"))
        written.append(name)
        print(f"{where}{name}")
    if written:
        marker = target / MARKER
        if os.path.islink(marker):
            print(f"lsk: varning: {where}{MARKER} är en länk och skrevs inte; versionen för "
                  "kopiorna noterades inte", file=sys.stderr)
        else:
            versions = read_marker(target) | dict.fromkeys(written, MALL_KONTRAKT)
            write_atomic(marker, marker_text(versions))
            print(f"{where}{MARKER}")
    for name in kept:
        what = "är en länk" if os.path.islink(target / name) else "finns redan"
        print(f"lsk: {where}{name} {what} och skrevs inte över", file=sys.stderr)
    if kept:
        print("    tips: --force skriver över filer som finns (aldrig länkar); ta annars bort "
              "filen först.", file=sys.stderr)
    print(f"lsk: kopierade {len(written)} av {len(chosen)} mallar till {where} (mallkontrakt "
          f"{MALL_KONTRAKT}, se docs/mallar.md)", file=sys.stderr)
    return 0
