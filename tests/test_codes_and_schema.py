"""The code table in the docs is generated from the code; schemas are generated from the models."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from lsk.commands.codes import markdown
from lsk.diagnostics import CODES
from lsk.model.kinds import KINDS, kind_for
from tests.conftest import EXAMPLE, PROJECT


def test_code_table_in_docs_matches_the_registry():
    committed = (PROJECT / "docs" / "diagnostikkoder.md").read_text(encoding="utf-8")
    assert committed == markdown(), "kör 'make docs' och checka in docs/diagnostikkoder.md"


def test_codes_are_well_formed_and_used():
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (PROJECT / "lsk").rglob("*.py") if p.name != "diagnostics.py")
    for code in CODES:
        assert re.fullmatch(r"LSK[0-9]{3}", code)
        assert f'"{code}"' in source, f"{code} is registered but never emitted"


def test_schema_export_validates_the_example(lsk, tmp_path):
    result = lsk("schema", "--out", tmp_path)
    assert result.code == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{k.name}.schema.json" for k in KINDS)
    for path in sorted(EXAMPLE.rglob("*.yaml")):
        rel = path.relative_to(EXAMPLE).as_posix()
        kind = kind_for(rel)
        assert kind is not None, rel
        schema = json.loads((tmp_path / f"{kind.name}.schema.json").read_text(encoding="utf-8"))
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)  # noqa: S506
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
        assert not errors, (rel, errors[0].message if errors else None)


def test_schema_rejects_unknown_keys(tmp_path, lsk):
    lsk("schema", "--out", tmp_path)
    schema = json.loads((tmp_path / "rutin.schema.json").read_text(encoding="utf-8"))
    bad = {"id": "R001", "titel": "t", "syfte": "s", "okand": 1}
    assert any("okand" in e.message
               for e in jsonschema.Draft202012Validator(schema).iter_errors(bad))


class EditorLoader(yaml.SafeLoader):
    """Types scalars as an editor's YAML language server does, except dates, which stay text."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def test_every_example_file_has_a_kind():
    assert all(kind_for(p.relative_to(EXAMPLE).as_posix()) for p in EXAMPLE.rglob("*.yaml"))
    assert Path(EXAMPLE / "lsk.yaml").exists()


def test_rule_table_in_docs_matches_the_registry():
    from lsk.commands.rules import markdown as rules_markdown

    committed = (PROJECT / "docs" / "regler.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "kör 'make docs' och checka in docs/regler.md"


def test_catalog_is_valid_and_every_entry_has_a_source():
    from lsk.catalog import catalog_files
    from lsk.model.krav import Kravkatalog

    ids: set[str] = set()
    for _, path in catalog_files():
        catalog = Kravkatalog.model_validate(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        for krav in catalog.krav:
            assert krav.kalla or catalog.forfattning.kalla, krav.id
            assert krav.id.startswith(catalog.forfattning.id + "/"), krav.id
            assert krav.id not in ids
            ids.add(krav.id)
    assert {f"SOSFS-2011:9/{k}" for k in ("3/1", "4/2", "4/3", "4/4", "5/1", "5/2", "7/1")} <= ids
