"""LSK513 arscykel-saknar-handelse: årscykeln saknar en återkommande händelse som krävs.

Årscykeln visar när kvalitetsarbetets återkommande delar görs och vem som ansvarar:
kvalitetsberättelse, patientsäkerhetsberättelse (för vårdgivare), internkontrollplan,
riskanalys och egenkontroll. Källan för varje del står i meddelandet.
Åtgärd: lägg till en händelse med rätt ``producerar``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule

# (producerar, applies to operator form or None for all, why, source)
MANDATED = (
    ("kvalitetsberattelse", None, "en sammanhållen kvalitetsberättelse varje år",
     "SOSFS 2011:9 7 kap. 1 § med allmänna råd"),
    ("patientsakerhetsberattelse", "halso_och_sjukvard",
     "en patientsäkerhetsberättelse senast den 1 mars varje år",
     "patientsäkerhetslagen (2010:659) 3 kap. 10 §; SOSFS 2011:9 7 kap. 2-3 §§"),
    ("internkontrollplan", None, "en internkontrollplan för året",
     "kommunallagen (2017:725) 6 kap. 6 § (nämndens interna kontroll; overifierad i lsk)"),
    ("riskanalys", None, "riskanalys som återkommande arbete", "SOSFS 2011:9 5 kap. 1 §"),
    ("egenkontroll", None, "egenkontroller med den frekvens som behövs", "SOSFS 2011:9 5 kap. 2 §"),
)


def check(corpus: Corpus) -> Iterator[Finding]:
    if not corpus.cycle:
        if corpus.left_out_of("arscykel"):
            return  # arscykel.yaml is there but has errors: lsk check names them
        yield Finding(corpus.config_path, (), "årscykeln (arscykel.yaml) saknas",
                      "Skapa arscykel.yaml med händelserna per månad.")
        return
    relpath, cycle = corpus.cycle[0]
    produced = {h.producerar for h in cycle.handelser}
    for product, form, what, source in MANDATED:
        if product not in produced and (form is None or form in corpus.forms):
            yield Finding(relpath, ("handelser",), f"årscykeln saknar {what} ({source})",
                          f"Lägg till en händelse med 'producerar: {product}'.")


RULE = Rule("LSK513", "arscykel-saknar-handelse", Severity.WARNING,
            "Årscykeln saknar en återkommande händelse som krävs.",
            "Årscykeln visar när kvalitetsarbetets återkommande delar görs och av vem.",
            "SOSFS 2011:9 5 kap. 1-2 §§, 7 kap.; PSL 3 kap. 10 §; KL 6 kap. 6 §", check)
