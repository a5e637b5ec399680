"""The registry of document kinds: where each lives under the root and which model validates it.

A new kind (yearly records, local requirements) is one more entry here; the loader reads only
this list. Models are imported on first use, so a fully cached ``lsk check`` never loads pydantic.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class DocumentKind:
    name: str
    patterns: tuple[str, ...]
    model_path: str
    """``module:Class`` of the pydantic model."""
    required: bool = False
    description: str = ""

    def matches(self, relpath: str) -> bool:
        return any(fnmatchcase(relpath, p) for p in self.patterns)

    @property
    def model(self) -> type[BaseModel]:
        module, _, cls = self.model_path.partition(":")
        return getattr(importlib.import_module(module), cls)


CONFIG_FILE = "lsk.yaml"

KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("konfiguration", (CONFIG_FILE,), "lsk.model.konfiguration:Konfiguration", True,
                 "Inställningar för lsk; markerar roten."),
    DocumentKind("organisation", ("organisation.yaml",), "lsk.model.organisation:Organisation",
                 True, "Nämnd, utskott, förvaltning, enheter, stab, utförare, råd och parter."),
    DocumentKind("roller", ("roller.yaml",), "lsk.model.roller:Rollregister", True,
                 "Roller och deras ansvar."),
    DocumentKind("tjanster", ("tjanster.yaml",), "lsk.model.tjanster:Tjansteregister", False,
                 "Centrala sociala tjänster och processerna som ger dem."),
    DocumentKind("process", ("processer/*.yaml", "processer/*/*.yaml"),
                 "lsk.model.process:Process", False, "En process per fil."),
    DocumentKind("rutin", ("rutiner/*.yaml", "rutiner/*/*.yaml"), "lsk.model.rutin:Rutin",
                 False, "En rutin per fil."),
    DocumentKind("arscykel", ("arscykel.yaml",), "lsk.model.arscykel:Arscykel", False,
                 "Årscykelns händelser per månad."),
    DocumentKind("mal", ("styrning/mal.yaml",), "lsk.model.styrning:Malregister", False,
                 "Nämndens mål och indikatorer."),
    DocumentKind("internkontrollplan", ("styrning/internkontrollplan-*.yaml",),
                 "lsk.model.styrning:Internkontrollplan", False, "Internkontrollplan, en per år."),
    DocumentKind("kravkatalog", ("krav/*.yaml",), "lsk.model.krav:Kravkatalog", False,
                 "Egna krav (lokala riktlinjer, avtal, nämndbeslut), en författning per fil."),
    DocumentKind("riskmatris", ("riskmatris.yaml",), "lsk.model.riskmatris:Riskmatris", False,
                 "Kommunens riskmatris (storlek, etiketter, nivåer och färger)."),
    DocumentKind("avvikelser", ("ar/*/avvikelser.yaml",), "lsk.model.poster:Avvikelser", False,
                 "Årets avvikelser per enhet och typ, sammanställda."),
    DocumentKind("riskanalyser", ("ar/*/riskanalyser.yaml",), "lsk.model.poster:Riskanalyser",
                 False, "Årets riskanalyser."),
    DocumentKind("egenkontroller", ("ar/*/egenkontroller.yaml",),
                 "lsk.model.poster:Egenkontroller", False, "Årets egenkontroller."),
    DocumentKind("indikatorer", ("ar/*/indikatorer.yaml",), "lsk.model.poster:Indikatorvarden",
                 False, "Årets värden för indikatorer och brukarundersökningar."),
    DocumentKind("atgarder", ("ar/*/atgarder.yaml",), "lsk.model.poster:Atgarder", False,
                 "Årets åtgärder med ursprung, ägare, tidsgräns och effekt."),
    DocumentKind("fokusomraden", ("ar/*/fokusomraden.yaml",), "lsk.model.poster:Fokusomraden",
                 False, "Fokusområden som beslutats för nästa år."),
    DocumentKind("sjalvskattning", ("sjalvskattning.yaml",),
                 "lsk.model.sjalvskattning:Sjalvskattning", False,
                 "Egen bedömning per bestämmelse; 'ej tillämplig' med motivering."),
)


def kind_for(relpath: str) -> DocumentKind | None:
    """The kind whose folder convention ``relpath`` (posix, relative to the root) follows."""
    for kind in KINDS:
        if kind.matches(relpath):
            return kind
    return None


def by_name(name: str) -> DocumentKind:
    return next(k for k in KINDS if k.name == name)
