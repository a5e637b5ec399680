"""The organisation: political organs, the tjänstemannaorganisation as a tree of units, stab
functions under any unit, utförare, råd and external parties.

The tjänstemannaorganisation is one recursive kind, ``Enhet``, with a ``typ`` (kommunledning,
förvaltning, kontor, avdelning, enhet, sektion, team, kansli): any depth, stab functions under
any unit. The older shape (``forvaltning`` with ``avdelningar`` → ``enheter`` and ``stab`` at
the top) is still read, into the same units. ``Organisation`` gives the tree: ``enhet(id)``,
``overordnad(id)``, ``underordnade(id)`` and ``enhetsordning()``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from lsk.model.base import (
    AktorRef,
    Labels,
    Modell,
    RollRef,
    Slug,
    Text,
    TjanstRef,
    Verksamhetsform,
)

Regi = Annotated[Literal["egen", "extern"], Labels({"egen": "egen regi", "extern": "extern regi"})]
Parttyp = Annotated[
    Literal["region", "myndighet", "kommun", "skola", "polis", "ideell", "privat", "annan"],
    Labels({"region": "region", "myndighet": "myndighet", "kommun": "kommun", "skola": "skola",
            "polis": "polis", "ideell": "ideell organisation", "privat": "privat aktör",
            "annan": "annan part"}),
]
Enhetstyp = Annotated[
    Literal["kommunledning", "forvaltning", "kontor", "avdelning", "enhet", "sektion", "team",
            "kansli", "annan"],
    Labels({"kommunledning": "kommunledning", "forvaltning": "förvaltning", "kontor": "kontor",
            "avdelning": "avdelning", "enhet": "enhet", "sektion": "sektion", "team": "team",
            "kansli": "kansli", "annan": "annan enhet"}),
]
"""What kind of unit in the tjänstemannaorganisation; the tree itself says who is above whom."""
Organtyp = Annotated[
    Literal["kommunfullmaktige", "kommunstyrelsen", "namnd", "beredning", "annat"],
    Labels({"kommunfullmaktige": "kommunfullmäktige", "kommunstyrelsen": "kommunstyrelsen",
            "namnd": "nämnd", "beredning": "beredning", "annat": "annat politiskt organ"}),
]


class Namnd(Modell):
    """The socialnämnd: ytterst ansvarig for the ledningssystem (SOSFS 2011:9 3 kap. 1 §)."""

    KIND = "namnd"
    LABEL = "nämnd"
    id: Slug
    namn: Text
    uppdrag: str | None = None
    ansvar: list[Text] = Field(
        [], title="Ansvar",
        description="Nämndens ansvar i kvalitetsarbetet, en punkt per rad, som handboken räknar "
                    "upp dem ('fastställa mål för kvalitetsarbetet och följa upp dem').")
    reglemente: str | None = Field(None, description="Beslut om reglemente, t.ex. KF-paragraf.")
    ordforande: RollRef | None = None


class Utskott(Modell):
    KIND = "utskott"
    LABEL = "utskott"
    ARTICLE = "ett"
    id: Slug
    namn: Text
    uppdrag: str | None = None


class PolitisktOrgan(Modell):
    """Kommunfullmäktige, kommunstyrelsen and other political organs around the nämnd."""

    KIND = "politiskt_organ"
    LABEL = "politiskt organ"
    ARTICLE = "ett"
    id: Slug = Field(title="Id", description="Id för organet, t.ex. 'kommunfullmaktige'.")
    namn: Text = Field(title="Namn", description="Organets namn, t.ex. 'Kommunfullmäktige'.")
    typ: Organtyp = Field(
        "annat", title="Typ",
        description="Kommunfullmäktige, kommunstyrelsen, nämnd, beredning eller annat organ.")
    uppdrag: str | None = Field(
        None, title="Uppdrag",
        description="Vad organet gör för nämndens kvalitetsarbete, t.ex. beslutar om budget.")


class Stabsfunktion(Modell):
    """A stab function under a unit (or at the top), e.g. MAS or personligt ombud."""

    KIND = "stab"
    LABEL = "stabsfunktion"
    id: Slug
    namn: Text
    roll: RollRef | None = None
    uppdrag: str | None = None

    @property
    def typ(self) -> str:
        return "stab"


class Enhet(Modell):
    """A unit of the tjänstemannaorganisation at any level; ``enheter`` are the units under it."""

    KIND = "enhet"
    LABEL = "enhet"
    ORDER = ("id", "namn", "typ", "chef", "verksamhetsformer", "beskrivning", "stodjer", "stab",
             "avdelningar", "enheter")
    id: Slug
    namn: Text
    typ: Enhetstyp = Field(
        "enhet", title="Typ",
        description="Vilken sorts enhet: kommunledning, förvaltning, kontor, avdelning, enhet, "
                    "sektion, team, kansli eller annan. Var den står i organisationen framgår av "
                    "vilken enhet den ligger under.")
    chef: RollRef | None = None
    verksamhetsformer: list[Verksamhetsform] = []
    beskrivning: str | None = None
    stodjer: list[AktorRef] = Field(
        [], title="Ger stöd till",
        description="Organ och enheter som enheten ger stöd, t.ex. kommunkansliet som ger "
                    "nämnden administrativt stöd.")
    stab: list[Stabsfunktion] = Field(
        [], title="Stabsfunktioner",
        description="Stabsfunktioner som hör till enheten, t.ex. MAS eller personligt ombud.")
    avdelningar: list[Enhet] = Field(
        [], title="Avdelningar (äldre skrivsätt)",
        description="Äldre skrivsätt för underenheter av typen avdelning; skriv hellre 'enheter' "
                    "med 'typ: avdelning'.")
    enheter: list[Enhet] = Field(
        [], title="Underenheter",
        description="Enheterna närmast under den här, i den ordning de ska visas.")

    @model_validator(mode="before")
    @classmethod
    def _avdelningar_ar_avdelningar(cls, data: Any) -> Any:
        return _typed(data, "avdelningar", "avdelning")

    @property
    def underenheter(self) -> list[Enhet]:
        """The units directly under this one, the older ``avdelningar`` first."""
        return [*self.avdelningar, *self.enheter]


def _typed(data: Any, key: str, typ: str) -> Any:
    """``data`` with ``typ`` set on the mapping(s) at ``key`` that lack one (the older shape)."""
    if not isinstance(data, dict) or key not in data:
        return data
    value = data[key]
    if isinstance(value, dict) and "typ" not in value:
        return {**data, key: {**value, "typ": typ}}
    if isinstance(value, list):
        items = [{**x, "typ": typ} if isinstance(x, dict) and "typ" not in x else x for x in value]
        return {**data, key: items}
    return data


class Avtal(Modell):
    """A contract with an utförare. Handbooks often only say that something is 'regulated in
    the contract'; what they say is kept, the rest may be left out."""

    diarienummer: str | None = None
    giltigt_fran: dt.date | None = None
    giltigt_till: dt.date | None = None
    uppfoljning: str | None = Field(None, description="Hur och hur ofta avtalet följs upp.")


