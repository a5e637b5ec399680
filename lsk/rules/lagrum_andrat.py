"""LSK512 lagrum-andrat: dokumentet fastställdes innan en bestämmelse det hänvisar till ändrades.

När lagen ändras under en rutin kan rutinen bli fel fast ingen rört den: den är misstänkt tills
den granskats. Katalogen anger för varje bestämmelse ``senast_andrad`` (när den senaste
ändringen trädde i kraft).
Åtgärd: granska dokumentet mot den nya lydelsen och fastställ det på nytt.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    dated = {d.model.id: d.model.faststalld for d in corpus.governing}
    for rid, carrier in corpus.lagkrav_references:
        entry = corpus.requirements.get(rid)
        decided = dated.get(carrier.id.split(".")[0])
        if entry is None or decided is None:
            continue
        changed = entry[2].senast_andrad
        if changed and decided.datum < changed:
            through = f" genom {entry[2].andrad_genom}" if entry[2].andrad_genom else ""
            yield Finding(carrier.relpath, carrier.path,
                          f"{rid} ändrades {changed.isoformat()}{through}, efter att "
                          f"{carrier.id.split('.')[0]} fastställdes {decided.datum.isoformat()}",
                          "Granska dokumentet mot den nya lydelsen och fastställ det på nytt.")


RULE = Rule("LSK512", "lagrum-andrat", Severity.WARNING,
            "En bestämmelse har ändrats efter att dokumentet fastställdes.",
            "Lagen kan ha ändrats under rutinen; den måste granskas.",
            "Katalogens uppgifter om senaste ändring (senast_andrad)", check)
