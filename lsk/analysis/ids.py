"""Every id the repository defines, with what it is called: for the editor's schema."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lsk.analysis.corpus import Corpus
from lsk.model.base import Modell

_NAME_FIELDS = ("namn", "titel", "rubrik")


def named_ids(corpus: Corpus) -> dict[str, dict[str, str]]:
    """Id kind ('roll') → id → name ('Socialchef'), for ids in the repository-wide namespace
    (activities, unique only within their process, are left out) and the catalog's provisions."""
    out: dict[str, dict[str, str]] = defaultdict(dict)

    def walk(value: Any) -> None:
        if isinstance(value, Modell):
            cls = type(value)
            ident = getattr(value, "id", None)
            if cls.KIND and not cls.LOCAL_ID and isinstance(ident, str):
                out[cls.KIND].setdefault(ident, _name(value) or ident)
            for name in cls.model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for doc in corpus.documents:
        walk(doc.model)
    for ident, (_, _, krav) in corpus.requirements.items():
        out["lagkrav"].setdefault(ident, krav.rubrik)
    return dict(out)


def _name(value: Modell) -> str | None:
    for field in _NAME_FIELDS:
        text = getattr(value, field, None)
        if isinstance(text, str) and text:
            return text
    return None
