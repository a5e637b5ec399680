"""Write a large, synthetic but valid ledningssystem for the benchmark (deterministic).

    python bench/generate.py --out bench/out/repo --routines 5000 --processes 500 --roles 300

The repository follows the folder convention in ``lsk/model/kinds.py`` and the models in
``lsk/model/*.py``: every reference resolves and every id is unique, so ``lsk check`` reports no
errors. The same arguments always give byte-identical files (fixed seed, no set iteration).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

SEED = 20251125
MARKER = ".bench-generated"
"""Hidden file (lsk skips hidden files) that marks a folder this script may wipe and rewrite."""

# --- vocabulary -----------------------------------------------------------------------------

AVDELNINGAR: list[tuple[str, str, list[str]]] = [
    ("ifo-barn", "Avdelningen för barn och familj",
     ["Mottagning barn", "Utredning barn", "Familjehem", "Öppenvård barn", "Ungdomsenheten"]),
    ("ifo-vuxen", "Avdelningen för vuxna",
     ["Mottagning vuxen", "Missbruksvård", "Socialpsykiatri", "Boendestöd vuxen", "Våld i nära"]),
    ("forsorjning", "Avdelningen för försörjning",
     ["Ekonomiskt bistånd", "Arbetsmarknad", "Skuldrådgivning", "Etablering", "Budgetrådgivning"]),
    ("aldreomsorg", "Avdelningen för äldreomsorg",
     ["Biståndsenheten", "Hemtjänst norr", "Hemtjänst söder", "Trygghetslarm", "Anhörigstöd"]),
    ("sarskilt-boende", "Avdelningen för särskilt boende",
     ["Solgården", "Ekbacken", "Lindhaga", "Korttidsboendet", "Demensboendet"]),
    ("funktionsstod", "Avdelningen för funktionsstöd",
     ["LSS-handläggning", "Daglig verksamhet", "Gruppbostäder", "Personlig assistans",
      "Korttidstillsyn"]),
    ("hsl", "Avdelningen för hälso- och sjukvård",
     ["Hemsjukvård", "Rehabilitering", "Nattpatrull", "Sjuksköterskor boende", "Hjälpmedel"]),
    ("myndighet", "Avdelningen för myndighetsutövning",
     ["Familjerätt", "Ensamkommande", "Utredning vuxen", "Tillstånd", "Överförmyndarstöd"]),
    ("stod-och-utveckling", "Avdelningen för stöd och utveckling",
     ["Kvalitet", "Systemförvaltning", "Utbildning", "Kommunikation", "Verksamhetsstöd"]),
    ("administration", "Administrativa avdelningen",
     ["Nämndadministration", "Registratur och arkiv", "Ekonomistöd", "HR-stöd", "Avgifter"]),
]

STAB = [("mas-funktionen", "Medicinskt ansvarig sjuksköterska", "mas"),
        ("kvalitet-och-analys", "Kvalitet och analys", "kvalitetsstrateg"),
        ("dataskydd-funktionen", "Dataskyddsombud", "dataskyddsombud"),
        ("personligt-ombud-funktionen", "Personligt ombud", "personligt-ombud")]

EXTERNA_PARTER = [
    ("regionen", "Regionen", "region"), ("vardcentralerna", "Vårdcentralerna", "region"),
    ("psykiatrin", "Vuxenpsykiatrin", "region"), ("bup", "Barn- och ungdomspsykiatrin", "region"),
    ("ivo", "Inspektionen för vård och omsorg", "myndighet"),
    ("forsakringskassan", "Försäkringskassan", "myndighet"),
    ("arbetsformedlingen", "Arbetsförmedlingen", "myndighet"),
    ("polisen", "Polisen", "polis"), ("grundskolan", "Grundskolan", "skola"),
    ("gymnasieskolan", "Gymnasieskolan", "skola"),
    ("kronofogden", "Kronofogdemyndigheten", "myndighet"),
    ("kvinnojouren", "Kvinnojouren", "ideell"),
    ("grannkommunen", "Grannkommunen", "kommun"),
    ("migrationsverket", "Migrationsverket", "myndighet"),
]

ROLL_TYPER = [
    ("handlaggare", "Handläggare"), ("samordnare", "Samordnare"),
    ("bitradande-enhetschef", "Biträdande enhetschef"), ("omsorgspersonal", "Omsorgspersonal"),
    ("administrator", "Administratör"), ("specialist", "Specialist"),
    ("kontaktperson", "Kontaktperson"), ("metodstod", "Metodstöd"),
]

# Far enough ahead that the benchmark repository stays free of LSK507 for years.
REVISION_BASE = dt.date(2035, 1, 1)


def _catalog_ids() -> list[str]:
    """Provisions in force from lsk's own catalog, so every generated reference resolves."""
    import yaml

    from lsk.catalog import catalog_files

    ids = []
    for _, path in catalog_files():
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        ids += [k["id"] for k in data["krav"] if not k.get("upphavd")]
    return sorted(ids)


