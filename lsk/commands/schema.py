"""``lsk schema``: one JSON Schema per document kind for the editor, with the repository's ids."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from lsk.atomic import write_atomic
from lsk.errors import LskError
from lsk.model.jsonschema import Ids, document_schema
from lsk.model.kinds import CONFIG_FILE, KINDS
from lsk.rootdir import find_root, refuse_overwrite


def schemas(ids: Ids | None = None) -> dict[str, dict[str, Any]]:
    return {kind.name: document_schema(kind, ids) for kind in KINDS}


def repository_ids(root: Path) -> Ids | None:
    """The ids ``root`` defines, or None when ``root`` is no ledningssystem."""
    if not (root / CONFIG_FILE).is_file():
        return None
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.ids import named_ids

    return named_ids(Corpus.load(root, dt.date.today()))


def editor_settings(schema_dir: str, root_dir: str) -> dict[str, Any]:
    """VS Code's ``yaml.schemas``: each schema file → the globs of its documents, both relative
    to the workspace folder (the repository's top)."""
    prefix = f"{root_dir.rstrip('/')}/" if root_dir not in ("", ".") else ""
    return {
        "yaml.schemas": {f"./{schema_dir}/{kind.name}.schema.json":
                         [prefix + pattern for pattern in kind.patterns] for kind in KINDS},
        "yaml.completion": True,
        "yaml.hover": True,
        "yaml.validate": True,
        "files.associations": {"*.yaml": "yaml"},
    }


EXTENSIONS = {"recommendations": ["redhat.vscode-yaml"]}


def write_schemas(out: Path, guard_root: Path, ids: Ids | None) -> list[Path]:
    written = []
    for name, schema in schemas(ids).items():
        path = out / f"{name}.schema.json"
        refuse_overwrite(path, guard_root)
        write_atomic(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written


def run(*, out: Path) -> int:
    if out.exists() and not out.is_dir():
        raise LskError(f"'{out}' är ingen mapp", "Ange en mapp med --out; en fil per dokumenttyp "
                       "skrivs där.")
    root = find_root(None)  # the repository the user stands in
    for path in write_schemas(out, root, repository_ids(root)):
        print(path)
    return 0
