"""The indexed model of one ledningssystem: what rules and reports read instead of files.

Documents are typed by their model class (``corpus.of(Rutin)`` is a ``list[Doc[Rutin]]``), so
mypy checks every attribute a rule, report or template context reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from lsk.diagnostics import Diagnostic, Severity
from lsk.loader.files import FileResult
from lsk.loader.positions import Pos, position_of
from lsk.loader.yamlread import parse_yaml
from lsk.model.arscykel import Arscykel
from lsk.model.base import Dokumenthuvud, Faststallelse, Modell
from lsk.model.kapitel import Kapitel
from lsk.model.kinds import CONFIG_FILE, DocumentKind, by_name, yearly_kinds
from lsk.model.konfiguration import Konfiguration
from lsk.model.krav import Forfattning, Krav, Kravkatalog
from lsk.model.omraden import Omraden
from lsk.model.poster import Arspost
from lsk.model.process import Process
from lsk.model.riskmatris import Riskmatris
from lsk.model.roller import Roll, Rollregister
from lsk.model.rutin import Rutin
from lsk.model.sjalvskattning import Bedomning, Sjalvskattning
from lsk.model.styrdokument import Styrdokument, Styrdokumentregister
from lsk.model.tjanster import Tjansteregister

M = TypeVar("M", bound=Modell)

CarrierKind = Literal["process", "aktivitet", "rutin", "roll", "tjanst", "omrade", "arscykel"]
"""What can carry a requirement: an id kind, or an årscykel event (named by the årscykel)."""


@dataclass(frozen=True)
class Doc(Generic[M]):
    """A validated document and the file it came from."""

    relpath: str
    model: M


@dataclass(frozen=True)
class LeftOut:
    """A document that did not validate and is therefore in no report: where, and why."""

    relpath: str
    kind: DocumentKind
    first_error: Diagnostic

    def describe(self) -> str:
        e = self.first_error
        return f"{self.relpath}:{e.line} ({self.kind.label}): {e.message}"


@dataclass(frozen=True)
class Carrier:
    """Something in the ledningssystem that carries a requirement, and where it says so."""

    kind: CarrierKind
    id: str
    relpath: str
    path: tuple[Any, ...]


@dataclass(frozen=True)
class EditionApproval:
    """The latest approved edition (``lsk faststall``) as it bears on each document.

    One truth for every output: the nämnd's fastställande of an edition fastställer every
    process and rutin in it, as it reads in that edition. A document changed since (or added
    after) the edition is covered only by its own ``faststalld``, if it has one.
    """

    tag: str
    decision: Faststallelse
    """The edition's decision as a fastställelse: its date, the nämnd, beslut and dnr."""
    unchanged: frozenset[str]
    """Ids of the processes and rutiner whose text is the same as in the edition."""


@dataclass(frozen=True)
class Approval:
    """What fastställer a document: its own decision, or the edition that contains it."""

    decision: Faststallelse
    edition: str | None = None
    """The edition's tag when the decision is the edition's (``faststalld/2026-01-28``)."""


