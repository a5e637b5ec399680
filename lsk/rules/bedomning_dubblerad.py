"""LSK514 bedomning-dubblerad: samma bestämmelse bedöms mer än en gång i självskattningen.

Bara en bedömning kan gälla. Med två skulle lsk tyst välja en av dem, och det är inte säkert
att det är den som nämnden menar. Kvalitetsberättelsen och ``lsk trace`` skulle då visa fel
status.
Åtgärd: slå ihop bedömningarna till en och behåll den motivering som gäller.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.coverage import STATUS_TEXT
from lsk.diagnostics import Severity
from lsk.model.sjalvskattning import Sjalvskattning
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    first: dict[str, tuple[str, int, str]] = {}
    for d in corpus.of(Sjalvskattning):
        for i, bedomning in enumerate(d.model.bedomningar):
            if bedomning.krav not in first:
                first[bedomning.krav] = (d.relpath, i + 1, bedomning.status)
                continue
            where, number, status = first[bedomning.krav]
            yield Finding(d.relpath, ("bedomningar", i, "krav"),
                          f"{bedomning.krav} är redan bedömd i {where}, bedömning {number} "
                          f"(\"{STATUS_TEXT[status]}\")",
                          "Behåll en bedömning per bestämmelse och ta bort de övriga.")


RULE = Rule("LSK514", "bedomning-dubblerad", Severity.ERROR,
            "Samma bestämmelse har mer än en självskattning.",
            "Bara en bedömning kan gälla; annars väljer lsk tyst en av dem.",
            "Entydig självskattning per bestämmelse (underlag till kvalitetsberättelsen)", check)
