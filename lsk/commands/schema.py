"""``lsk schema``: one JSON Schema per document kind, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from lsk.atomic import write_atomic
from lsk.errors import LskError
from lsk.model.kinds import KINDS
from lsk.rootdir import find_root, refuse_overwrite


def schemas() -> dict[str, dict]:
    out = {}
    for kind in KINDS:
        schema = kind.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"lsk: {kind.name}"
        schema["description"] = f"{kind.description} Fil: {', '.join(kind.patterns)}"
        out[kind.name] = schema
    return out


def run(*, out: Path) -> int:
    if out.exists() and not out.is_dir():
        raise LskError(f"'{out}' är ingen mapp", "Ange en mapp med --out; en fil per dokumenttyp "
                       "skrivs där.")
    root = find_root(None)  # the repository the user stands in
    for name, schema in schemas().items():
        path = out / f"{name}.schema.json"
        refuse_overwrite(path, root)
        write_atomic(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        print(path)
    return 0