LAGKRAV = _catalog_ids()

VERB = ["Handläggning", "Dokumentation", "Uppföljning", "Planering", "Kontroll", "Hantering",
        "Registrering", "Bedömning", "Samordning", "Information", "Introduktion", "Granskning"]
OBJEKT = ["av ansökan", "av orosanmälan", "av genomförandeplan", "av avvikelser",
          "av synpunkter och klagomål", "av läkemedel", "av nycklar och larm",
          "av delegeringar", "av journalanteckningar", "av samordnad individuell plan",
          "av riskbedömning", "av vårdplan", "av hemgång från sjukhus", "av akter vid flytt",
          "av fallprevention", "av nutrition", "av kvalitetsregister", "av brukarens pengar",
          "av skyddade personuppgifter", "av tolk", "av inflyttning", "av ärenden under semester",
          "av verkställighet", "av beslut som inte verkställts", "av sekretessprövning"]
STEG_VERB = ["Kontrollera", "Registrera", "Dokumentera", "Informera", "Bedöm", "Planera",
             "Följ upp", "Stäm av", "Besluta om", "Skicka", "Arkivera", "Rapportera"]
STEG_OBJEKT = [
    "uppgifterna i verksamhetssystemet", "ärendet med den enskilde", "behovet av insatser",
    "beslutet och motiveringen", "genomförandeplanen tillsammans med den enskilde",
    "eventuella risker för missförhållanden", "samtycke till informationsutbyte",
    "journalanteckningen samma arbetspass", "avvikelsen i avvikelsesystemet",
    "underlaget till ansvarig chef", "kontakten med närstående", "tidplanen för uppföljning",
    "handlingarna enligt dokumenthanteringsplanen", "utfallet till nämnden",
]
STEG_TILLAGG = [
    "", " inom tre arbetsdagar.", " innan ärendet avslutas.", " enligt nämndens riktlinjer.",
    " och notera vem som har gjort det.", " senast vid nästa arbetsplatsträff.",
    " och informera den enskilde om rätten att överklaga.", " samma dag.",
]
AKTIVITETER = [
    ("ta-emot", "Ta emot"), ("bedoma", "Bedöma"), ("utreda", "Utreda"), ("besluta", "Besluta"),
    ("planera", "Planera"), ("verkstalla", "Verkställa"), ("genomfora", "Genomföra"),
    ("folja-upp", "Följa upp"), ("avsluta", "Avsluta"), ("dokumentera", "Dokumentera"),
    ("rapportera", "Rapportera"), ("analysera", "Analysera"), ("atgarda", "Åtgärda"),
    ("samordna", "Samordna"),
]
PROCESS_TEMAN = [
    "ekonomiskt bistånd", "hemtjänst", "särskilt boende", "barnavård", "familjehemsvård",
    "missbruksvård", "LSS-insatser", "daglig verksamhet", "hälso- och sjukvård", "rehabilitering",
    "avvikelsehantering", "klagomål", "internkontroll", "verksamhetsplanering", "budget",
    "riskanalys", "egenkontroll", "kompetensförsörjning", "informationssäkerhet", "upphandling",
    "våld i nära relationer", "skuldrådgivning", "anhörigstöd", "korttidsvistelse", "arkivering",
]
TYPER = [("LP", "ledningsprocess", "Ledningsprocess"), ("KP", "karnprocess", "Kärnprocess"),
         ("SP", "stodprocess", "Stödprocess")]
MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"]
PRODUKTER = ["verksamhetsplan", "budget", "internkontrollplan", "uppfoljning_internkontroll",
             "delarsrapport", "verksamhetsberattelse", "kvalitetsberattelse",
             "patientsakerhetsberattelse", "riskanalys", "egenkontroll", "brukarundersokning",
             "avvikelsesammanstallning", "uppfoljning_utforare", "revision_ledningssystem"]
TJANSTER = [
    ("forebyggande-insatser", "Förebyggande insatser"),
    ("stod-i-ordinart-boende", "Stöd i ordinärt boende"),
    ("vard-och-omsorgsboende", "Vård- och omsorgsboende"),
    ("skydd-och-stod-barn", "Skydd och stöd för barn och unga"),
    ("ekonomiskt-stod", "Ekonomiskt stöd"),
    ("stod-vid-missbruk", "Stöd vid missbruk och beroende"),
    ("insatser-enligt-lss", "Insatser enligt LSS"),
    ("kommunal-halso-och-sjukvard", "Kommunal hälso- och sjukvård"),
    ("stod-till-brottsutsatta", "Stöd till brottsutsatta"),
    ("familjeratt-och-radgivning", "Familjerätt och familjerådgivning"),
    ("boendestod-och-socialpsykiatri", "Boendestöd och socialpsykiatri"),
    ("arbetsmarknadsinsatser", "Arbetsmarknadsinsatser"),
]