class Utforare(Modell):
    """Who carries out services: own units (egen regi) or contracted providers (extern regi)."""

    KIND = "utforare"
    LABEL = "utförare"
    id: Slug
    namn: Text
    regi: Regi
    tjanster: list[TjanstRef] = []
    avtal: Avtal | None = None
    beskrivning: str | None = None


class Rad(Modell):
    """Councils the nämnd consults, e.g. pensionärsråd and funktionshinderråd."""

    KIND = "rad"
    LABEL = "råd"
    ARTICLE = "ett"
    id: Slug
    namn: Text
    syfte: str | None = None


class ExternPart(Modell):
    """A party outside the organisation that processes cooperate with (4 kap. 5-6 §§)."""

    KIND = "extern_part"
    LABEL = "extern part"
    id: Slug
    namn: Text
    typ: Parttyp = "annan"
    beskrivning: str | None = None


Enhetsnod = Enhet | Stabsfunktion
"""A place in the tree of the tjänstemannaorganisation: a unit or a stab function."""


class Organisation(Modell):
    """Document ``organisation.yaml``."""

    ORDER = ("namnd", "politiska_organ", "utskott", "enheter", "forvaltning", "stab",
             "utforare", "rad", "externa_parter")
    namnd: Namnd
    utskott: list[Utskott] = []
    politiska_organ: list[PolitisktOrgan] = Field(
        [], title="Politiska organ",
        description="Kommunfullmäktige, kommunstyrelsen och andra politiska organ som beslutar "
                    "eller medverkar i nämndens kvalitetsarbete.")
    enheter: list[Enhet] = Field(
        [], title="Tjänstemannaorganisation",
        description="Enheterna överst i tjänstemannaorganisationen (t.ex. kommunledningen), "
                    "med sina underenheter och stabsfunktioner i valfritt antal nivåer.")
    forvaltning: Enhet | None = Field(
        None, title="Förvaltning (äldre skrivsätt)",
        description="Äldre skrivsätt för en förvaltning överst i organisationen; skriv hellre "
                    "'enheter' med 'typ: forvaltning'.")
    stab: list[Stabsfunktion] = Field(
        [], title="Stab",
        description="Stabsfunktioner som inte ligger under någon enhet. I det äldre skrivsättet "
                    "hör de till förvaltningen.")
    utforare: list[Utforare] = []
    rad: list[Rad] = []
    externa_parter: list[ExternPart] = []

    _nodes: dict[str, Enhetsnod] = PrivateAttr(default_factory=dict)
    _parent: dict[str, str | None] = PrivateAttr(default_factory=dict)
    _children: dict[str | None, list[str]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _forvaltning_ar_forvaltning(cls, data: Any) -> Any:
        return _typed(data, "forvaltning", "forvaltning")

    def model_post_init(self, context: Any, /) -> None:
        def add(node: Enhetsnod, parent: str | None, extra: list[Stabsfunktion]) -> None:
            if node.id in self._nodes:  # a duplicate id: LSK301 reports it, the first one counts
                return
            self._nodes[node.id] = node
            self._parent[node.id] = parent
            self._children.setdefault(parent, []).append(node.id)
            if isinstance(node, Enhet):
                for s in (*node.stab, *extra):
                    add(s, node.id, [])
                for e in node.underenheter:
                    add(e, node.id, [])

        if self.forvaltning:  # the older shape: the top-level stab belongs to the förvaltning
            add(self.forvaltning, None, self.stab)
        else:
            for s in self.stab:
                add(s, None, [])
        for top in self.enheter:
            add(top, None, [])

    # --- the tree of the tjänstemannaorganisation -------------------------------------------

    def enhet(self, id: str) -> Enhetsnod | None:
        """The unit or stab function with this id, or None."""
        return self._nodes.get(id)

    def overordnad(self, id: str) -> str | None:
        """Id of the unit directly above ``id``; None at the top or for an unknown id."""
        return self._parent.get(id)

    def underordnade(self, id: str | None) -> list[str]:
        """Ids directly under ``id`` (its stab functions, then its units), in the file's order;
        ``None`` gives the top of the organisation."""
        return list(self._children.get(id, []))

    def enhetsordning(self) -> list[str]:
        """Every unit and stab function, each before the ones under it, in the file's order."""
        out: list[str] = []

        def visit(parent: str | None) -> None:
            for child in self._children.get(parent, []):
                out.append(child)
                visit(child)

        visit(None)
        return out

    def overordnade(self, id: str) -> list[str]:
        """``id`` and every unit above it, nearest first: the chain a figure rolls up along."""
        out: list[str] = []
        current: str | None = id if id in self._nodes else None
        while current is not None:
            out.append(current)
            current = self._parent.get(current)
        return out

    def gren(self, id: str) -> list[str]:
        """``id`` and every unit and stab function below it, in order."""
        if id not in self._nodes:
            return []
        out = [id]
        for child in self._children.get(id, []):
            out += self.gren(child)
        return out

    def djup(self, id: str) -> int:
        """0 for a unit at the top, 1 for one under it, and so on."""
        return len(self.overordnade(id)) - 1

    def organ(self) -> list[tuple[str, str]]:
        """(id, name) of every named part: organs, units, stab, utförare, råd, parties."""
        out = [(self.namnd.id, self.namnd.namn)]
        out += [(o.id, o.namn) for o in self.politiska_organ]
        out += [(u.id, u.namn) for u in self.utskott]
        out += [(i, self._nodes[i].namn) for i in self.enhetsordning()]
        out += [(u.id, u.namn) for u in self.utforare]
        out += [(r.id, r.namn) for r in self.rad]
        out += [(p.id, p.namn) for p in self.externa_parter]
        return out
