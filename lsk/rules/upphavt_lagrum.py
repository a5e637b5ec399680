"""LSK511 upphavt-lagrum: en hänvisning till en upphävd bestämmelse.

Socialtjänstlagen (2001:453) ersattes av SFS 2025:400 den 1 juli 2025; en rutin som hänvisar
till den gamla lagen pekar personalen mot regler som inte längre gäller. Katalogen anger
``upphavd``, ``ersatt_av`` och hur säker motsvarigheten är, så tipset nämner den nya
bestämmelsen med rubrik, och säger till när kopplingen bara bygger på en jämförelse av
lagtexterna.
Åtgärd: hänvisa till den bestämmelse som gäller nu; ``lsk check --diff`` visar och
``lsk check --fix`` gör de ändringar som har en enda ersättare.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.migration import in_force_replacements, plan
from lsk.diagnostics import Severity
from lsk.model.krav import Krav
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    fixable = {(r.relpath, r.path) for r in plan(corpus)[0]}
    decided = {d.model.id: d.model.faststalld for d in corpus.governing}
    for rid, carrier in corpus.lagkrav_references:
        entry = corpus.requirements.get(rid)
        if entry is None:
            continue
        krav = entry[2]
        if not krav.upphavd or krav.upphavd > corpus.today:
            continue
        message = f"{rid} är upphävd sedan {krav.upphavd.isoformat()}"
        approval = decided.get(carrier.id.split(".")[0])
        if approval is not None and approval.datum >= krav.upphavd:
            message += f", men {carrier.id.split('.')[0]} fastställdes därefter " \
                       f"({approval.datum.isoformat()})"
        yield Finding(carrier.relpath, carrier.path, message,
                      _hint(corpus, rid, krav, (carrier.relpath, carrier.path) in fixable))


def _hint(corpus: Corpus, rid: str, krav: Krav, fixable: bool) -> str:
    replaced_by = in_force_replacements(corpus, rid)
    if replaced_by:
        named = [f"{r} «{corpus.requirements[r][2].rubrik}»" if r in corpus.requirements else r
                 for r in replaced_by]
        if len(named) == 1:
            hint = f"Hänvisa i stället till {named[0]}."
        else:
            hint = f"Hänvisa i stället till den eller de av {', '.join(named)} som avses."
        if krav.ersatt_av_sakerhet == "hog":
            hint += " Säkerheten är hög (lagtexterna jämförda), inte mycket hög."
        if fixable:
            hint += " 'lsk check --fix' gör ändringen."
        return hint
    statute = corpus.statute_of(rid)
    if statute is not None and statute.ersatt_av:
        return (f"Lagen är ersatt av {statute.ersatt_av}; hänvisa till motsvarande bestämmelse "
                "där (paragrafen är inte känd i katalogen än).")
    return "Hänvisa till den bestämmelse som gäller nu."


RULE = Rule("LSK511", "upphavt-lagrum", Severity.WARNING,
            "En hänvisning till en upphävd bestämmelse.",
            "Rutiner ska bygga på gällande rätt.",
            "Katalogens uppgifter om upphävande (t.ex. SFS 2001:453, upphävd 2025-07-01)", check)
