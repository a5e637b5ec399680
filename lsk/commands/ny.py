"""``lsk ny rutin|process|roll|tjanst``: a new document with the next free id and required fields."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from lsk.commands.textarg import one_line
from lsk.errors import LskError
from lsk.model.platshallare import (
    PROCESS_AKTIVITET,
    PROCESS_SYFTE,
    ROLL_ANSVAR,
    RUTIN_STEG,
    RUTIN_SYFTE,
)
from lsk.rootdir import display_path, find_root

PREFIX = {"ledningsprocess": "LP", "karnprocess": "KP", "stodprocess": "SP"}


def slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50] or "ny"


def _next(existing: set[str], prefix: str, width: int) -> str:
    numbers = [int(m.group(1)) for i in existing if (m := re.fullmatch(prefix + r"(\d+)", i))]
    return f"{prefix}{(max(numbers) + 1 if numbers else 1):0{width}d}"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one


def _routine(rid: str, title: str, owner: str | None) -> str:
    owner_line = f"ansvarig: {owner}\n" if owner else "# ansvarig: roll-id\n"
    return (f"# {rid} {title}. Skapad med 'lsk ny rutin'; fyll i syfte, lagkrav och steg.\n"
            f"id: {rid}\ntitel: {_quote(title)}\nsyfte: {_quote(RUTIN_SYFTE)}\n"
            f"{owner_line}version: \"0.1\"\nlagkrav: []\nsteg:\n"
            f"  - text: {_quote(RUTIN_STEG)}\n"
            + (f"    ansvar: {owner}\n" if owner else "    # ansvar: roll-id\n"))


def _process(pid: str, title: str, kind: str, owner: str) -> str:
    return (f"# {pid} {title}. Skapad med 'lsk ny process'; fyll i syfte och aktiviteter.\n"
            f"id: {pid}\nnamn: {_quote(title)}\ntyp: {kind}\n"
            f"syfte: {_quote(PROCESS_SYFTE)}\nagare: {owner}\n"
            f"version: \"0.1\"\nlagkrav: []\naktiviteter:\n"
            f"  - id: forsta-aktiviteten\n    namn: {_quote(PROCESS_AKTIVITET)}\n"
            f"    ansvar: {owner}\n")


def run(*, root_arg: Path | None, what: str, title: str, kind: str, owner: str | None) -> int:
    from lsk.atomic import write_atomic
    from lsk.loader.repository import load_repository

    title = one_line(title, "--titel")
    root = find_root(root_arg)
    if not (root / "lsk.yaml").is_file():
        raise LskError(f"'{root}' är inget ledningssystem (lsk.yaml saknas)",
                       "Ange roten, eller skapa ett nytt med 'lsk init'.")
    repo = load_repository(root)
    ids = {d.id for f in repo.files for d in f.definitions}
    # A file that does not parse defines nothing, but its name still holds its id (R045-...).
    ids |= {m.group(1) for f in repo.files
            if (m := re.match(r"(?:rutiner|processer)/([A-Z]+[0-9]+)-", f.relpath))}
    roles = {d.id for f in repo.files for d in f.definitions if d.kind == "roll"}
    if owner is not None and owner not in roles:
        from lsk.loader.validate import closest

        guess = closest(owner, roles)
        raise LskError(f"rollen '{owner}' finns inte",
                       f"Menade du '{guess}'?" if guess else "Se roller.yaml.")
    if what == "rutin":
        new_id = _next(ids, "R", 3)
        path = root / "rutiner" / f"{new_id}-{slug(title)}.yaml"
        text = _routine(new_id, title, owner)
    elif what == "process":
        if owner is None:
            raise LskError("en process behöver en ägare", "Ange --agare ROLL-ID.")
        new_id = _next(ids, PREFIX[kind], 2)
        path = root / "processer" / f"{new_id}-{slug(title)}.yaml"
        text = _process(new_id, title, kind, owner)
    else:
        return _append(root, what, title, ids)
    if path.exists():
        raise LskError(f"{display_path(root, path.relative_to(root).as_posix())} finns redan",
                       "Välj en annan titel.")
    write_atomic(path, text)
    print(display_path(root, path.relative_to(root).as_posix()))
    return 0


def _append(root: Path, what: str, title: str, ids: set[str]) -> int:
    """Roles and services live in one list file each: append, keeping everything else."""
    from lsk.atomic import write_atomic
    from lsk.writers import roundtrip
    from lsk.writers.fmt import formatted

    filename, key = {"roll": ("roller.yaml", "roller"), "tjanst": ("tjanster.yaml", "tjanster")}[what]
    new_id = slug(title)
    if new_id in ids:
        raise LskError(f"id '{new_id}' finns redan", "Välj en annan titel.")
    path = root / filename
    text = path.read_text(encoding="utf-8") if path.exists() else f"{key}: []\n"
    if formatted(filename, text) is None:
        raise LskError(f"{filename} kan inte tolkas och ändras inte", "Kör 'lsk check'.")
    data = roundtrip.load(text)
    if not isinstance(data, dict) or not isinstance(data.get(key) or [], list):
        raise LskError(f"{filename} har inte formen '{key}: [...]' och ändras inte",
                       "Rätta filen (se lsk check) och försök igen.")
    entry: dict[str, object] = {"id": new_id, "namn": title}
    if what == "roll":
        entry["ansvar"] = [ROLL_ANSVAR]
    if data.get(key) is None or not data[key]:
        data[key] = [entry]
    else:
        data[key].append(entry)
    write_atomic(path, roundtrip.dump(data))
    print(f"{display_path(root, filename)}: {new_id}")
    return 0
