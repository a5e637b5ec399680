"""``lsk ny rutin|process|roll|tjanst|styrdokument``: a new document or entry with the next free id
and the required fields; what the author must write is a placeholder that LSK518 warns about."""

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
    STYRDOKUMENT_BESKRIVNING,
)
from lsk.rootdir import display_path, find_root

PREFIX = {"ledningsprocess": "LP", "karnprocess": "KP", "stodprocess": "SP"}

LIST_FILES = {"roll": ("roller.yaml", "roller"), "tjanst": ("tjanster.yaml", "tjanster"),
              "styrdokument": ("styrdokument.yaml", "styrdokument")}
"""The kinds kept as entries of one list file: (file, top-level key)."""

NEW_LIST_FILE = {
    "styrdokument": (
        "# Styrdokument som nämnden har beslutat men som förvaras utanför lsk (riktlinjer,\n"
        "# delegationsordningen, planer, avtal). Aktiviteter och steg hänvisar till dem med\n"
        "# 'styrdokument: [id]'.\n\nstyrdokument: []\n"),
}
"""What a list file holds before ``lsk ny`` adds its first entry, when it differs from
``key: []``."""


def _choose(value: str | None, kind: str, choices: list[str], default: str | None) -> str:
    """The --typ given for ``kind``, checked against its choices (a suggestion when misspelt)."""
    if value is None:
        if default is None:
            raise LskError(f"ett {kind} behöver en typ",
                           f"Ange --typ, ett av: {', '.join(choices)}.")
        return default
    if value not in choices:
        from lsk.loader.validate import closest

        guess = closest(value, choices)
        raise LskError(f"'{value}' är ingen typ av {kind}",
                       (f"Menade du '{guess}'? " if guess else "")
                       + f"Välj ett av: {', '.join(choices)}.")
    return value


def document_types() -> list[str]:
    """The kinds of styrdokument, as the model has them (``Styrdokument.typ``)."""
    from lsk.model.labels import field_labels
    from lsk.model.styrdokument import Styrdokument

    return list(field_labels(Styrdokument, "typ").text)


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


def run(*, root_arg: Path | None, what: str, title: str, kind: str | None,
        owner: str | None) -> int:
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
        kind = _choose(kind, "process", list(PREFIX), "karnprocess")
        if owner is None:
            raise LskError("en process behöver en ägare", "Ange --agare ROLL-ID.")
        new_id = _next(ids, PREFIX[kind], 2)
        path = root / "processer" / f"{new_id}-{slug(title)}.yaml"
        text = _process(new_id, title, kind, owner)
    else:
        extra: dict[str, object] = {}
        if what == "styrdokument":
            extra = {"typ": _choose(kind, "styrdokument", document_types(), None),
                     "beskrivning": STYRDOKUMENT_BESKRIVNING}
            if owner is not None:
                extra["ansvarig"] = owner
        return _append(root, what, title, ids, extra)
    if path.exists():
        raise LskError(f"{display_path(root, path.relative_to(root).as_posix())} finns redan",
                       "Välj en annan titel.")
    write_atomic(path, text)
    print(display_path(root, path.relative_to(root).as_posix()))
    return 0


def _append(root: Path, what: str, title: str, ids: set[str],
            extra: dict[str, object] | None = None) -> int:
    """Roles, services and styrdokument live in one list file each: append an entry, keeping
    every comment, key and blank line already there (ruamel round-trip); an entry never
    replaces one with the same id."""
    from lsk.atomic import write_atomic
    from lsk.writers import roundtrip
    from lsk.writers.fmt import formatted

    filename, key = LIST_FILES[what]
    new_id = slug(title)
    if not new_id[:1].isalpha():  # ids start with a letter (Slug)
        new_id = f"{what}-{new_id}"
    if new_id in ids:
        raise LskError(f"id '{new_id}' finns redan", "Välj en annan titel.")
    path = root / filename
    text = path.read_text(encoding="utf-8") if path.exists() else NEW_LIST_FILE.get(
        what, f"{key}: []\n")
    if formatted(filename, text) is None:
        raise LskError(f"{filename} kan inte tolkas och ändras inte", "Kör 'lsk check'.")
    data = roundtrip.load(text)
    if not isinstance(data, dict) or not isinstance(data.get(key) or [], list):
        raise LskError(f"{filename} har inte formen '{key}: [...]' och ändras inte",
                       "Rätta filen (se lsk check) och försök igen.")
    entries = data.get(key) or []
    if any(isinstance(e, dict) and e.get("id") == new_id for e in entries):
        raise LskError(f"id '{new_id}' finns redan i {filename}", "Välj en annan titel.")
    entry: dict[str, object] = {"id": new_id, "titel" if what == "styrdokument" else "namn": title,
                                **(extra or {})}
    if what == "roll":
        entry["ansvar"] = [ROLL_ANSVAR]
    if data.get(key) is None or not data[key]:
        data[key] = [entry]
    else:
        data[key].append(entry)
    new_text = roundtrip.dump(data)
    if entries and new_text.startswith(text) and "\n\n  - " in text:
        # entries separated by a blank line, as the example writes them: the new one too
        new_text = text + ("" if text.endswith("\n\n") else "\n") + new_text[len(text):]
    write_atomic(path, new_text)
    print(f"{display_path(root, filename)}: {new_id}")
    return 0
