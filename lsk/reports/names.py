"""Who can be responsible, by name: roles, and the organisation's organs and units."""

from __future__ import annotations

from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.model.organisation import Organisation


def responsible_names(corpus: Corpus) -> dict[str, str]:
    """Id → name of every role and of every part of the organisation with an id and a name,
    read from any depth (so a deeper organisation needs no change here)."""
    out: dict[str, str] = {}
    for d in corpus.of(Organisation):
        _collect(d.model.model_dump(), out)
    out.update((r.id, r.namn) for _, _, r in corpus.roles)
    return out


def _collect(data: Any, out: dict[str, str]) -> None:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str) and isinstance(data.get("namn"), str):
            out[data["id"]] = data["namn"]
        for value in data.values():
            _collect(value, out)
    elif isinstance(data, list):
        for value in data:
            _collect(value, out)
