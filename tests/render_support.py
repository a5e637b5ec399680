"""Repositories for the render tests: the minimal one with Markdown in free text, an årscykel and
a service, and one whose every kind of field carries an attempt to run a script."""

from __future__ import annotations

from pathlib import Path

from tests import minimal

TODAY = "2026-11-25"

RICH: dict[str, str | bytes | None] = {
    "rutiner/R002-uppfoljning.yaml": """\
id: R002
titel: Uppföljning av ansökan
syfte: |-
  Att den enskilde vet vad som händer med **ansökan**:

  - bekräftelse inom en vecka,
  - besked om utredning inom *två* veckor.
ansvarig: enhetschef
faststalld: {datum: 2025-04-01, av: forvaltningschef}
nasta_revision: 2027-04-30
relaterade: [R001]
lagkrav: [SOSFS-2011:9/5/3]
steg:
  - text: Kontrollera i `verksamhetssystemet` att bekräftelsen är skickad.
    ansvar: handlaggare
  - text: Läs mer i [Socialstyrelsens handbok](https://www.socialstyrelsen.se/).
    ansvar: enhetschef
    medverkar: [socialnamnden]
    anmarkning: Gäller även ansökningar som kommit in via e-tjänsten.
""",
    "processer/KP01-mottagning.yaml": minimal.FILES["processer/KP01-mottagning.yaml"].replace(
        "    rutiner: [R001]\n", "    rutiner: [R001]\n  - id: folja-upp\n    namn: Följa upp\n"
        "    ansvar: enhetschef\n    medverkar: [handlaggare, mottagningen]\n    rutiner: [R002]\n"),
    "arscykel.yaml": """\
handelser:
  - {manad: januari, vad: Verksamhetsplanen för året gås igenom., ansvar: forvaltningschef,
     producerar: verksamhetsplan}
  - {manad: februari, vad: Kvalitetsberättelsen fastställs av nämnden., ansvar: socialnamnden,
     medverkar: [forvaltningschef], producerar: kvalitetsberattelse, process: KP01}
  - {manad: oktober, vad: Riskanalys inför nästa år., ansvar: enhetschef, producerar: riskanalys}
  - {aterkommer: kvartalsvis, manad: januari, vad: Ej verkställda beslut rapporteras.,
     ansvar: enhetschef, not: Kvartal 2 tas upp i augusti.}
  - {aterkommer: lopande, vad: Stickprov i akterna., ansvar: enhetschef, producerar: egenkontroll,
     not: Minst en gång per år.}
""",
    "tjanster.yaml": """\
tjanster:
  - id: mottagning
    namn: Mottagning och rådgivning
    processer: [KP01]
""",
    "styrdokument.yaml": """\
styrdokument:
  - id: delegationsordning
    titel: Delegationsordning för socialnämnden
    typ: delegationsordning
    beskrivning: Vem som beslutar på nämndens vägnar.
    ansvarig: forvaltningschef
    faststalld: {datum: 2026-01-28, av: socialnamnden, dnr: SN 2025/164, paragraf: § 8}
    nasta_revision: 2027-01-31
    lank: https://provby.example/styrdokument/delegationsordning_(2026).pdf
  - id: riktlinje-mottagning
    titel: Riktlinje för mottagning
    typ: riktlinje
    faststalld: {datum: 2025-09-17, av: forvaltningschef}
    giltig_till: 2027-12-31
    lank: dokument/riktlinje för mottagning.pdf
""",
    "dokument/riktlinje för mottagning.pdf": b"%PDF-1.4\n%%EOF\n",
}
RICH["processer/KP01-mottagning.yaml"] = str(RICH["processer/KP01-mottagning.yaml"]).replace(
    "    rutiner: [R002]\n", "    rutiner: [R002]\n    styrdokument: [delegationsordning]\n")
RICH["rutiner/R002-uppfoljning.yaml"] = str(RICH["rutiner/R002-uppfoljning.yaml"]).replace(
    "  - text: Kontrollera i `verksamhetssystemet` att bekräftelsen är skickad.\n"
    "    ansvar: handlaggare\n",
    "  - text: Kontrollera i `verksamhetssystemet` att bekräftelsen är skickad.\n"
    "    ansvar: handlaggare\n    styrdokument: [riktlinje-mottagning]\n")

SCRIPT = "<script>window.__pwned = 1</script>"
IMG = '<img src="x" onerror="window.__pwned = 1">'
LINK = "[klicka här](javascript:window.__pwned=1)"
PAYLOADS = (SCRIPT, IMG, LINK)

INJECTED: dict[str, str | bytes | None] = {
    "lsk.yaml": minimal.FILES["lsk.yaml"].replace("kommun: Provby kommun",
                                                  f"kommun: 'Provby </title>{SCRIPT}'"),
    "roller.yaml": minimal.FILES["roller.yaml"].replace(
        "namn: Handläggare", f"namn: 'Handläggare {IMG}'").replace(
        "- Följer rutinerna.", f"- 'Följer rutinerna. {SCRIPT}'"),
    "rutiner/R001-mottagning.yaml": minimal.FILES["rutiner/R001-mottagning.yaml"].replace(
        "titel: Mottagning av ansökan", f"titel: 'Mottagning {SCRIPT}'").replace(
        "syfte: Att varje ansökan registreras samma dag.",
        f"syfte: 'Att varje ansökan registreras. {LINK} {IMG}'").replace(
        "- text: Registrera ansökan i verksamhetssystemet.",
        f"- text: 'Registrera ansökan injektionsprov {IMG} {SCRIPT}'"),
    "processer/KP01-mottagning.yaml": minimal.FILES["processer/KP01-mottagning.yaml"].replace(
        "namn: Ta emot ansökan", f"namn: 'Ta emot {SCRIPT}'").replace(
        "hur: Samordnad individuell plan vid behov.", f"hur: '{LINK} <b onmouseover=x>b</b>'"),
    "arscykel.yaml": f"handelser:\n  - manad: mars\n    vad: '{IMG}'\n    ansvar: enhetschef\n",
    "styrdokument.yaml": "styrdokument:\n  - id: policy\n    typ: policy\n"
                         f"    titel: 'Policy {SCRIPT}'\n    beskrivning: '{LINK} {IMG}'\n"
                         "    lank: 'https://provby.example/\"><img/src=x/onerror=window.__pwned=1>'\n",
}


def write_rich(root: Path) -> Path:
    return minimal.write(root, RICH)


def write_injected(root: Path) -> Path:
    return minimal.write(root, INJECTED)
