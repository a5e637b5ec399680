"""LSK508 ej-faststalld: en rutin eller process är inte fastställd.

Enligt SOSFS 2011:9 4 kap. 2 § ska processerna fastställas; rutiner beslutas på samma sätt av
den som har mandat. Ett dokument är fastställt av sitt eget beslut (``faststalld``) eller av
nämndens fastställda utgåva av ledningssystemet (``lsk faststall``): utgåvan fastställer varje
process och rutin i den, som de lyder i utgåvan. En process eller rutin som har ändrats i sak
efter utgåvan, eller tillkommit efter den, är inte fastställd i sin nya lydelse förrän nämnden
fastställer en ny utgåva eller dokumentet får ett eget beslut. Handboken visar samma sak på
varje sida. Utgåvorna är git-taggar; utanför git räknas bara dokumentets eget beslut.
Åtgärd: lägg till ``faststalld`` med ``datum``, ``av`` och ``beslut``, eller fastställ en ny
utgåva med ``lsk faststall``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    edition = corpus.edition
    for d in corpus.governing:
        if corpus.approval_of(d.model) is not None:
            continue
        if edition is None:
            yield Finding(d.relpath, ("id",), f"{d.model.id} är inte fastställd",
                          "Lägg till 'faststalld:' med datum, av (nämnd, utskott eller roll) "
                          "och beslut, eller fastställ en utgåva med 'lsk faststall'.")
        else:
            yield Finding(d.relpath, ("id",),
                          f"{d.model.id} är inte fastställd i sin nuvarande lydelse: den har "
                          f"ändrats eller tillkommit efter den fastställda utgåvan {edition.tag}",
                          "Låt nämnden fastställa en ny utgåva (lsk faststall), eller lägg till "
                          "'faststalld:' med beslutet som fastställde ändringen.")


RULE = Rule("LSK508", "ej-faststalld", Severity.WARNING,
            "En rutin eller process är inte fastställd.",
            "Processerna ska fastställas; ett dokument utan beslut styr inte verksamheten.",
            "SOSFS 2011:9 4 kap. 2 §", check)
