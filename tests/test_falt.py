"""Every field of every document kind has a Swedish title and description, written once.

The editor shows them on hover and in completion (yaml-language-server), docs/mallar.md lists
them, and LSK515 names a missing field by its title: a field without text would be a blank in
all three.
"""

from __future__ import annotations

import re

import pytest

from lsk.model.falt import FALT, PER_KLASS, falttext
from lsk.model.kinds import KINDS
from lsk.model.labels import submodels

MODELS = sorted({cls for kind in KINDS for cls in submodels(kind.model)}, key=lambda c: c.__name__)
FIELDS = [(cls, name) for cls in MODELS for name in cls.model_fields]

# Words that give away English text (docstrings or code comments turned into help).
ENGLISH = re.compile(r"\b(the|which|who|when|of|is|are|and|or|for|with|from|this)\b")


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=lambda v: getattr(v, "__name__", v))
def test_every_field_has_a_swedish_title_and_description(cls, name):
    text = falttext(cls, name)
    where = f"{cls.__name__}.{name}"
    assert text.titel, f"{where}: no title (add it to lsk/model/falt.py or the Field)"
    assert text.beskrivning, f"{where}: no description (add it to lsk/model/falt.py)"
    assert text.titel[0].isupper(), f"{where}: a title starts with a capital letter"
    assert text.beskrivning.rstrip(")").endswith((".", "?")) or text.beskrivning.endswith("}."), where
    english = ENGLISH.findall(text.titel + " " + text.beskrivning)
    assert not english, f"{where}: English words {english} in {text}"


def test_the_schema_carries_the_texts():
    from lsk.model.jsonschema import document_schema

    for kind in KINDS:
        schema = document_schema(kind)
        parts = [schema, *schema.get("definitions", {}).values()]
        for part in parts:
            for key, prop in part.get("properties", {}).items():
                assert prop.get("description"), f"{kind.name}: {key} has no description"
                assert prop.get("title"), f"{kind.name}: {key} has no title"


def test_no_text_is_written_for_a_field_nobody_has():
    names = {name for _, name in FIELDS}
    assert sorted(set(FALT) - names) == []
    classes = {cls.__name__: cls for cls in MODELS}
    stale = [k for k in PER_KLASS
             if (c := classes.get(k.split(".")[0])) is None or k.split(".")[1] not in c.model_fields]
    assert stale == []
    shadowed = [k for k in PER_KLASS
                if (info := classes[k.split(".")[0]].model_fields[k.split(".")[1]]).title
                and info.description]
    assert shadowed == [], "the Field's own text wins: these entries are never read"


def test_a_class_text_wins_over_the_shared_one():
    from lsk.model.process import Aktivitet
    from lsk.model.roller import Roll

    assert falttext(Roll, "ansvar").beskrivning.startswith("Rollens ansvar")
    assert falttext(Aktivitet, "ansvar") != falttext(Roll, "ansvar")
