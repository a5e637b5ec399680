"""The smallest valid ledningssystem, as files; tests copy it and break one thing at a time."""

from __future__ import annotations

from pathlib import Path

FILES: dict[str, str] = {
    "lsk.yaml": """\
kommun: Provby kommun
namnd: Socialnämnden
regler:
  # The minimal repository covers two provisions and has no årscykel: the rules that
  # judge completeness are tested with their own fixtures.
  LSK510: {aktiv: false}
  LSK513: {aktiv: false}
""",
    "organisation.yaml": """\
namnd:
  id: socialnamnden
  namn: Socialnämnden
forvaltning:
  id: socialforvaltningen
  namn: Socialförvaltningen
  chef: forvaltningschef
  avdelningar:
    - id: ifo
      namn: Individ- och familjeomsorg
      enheter:
        - id: mottagningen
          namn: Mottagningsenheten
          chef: enhetschef
externa_parter:
  - id: regionen
    namn: Regionen
    typ: region
""",
    "roller.yaml": """\
roller:
  - id: forvaltningschef
    namn: Förvaltningschef
    ansvar:
      - Leder kvalitetsarbetet.
  - id: enhetschef
    namn: Enhetschef
    organ: mottagningen
    ansvar:
      - Ansvarar för rutinerna på enheten.
  - id: handlaggare
    namn: Handläggare
    ansvar:
      - Följer rutinerna.
""",
    "processer/KP01-mottagning.yaml": """\
id: KP01
namn: Mottagning
typ: karnprocess
syfte: Ta emot ansökningar och anmälningar.
agare: enhetschef
omfattning: Ansökningar och anmälningar till individ- och familjeomsorgen.
faststalld: {datum: 2025-03-20, av: socialnamnden, beslut: SN 2025-03-20 § 33}
samverkan_kravs: true
aktiviteter:
  - id: ta-emot
    namn: Ta emot ansökan
    ansvar: handlaggare
    rutiner: [R001]
    samverkan:
      - part: regionen
        hur: Samordnad individuell plan vid behov.
lagkrav: [SOSFS-2011:9/4/3]
""",
    "rutiner/R001-mottagning.yaml": """\
id: R001
titel: Mottagning av ansökan
syfte: Att varje ansökan registreras samma dag.
omfattning: Alla ansökningar som kommer till mottagningen.
ansvarig: enhetschef
faststalld:
  datum: 2025-03-20
  av: socialnamnden
  beslut: SN 2025-03-20 § 34
nasta_revision: 2027-03-31
lagkrav: [SOSFS-2011:9/4/4]
steg:
  - text: Registrera ansökan i verksamhetssystemet.
    ansvar: handlaggare
  - text: Bekräfta mottagandet till den enskilde.
    ansvar: handlaggare
""",
}


def write(root: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the minimal repository to ``root``; an override of None deletes that file."""
    files: dict[str, str | bytes | None] = {**FILES, **(overrides or {})}
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