@dataclass
class Corpus:
    files: list[FileResult]
    today: dt.date
    config: Konfiguration | None = None
    docs: dict[type[Modell], list[Doc[Any]]] = field(default_factory=dict)
    texts: dict[str, str | None] = field(default_factory=dict)
    """relpath → the file's text, for placing findings on a line (``locate``)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """The loader's diagnostics (files, fields, references); rules add theirs in the engine."""
    _positions: dict[str, Pos | None] = field(default_factory=dict, repr=False)
    attachments: frozenset[str] = frozenset()
    """Files under the root that are not documents (posix relpaths): what a styrdokument's
    ``lank`` may name."""
    edition: EditionApproval | None = None
    """The latest approved edition, when the caller read git (``lsk.engine.edition_approval``)."""

    @classmethod
    def build(cls, files: list[FileResult], today: dt.date, *,
              texts: dict[str, str | None] | None = None,
              diagnostics: list[Diagnostic] | None = None,
              attachments: list[str] | frozenset[str] = frozenset()) -> Corpus:
        docs: dict[type[Modell], list[Doc[Any]]] = {}
        for f in files:
            if f.model is not None and f.kind:
                docs.setdefault(type(f.model), []).append(Doc(f.relpath, f.model))
        corpus = cls(files, today, None, docs, dict(texts or {}), list(diagnostics or []),
                     attachments=frozenset(attachments))
        configs = corpus.of(Konfiguration)
        corpus.config = configs[0].model if configs else None
        return corpus

    @classmethod
    def load(cls, root: Path, today: dt.date, *, use_cache: bool = True) -> Corpus:
        """Read, validate and index the ledningssystem at ``root`` (the loader pipeline)."""
        from lsk.loader.repository import load_repository, scan

        found = scan(root)
        repo = load_repository(root, use_cache=use_cache, scanned=found)
        return cls.build(repo.files, today, texts={s.relpath: s.text for s in found.sources},
                         diagnostics=repo.diagnostics, attachments=repo.attachments)

    @property
    def documents(self) -> list[Doc[Modell]]:
        """Every valid document, the shipped catalog included (its relpath starts with '@')."""
        return [d for docs in self.docs.values() for d in docs]

    def of(self, model: type[M]) -> list[Doc[M]]:
        """The valid documents whose model is ``model``, in file order."""
        return self.docs.get(model, [])

    def locate(self, relpath: str, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        """(line, column) of ``path`` inside the document; files are parsed for positions only
        when asked, so a clean repository costs nothing."""
        if relpath not in self._positions:
            text = self.texts.get(relpath)
            self._positions[relpath] = parse_yaml(text).positions if text else None
        return position_of(self._positions[relpath], path, key)

    @property
    def errors(self) -> int:
        """The number of loader errors: files, fields and references that are wrong."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @cached_property
    def left_out(self) -> list[LeftOut]:
        """Documents of a known kind that failed validation: no rule, report or page sees them."""
        first: dict[str, Diagnostic] = {}
        for d in self.diagnostics:
            if d.severity is Severity.ERROR:
                first.setdefault(d.path, d)
        return [LeftOut(f.relpath, by_name(f.kind), first[f.relpath]) for f in self.files
                if f.kind and f.model is None and f.relpath in first]

    def left_out_of(self, kind: str, year: int | None = None) -> list[LeftOut]:
        """Left-out documents of one kind (in ``ar/<year>/`` for a yearly record): a rule that
        would say such a document is missing stays silent, the loader has already said why."""
        place = by_name(kind).patterns[0].replace("*", str(year)) if year is not None else None
        return [lo for lo in self.left_out
                if lo.kind.name == kind and (place is None or lo.relpath == place)]

    @property
    def processes(self) -> list[Doc[Process]]:
        return self.of(Process)

    @property
    def routines(self) -> list[Doc[Rutin]]:
        return self.of(Rutin)

    @cached_property
    def chapters(self) -> list[Doc[Kapitel]]:
        """The written chapters in handbook order: by number, then by file name."""
        return sorted(self.of(Kapitel), key=lambda d: (d.model.ordning, d.model.namn))

    @property
    def governing(self) -> list[Doc[Process] | Doc[Rutin]]:
        """Processes and routines: the documents with a header (fastställd, revision)."""
        return [*self.processes, *self.routines]

    @cached_property
    def styrdokument(self) -> list[tuple[str, int, Styrdokument]]:
        """(relpath, index in styrdokument, entry): the styrdokument kept outside lsk."""
        return [(d.relpath, i, s) for d in self.of(Styrdokumentregister)
                for i, s in enumerate(d.model.styrdokument)]

    def approval_of(self, doc: Dokumenthuvud) -> Approval | None:
        """What fastställer ``doc`` now: the later of its own ``faststalld`` and the approved
        edition that contains it unchanged; None when neither does (LSK508)."""
        own = Approval(doc.faststalld) if doc.faststalld is not None else None
        e = self.edition
        ident = getattr(doc, "id", None)
        if e is None or ident not in e.unchanged:
            return own
        by_edition = Approval(e.decision, e.tag)
        if own is None or own.decision.datum < e.decision.datum:
            return by_edition
        return own

    @property
    def config_path(self) -> str:
        return CONFIG_FILE

    @cached_property
    def roles(self) -> list[tuple[str, int, Roll]]:
        """(relpath, index in roller, role)."""
        return [(d.relpath, i, r) for d in self.of(Rollregister)
                for i, r in enumerate(d.model.roller)]

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
        """Every lagkrav reference: processes, activities, routines, roles, services and the
        quality areas (an area that says how the nämnd meets a provision carries it)."""
        out: list[tuple[str, Carrier]] = []
        for d in self.processes:
            p = d.model
            out += [(k, Carrier("process", p.id, d.relpath, ("lagkrav", i)))
                    for i, k in enumerate(p.lagkrav)]
            for ai, a in enumerate(p.aktiviteter):
                out += [(k, Carrier("aktivitet", f"{p.id}.{a.id}", d.relpath,
                                    ("aktiviteter", ai, "lagkrav", i)))
                        for i, k in enumerate(a.lagkrav)]
        for r in self.routines:
            out += [(k, Carrier("rutin", r.model.id, r.relpath, ("lagkrav", i)))
                    for i, k in enumerate(r.model.lagkrav)]
        for relpath, ri, role in self.roles:
            out += [(k, Carrier("roll", role.id, relpath, ("roller", ri, "lagkrav", i)))
                    for i, k in enumerate(role.lagkrav)]
        for s in self.of(Tjansteregister):
            for ti, t in enumerate(s.model.tjanster):
                out += [(k, Carrier("tjanst", t.id, s.relpath, ("tjanster", ti, "lagkrav", i)))
                        for i, k in enumerate(t.lagkrav)]
        for areas in self.of(Omraden):
            for oi, o in enumerate(areas.model.omraden):
                out += [(k, Carrier("omrade", o.id, areas.relpath, ("omraden", oi, "lagkrav", i)))
                        for i, k in enumerate(o.lagkrav)]
        return out

    @cached_property
    def statutes(self) -> dict[str, Forfattning]:
        """Författning id ('SFS-2001:453') → its metadata, incl. what replaced it."""
        out: dict[str, Forfattning] = {}
        for d in self._catalog_first:
            out.setdefault(d.model.forfattning.id, d.model.forfattning)
        return out

    @property
    def _catalog_first(self) -> list[Doc[Kravkatalog]]:
        return sorted(self.of(Kravkatalog), key=lambda d: not d.relpath.startswith("@"))

    def statute_of(self, requirement_id: str) -> Forfattning | None:
        return self.statutes.get(requirement_id.split("/", 1)[0])

    @cached_property
    def assessments(self) -> dict[str, Bedomning]:
        return {b.krav: b for d in self.of(Sjalvskattning) for b in d.model.bedomningar}

    @cached_property
    def cycle(self) -> list[tuple[str, Arscykel]]:
        return [(d.relpath, d.model) for d in self.of(Arscykel)]

    @cached_property
    def forms(self) -> set[str]:
        """The operator forms the nämnd runs (socialtjänst, LSS, hälso- och sjukvård)."""
        return set(self.config.verksamhetsformer) if self.config else {"socialtjanst"}

    @cached_property
    def risk_matrix(self) -> Riskmatris | None:
        """The repository's Riskmatris, or None when riskmatris.yaml is missing or invalid."""
        docs = self.of(Riskmatris)
        return docs[0].model if docs else None

    @cached_property
    def records(self) -> list[tuple[DocumentKind, Doc[Arspost]]]:
        """Every yearly record with its kind, in the registry's order of kinds."""
        return [(kind, Doc(d.relpath, d.model)) for kind in yearly_kinds()
                for d in self.of(kind.model) if isinstance(d.model, Arspost)]

    def record(self, model: type[M], year: int) -> M | None:
        """The year's record of one kind (``corpus.record(Atgarder, 2025)``), or None."""
        return next((d.model for d in self.of(model)
                     if isinstance(d.model, Arspost) and d.model.ar == year), None)

    def years(self) -> set[int]:
        """Years that have at least one yearly record."""
        return {d.model.ar for _, d in self.records}

