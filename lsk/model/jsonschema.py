"""JSON Schema for the editor, from the model: Swedish text, what lsk accepts, the repo's ids.

pydantic's own schema is the start. Made to agree with ``lsk check`` and to help someone typing:
- a field's ``title`` and ``description`` are the model's own (Swedish, written once in
  ``lsk.model.falt`` or on the ``Field``); pydantic's generated titles ("Nasta Revision") and
  the classes' English docstrings are left out, and a part is titled by its Swedish ``LABEL``;
- no ``default: null``, so completion does not insert ``null`` for every optional key;
- plain text also accepts a number, as lsk does (``coerce_numbers_to_str``): ``version: 2``;
- a reference lists the repository's ids of its kinds with their names (``enum`` with
  ``markdownEnumDescriptions``), so the editor completes ``ansvar:`` with role ids and flags a
  misspelled one, like LSK302 does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lsk.model.base import Modell
from lsk.model.falt import falttext
from lsk.model.introspect import plan
from lsk.model.kinds import DocumentKind
from lsk.model.labels import submodels

DRAFT = "http://json-schema.org/draft-07/schema#"
"""yaml-language-server (VS Code's YAML extension) reads draft-07 and older."""

Ids = Mapping[str, Mapping[str, str]]
"""Id kind ('roll') → id → what it is called ('Socialchef')."""


def document_schema(kind: DocumentKind, ids: Ids | None = None) -> dict[str, Any]:
    model = kind.model
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions: dict[str, Any] = schema.pop("$defs", {})
    for cls in submodels(model):
        part = schema if cls is model else definitions.get(cls.__name__)
        if part is not None:
            _tidy_model(cls, part, ids or {})
    out: dict[str, Any] = {"$schema": DRAFT, **schema}
    out["title"] = f"lsk: {kind.label or kind.name}"
    out["description"] = f"{kind.description} Fil: {', '.join(kind.patterns)}".strip()
    if definitions:
        out["definitions"] = definitions
    return out


def _tidy_model(cls: type[Modell], part: dict[str, Any], ids: Ids) -> None:
    part.pop("description", None)  # the class docstring: for programmers, in English
    if cls.LABEL:
        part["title"] = cls.LABEL[:1].upper() + cls.LABEL[1:]
    else:
        part.pop("title", None)
    refs = {name: target for name, shape, target in plan(cls) if shape in ("ref", "list-ref")}
    for name, prop in part.get("properties", {}).items():
        text = falttext(cls, name)
        prop["title"] = text.titel
        prop["description"] = text.beskrivning
        if prop.get("default", 0) is None:
            del prop["default"]
        if name in refs:
            _list_ids(prop, refs[name], ids)
        _accept_numbers_as_text(prop)


def _string_branches(prop: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas inside ``prop`` that describe one string (through anyOf and array items)."""
    if prop.get("type") == "string":
        return [prop]
    out: list[dict[str, Any]] = []
    for branch in prop.get("anyOf", []):
        out += _string_branches(branch)
    if isinstance(prop.get("items"), dict):
        out += _string_branches(prop["items"])
    return out


def _accept_numbers_as_text(prop: dict[str, Any]) -> None:
    for branch in _string_branches(prop):
        if not {"pattern", "enum", "const", "format"} & set(branch):
            branch["type"] = ["string", "number"]


def _list_ids(prop: dict[str, Any], kinds: tuple[str, ...], ids: Ids) -> None:
    known = {i: name for kind in kinds for i, name in sorted(ids.get(kind, {}).items())}
    if not known:
        return
    for branch in _string_branches(prop):
        branch.pop("pattern", None)
        branch["type"] = "string"
        branch["enum"] = list(known)
        branch["markdownEnumDescriptions"] = [f"{name} (`{i}`)" for i, name in known.items()]
        branch["enumDescriptions"] = [f"{name} ({i})" for i, name in known.items()]
