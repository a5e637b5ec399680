"""Swedish display text for the model's ASCII values, as templates use it (``labels.PRODUCTS``).

Nothing is spelled here: each table is read from the model, where every value is labelled beside
the ``Literal`` that allows it (``lsk.model.labels``). These names are part of the template
context that a municipality's own templates bind to.
"""

from __future__ import annotations

from typing import get_args

from lsk.analysis.corpus import CarrierKind
from lsk.analysis.coverage import STATUS_TEXT
from lsk.model.arscykel import Handelse
from lsk.model.kinds import by_name, id_kinds
from lsk.model.krav import Krav
from lsk.model.labels import field_labels
from lsk.model.organisation import Enhet, ExternPart, PolitisktOrgan, Utforare
from lsk.model.process import Process
from lsk.model.styrdokument import Styrdokument
from lsk.model.styrning import Mal

PROCESS_TYPES = dict(field_labels(Process, "typ").plural)
"""Process type → the heading of its group on the process map ('Kärnprocesser')."""
PROCESS_TYPE = dict(field_labels(Process, "typ").text)
PRODUCTS = dict(field_labels(Handelse, "producerar").text)
DOCUMENT_TYPE = dict(field_labels(Styrdokument, "typ").text)
"""Styrdokument type → its name ('delegationsordning', 'rutin i dokumentsystemet')."""

# The årscykel's events grouped so the wheel can colour them: plan, follow up, quality work.
CATEGORIES = {
    "planering": ("Planering och budget", ("verksamhetsplan", "budget", "internkontrollplan")),
    "uppfoljning": ("Uppföljning och redovisning", (
        "uppfoljning_internkontroll", "delarsrapport", "verksamhetsberattelse",
        "uppfoljning_utforare")),
    "kvalitet": ("Kvalitetsarbete", (
        "kvalitetsberattelse", "patientsakerhetsberattelse", "riskanalys", "egenkontroll",
        "brukarundersokning", "avvikelsesammanstallning", "revision_ledningssystem")),
    "annat": ("Övrigt", ("annat",)),
}
CATEGORY_OF = {p: c for c, (_, products) in CATEGORIES.items() for p in products}

FORMS = dict(field_labels(Krav, "galler").text)
REGI = dict(field_labels(Utforare, "regi").text)
PART_TYPES = dict(field_labels(ExternPart, "typ").text)
UNIT_TYPES = dict(field_labels(Enhet, "typ").text)
ORGAN_TYPES = dict(field_labels(PolitisktOrgan, "typ").text)
LEVELS = dict(field_labels(Mal, "niva").text)
MONTHS = dict(field_labels(Handelse, "manad").text)
CARRIER_KINDS = {k: id_kinds()[k].LABEL if k in id_kinds() else by_name(k).label
                 for k in get_args(CarrierKind)}

STATUS = STATUS_TEXT
EVIDENCE = dict(field_labels(Krav, "evidens").text)
TEXTTYP = dict(field_labels(Krav, "texttyp").text)


def month_label(month: str) -> str:
    return MONTHS[month]
