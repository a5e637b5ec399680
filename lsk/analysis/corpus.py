"""The indexed model of one ledningssystem: what rules and reports read instead of files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lsk.loader.files import FileResult
from lsk.model.arscykel import Arscykel
from lsk.model.konfiguration import Konfiguration
from lsk.model.krav import Forfattning, Krav
from lsk.model.process import Process
from lsk.model.roller import Roll
from lsk.model.rutin import Rutin
from lsk.model.sjalvskattning import Bedomning


@dataclass
class Doc:
    """A validated document and the file it came from."""

    relpath: str
    model: Any


RECORD_KINDS = ("avvikelser", "riskanalyser", "egenkontroller", "indikatorer", "atgarder",
                "fokusomraden")


@dataclass(frozen=True)
class Carrier:
    """Something in the ledningssystem that carries a requirement, and where it says so."""

    kind: str
    id: str
    relpath: str
    path: tuple[Any, ...]


@dataclass
class Corpus:
    files: list[FileResult]
    today: dt.date
    config: Konfiguration | None = None
    docs: dict[str, list[Doc]] = field(default_factory=dict)

    @classmethod
    def build(cls, files: list[FileResult], today: dt.date) -> Corpus:
        docs: dict[str, list[Doc]] = {}
        for f in files:
            if f.model is not None and f.kind:
                docs.setdefault(f.kind, []).append(Doc(f.relpath, f.model))
        config = docs["konfiguration"][0].model if docs.get("konfiguration") else None
        return cls(files, today, config, docs)

    def of(self, kind: str) -> list[Doc]:
        return self.docs.get(kind, [])

    @property
    def processes(self) -> list[Doc]:
        return self.of("process")

    @property
    def routines(self) -> list[Doc]:
        return self.of("rutin")

    @property
    def config_path(self) -> str:
        return "lsk.yaml"

    @cached_property
    def roles(self) -> list[tuple[str, int, Roll]]:
        """(relpath, index in roller, role)."""
        return [(d.relpath, i, r) for d in self.of("roller") for i, r in enumerate(d.model.roller)]

    @cached_property
    def requirements(self) -> dict[str, tuple[str, int, Krav]]:
        """Requirement id → (relpath, index, requirement), catalog and local. The shipped catalog
        wins over a repository file that reuses one of its ids (that file gets LSK301)."""
        out: dict[str, tuple[str, int, Krav]] = {}
        for d in self._catalog_first:
            for i, k in enumerate(d.model.krav):
                out.setdefault(k.id, (d.relpath, i, k))
        return out

    @cached_property
    def lagkrav_references(self) -> list[tuple[str, Carrier]]:
        """Every lagkrav reference: processes, activities, routines, roles and services."""
        out: list[tuple[str, Carrier]] = []
        for d in self.processes:
            p = d.model
            out += [(k, Carrier("process", p.id, d.relpath, ("lagkrav", i)))
                    for i, k in enumerate(p.lagkrav)]
            for ai, a in enumerate(p.aktiviteter):
                out += [(k, Carrier("aktivitet", f"{p.id}.{a.id}", d.relpath,
                                    ("aktiviteter", ai, "lagkrav", i)))
                        for i, k in enumerate(a.lagkrav)]
        for d in self.routines:
            out += [(k, Carrier("rutin", d.model.id, d.relpath, ("lagkrav", i)))
                    for i, k in enumerate(d.model.lagkrav)]
        for relpath, ri, role in self.roles:
            out += [(k, Carrier("roll", role.id, relpath, ("roller", ri, "lagkrav", i)))
                    for i, k in enumerate(role.lagkrav)]
        for d in self.of("tjanster"):
            for ti, t in enumerate(d.model.tjanster):
                out += [(k, Carrier("tjanst", t.id, d.relpath, ("tjanster", ti, "lagkrav", i)))
                        for i, k in enumerate(t.lagkrav)]
        return out

    @cached_property
    def statutes(self) -> dict[str, Forfattning]:
        """Författning id ('SFS-2001:453') → its metadata, incl. what replaced it."""
        out: dict[str, Forfattning] = {}
        for d in self._catalog_first:
            out.setdefault(d.model.forfattning.id, d.model.forfattning)
        return out

    @property
    def _catalog_first(self) -> list[Any]:
        return sorted(self.of("kravkatalog"), key=lambda d: not d.relpath.startswith("@"))

    def statute_of(self, requirement_id: str) -> Forfattning | None:
        return self.statutes.get(requirement_id.split("/", 1)[0])

    @cached_property
    def assessments(self) -> dict[str, Bedomning]:
        return {b.krav: b for d in self.of("sjalvskattning") for b in d.model.bedomningar}

    @cached_property
    def cycle(self) -> list[tuple[str, Arscykel]]:
        return [(d.relpath, d.model) for d in self.of("arscykel")]

    @cached_property
    def forms(self) -> set[str]:
        """The operator forms the nämnd runs (socialtjänst, LSS, hälso- och sjukvård)."""
        return set(self.config.verksamhetsformer) if self.config else {"socialtjanst"}

    @cached_property
    def risk_matrix(self) -> Any:
        """The repository's Riskmatris, or None when riskmatris.yaml is missing or invalid."""
        docs = self.of("riskmatris")
        return docs[0].model if docs else None

    def years(self) -> set[int]:
        """Years that have at least one yearly record."""
        return {d.model.ar for kind in RECORD_KINDS for d in self.of(kind)}

    def routine(self, rid: str) -> Rutin | None:
        return next((d.model for d in self.routines if d.model.id == rid), None)

    def process(self, pid: str) -> Process | None:
        return next((d.model for d in self.processes if d.model.id == pid), None)
