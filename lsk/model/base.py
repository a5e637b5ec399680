"""Shared building blocks of the domain model: strict base class, id types and reference markers.

Spelling rule for YAML keys: lowercase ASCII snake_case Swedish, with å and ä written as ``a`` and
ö as ``o`` (``faststalld``, ``nasta_revision``, ``agare``). Field names are the YAML keys, so no
aliases are needed. User-facing text in values is ordinary Swedish.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, Literal, TypeGuard

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Modell(BaseModel):
    """Base of every document and part: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=True,
    )

    #: Kind name when instances define an id in the repository-wide namespace (``roll``, ``rutin``).
    KIND: ClassVar[str | None] = None
    #: True when the id is only unique within the enclosing definition (qualified as ``parent.id``).
    LOCAL_ID: ClassVar[bool] = False
    #: Canonical key order for ``lsk fmt`` when it differs from the field declaration order.
    ORDER: ClassVar[tuple[str, ...]] = ()
    #: What one of these is called in Swedish ("aktivitet"): in messages, diffs and reports.
    #: Every class with a ``KIND`` or used as a list item has one (tests/test_labels.py).
    LABEL: ClassVar[str] = ""
    #: Its indefinite article, "en" or "ett" ("ett mål").
    ARTICLE: ClassVar[str] = "en"
    #: The plural, where reports count them ("6 risker"); every yearly record's items have one.
    PLURAL: ClassVar[str] = ""
    #: Fields that may be left out but should be filled in: LSK515 warns, naming the field by its
    #: ``title`` (every recommended field has one, tests/test_labels.py).
    RECOMMENDED: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def phrase(cls) -> str:
        """'en aktivitet', 'ett mål'."""
        return f"{cls.ARTICLE} {cls.LABEL}"

    @classmethod
    def key_order(cls) -> tuple[str, ...]:
        return cls.ORDER or tuple(cls.model_fields)


