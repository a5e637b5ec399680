"""Read a written chapter (``kapitel/NN-namn.md``): title, order, text, directives and links.

Everything here depends on the one file (the loader caches it): the file name, the title line,
each directive's name and number of arguments, the headings and links. Whether a process or a
provision named in a directive exists is a reference like any other (``resolve``: LSK302/LSK304
with a suggestion); whether a link leads anywhere is a rule across files (LSK530).
"""

from __future__ import annotations

import re

from lsk.diagnostics import Diagnostic, diag
from lsk.loader.references import Reference
from lsk.loader.validate import closest
from lsk.model.kapitel import (
    DIRECTIVE_LINE,
    DIREKTIV,
    FILE_NAME,
    Kapitel,
    Lank,
    Placering,
    Text,
    directive,
    heading_anchor,
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
# [text](target "title") and <target>; [ref]: target
_INLINE_LINK = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^)\s]+))")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(?:<([^>\n]*)>|(\S+))")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1|``")
_NAMES = ", ".join(f"'{d.namn}'" for d in DIREKTIV)


def _name_problem(relpath: str) -> Diagnostic | None:
    name = relpath.rsplit("/", 1)[-1]
    if FILE_NAME.match(name):
        return None
    return diag("LSK020", relpath, 1, 1,
                f"kapitlets filnamn '{name}' börjar inte med ett nummer och ett bindestreck",
                "Döp filen efter kapitlets plats och innehåll, t.ex. '01-ledningssystemet.md': "
                "numret ordnar kapitlen, resten är små bokstäver a–z, siffror och bindestreck.")


def _links(line: str, number: int) -> list[Lank]:
    """Links in one line of text; code spans are blanked first (their columns kept)."""
    if "](" not in line and "]:" not in line:
        return []
    plain = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    found = []
    for m in _INLINE_LINK.finditer(plain):
        group = 1 if m.group(1) is not None else 2
        found.append(Lank(mal=m.group(group), rad=number, kolumn=m.start(group) + 1))
    ref = _REFERENCE_LINK.match(plain)
    if ref:
        group = 1 if ref.group(1) is not None else 2
        found.append(Lank(mal=ref.group(group), rad=number, kolumn=ref.start(group) + 1))
    return found


def _directive(relpath: str, number: int, name: str, rest: str, start: int,
               out: list[Diagnostic], refs: list[Reference]) -> Placering | None:
    """A directive line as a placement, or None (with a diagnostic) when it cannot be placed."""
    entry = directive(name)
    if entry is None:
        guess = closest(name, [d.namn for d in DIREKTIV]) if name else None
        what = f"direktivet '{name}' finns inte" if name else "raden ':::' saknar direktivets namn"
        out.append(diag("LSK022", relpath, number, 1 if not name else start + 1, what,
                        (f"Menade du '{guess}'? " if guess else "")
                        + f"Direktiven är {_NAMES}; se README, 'Skrivna kapitel'."))
        return None
    args = rest.split()
    wanted_max = entry.max_argument if entry.max_argument >= 0 else len(args)
    if not entry.min_argument <= len(args) <= wanted_max:
        out.append(diag("LSK023", relpath, number, start + 1,
                        f"direktivet '{name}' tar {entry.arguments_text()}, "
                        f"men har {len(args)}",
                        f"Skriv till exempel '{entry.exempel}'."))
        return None
    if not entry.available:
        out.append(diag("LSK024", relpath, number, start + 1,
                        f"delen '{name}' finns inte i den här versionen av lsk",
                        "Handboken visar en notering där delen skulle stå; ta bort raden eller "
                        "uppdatera lsk."))
    if entry.argument_avser:
        rest_start = start + len(name)  # 0-based column where the arguments begin
        for arg in re.finditer(r"\S+", rest):
            refs.append(Reference(arg.group(), entry.argument_avser, number,
                                  rest_start + arg.start() + 1, f"::: {name}"))
    return Placering(namn=name, argument=tuple(args), rad=number)


def read_chapter(relpath: str, text: str) -> tuple[Kapitel | None, list[Diagnostic],
                                                    list[Reference]]:
    """The chapter in ``text``, its diagnostics, and the references its directives make."""
    out: list[Diagnostic] = []
    refs: list[Reference] = []
    bad_name = _name_problem(relpath)
    if bad_name is not None:
        return None, [bad_name], []
    name = relpath.rsplit("/", 1)[-1][:-3]
    lines = text.splitlines()
    title: str | None = None
    parts: list[Text | Placering] = []
    chunk: list[str] = []
    chunk_start = 1
    anchors: list[str] = []
    links: list[Lank] = []
    fence: str | None = None

    def flush(next_line: int) -> None:
        nonlocal chunk, chunk_start
        body = "\n".join(chunk).strip("\n")
        if body.strip():
            parts.append(Text(text=body, rad=chunk_start))
        chunk, chunk_start = [], next_line

    for number, line in enumerate(lines, start=1):
        if fence is not None:
            if line.lstrip(" ").startswith(fence):
                fence = None
            chunk.append(line)
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)[0] * 3
            chunk.append(line)
            continue
        if title is None:
            if not line.strip():
                continue
            heading = _HEADING.match(line)
            if heading is None or len(heading.group(1)) != 1 or not (heading.group(2) or "").strip():
                out.append(diag("LSK021", relpath, number, 1,
                                "kapitlet börjar inte med sin rubrik ('# Rubrik')",
                                "Skriv kapitlets rubrik på första raden med en fyrkant och ett "
                                "mellanslag före, t.ex. '# Ledningssystemet och dess syfte'."))
                return None, out, []
            title = (heading.group(2) or "").strip()
            chunk_start = number + 1
            continue
        found = DIRECTIVE_LINE.match(line)
        if found:
            flush(number + 1)
            placed = _directive(relpath, number, found.group("namn"), found.group("rest"),
                                found.start("namn"), out, refs)
            if placed is not None:
                parts.append(placed)
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            if len(heading.group(1)) == 1:
                out.append(diag("LSK025", relpath, number, 1,
                                "kapitlet har en rubrik till på nivå 1",
                                "Nivå 1 ('# ') är kapitlets rubrik och står bara på första "
                                "raden; skriv avsnittens rubriker med '## ' och deras "
                                "underrubriker med '### '."))
            anchors.append(heading_anchor(heading.group(2) or ""))
        links.extend(_links(line, number))
        if not chunk:
            chunk_start = number
        chunk.append(line)
    flush(len(lines) + 1)
    if title is None:
        out.append(diag("LSK021", relpath, 1, 1, "kapitlet är tomt",
                        "Skriv kapitlets rubrik på första raden, t.ex. '# Styrning', och "
                        "texten under den."))
        return None, out, []
    match = FILE_NAME.match(relpath.rsplit("/", 1)[-1])
    assert match is not None  # _name_problem let it through
    chapter = Kapitel(namn=name, ordning=int(match.group("ordning")), titel=title,
                      delar=tuple(parts), rubriker=tuple(anchors), lankar=tuple(links))
    return chapter, out, refs
