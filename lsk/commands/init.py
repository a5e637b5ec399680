"""``lsk init DIR``: a new repository with a minimal, valid ledningssystem to grow from."""

from __future__ import annotations

import string
from pathlib import Path

from lsk.commands.textarg import one_line
from lsk.errors import LskError

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
RENAMES = {"dot-gitignore": ".gitignore"}


def _files() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(SCAFFOLD.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(SCAFFOLD).as_posix()
            out.append((RENAMES.get(rel, rel), path))
    return out


def _yaml_text(value: str) -> str:
    """A value safe to put after 'key: ' in YAML (quoted when it needs to be)."""
    plain = value and value.strip() == value and not any(c in value for c in ":#{}[],&*!|>'\"%@`")
    return value if plain else '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run(*, target: Path, kommun: str, namnd: str, force: bool) -> int:
    from lsk import gitrepo
    from lsk.atomic import write_atomic

    kommun, namnd = one_line(kommun, "--kommun"), one_line(namnd, "--namnd")
    if target.exists() and not target.is_dir():
        raise LskError(f"'{target}' finns och är ingen mapp", "Ange en ny eller tom mapp.")
    existing = next((p for p in (target / "lsk.yaml", *target.glob("*/lsk.yaml")) if p.is_file()),
                    None)
    if existing is not None:
        raise LskError(f"här finns redan ett ledningssystem ({existing})",
                       "lsk init lägger inte till exempelrutiner i ett befintligt system, inte "
                       "ens med --force; använd 'lsk ny' för nya dokument.")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise LskError(f"'{target}' är inte tom", "Ange en tom mapp, eller --force för att lägga "
                       "till filerna ändå (befintliga filer skrivs aldrig över).")
    created = []
    for rel, source in _files():
        destination = target / rel
        if destination.exists():
            continue
        text = source.read_text(encoding="utf-8")
        values = {"kommun": kommun, "namnd": namnd}
        if rel.endswith((".yaml", ".yml")):
            values = {k: _yaml_text(v) for k, v in values.items()}
        write_atomic(destination, string.Template(text).substitute(values))
        created.append(rel)
    created += _editor_files(target)
    has_git = (target / ".git").exists() or gitrepo.init(target)
    print(f"Skapade {len(created)} filer i {target}" + ("" if has_git else " (git saknas: "
          "kör 'git init' själv)") + ".")
    print(f"Nästa steg: cd {target} && lsk check && lsk trace --uncovered")
    return 0


def _editor_files(target: Path) -> list[str]:
    """The schemas, and VS Code settings that tie every document to its schema by glob, so no
    file needs a modeline; files that exist are left as they are."""
    import json

    from lsk.atomic import write_atomic
    from lsk.commands.schema import (
        EXTENSIONS,
        editor_settings,
        repository_ids,
        write_schemas,
    )

    root = target / "ledningssystem"
    created = [p.relative_to(target).as_posix()
               for p in write_schemas(target / "schema", root, repository_ids(root))]
    for rel, content in ((".vscode/settings.json", editor_settings("schema", "ledningssystem")),
                         (".vscode/extensions.json", EXTENSIONS)):
        if not (target / rel).exists():
            write_atomic(target / rel, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
            created.append(rel)
    return created
