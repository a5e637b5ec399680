"""The editor knows lsk: yaml-language-server (what VS Code's YAML extension runs), driven over
stdio with the schema and settings ``lsk init`` writes, completes, explains and flags.

Needs Node and yaml-language-server (``.ci/run`` installs it and sets ``LSK_YAML_LS``); skipped
locally when missing, a failure in CI.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lsk.model.kinds import KINDS
from tests.editor.lsp import LanguageServer

R001 = "ledningssystem/rutiner/R001-handlaggning.yaml"


def _server_command() -> list[str]:
    found = os.environ.get("LSK_YAML_LS") or shutil.which("yaml-language-server")
    if not found or not Path(found).exists():
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server saknas i CI (sätt LSK_YAML_LS)")
        pytest.skip("yaml-language-server saknas (npm install yaml-language-server)")
    return [found, "--stdio"]


@pytest.fixture
def workspace(lsk, tmp_path):
    target = tmp_path / "kommun"
    assert lsk("init", target, "--kommun", "Provby", "--namnd", "Socialnämnden").code == 0
    return target


@pytest.fixture
def server(workspace):
    settings = json.loads((workspace / ".vscode/settings.json").read_text(encoding="utf-8"))
    yaml_settings = {key.removeprefix("yaml."): value for key, value in settings.items()
                     if key.startswith("yaml.")}
    ls = LanguageServer(_server_command(), yaml_settings, workspace)
    yield ls
    ls.close()


def _position(text: str, line_start: str) -> dict[str, int]:
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(line_start))
    return {"line": row, "character": len(lines[row])}


def test_init_ties_every_document_kind_to_its_schema(workspace):
    settings = json.loads((workspace / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert len(mapped) == len(KINDS)
    for schema, globs in mapped.items():
        assert (workspace / schema).is_file()
        assert all(g.startswith("ledningssystem/") for g in globs)
    extensions = json.loads((workspace / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_completion_offers_the_roles_with_their_names(server, workspace):
    path = workspace / R001
    text = path.read_text(encoding="utf-8").replace("ansvarig: enhetschef", "ansvarig: ")
    uri = server.open(path, text)
    server.wait_for_diagnostics(uri)  # the schema is loaded once the file has been validated
    result = server.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": _position(text, "ansvarig:")})
    items = result["items"] if isinstance(result, dict) else result
    by_label = {i["label"]: i for i in items}
    assert {"enhetschef", "forvaltningschef", "kvalitetssamordnare"} <= set(by_label)
    doc = by_label["forvaltningschef"].get("documentation")
    shown = doc["value"] if isinstance(doc, dict) else str(doc)
    assert "Förvaltningschef" in shown


def test_completing_a_key_inserts_no_null(server, workspace):
    path = workspace / R001
    text = path.read_text(encoding="utf-8").replace("ansvarig: enhetschef\n",
                                                          "ansvarig: enhetschef\nom\n")
    uri = server.open(path, text)
    server.wait_for_diagnostics(uri)
    result = server.request("textDocument/completion", {
        "textDocument": {"uri": uri}, "position": _position(text, "om")})
    items = {i["label"]: i for i in (result["items"] if isinstance(result, dict) else result)}
    assert "omfattning" in items
    inserted = [i.get("insertText") or i.get("textEdit", {}).get("newText", "")
                for i in items.values()]
    assert inserted and not any("null" in text for text in inserted), inserted


def test_hover_explains_a_key_in_swedish(server, workspace):
    path = workspace / R001
    text = path.read_text(encoding="utf-8")
    uri = server.open(path, text)
    server.wait_for_diagnostics(uri)
    row = text.splitlines().index("ansvarig: enhetschef")
    hover = server.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": {"line": row, "character": 2}})
    contents = hover["contents"]
    shown = contents["value"] if isinstance(contents, dict) else json.dumps(contents)
    assert "Roll som äger och reviderar dokumentet" in shown


def test_a_misspelled_role_is_flagged_and_a_correct_file_is_not(server, workspace):
    path = workspace / R001
    good = path.read_text(encoding="utf-8")
    uri = server.open(path, good)
    assert server.wait_for_diagnostics(uri) == []
    other = workspace / "ledningssystem/rutiner/R009-stavfel.yaml"
    bad = good.replace("id: R001", "id: R009").replace("ansvarig: enhetschef",
                                                        "ansvarig: enhetchef")
    bad_uri = server.open(other, bad)
    found = server.wait_for_diagnostics(bad_uri)
    row = bad.splitlines().index("ansvarig: enhetchef")
    assert [d for d in found if d["range"]["start"]["line"] == row], found
