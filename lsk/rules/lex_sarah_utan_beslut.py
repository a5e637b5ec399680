"""LSK607 lex-sarah-utan-beslut: lex Sarah- eller lex Maria-ärenden utan beslut om anmälan till IVO.

Allvarliga missförhållanden ska anmälas till IVO (lex Sarah; lex Maria i vården). Årets poster
ska visa att frågan avgjorts, även när svaret är noll.
Åtgärd: ange ``anmalda_ivo`` (0 om inget anmäldes), eller lex Sarah och lex Maria var för sig
(``anmalda_ivo_lex_sarah``, ``anmalda_ivo_lex_maria``).
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.orgtree import org_tree, roll_up
from lsk.diagnostics import Severity
from lsk.model.poster import Avvikelser
from lsk.rules.base import Finding, Rule
from lsk.swedish import count


def check(corpus: Corpus) -> Iterator[Finding]:
    tree = org_tree(corpus)
    for d in corpus.of(Avvikelser):
        rolled = roll_up(d.model.counts(), tree)  # a department and its units counted once
        cases = rolled.total("lex_sarah") + rolled.total("lex_maria")
        if cases and d.model.ivo() is None:
            what = count(cases, "lex Sarah/lex Maria-ärende", "lex Sarah/lex Maria-ärenden")
            yield Finding(d.relpath, ("id",), f"{what} {d.model.ar} "
                          "men inget beslut om anmälan till IVO", "Ange 'anmalda_ivo:' (0 om inget "
                          "anmäldes).")


RULE = Rule("LSK607", "lex-sarah-utan-beslut", Severity.ERROR,
            "Lex Sarah-ärenden saknar beslut om anmälan till IVO.",
            "Allvarliga missförhållanden ska anmälas till IVO; beslutet ska framgå.",
            "SFS 1993:387 24 f § (LSS); socialtjänstlagen (lex Sarah); SOSFS 2011:5; "
            "SFS 2010:659 3 kap. 5 § (lex Maria)", check)