def slug(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = "".join(ch if ch.isalnum() else "-" for ch in ascii_text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:limit].rstrip("-")


class Ids:
    """Every id written, to guarantee uniqueness across the whole repository."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def add(self, value: str) -> str:
        if value in self.seen:
            raise AssertionError(f"duplicate id {value}")
        self.seen.add(value)
        return value


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


# --- generator ------------------------------------------------------------------------------


class Generator:
    def __init__(self, routines: int, processes: int, roles: int) -> None:
        self.rng = random.Random(SEED)
        self.n_routines, self.n_processes, self.n_roles = routines, processes, roles
        self.ids = Ids()
        self.files: dict[str, str] = {}
        self.enheter: list[tuple[str, str, str]] = []  # (id, namn, avdelning id)
        self.roles_by_enhet: dict[str, list[str]] = {}
        self.ledning_roles: list[str] = []
        self.all_roles: list[str] = []
        self.parts: list[str] = []

    def date(self, start: dt.date, days: int) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange(days))

    def faststallelse(self) -> tuple[dict[str, Any], dt.date]:
        datum = self.date(dt.date(2024, 6, 1), 500)
        r = self.rng.random()
        if r < 0.4:
            av, beslut = "socialnamnden", f"SN {datum.isoformat()} § {self.rng.randint(1, 199)}"
        elif r < 0.6:
            av, beslut = "arbetsutskottet", f"AU {datum.isoformat()} § {self.rng.randint(1, 99)}"
        else:
            av = self.rng.choice(self.ledning_roles)
            beslut = f"Delegationsbeslut D {datum.year}/{self.rng.randint(10, 999)}"
        return {"datum": datum, "av": av, "beslut": beslut}, datum

    # organisation and roles ----------------------------------------------------------------

    def organisation(self) -> None:
        ids = self.ids
        avdelningar = []
        for avd_id, avd_namn, enhet_namn in AVDELNINGAR:
            ids.add(avd_id)
            enheter = []
            for namn in enhet_namn:
                eid = ids.add(f"{avd_id}-{slug(namn, 30)}")
                self.enheter.append((eid, namn, avd_id))
                enheter.append({
                    "id": eid, "namn": f"Enheten {namn}", "chef": f"enhetschef-{eid}",
                    "verksamhetsformer": (["socialtjanst", "halso_och_sjukvard"]
                                          if avd_id == "hsl" else ["socialtjanst"]),
                    "beskrivning": f"{namn} inom {avd_namn.lower()}.",
                })
            avdelningar.append({"id": avd_id, "namn": avd_namn, "chef": f"avdelningschef-{avd_id}",
                                "beskrivning": f"{avd_namn} leder och följer upp sina enheter.",
                                "enheter": enheter})
        for fixed in ("socialnamnden", "arbetsutskottet", "individutskottet",
                      "socialforvaltningen"):
            ids.add(fixed)
        stab = []
        for sid, namn, roll in STAB:
            stab.append({"id": ids.add(sid), "namn": namn, "roll": roll,
                         "uppdrag": f"{namn} stödjer nämnden i kvalitetsarbetet."})
        tjanst_ids = [t[0] for t in TJANSTER]
        utforare = []
        for i, avd in enumerate(("aldreomsorg", "funktionsstod", "ifo-vuxen", "hsl")):
            utforare.append({"id": ids.add(f"egen-regi-{avd}"), "namn": f"Egen regi {avd}",
                             "regi": "egen", "tjanster": tjanst_ids[i * 3:i * 3 + 3]})
        for i, namn in enumerate(("Omsorgsbolaget AB", "Assistanskooperativet", "Stödboendet AB")):
            utforare.append({
                "id": ids.add(slug(namn)), "namn": namn, "regi": "extern",
                "tjanster": [tjanst_ids[(i * 5 + 1) % len(tjanst_ids)]],
                "avtal": {"diarienummer": f"SN {2022 + i}/{100 + 17 * i}",
                          "giltigt_fran": dt.date(2022 + i, 4, 1),
                          "giltigt_till": dt.date(2026 + i, 3, 31),
                          "uppfoljning": "Avtalsuppföljning två gånger per år."},
            })
        rad = [{"id": ids.add("pensionarsradet"), "namn": "Pensionärsrådet"},
               {"id": ids.add("funktionshinderradet"), "namn": "Funktionshinderrådet"}]
        externa = [{"id": ids.add(pid), "namn": namn, "typ": typ,
                    "beskrivning": f"{namn} är part i samverkan kring gemensamma målgrupper."}
                   for pid, namn, typ in EXTERNA_PARTER]
        self.parts = [p[0] for p in EXTERNA_PARTER] + [u["id"] for u in utforare]
        org = {
            "namnd": {"id": "socialnamnden", "namn": "Socialnämnden",
                      "uppdrag": "Nämnden bär det yttersta ansvaret för ledningssystemet.",
                      "reglemente": "Reglemente antaget av kommunfullmäktige 2024-11-25 § 187",
                      "ordforande": "namndens-ordforande"},
            "utskott": [{"id": "arbetsutskottet", "namn": "Arbetsutskottet"},
                        {"id": "individutskottet", "namn": "Individutskottet"}],
            "forvaltning": {"id": "socialforvaltningen", "namn": "Socialförvaltningen",
                            "chef": "forvaltningschef", "avdelningar": avdelningar},
            "stab": stab, "utforare": utforare, "rad": rad, "externa_parter": externa,
        }
        self.files["organisation.yaml"] = (
            "# Organisation för den syntetiska benchmark-kommunen (genererad av bench/generate.py)."
            "\n\n" + dump(org))

    def roller(self) -> None:
        roller: list[dict[str, Any]] = []

        def add(rid: str, namn: str, organ: str | None) -> None:
            self.ids.add(rid)
            self.all_roles.append(rid)
            ansvar = [f"{namn} ansvarar för att rutinerna inom sitt område följs.",
                      "Rapportera avvikelser och risker till närmaste chef."]
            roll: dict[str, Any] = {"id": rid, "namn": namn}
            if organ:
                roll["organ"] = organ
            roll["beskrivning"] = f"{namn} i socialförvaltningen."
            roll["ansvar"] = ansvar
            if len(roller) % 7 == 0:
                roll["lagkrav"] = [self.rng.choice(LAGKRAV)]
            roller.append(roll)

        add("namndens-ordforande", "Socialnämndens ordförande", "socialnamnden")
        add("forvaltningschef", "Förvaltningschef", "socialforvaltningen")
        self.ledning_roles.append("forvaltningschef")
        for sid, namn, roll in STAB:
            add(roll, namn, sid)
        for avd_id, avd_namn, _ in AVDELNINGAR:
            add(f"avdelningschef-{avd_id}", f"Avdelningschef, {avd_namn.lower()}", avd_id)
            self.ledning_roles.append(f"avdelningschef-{avd_id}")
        for eid, namn, _ in self.enheter:
            add(f"enhetschef-{eid}", f"Enhetschef, {namn}", eid)
            self.roles_by_enhet[eid] = [f"enhetschef-{eid}"]
        most = len(roller) + len(ROLL_TYPER) * len(self.enheter)
        if not len(roller) <= self.n_roles <= most:
            sys.exit(f"--roles must be between {len(roller)} and {most}")
        typ_index = 0
        while len(roller) < self.n_roles:
            typ, typ_namn = ROLL_TYPER[typ_index // len(self.enheter)]
            eid, namn, _ = self.enheter[typ_index % len(self.enheter)]
            add(f"{typ}-{eid}", f"{typ_namn}, {namn}", eid)
            self.roles_by_enhet[eid].append(f"{typ}-{eid}")
            typ_index += 1
        self.files["roller.yaml"] = (
            "# Rollregister: funktioner, inte personer.\n\n" + dump({"roller": roller}))

    # routines and processes ----------------------------------------------------------------

    def rutiner(self) -> list[tuple[str, str]]:
        """Write the routines; returns (id, enhet) per routine."""
        out = []
        width = max(5, len(str(self.n_routines)))
        for n in range(1, self.n_routines + 1):
            rid = self.ids.add(f"R{n:0{width}d}")
            eid, enhet_namn, _ = self.enheter[(n * 7) % len(self.enheter)]
            roles = self.roles_by_enhet[eid]
            titel = f"{self.rng.choice(VERB)} {self.rng.choice(OBJEKT)}, {enhet_namn.lower()}"
            faststalld, datum = self.faststallelse()
            steg = []
            for _ in range(self.rng.randint(6, 10)):
                text = (f"{self.rng.choice(STEG_VERB)} {self.rng.choice(STEG_OBJEKT)}"
                        f"{self.rng.choice(STEG_TILLAGG) or '.'}")
                s: dict[str, Any] = {"text": text, "ansvar": self.rng.choice(roles)}
                if self.rng.random() < 0.15:
                    s["anmarkning"] = "Gäller även vid vikariat och under semesterperioden."
                steg.append(s)
            doc: dict[str, Any] = {
                "id": rid, "titel": titel,
                "syfte": (f"Att {titel.split(',')[0].lower()} görs på samma sätt varje gång, "
                          "med tydligt ansvar, så att den enskilde får en rättssäker och "
                          "likvärdig handläggning och att kvaliteten kan följas upp."),
                "omfattning": (f"Gäller medarbetare och chefer vid enheten {enhet_namn} och "
                               "vikarier som arbetar där."),
                "ansvarig": roles[0],
                "version": f"{self.rng.randint(1, 4)}.{self.rng.randint(0, 9)}",
                "upprattad": datum - dt.timedelta(days=self.rng.randint(10, 120)),
                "faststalld": faststalld,
                "nasta_revision": REVISION_BASE + dt.timedelta(days=self.rng.randint(0, 730)),
                "lagkrav": sorted(self.rng.sample(LAGKRAV, self.rng.randint(1, 3))),
                "steg": steg,
            }
            if n > 10 and self.rng.random() < 0.2:
                doc["relaterade"] = [f"R{self.rng.randint(1, n - 1):0{width}d}"]
            name = f"rutiner/{rid}-{slug(titel)}.yaml"
            self.files[name] = f"# Rutin {rid}: {titel}.\n" + dump(doc)
            out.append((rid, eid))
        return out

    def processer(self, rutiner: list[tuple[str, str]]) -> list[str]:
        rng = self.rng
        queue = [r[0] for r in rutiner]
        rng.shuffle(queue)
        all_routines = [r[0] for r in rutiner]
        counters = {"LP": 0, "KP": 0, "SP": 0}
        docs: list[tuple[str, dict[str, Any]]] = []
        activity_slots: list[list[str]] = []
        for n in range(self.n_processes):
            prefix, typ, typ_namn = TYPER[0 if n % 10 == 0 else (2 if n % 10 in (1, 2) else 1)]
            counters[prefix] += 1
            pid = self.ids.add(f"{prefix}{counters[prefix]:03d}")
            tema = rng.choice(PROCESS_TEMAN)
            eid, enhet_namn, avd = self.enheter[n % len(self.enheter)]
            roles = self.roles_by_enhet[eid]
            faststalld, datum = self.faststallelse()
            aktiviteter = []
            for akt_slug, akt_namn in rng.sample(AKTIVITETER, rng.randint(4, 8)):
                self.ids.add(f"{pid}.{akt_slug}")
                k = rng.randint(1, 3)
                refs: list[str] = []
                while len(refs) < k:
                    r = queue.pop() if queue else rng.choice(all_routines)
                    if r not in refs:
                        refs.append(r)
                akt: dict[str, Any] = {
                    "id": akt_slug, "namn": f"{akt_namn} ({tema})",
                    "beskrivning": (f"{akt_namn} inom {tema} enligt rutinerna nedan. Ansvarig "
                                    "roll ser till att arbetet dokumenteras."),
                    "ansvar": rng.choice(roles), "rutiner": refs,
                }
                if rng.random() < 0.2:
                    akt["samverkan"] = [{
                        "part": rng.choice(self.parts),
                        "hur": "Gemensamt möte och samordnad planering när den enskilde har behov "
                               "av insatser från båda parter.",
                        "rutin": refs[0],
                    }]
                akt["resultat"] = f"Dokumenterat resultat av steget {akt_namn.lower()}."
                if rng.random() < 0.3:
                    akt["lagkrav"] = [rng.choice(LAGKRAV)]
                aktiviteter.append(akt)
                activity_slots.append(refs)
            doc: dict[str, Any] = {
                "id": pid, "namn": f"{tema[0].upper()}{tema[1:]}, {enhet_namn.lower()}",
                "typ": typ,
                "syfte": (f"Att arbetet med {tema} vid {enhet_namn} bedrivs rättssäkert, "
                          "med god kvalitet och med tydlig ansvarsfördelning."),
                "agare": f"avdelningschef-{avd}", "ansvarig": roles[0],
                "omfattning": f"{typ_namn} för {tema} inom {enhet_namn}.",
                "version": f"{rng.randint(1, 3)}.{rng.randint(0, 9)}",
                "upprattad": datum - dt.timedelta(days=rng.randint(10, 120)),
                "faststalld": faststalld,
                "nasta_revision": REVISION_BASE + dt.timedelta(days=rng.randint(0, 730)),
                "samverkan_kravs": any("samverkan" in a for a in aktiviteter),
                "lagkrav": sorted(rng.sample(LAGKRAV, rng.randint(1, 4))),
                "aktiviteter": aktiviteter,
            }
            docs.append((f"processer/{pid}-{slug(doc['namn'])}.yaml", doc))
        # Routines not yet used (few processes): add them to activities in turn.
        for i, r in enumerate(queue):
            activity_slots[i % len(activity_slots)].append(r)
        for name, doc in docs:
            self.files[name] = f"# {doc['id']}: {doc['namn']}.\n" + dump(doc)
        return [doc["id"] for _, doc in docs]

    # the small documents -------------------------------------------------------------------

    def rest(self, process_ids: list[str]) -> None:
        rng = self.rng
        self.files["lsk.yaml"] = dump({"kommun": "Benchby kommun", "namnd": "Socialnämnden",
                                       "verksamhetsformer": ["socialtjanst", "lss",
                                                             "halso_och_sjukvard"]})
        kp = [p for p in process_ids if p.startswith("KP")]
        lp = [p for p in process_ids if p.startswith("LP")] or process_ids
        tjanster = []
        for tid, namn in TJANSTER:
            self.ids.add(tid)
            tjanster.append({"id": tid, "namn": namn,
                             "beskrivning": f"{namn} som nämnden ansvarar för.",
                             "malgrupp": "Kommuninvånare med behov av stöd.",
                             "processer": sorted(rng.sample(kp, min(4, len(kp)))),
                             "lagkrav": [rng.choice(LAGKRAV)]})
        self.files["tjanster.yaml"] = dump({"tjanster": tjanster})
        handelser = []
        for manad in MANADER:
            for _ in range(rng.randint(2, 4)):
                # cycle through the products so every mandated event (LSK513) is present
                produkt = PRODUKTER[len(handelser) % len(PRODUKTER)]
                handelser.append({"manad": manad,
                                  "vad": f"Arbete med {produkt.replace('_', ' ')} enligt plan.",
                                  "ansvar": rng.choice(self.ledning_roles),
                                  "producerar": produkt, "process": rng.choice(lp),
                                  "senast": f"sista arbetsdagen i {manad}"})
        self.files["arscykel.yaml"] = dump({"handelser": handelser})
        mal = []
        for i in range(1, 9):
            indikatorer = [{"id": self.ids.add(f"indikator-{i}-{j}"),
                            "namn": f"Indikator {j} för mål {i}", "kalla": "Kolada",
                            "malvarde": round(rng.uniform(50, 95), 1), "enhet": "procent"}
                           for j in range(1, 4)]
            mal.append({"id": self.ids.add(f"mal-{i}"),
                        "text": f"Nämndens mål {i}: den enskilde får insatser av god kvalitet.",
                        "niva": "namnd", "period": "2025–2027",
                        "ansvar": rng.choice(self.ledning_roles), "indikatorer": indikatorer})
        self.files["styrning/mal.yaml"] = dump({"mal": mal})
        moment = [{"id": self.ids.add(f"kontroll-{i}"),
                   "risk": "Beslut verkställs inte inom rimlig tid.",
                   "kontroll": "Stickprov på ärenden i verksamhetssystemet.",
                   "frekvens": "Två gånger per år", "ansvar": rng.choice(self.ledning_roles),
                   "process": rng.choice(process_ids)} for i in range(1, 21)]
        faststalld, _ = self.faststallelse()
        self.files["styrning/internkontrollplan-2026.yaml"] = dump(
            {"ar": 2026, "faststalld": faststalld, "kontrollmoment": moment})

    def run(self) -> dict[str, str]:
        self.organisation()
        self.roller()
        rutiner = self.rutiner()
        process_ids = self.processer(rutiner)
        self.rest(process_ids)
        return self.files


def marker_text(routines: int, processes: int, roles: int) -> str:
    """Content of the marker file: bench/run.py regenerates when the parameters differ."""
    return f"bench/generate.py seed={SEED} routines={routines} processes={processes} roles={roles}\n"


def write(out: Path, files: dict[str, str], marker: str) -> int:
    """Replace ``out`` with the files; returns the number of bytes written."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            sys.exit(f"{out} is not empty and was not made by bench/generate.py; not touching it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("incomplete\n", encoding="utf-8")
    total = 0
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    (out / MARKER).write_text(marker, encoding="utf-8")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to (re)create")
    parser.add_argument("--routines", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--roles", type=int, default=300)
    args = parser.parse_args(argv)
    if args.routines < 1 or args.processes < 1:
        parser.error("--routines and --processes must be at least 1")
    files = Generator(args.routines, args.processes, args.roles).run()
    size = write(args.out, files, marker_text(args.routines, args.processes, args.roles))
    print(f"{len(files)} files, {size / 1_000_000:.1f} MB written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
