"""LSK531 kapitel-samma-ordning: två kapitel har samma nummer.

Numret i filnamnet (``03-styrning.md``) ordnar kapitlen i handboken och i dess
innehållsförteckning. Har två kapitel samma nummer ställer lsk dem i bokstavsordning, vilket
sällan är vad författaren menade.
Åtgärd: numrera om det ena kapitlet (byt namn på filen).
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for d in corpus.chapters:
        earlier = first.setdefault(d.model.ordning, d.relpath)
        if earlier != d.relpath:
            yield Finding(d.relpath, (), f"kapitlet har samma nummer ({d.model.ordning}) som "
                          f"{earlier}",
                          "Byt namn på filen så att varje kapitel får ett eget nummer; numret "
                          "bestämmer ordningen i handboken.", at=(1, 1))


RULE = Rule("LSK531", "kapitel-samma-ordning", Severity.WARNING,
            "Två kapitel har samma nummer.",
            "Numret bestämmer kapitlens ordning; samma nummer gör ordningen oavsiktlig.",
            "lsk: handbokens innehållsförteckning", check)
