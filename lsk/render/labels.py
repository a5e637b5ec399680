"""Swedish display text for the model's ASCII values (keys and Literals are written without å ä ö)."""

from __future__ import annotations

from lsk.analysis.coverage import STATUS_TEXT

PROCESS_TYPES = {
    "ledningsprocess": "Ledningsprocesser",
    "karnprocess": "Kärnprocesser",
    "stodprocess": "Stödprocesser",
}
PROCESS_TYPE = {"ledningsprocess": "ledningsprocess", "karnprocess": "kärnprocess",
                "stodprocess": "stödprocess"}

PRODUCTS = {
    "verksamhetsplan": "Verksamhetsplan",
    "budget": "Budget",
    "internkontrollplan": "Internkontrollplan",
    "uppfoljning_internkontroll": "Uppföljning av intern kontroll",
    "delarsrapport": "Delårsrapport",
    "verksamhetsberattelse": "Verksamhetsberättelse",
    "kvalitetsberattelse": "Kvalitetsberättelse",
    "patientsakerhetsberattelse": "Patientsäkerhetsberättelse",
    "riskanalys": "Riskanalys",
    "egenkontroll": "Egenkontroll",
    "brukarundersokning": "Brukarundersökning",
    "avvikelsesammanstallning": "Sammanställning av avvikelser",
    "uppfoljning_utforare": "Uppföljning av utförare",
    "revision_ledningssystem": "Revision av ledningssystemet",
    "annat": "Övrigt",
}

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

FORMS = {"socialtjanst": "socialtjänst", "lss": "LSS", "halso_och_sjukvard": "hälso- och sjukvård"}
REGI = {"egen": "egen regi", "extern": "extern regi"}
PART_TYPES = {"region": "region", "myndighet": "myndighet", "kommun": "kommun", "skola": "skola",
              "polis": "polis", "ideell": "ideell organisation", "privat": "privat aktör",
              "annan": "annan part"}
LEVELS = {"kommunfullmaktige": "kommunfullmäktige", "namnd": "nämnd", "forvaltning": "förvaltning"}
CARRIER_KINDS = {"process": "process", "aktivitet": "aktivitet", "rutin": "rutin", "roll": "roll",
                 "tjanst": "tjänst", "arscykel": "årscykel"}

STATUS = STATUS_TEXT
EVIDENCE = {"process": "process", "rutin": "rutin", "roll": "roll",
            **{k: v.lower() for k, v in PRODUCTS.items()}}


def month_label(month: str) -> str:
    return month.capitalize()
TEXTTYP = {"citat": "Författningstext", "aldre_lydelse": "Författningstext i en äldre lydelse",
           "parafras": "Parafras"}
