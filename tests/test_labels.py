"""One place for each fact: every kind, list item and value has a Swedish label in the model, and
a new kind of yearly record is a model plus one registry entry.
"""

from __future__ import annotations

import typing

import pytest

from lsk.analysis.corpus import CarrierKind
from lsk.model import kinds
from lsk.model.arscykel import Handelse
from lsk.model.base import Modell, Ref
from lsk.model.kinds import KINDS, DocumentKind, id_kinds, item_labels, yearly_kinds
from lsk.model.labels import _find_labels, item_class, literal_values, submodels
from lsk.model.poster import Arspost
from tests import minimal

MODELS = sorted({cls for kind in KINDS for cls in submodels(kind.model)}, key=lambda c: c.__name__)


def _fields(cls: type[Modell]) -> list[tuple[str, typing.Any]]:
    hints = typing.get_type_hints(cls, include_extras=True)
    return [(name, hints[name]) for name in cls.model_fields]


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_every_enum_value_has_a_label(cls):
    for name, tp in _fields(cls):
        values = literal_values(tp)
        if not values:
            continue
        labels = _find_labels(tp)
        assert labels is not None, f"{cls.__name__}.{name}: a Literal without Labels"
        assert list(labels.text) == list(values), f"{cls.__name__}.{name}: labels ≠ values"
        assert all(labels.text.values()), f"{cls.__name__}.{name}: an empty label"
        assert not labels.plural or set(labels.plural) == set(values), f"{cls.__name__}.{name}"


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
def test_every_list_item_and_id_kind_has_a_label(cls):
    if cls.KIND:
        assert cls.LABEL, f"{cls.__name__} defines ids of kind {cls.KIND} but has no LABEL"
        assert cls.ARTICLE in ("en", "ett")
    for name, _ in _fields(cls):
        item = item_class(cls, name)
        if item is not None:
            assert item.LABEL, f"{cls.__name__}.{name}: {item.__name__} has no LABEL"


def test_a_list_key_names_the_same_item_everywhere():
    seen: dict[str, set[str]] = {}
    for cls in MODELS:
        for name, _ in _fields(cls):
            item = item_class(cls, name)
            if item is not None:
                seen.setdefault(name, set()).add(item.LABEL)
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}
    assert item_labels() == {k: next(iter(v)) for k, v in seen.items()}


def test_every_reference_names_a_kind_that_exists():
    for cls in MODELS:
        for name, tp in _fields(cls):
            for ref in _refs(tp):
                missing = [k for k in ref.kinds if k not in id_kinds()]
                assert missing == [], f"{cls.__name__}.{name} refers to unknown kinds {missing}"


def _refs(tp: typing.Any) -> list[Ref]:
    found = [m for m in getattr(tp, "__metadata__", ()) if isinstance(m, Ref)]
    return found + [r for arg in typing.get_args(tp) for r in _refs(arg)]


def test_each_product_promises_one_kind_of_record_and_every_carrier_has_a_label():
    promised = [k.promised_by for k in KINDS if k.promised_by]
    assert len(promised) == len(set(promised))
    assert set(promised) <= set(literal_values(Handelse.model_fields["producerar"].annotation))
    from lsk.render.labels import CARRIER_KINDS

    assert set(CARRIER_KINDS) == set(typing.get_args(CarrierKind)) and all(CARRIER_KINDS.values())


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_document_kind_has_a_label_and_yearly_records_are_consistent(kind):
    assert kind.label and kind.label == kind.label.lower()
    is_yearly_place = kind.patterns[0].startswith("ar/*/")
    assert kind.yearly == is_yearly_place, kind.name
    if kind.yearly:
        model = kind.model
        assert issubclass(model, Arspost)
        assert model.item_class().PLURAL, f"{kind.name}: its items have no PLURAL"
    assert kind.promised_by is None or kind.yearly


# A kind of yearly record that lsk does not ship: complaints counted per theme.
class Klagomal(Modell):
    LABEL = "klagomål"
    ARTICLE = "ett"
    PLURAL = "klagomål"
    tema: str
    antal: int


class Klagomalsposter(Arspost):
    POSTER = "klagomal"
    klagomal: list[Klagomal] = []


NEW_KIND = DocumentKind(name="klagomal", label="klagomål per tema", patterns=("ar/*/klagomal.yaml",),
                        model_path=f"{__name__}:Klagomalsposter")


@pytest.fixture
def with_new_kind(monkeypatch):
    monkeypatch.setattr(kinds, "KINDS", (*KINDS, NEW_KIND))
    for cached in (id_kinds, item_labels):
        cached.cache_clear()
    yield
    for cached in (id_kinds, item_labels):
        cached.cache_clear()


def test_a_new_yearly_record_kind_is_checked_counted_and_labelled(lsk, tmp_path, with_new_kind):
    assert NEW_KIND in yearly_kinds()
    root = minimal.write(tmp_path / "ls", {
        "ar/2025/klagomal.yaml": "ar: 2024\nklagomal:\n  - {tema: bemötande, antal: 7}\n",
        "ar/2025/atgarder.yaml": "ar: 2025\n",
    })
    # checked: LSK601 knows the new kind's year belongs to its folder
    diags = lsk("check", root, "--format", "json", "--no-cache").json["diagnostics"]
    wrong_year = [d for d in diags if d["code"] == "LSK601"]
    assert [(d["path"].rsplit("/ls/", 1)[1], d["line"]) for d in wrong_year] == [
        ("ar/2025/klagomal.yaml", 1)]
    assert "ar/2025/" in wrong_year[0]["message"]
    # counted and labelled: the kvalitetsberättelse lists it among the year's records
    (root / "ar/2025/klagomal.yaml").write_text(
        "ar: 2025\nklagomal:\n  - {tema: bemötande, antal: 7}\n  - {tema: väntetid, antal: 3}\n",
        encoding="utf-8")
    out = tmp_path / "kb"
    result = lsk("kvalitetsberattelse", "2025", root, "--format", "md", "--out", out)
    assert result.code == 0, result.err
    text = (out / "kvalitetsberattelse-2025.md").read_text(encoding="utf-8")
    assert "| Klagomål per tema | ar/2025/klagomal.yaml | 2 klagomål |" in text
    assert "| Riskanalyser | saknas | – |" in text
