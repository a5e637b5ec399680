"""The shipped catalog's socialtjänstlag (2025:400): complete enough, and quoted word for word.

The quotes are checked against the official consolidated text that the catalog was written from,
``../shared/lag/sfs-2025-400.md`` beside the repository (se-lex/sfs-processor's Markdown of the
text in Regeringskansliets rättsdatabaser, as amended up to SFS 2025:1501). A clone without that
folder skips those tests and says why; the others need only the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from lsk.catalog import DATA
from lsk.model.krav import Krav, Kravkatalog
from tests.conftest import EXAMPLE, NEW_SOL, PROJECT

SOURCE = PROJECT.parent / "shared" / "lag" / "sfs-2025-400.md"
IN_FORCE = dt.date(2025, 7, 1)
REQUIRED = [  # issue 12: the paragraphs a socialnämnd's ledningssystem cites
    *[(5, p) for p in range(1, 4)], (7, 1), (7, 2), (10, 3), (10, 8), (10, 9), (11, 1), (12, 1),
    *[(14, p) for p in range(2, 8)], (15, 9), (16, 1), (17, 10), (17, 11), (18, 6),
    *[(19, p) for p in range(1, 7)], *[(20, p) for p in range(1, 7)], (25, 1), (25, 4), (26, 2),
    *[(27, p) for p in range(1, 8)], (28, 1), *[(30, p) for p in range(5, 12)],
    *[(34, p) for p in range(1, 4)],
]

needs_source = pytest.mark.skipif(
    not SOURCE.is_file(),
    reason=f"the official text {SOURCE} is not beside this clone (only in the project's workspace)")


@cache
def _catalog() -> Kravkatalog:
    path = DATA / "sfs-2025-400.yaml"
    return Kravkatalog.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Paragraph:
    text: str
    in_force: dt.date | None
    amended_by: str | None
    replaced_earlier: bool


_SECTION = re.compile(r'<section id="kap(\d+)\.(\d+[a-z]?)"([^>]*)>(.*?)</section>', re.S)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_NOTE = re.compile(r"\s*Lag \((\d{4}:\d+)\)\.$")  # the amendment note after a changed paragraph


@cache
def _paragraphs() -> dict[str, Paragraph]:
    """'27/2' → the paragraph's wording in force at the end of the source's lydelse."""
    wordings: dict[str, list[tuple[str, str]]] = {}
    for chapter, number, attrs, body in _SECTION.findall(SOURCE.read_text(encoding="utf-8")):
        wordings.setdefault(f"{chapter}/{number}", []).append((attrs, body))
    out = {}
    for key, found in wordings.items():
        (attrs, body), = [(a, b) for a, b in found if 'selex:status="upphord"' not in a]
        lines = [_LINK.sub(r"\1", ln).strip() for ln in body.splitlines()
                 if ln.strip() and not ln.startswith("#")]
        # the source sometimes ends a paragraph with the next subheading, unmarked: a line
        # without closing punctuation (e.g. 10 kap. 7 §, 14 kap. 1 §) is no statute text
        if not lines[-1].endswith((".", ":", ";", ",")):
            lines.pop()
        text = "\n".join(lines)
        note = _NOTE.search(text)
        date = re.search(r'selex:ikraft_datum="([\d-]+)"', attrs)
        out[key] = Paragraph(text[:note.start()] if note else text,
                             dt.date.fromisoformat(date.group(1)) if date else None,
                             f"SFS {note.group(1)}" if note else None, len(found) > 1)
    return out


def _key(krav: Krav) -> str:
    return krav.id.removeprefix(NEW_SOL)


def test_the_new_sol_has_at_least_sixty_provisions_among_them_those_the_issue_names():
    ids = [k.id for k in _catalog().krav]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids)
    missing = [f"{c}/{p}" for c, p in REQUIRED if f"{NEW_SOL}{c}/{p}" not in ids]
    assert missing == []


def test_a_quote_is_verified_and_a_paraphrase_is_not():
    for krav in _catalog().krav:
        assert krav.texttyp in ("citat", "parafras"), krav.id
        assert krav.verifierad == (krav.texttyp == "citat"), krav.id
        assert krav.giltig_fran is not None and krav.giltig_fran >= IN_FORCE, krav.id


def test_every_chapter_cited_has_the_title_of_its_chapter():
    chapters = _catalog().forfattning.kapitel
    assert sorted(chapters, key=int) == [str(n) for n in range(1, len(chapters) + 1)]
    assert {krav.id.split("/")[1] for krav in _catalog().krav} <= set(chapters)
    assert chapters["5"] == "Verksamhetens kvalitet" and chapters["27"] == "Missförhållanden"


@needs_source
def test_chapter_titles_are_the_laws_headings():
    headings = dict(re.findall(r"^### (\d+) kap\. (.+)$", SOURCE.read_text(encoding="utf-8"), re.M))
    assert _catalog().forfattning.kapitel == headings


@needs_source
def test_every_quote_is_the_whole_paragraph_in_its_current_wording():
    quotes = [k for k in _catalog().krav if k.texttyp == "citat" and k.verifierad]
    assert quotes
    wrong = [k.id for k in quotes if _flat(k.text) != _flat(_paragraphs()[_key(k)].text)]
    assert wrong == []


@needs_source
def test_a_paragraph_changed_or_added_after_the_law_came_into_force_says_so():
    for krav in _catalog().krav:
        source = _paragraphs()[_key(krav)]
        if source.in_force is None or source.in_force <= IN_FORCE:
            assert (krav.giltig_fran, krav.senast_andrad, krav.andrad_genom) == (IN_FORCE, None, None), \
                krav.id
        elif source.replaced_earlier:  # a new wording of a paragraph in force since 2025-07-01
            assert (krav.giltig_fran, krav.senast_andrad, krav.andrad_genom) == (
                IN_FORCE, source.in_force, source.amended_by), krav.id
        else:  # a paragraph added by an amendment
            assert (krav.giltig_fran, krav.senast_andrad, krav.andrad_genom) == (
                source.in_force, None, source.amended_by), krav.id


def test_the_example_cites_the_new_sol_and_the_old_only_where_it_says_why(lsk):
    """The example carries every applicable provision of SFS 2025:400 that asks for evidence, and
    cites SFS 2001:453 once, in a routine left un-migrated on purpose with a suppression comment."""
    result = lsk("check", EXAMPLE, "--format", "json", "--no-cache")
    assert result.code == 0 and result.json["diagnostics"] == []
    cited = {}
    for path in EXAMPLE.rglob("*.yaml"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "SFS-2001:453/" in line:
                cited[(path.name, number)] = line
    assert len(cited) == 1
    (line,) = cited.values()
    assert "# lsk: ignorera LSK511 (" in line
    trace = lsk("trace", EXAMPLE, "--format", "json").json["requirements"]
    new = [r for r in trace if r["id"].startswith(NEW_SOL)]
    assert len(new) >= 60
    assert [r["id"] for r in new if r["status"] in ("uppfylls_ej",)] == []


def test_the_sources_note_counts_the_entries():
    """KALLOR.md states how many entries there are; it must not drift from the data."""
    counts = re.search(r"Läget nu: (\d+) poster i (\d+) författningar, varav (\d+) verifierade",
                       (DATA / "KALLOR.md").read_text(encoding="utf-8"))
    assert counts is not None
    catalogs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.yaml"))]
    entries = [k for c in catalogs for k in c["krav"]]
    assert [int(n) for n in counts.groups()] == [
        len(entries), sum(1 for c in catalogs if c["krav"]), sum(k.get("verifierad", False) for k in entries)]
