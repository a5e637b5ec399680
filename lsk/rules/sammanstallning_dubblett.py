"""LSK620 sammanstallning-dubblett: en sammanställning eller kategori finns två gånger under året.

Kvalitetsberättelsen känner igen en sammanställning i `ar/<år>/sammanstallningar.yaml` på dess
rubrik och jämför den med samma rubrik tidigare år, kategori för kategori. Två sammanställningar
med samma rubrik samma år, eller samma kategori två gånger i en sammanställning, går inte att
jämföra: det går inte att veta vilket värde som gäller.
Åtgärd: slå ihop raderna eller ge dem olika ord.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.model.sammanstallning import Sammanstallningar
from lsk.rules.base import Finding, Rule


def _key(text: str) -> str:
    """Headings and categories compare without case and extra spaces, as a reader reads them."""
    return " ".join(text.split()).casefold()


def check(corpus: Corpus) -> Iterator[Finding]:
    for d in corpus.of(Sammanstallningar):
        headings: set[str] = set()
        for i, s in enumerate(d.model.sammanstallningar):
            if _key(s.rubrik) in headings:
                yield Finding(d.relpath, ("sammanstallningar", i, "rubrik"),
                              f"sammanställningen '{s.rubrik}' finns redan {d.model.ar}",
                              "Slå ihop dem till en, eller ge dem olika rubriker.")
            headings.add(_key(s.rubrik))
            categories: set[str] = set()
            for j, row in enumerate(s.rader):
                if _key(row.kategori) in categories:
                    yield Finding(d.relpath, ("sammanstallningar", i, "rader", j, "kategori"),
                                  f"kategorin '{row.kategori}' finns två gånger i "
                                  f"'{s.rubrik}'", "Slå ihop raderna till en.")
                categories.add(_key(row.kategori))


RULE = Rule("LSK620", "sammanstallning-dubblett", Severity.ERROR,
            "En sammanställning eller en kategori i den finns två gånger under året.",
            "Berättelsen jämför varje kategori med tidigare år; ett värde per kategori och år.",
            "SOSFS 2011:9 5 kap. 6 § och 7 kap. 1 §", check)
