"""LSK516 lank-saknas: ett styrdokument länkar till en fil som inte finns i repot.

Ett styrdokument som förvaras utanför lsk får sin länk (``lank``) som en webbadress eller som en
fil i repot, t.ex. en PDF under ``dokument/``. Finns filen inte publiceras handboken med en
trasig länk, och läsaren hittar inte dokumentet. Sökvägen räknas från roten (mappen med
lsk.yaml) och skiftläget räknas: ``Dokument/a.pdf`` är inte ``dokument/a.pdf``.
Åtgärd: lägg filen i repot, rätta sökvägen eller ange en webbadress.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.loader.validate import closest
from lsk.model.styrdokument import is_url
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    for relpath, i, s in corpus.styrdokument:
        if s.lank is None or is_url(s.lank) or s.lank in corpus.attachments:
            continue
        guess = closest(s.lank, set(corpus.attachments))
        yield Finding(relpath, ("styrdokument", i, "lank"),
                      f"styrdokumentet {s.id}: filen '{s.lank}' finns inte i repot",
                      (f"Menade du '{guess}'? " if guess else "")
                      + "Lägg filen under roten (t.ex. i dokument/) och ange sökvägen från "
                        "roten, eller ange en webbadress (https://…).")


RULE = Rule("LSK516", "lank-saknas", Severity.WARNING,
            "Ett styrdokument länkar till en fil som inte finns.",
            "Handboken ska leda läsaren till de styrdokument som styr arbetet; en trasig länk "
            "gör inte det.",
            "SOSFS 2011:9 7 kap. 1 § (det systematiska kvalitetsarbetet ska dokumenteras)",
            check)
