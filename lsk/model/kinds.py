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


@dataclass(frozen=True, kw_only=True)
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
    DocumentKind(name="konfiguration", label="inställningar", patterns=(CONFIG_FILE,),
                 model_path="lsk.model.konfiguration:Konfiguration",
                 required=True, description="Inställningar för lsk; markerar roten."),
    DocumentKind(name="organisation", label="organisation", patterns=("organisation.yaml",),
                 model_path="lsk.model.organisation:Organisation",
                 required=True,
                 description="Nämnd, utskott, förvaltning, enheter, stab, utförare, råd och parter."),
    DocumentKind(name="roller", label="roller", patterns=("roller.yaml",),
                 model_path="lsk.model.roller:Rollregister",
                 required=True, description="Roller och deras ansvar."),
    DocumentKind(name="tjanster", label="tjänster", patterns=("tjanster.yaml",),
                 model_path="lsk.model.tjanster:Tjansteregister",
                 description="Centrala sociala tjänster och processerna som ger dem."),
    DocumentKind(name="process", label="process", patterns=("processer/*.yaml", "processer/*/*.yaml"),
                 model_path="lsk.model.process:Process",
                 description="En process per fil."),
    DocumentKind(name="rutin", label="rutin", patterns=("rutiner/*.yaml", "rutiner/*/*.yaml"),
                 model_path="lsk.model.rutin:Rutin",
                 description="En rutin per fil."),
    DocumentKind(name="styrdokument", label="styrdokument", patterns=("styrdokument.yaml",),
                 model_path="lsk.model.styrdokument:Styrdokumentregister",
                 description="Styrdokument utanför lsk (riktlinjer, delegationsordning, planer, "
                             "avtal) med beslut, giltighet och länk."),
    DocumentKind(name="begrepp", label="begrepp", patterns=("begrepp.yaml",),
                 model_path="lsk.model.begrepp:Begreppslista",
                 description="Definitioner och begrepp, och kvalitetsfaktorerna som beskriver god "
                             "kvalitet."),
    DocumentKind(name="omraden", label="områden", patterns=("omraden.yaml",),
                 model_path="lsk.model.omraden:Omraden",
                 description="Kvalitetsområden: vad nämnden säkerställer, hur det följs upp och "
                             "vem som ansvarar."),
    DocumentKind(name="arscykel", label="årscykel", patterns=("arscykel.yaml",),
                 model_path="lsk.model.arscykel:Arscykel",
                 description="Årscykelns händelser per månad."),
    DocumentKind(name="mal", label="mål", patterns=("styrning/mal.yaml",),
                 model_path="lsk.model.styrning:Malregister",
                 description="Nämndens mål och indikatorer."),
    DocumentKind(name="internkontrollplan", label="internkontrollplan",
                 patterns=("styrning/internkontrollplan-*.yaml",),
                 model_path="lsk.model.styrning:Internkontrollplan",
                 description="Internkontrollplan, en per år."),
    DocumentKind(name="kravkatalog", label="kravkatalog", patterns=("krav/*.yaml",),
                 model_path="lsk.model.krav:Kravkatalog",
                 description="Egna krav (lokala riktlinjer, avtal, nämndbeslut), en författning per fil."),
    DocumentKind(name="riskmatris", label="riskmatris", patterns=("riskmatris.yaml",),
                 model_path="lsk.model.riskmatris:Riskmatris",
                 description="Kommunens riskmatris (storlek, etiketter, nivåer och färger)."),
    DocumentKind(name="avvikelser", label="avvikelser", patterns=("ar/*/avvikelser.yaml",),
                 model_path="lsk.model.poster:Avvikelser",
                 promised_by="avvikelsesammanstallning",
                 description="Årets avvikelser per enhet och typ, sammanställda."),
    DocumentKind(name="riskanalyser", label="riskanalyser", patterns=("ar/*/riskanalyser.yaml",),
                 model_path="lsk.model.poster:Riskanalyser",
                 promised_by="riskanalys", description="Årets riskanalyser."),
    DocumentKind(name="egenkontroller", label="egenkontroller", patterns=("ar/*/egenkontroller.yaml",),
                 model_path="lsk.model.poster:Egenkontroller",
                 promised_by="egenkontroll", description="Årets egenkontroller."),
    DocumentKind(name="indikatorer", label="indikatorvärden", patterns=("ar/*/indikatorer.yaml",),
                 model_path="lsk.model.poster:Indikatorvarden",
                 promised_by="brukarundersokning",
                 description="Årets värden för indikatorer och brukarundersökningar."),
    DocumentKind(name="atgarder", label="åtgärder", patterns=("ar/*/atgarder.yaml",),
                 model_path="lsk.model.poster:Atgarder",
                 description="Årets åtgärder med ursprung, ägare, tidsgräns och effekt."),
    DocumentKind(name="fokusomraden", label="fokusområden", patterns=("ar/*/fokusomraden.yaml",),
                 model_path="lsk.model.poster:Fokusomraden",
                 description="Fokusområden som beslutats för nästa år."),
    DocumentKind(name="sammanstallningar", label="övriga sammanställningar",
                 patterns=("ar/*/sammanstallningar.yaml",),
                 model_path="lsk.model.sammanstallning:Sammanstallningar",
                 description="Årets övriga sammanställningar: klagomål per kategori, tillsyn, "
                             "SIP, registrens andelar … som tabeller med värde per kategori, "
                             "jämförda med tidigare år."),
    DocumentKind(name="berattelse", label="årets berättelse", patterns=("ar/*/berattelse.yaml",),
                 model_path="lsk.model.berattelse:Arsberattelse",
                 description="Årets egna ord: inledning, syfte, en text per kapitel i SOSFS "
                             "2011:9 och nämndens egen bedömning av året med motivering."),
    DocumentKind(name="undersokning", label="undersökning", patterns=("undersokningar/*.yaml",),
                 model_path="lsk.model.undersokning:Undersokning",
                 description="En brukarundersökning eller annan undersökning per fil, med alla "
                             "år: frågor i egen ordning, grupper, svarsfrekvens och värden."),
    DocumentKind(name="sjalvskattning", label="självskattning", patterns=("sjalvskattning.yaml",),
                 model_path="lsk.model.sjalvskattning:Sjalvskattning",
                 description="Egen bedömning per bestämmelse; 'ej tillämplig' med motivering."),
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
