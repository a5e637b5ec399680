"""Everything lsk knows about one file that does not depend on other files (cacheable)."""

from __future__ import annotations

import bisect
import itertools
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lsk import limits, personnummer
from lsk.diagnostics import Diagnostic, diag
from lsk.errors import os_error_text
from lsk.loader.positions import line_col, position_of
from lsk.loader.references import Definition, Reference, collect
from lsk.loader.yamlread import parse_yaml
from lsk.model.kapitel import is_chapter
from lsk.model.kinds import DocumentKind, kind_for

if TYPE_CHECKING:
    from lsk.model.base import Modell


CHAPTER_KIND = "kapitel"
"""``FileResult.kind`` of a written chapter (``lsk.model.kapitel``): not a YAML document kind."""


@dataclass
class FileResult:
    relpath: str
    kind: str | None
    digest: bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    model: Modell | None = None
    """The validated model instance, or None when the file did not validate."""
    suppressions: dict[int, frozenset[str]] = field(default_factory=dict)
    """Line → codes named in a ``# lsk: ignorera LSK5xx`` comment on that line."""
    used_suppressions: set[tuple[int, str]] = field(default_factory=set)
    """(line, code) of suppressions already used here (LSK401/402 are decided per file)."""


def read_text(path: str, relpath: str) -> tuple[bytes | None, str | None, list[Diagnostic]]:
    """Raw bytes and decoded text, or diagnostics for unreadable, huge or non-UTF-8 files.

    Plain ``os`` calls on ``str`` paths: this runs for every file on every check.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or device would block or stream
            return None, None, [diag("LSK008", relpath, 1, 1, "filen är ingen vanlig fil",
                                     "Ta bort den eller ersätt den med en vanlig YAML-fil.")]
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limits.MAX_FILE_BYTES:
                return None, None, [diag(
                    "LSK003", relpath, 1, 1,
                    f"filen är {size // 1024} KiB, gränsen är {limits.MAX_FILE_BYTES // 1024} KiB",
                    "Dela upp dokumentet eller ta bort det som inte hör hemma i repot.")]
            raw = fh.read()
    except OSError as exc:
        return None, None, [diag("LSK008", relpath, 1, 1, f"filen kan inte läsas: {os_error_text(exc)}",
                                 "Kontrollera behörigheten och att filen finns.")]
    try:
        return raw, raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        # exc.start counts bytes; the text before it is valid UTF-8, so count its characters
        before = raw[:exc.start].decode("utf-8-sig")
        line, col = line_col(before, len(before))
        return raw, None, [diag(
            "LSK002", relpath, line, col,
            f"byte 0x{raw[exc.start]:02X} är inte giltig UTF-8",
            "Spara filen som UTF-8 i din editor (t.ex. 'Spara med kodning' → UTF-8).")]


def personal_data_in_text(text: str, relpath: str, where: str = "dokumentet") -> list[Diagnostic]:
    """Personnummer and samordningsnummer in any text a person wrote (a YAML file with its
    comments, a Markdown chapter, a template), as written and as a reader will see it published
    (``personnummer.scan_text``), each at its line and column; ``where`` names the file in the
    message ('dokumentet', 'kapitlet', 'mallen')."""
    return [_personal_data_diag(hit, relpath, *line_col(text, hit.offset), where)
            for hit in personnummer.scan_text(text)]


def personal_data(text: str, relpath: str) -> tuple[list[Diagnostic], set[str]]:
    """``personal_data_in_text``, and the numbers found (ten digits each)."""
    hits = personnummer.scan_text(text)
    return ([_personal_data_diag(hit, relpath, *line_col(text, hit.offset)) for hit in hits],
            {hit.number for hit in hits})


def personal_data_in_values(text: str, data: Any, positions: Any, relpath: str,
                            known: set[str]) -> list[Diagnostic]:
    """Personnummer that appear only once YAML has read the text (escapes such as ``\\x32``,
    joined lines), reported at the value; numbers in ``known`` were found in the raw text.

    Reading can only make a number out of escapes or by joining lines, so files with neither
    (almost all) are not scanned twice.
    """
    if "\\" not in text and _SPLIT_NUMBER.search(text) is None:
        return []
    strings = list(_strings(data, ()))
    # One scan over all values joined by line breaks (a number never spans a line break), then
    # each hit is mapped back to its value: 382,889 separate scans cost 2.5 s on 5,500 files.
    joined = "\n".join(value for _, value in strings)
    starts = list(itertools.accumulate((len(value) + 1 for _, value in strings), initial=0))
    out = []
    for hit in personnummer.scan_text(joined):
        if hit.number not in known:
            known.add(hit.number)
            path = strings[bisect.bisect_right(starts, hit.offset) - 1][0]
            out.append(_personal_data_diag(hit, relpath, *position_of(positions, path)))
    return out


# A digit, maybe a separator, a line break, then a digit: a number YAML may join into one line.
_SEPARATOR = r"[-+\u2010-\u2013\u2212]?"
_BREAK = r"(?:\r\n|[\r\n\x85\u2028\u2029])"  # every line break YAML knows
_SPLIT_NUMBER = re.compile(rf"\d[^\S\r\n\x85\u2028\u2029]*{_SEPARATOR}{_BREAK}\s*{_SEPARATOR}\d")


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key), str(key)
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def _personal_data_diag(hit: personnummer.Hit, relpath: str, line: int, col: int,
                        where: str = "dokumentet") -> Diagnostic:
    code, what = ("LSK402", "samordningsnummer") if hit.samordningsnummer else (
        "LSK401", "personnummer")
    return diag(code, relpath, line, col, f"ett {what} står i {where}",
                "Ta bort uppgiften: handboken publiceras. Beskriv rollen i stället för personen.")


_SUPPRESS = re.compile(r"#\s*lsk:\s*ignorera\s+((?:LSK[0-9]{3}[\s,]*)+)")


def suppressions(text: str) -> dict[int, frozenset[str]]:
    """Lines carrying a suppression comment, e.g. ``ansvar: x  # lsk: ignorera LSK504``."""
    if "lsk:" not in text:
        return {}
    out = {}
    for m in _SUPPRESS.finditer(text):
        out[line_col(text, m.start())[0]] = frozenset(re.findall(r"LSK[0-9]{3}", m.group(1)))
    return out