@dataclass(frozen=True, eq=False)
class Labels:
    """Swedish display text for every value of a ``Literal``: ``Annotated[Literal[...], Labels(...)]``.

    The model's values are ASCII (``karnprocess``); this is the one place each is given its
    Swedish text (``kärnprocess``), and ``plural`` where a report counts them ("4 genomförda").
    """

    text: Mapping[str, str]
    plural: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an id of one of ``kinds``."""

    kinds: tuple[str, ...]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,62}$")]
"""Ids of roles, units, services and parties: lowercase ASCII, digits and hyphens."""

ProcessId = Annotated[str, StringConstraints(pattern=r"^(LP|KP|SP)[0-9]{2,3}$")]
"""Process ids follow the process map: LP (ledning), KP (kärn), SP (stöd) and a number."""

RutinId = Annotated[str, StringConstraints(pattern=r"^R[0-9]{3,5}$")]
"""Routine ids: R and a number, e.g. R012."""

LagkravId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]+(-[A-Z]+)*-[0-9]{4}:[0-9]+(/[0-9]+( ?[a-z])?){1,2}$"),
]
"""A provision: ``SOSFS-2011:9/4/4`` (författning/kapitel/paragraf) or ``SFS-1993:387/24a``."""

Text = Annotated[str, StringConstraints(min_length=1)]

Verksamhetsform = Annotated[
    Literal["socialtjanst", "lss", "halso_och_sjukvard"],
    Labels({"socialtjanst": "socialtjänst", "lss": "LSS", "halso_och_sjukvard": "hälso- och sjukvård"}),
]
"""The operator forms a nämnd runs; they decide which provisions apply."""

ORGAN_KINDS = ("namnd", "utskott", "politiskt_organ", "enhet", "stab")
"""Where a role can sit: the nämnd, an utskott, another political organ, a unit or a stab."""
ROLL_PLATS_KINDS = (*ORGAN_KINDS, "utforare")
"""Where a role can be placed: an organ or unit, or an utförare (e.g. 'Externa entreprenörer',
whose own ledningssystem a handbook gives responsibilities)."""
PART_KINDS = (*ORGAN_KINDS, "utforare", "extern_part", "rad", "roll")
AKTOR_KINDS = ("roll", "namnd", "utskott", "politiskt_organ", "rad", "enhet", "stab", "utforare")
"""Who can be responsible for or take part in an activity, a step or an årscykel event."""

RollRef = Annotated[str, Ref(("roll",))]
OrganRef = Annotated[str, Ref(ORGAN_KINDS)]
RollPlatsRef = Annotated[str, Ref(ROLL_PLATS_KINDS)]
PartRef = Annotated[str, Ref(PART_KINDS)]
ProcessRef = Annotated[str, Ref(("process",))]
RutinRef = Annotated[str, Ref(("rutin",))]
StyrdokumentRef = Annotated[str, Ref(("styrdokument",))]
TjanstRef = Annotated[str, Ref(("tjanst",))]
AktorRef = Annotated[str, Ref(AKTOR_KINDS)]
BeslutsorganRef = Annotated[str, Ref(("namnd", "utskott", "politiskt_organ", "roll"))]
LagkravRef = Annotated[LagkravId, Ref(("lagkrav",))]


def ansvar_falt(vad: str, exempel: str = "", *, kravs: bool = False) -> Any:
    """The ``ansvar`` field of a piece of work (an aktivitet, a steg, an årscykel's händelse): the
    one actor who answers for ``vad`` ("aktiviteten"), optional unless ``kravs``. With
    :func:`medverkar_falt` the pair the three share, written once; a function rather than a base
    class so each keeps its fields in its own order (the schema's and ``lsk fmt``'s)."""
    text = f"Roll, enhet, nämnd, utskott eller annat organ som ansvarar för {vad}{exempel}."
    if kravs:
        return Field(title="Ansvar", description=text)
    return Field(None, title="Ansvar", description=text)


def medverkar_falt(vad: str, den: str = "den") -> Any:
    """The ``medverkar`` field beside :func:`ansvar_falt`: actors taking part in ``vad``
    ("aktiviteten") without answering for ``den`` ("den", "det")."""
    return Field([], title="Medverkar",
                 description=f"Roller, enheter, nämnd, utskott eller andra organ som medverkar i "
                             f"{vad} utan att ansvara för {den}.")


class Faststallelse(Modell):
    """Who approved (fastställde) a document, when, and under which decision."""

    LABEL = "fastställelse"

    datum: dt.date = Field(title="Datum", description="Dagen då beslutet fattades.")
    av: BeslutsorganRef = Field(
        title="Beslutande organ",
        description="Nämnd, utskott, annat politiskt organ eller roll som fattade beslutet.")
    beslut: str | None = Field(
        None, title="Beslut",
        description='Beslutsreferens, t.ex. "SN 2025-03-20 § 34" eller delegationsbeslut.')
    dnr: str | None = Field(None, title="Diarienummer",
                            description='Ärendets diarienummer, t.ex. "SN 2025/112".')
    paragraf: str | None = Field(None, title="Paragraf",
                                 description='Protokollets paragraf, t.ex. "§ 34".')


def passerat(sista_dag: dt.date | None, idag: dt.date) -> TypeGuard[dt.date]:
    """Whether a last day (``nasta_revision``, ``giltig_till``: valid *till och med*) is given and
    has passed on ``idag``; the day itself still counts. LSK507, LSK517 and ``lsk status`` ask it
    here, so they agree on the day a document turns late."""
    return sista_dag is not None and sista_dag < idag


class Dokumenthuvud(Modell):
    """Header fields municipalities put on every governing document (rutin, process).

    Named ``Dokumenthuvud`` (formerly ``Styrdokument``): a ``Styrdokument`` is the kind of
    document kept outside lsk (``lsk.model.styrdokument``), listed in ``styrdokument.yaml``.
    """

    ansvarig: RollRef | None = Field(None, title="Ansvarig",
                                     description="Roll som äger och reviderar dokumentet.")
    version: str | None = Field(None, title="Version", description="Dokumentets versionsbeteckning.")
    upprattad: dt.date | None = Field(None, title="Upprättad",
                                      description="Dagen då dokumentet först skrevs.")
    faststalld: Faststallelse | None = Field(
        None, title="Fastställd", description="Beslutet som fastställde dokumentet: vem och när.")
    reviderad: dt.date | None = Field(None, title="Reviderad", description="Senast ändrad i sak.")
    granskad: dt.date | None = Field(
        None, title="Granskad", description="Senast granskad utan ändring (lsk granska).")
    nasta_revision: dt.date | None = Field(
        None, title="Nästa revision",
        description="Senaste datum för nästa revidering (giltig till och med)."
    )

PATTERN_HELP: dict[str, str] = {
    "^[a-z][a-z0-9-]{0,62}$": "små bokstäver a–z, siffror och bindestreck, t.ex. 'enhetschef-mottagning'",
    "^(LP|KP|SP)[0-9]{2,3}$": "LP, KP eller SP följt av ett nummer, t.ex. 'KP01'",
    "^R[0-9]{3,5}$": "R följt av ett nummer med minst tre siffror, t.ex. 'R012'",
    "^[A-Z]+(-[A-Z]+)*-[0-9]{4}:[0-9]+(/[0-9]+( ?[a-z])?){1,2}$":
        "författning/kapitel/paragraf, t.ex. 'SOSFS-2011:9/4/4' eller 'SFS-1993:387/24a'",
}
"""How each id pattern is explained to the user when a value does not match it."""
