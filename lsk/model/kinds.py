"""The registry of document kinds: where each lives, which model validates it, what it is called.

A new kind (yearly records, local requirements) is a model and one more entry here. Everything
else is derived from this list: the loader's file matching, the yearly records (a kind whose
model is an ``Arspost``) that LSK601/LSK608 check and the kvalitetsberättelse counts, and every
label (the kind's own, its items', its values'; see ``lsk.model.labels``). Model modules are
imported when first needed (a file to validate, or a derived table), not when lsk starts, so
``lsk --help`` and a check answered wholly from the cache do not load them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lsk.model.arscykel import Produkt
    from lsk.model.base import Modell


@dataclass(frozen=True)
class DocumentKind:
    name: str
    patterns: tuple[str, ...]
    model_path: str
    """``module:Class`` of the pydantic model."""
    required: bool = False
    description: str = ""
    label: str = ""
    """What the document is called in Swedish, lower case, without article ('riskanalyser')."""
    promised_by: Produkt | None = None
    """A yearly record: the årscykel product (Handelse.producerar) that promises it each year."""

    def matches(self, relpath: str) -> bool:
        return any(fnmatchcase(relpath, p) for p in self.patterns)

    @property
    def model(self) -> type[Modell]:
        module, _, cls = self.model_path.partition(":")
        model: type[Modell] = getattr(importlib.import_module(module), cls)
        return model

    @property
    def yearly(self) -> bool:
        """A yearly record under ``ar/<år>/``: its model is an ``Arspost``."""
        from lsk.model.poster import Arspost

        return issubclass(self.model, Arspost)


CONFIG_FILE = "lsk.yaml"

KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("konfiguration", (CONFIG_FILE,), "lsk.model.konfiguration:Konfiguration", True,
                 "Inställningar för lsk; markerar roten.",
                 label="inställningar"),
    DocumentKind("organisation", ("organisation.yaml",), "lsk.model.organisation:Organisation",
                 True, "Nämnd, utskott, förvaltning, enheter, stab, utförare, råd och parter.",
                 label="organisation"),
    DocumentKind("roller", ("roller.yaml",), "lsk.model.roller:Rollregister", True,
                 "Roller och deras ansvar.",
                 label="roller"),
    DocumentKind("tjanster", ("tjanster.yaml",), "lsk.model.tjanster:Tjansteregister", False,
                 "Centrala sociala tjänster och processerna som ger dem.",
                 label="tjänster"),
    DocumentKind("process", ("processer/*.yaml", "processer/*/*.yaml"),
                 "lsk.model.process:Process", False, "En process per fil.",
                 label="process"),
    DocumentKind("rutin", ("rutiner/*.yaml", "rutiner/*/*.yaml"), "lsk.model.rutin:Rutin",
                 False, "En rutin per fil.",
                 label="rutin"),
    DocumentKind("arscykel", ("arscykel.yaml",), "lsk.model.arscykel:Arscykel", False,
                 "Årscykelns händelser per månad.",
                 label="årscykel"),
    DocumentKind("mal", ("styrning/mal.yaml",), "lsk.model.styrning:Malregister", False,
                 "Nämndens mål och indikatorer.",
                 label="mål"),
    DocumentKind("internkontrollplan", ("styrning/internkontrollplan-*.yaml",),
                 "lsk.model.styrning:Internkontrollplan", False, "Internkontrollplan, en per år.",
                 label="internkontrollplan"),
    DocumentKind("kravkatalog", ("krav/*.yaml",), "lsk.model.krav:Kravkatalog", False,
                 "Egna krav (lokala riktlinjer, avtal, nämndbeslut), en författning per fil.",
                 label="kravkatalog"),
    DocumentKind("riskmatris", ("riskmatris.yaml",), "lsk.model.riskmatris:Riskmatris", False,
                 "Kommunens riskmatris (storlek, etiketter, nivåer och färger).",
                 label="riskmatris"),
    DocumentKind("avvikelser", ("ar/*/avvikelser.yaml",), "lsk.model.poster:Avvikelser", False,
                 "Årets avvikelser per enhet och typ, sammanställda.",
                 label="avvikelser", promised_by="avvikelsesammanstallning"),
    DocumentKind("riskanalyser", ("ar/*/riskanalyser.yaml",), "lsk.model.poster:Riskanalyser",
                 False, "Årets riskanalyser.",
                 label="riskanalyser", promised_by="riskanalys"),
    DocumentKind("egenkontroller", ("ar/*/egenkontroller.yaml",),
                 "lsk.model.poster:Egenkontroller", False, "Årets egenkontroller.",
                 label="egenkontroller", promised_by="egenkontroll"),
    DocumentKind("indikatorer", ("ar/*/indikatorer.yaml",), "lsk.model.poster:Indikatorvarden",
                 False, "Årets värden för indikatorer och brukarundersökningar.",
                 label="indikatorvärden", promised_by="brukarundersokning"),
    DocumentKind("atgarder", ("ar/*/atgarder.yaml",), "lsk.model.poster:Atgarder", False,
                 "Årets åtgärder med ursprung, ägare, tidsgräns och effekt.",
                 label="åtgärder"),
    DocumentKind("fokusomraden", ("ar/*/fokusomraden.yaml",), "lsk.model.poster:Fokusomraden",
                 False, "Fokusområden som beslutats för nästa år.",
                 label="fokusområden"),
    DocumentKind("sjalvskattning", ("sjalvskattning.yaml",),
                 "lsk.model.sjalvskattning:Sjalvskattning", False,
                 "Egen bedömning per bestämmelse; 'ej tillämplig' med motivering.",
                 label="självskattning"),
)


def kind_for(relpath: str) -> DocumentKind | None:
    """The kind whose folder convention ``relpath`` (posix, relative to the root) follows."""
    for kind in KINDS:
        if kind.matches(relpath):
            return kind
    return None


def by_name(name: str) -> DocumentKind:
    return next(k for k in KINDS if k.name == name)


def yearly_kinds() -> tuple[DocumentKind, ...]:
    """The kinds of yearly record, in registry order."""
    return tuple(k for k in KINDS if k.yearly)


@cache
def id_kinds() -> dict[str, type[Modell]]:
    """Id kind ('roll', 'aktivitet') → the model class whose instances define such ids."""
    from lsk.model.labels import id_kind_classes

    return id_kind_classes([k.model for k in KINDS])


def id_kind_phrase(kind: str) -> str:
    """'en roll', 'ett mål': an id kind as a message names it."""
    return id_kinds()[kind].phrase()


@cache
def item_labels() -> dict[str, str]:
    """List key → what one of its items is called ('aktiviteter' → 'aktivitet')."""
    from lsk.model.labels import list_item_labels

    return list_item_labels([k.model for k in KINDS])