def _unsuppressed(found: list[Diagnostic], result: FileResult) -> list[Diagnostic]:
    """A number that only looks like a personnummer (a case number, a timestamp) is accepted
    with ``# lsk: ignorera LSK401`` on its line; the use is recorded for LSK009."""
    kept = []
    for d in found:
        if d.code in result.suppressions.get(d.line, ()):
            result.used_suppressions.add((d.line, d.code))
        else:
            kept.append(d)
    return kept


def process_file(relpath: str, digest: bytes, raw: bytes | None, text: str | None,
                 read_problems: list[Diagnostic], kind: DocumentKind | None = None) -> FileResult:
    if kind is None and is_chapter(relpath):
        return _process_chapter(relpath, digest, text, read_problems)
    kind = kind or kind_for(relpath)
    result = FileResult(relpath, kind.name if kind else None, digest, list(read_problems))
    if text is None:
        return result
    if kind is None:
        result.diagnostics.append(_unknown_file(relpath))
        return result
    result.suppressions = suppressions(text)
    found, known = personal_data(text, relpath)
    parsed = parse_yaml(text)
    if parsed.ok:
        found += personal_data_in_values(text, parsed.data, parsed.positions, relpath, known)
    result.diagnostics.extend(_unsuppressed(found, result))
    for p in [*parsed.problems, *parsed.notes]:
        result.diagnostics.append(diag(p.code, relpath, p.line, p.column, p.message, p.hint))
    if not parsed.ok:
        return result
    from lsk.loader.validate import validate  # pydantic loads only when something is validated

    model, problems = validate(kind.model, parsed.data, relpath, parsed.positions)
    result.diagnostics.extend(problems)
    result.definitions, result.references = collect(kind.model, parsed.data, parsed.positions)
    result.model = model
    return result


def process_template(relpath: str, digest: bytes, text: str | None,
                     read_problems: list[Diagnostic]) -> FileResult:
    """A template (``mallar/``): what it writes appears on every page, so a personnummer in it,
    as written or as the page will show it, is reported at its line like one in a document."""
    result = FileResult(relpath, None, digest, list(read_problems))
    if text is not None:
        result.diagnostics.extend(personal_data_in_text(text, relpath, "mallen"))
    return result


def _process_chapter(relpath: str, digest: bytes, text: str | None,
                     read_problems: list[Diagnostic]) -> FileResult:
    """A written chapter: personnummer as in every file, then its title, directives and links."""
    from lsk.loader.chapters import read_chapter

    result = FileResult(relpath, CHAPTER_KIND, digest, list(read_problems))
    if text is None:
        return result
    result.suppressions = suppressions(text)
    found = personal_data_in_text(text, relpath, "kapitlet")
    result.diagnostics.extend(_unsuppressed(found, result))
    chapter, problems, result.references = read_chapter(relpath, text)
    result.diagnostics.extend(problems)
    result.model = chapter
    return result


def _unknown_file(relpath: str) -> Diagnostic:
    from lsk.model.kinds import KINDS

    if relpath.endswith(".yml") and kind_for(relpath[:-4] + ".yaml"):
        return diag("LSK006", relpath, 1, 1, "filändelsen .yml läses inte",
                    "Byt namn på filen till .yaml.")
    places = ", ".join(p for k in KINDS for p in k.patterns[:1])
    return diag("LSK006", relpath, 1, 1, "filen hör inte till någon dokumenttyp och läses inte",
                f"Dokument ligger på bestämda platser: {places}.")
