"""LSK530 kapitel-trasig-lank: en länk i ett skrivet kapitel leder inte till något i handboken.

Ett kapitel länkar som Markdown läses i en editor, relativt till sin egen fil: till ett annat
kapitel (``02-uppdrag-och-organisation.md``, med ``#avsnitt`` för en av dess rubriker), till en
rubrik i samma kapitel (``#avsnitt``), till en process eller rutin via dess YAML-fil
(``../processer/KP01-myndighetsutovning.yaml``), till organisationen, rollerna och årscykeln via
sina filer (``../organisation.yaml``, ``../roller.yaml``, ``../arscykel.yaml``) och till webbsidor
(``https://``). En länk som
inte leder någonstans blir en död länk i den publicerade handboken.
Åtgärd: rätta filnamnet eller rubriken (förslaget i tipset), eller ta bort länken.
"""

from __future__ import annotations

from collections.abc import Iterator

from lsk.analysis.corpus import Corpus
from lsk.analysis.kapitel import LinkIndex, Problem, resolve_link
from lsk.diagnostics import Severity
from lsk.rules.base import Finding, Rule


def check(corpus: Corpus) -> Iterator[Finding]:
    if not corpus.chapters:
        return
    index = LinkIndex.of(corpus)
    for d in corpus.chapters:
        for link in d.model.lankar:
            found = resolve_link(link.mal, d.model, index)
            if isinstance(found, Problem):
                yield Finding(d.relpath, (), found.message, found.hint,
                              at=(link.rad, link.kolumn))


RULE = Rule("LSK530", "kapitel-trasig-lank", Severity.ERROR,
            "En länk i ett kapitel leder inte till något i handboken.",
            "Handboken publiceras; en död länk lämnar läsaren utan det texten hänvisar till.",
            "lsk: den publicerade handboken", check)
