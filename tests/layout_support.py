"""Reading rendered documents back for the layout tests: words with their positions on each PDF
page (pdftotext -bbox), the column headers of every table in the HTML a PDF is made from, and page
images (pdftoppm) kept for CI as artefacts."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import PROJECT

MM = 72 / 25.4
MARGIN = 18 * MM
"""The side margins of every page in pdf.css (portrait and landscape)."""
SIDBILDER = Path(os.environ.get("LSK_SIDBILDER", PROJECT / "build" / "sidbilder"))
"""Where page images go: CI keeps this folder as an artefact, so a layout change can be seen."""


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    number: int
    width: float
    height: float
    words: list[Word]

    @property
    def text(self) -> str:
        """The page's words in reading order, a word hyphenated at a line end (WeasyPrint's
        hyphen, U+2010) joined again."""
        joined = " ".join(w.text for w in self.words)
        return re.sub(r"(\w)\u2010 (\w)", r"\1\2", joined)


def need_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("pdftotext/pdftoppm saknas (apt-get install poppler-utils)")


def pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for n, m in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>',
                                      out, re.S), 1):
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t
                 in re.findall(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                               r'yMax="([\d.-]+)">(.*?)</word>', m.group(3))]
        found.append(Page(n, float(m.group(1)), float(m.group(2)), words))
    return found


def outside_margins(doc: list[Page]) -> list[str]:
    """Every word that reaches past a side margin (1 pt tolerance), as 'page N: word'."""
    return [f"sida {p.number}: {w.text!r} ({w.x0:.0f}–{w.x1:.0f} av {p.width:.0f})"
            for p in doc for w in p.words if w.x0 < MARGIN - 1 or w.x1 > p.width - MARGIN + 1]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[str]] = []
        self._th: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "th" and self.tables and (dict(attrs).get("scope") == "col" or self._in_head):
            self._th = []
        elif tag == "thead":
            self._in_head = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self._th is not None:
            self.tables[-1].append(" ".join("".join(self._th).split()))
            self._th = None
        elif tag == "thead":
            self._in_head = False

    def handle_data(self, data: str) -> None:
        if self._th is not None:
            self._th.append(data)


def table_headers(source: str) -> list[list[str]]:
    """The column headers of every table in an HTML document."""
    parser = _Tables()
    parser.feed(source)
    return [t for t in parser.tables if t]


def missing_headers(doc: list[Page], tables: list[list[str]]) -> list[str]:
    """Tables whose column headers are not all on one page, with what is missing."""
    texts = [" ".join(p.text.split()) for p in doc]
    problems = []
    for headers in tables:
        if not any(all(h in text for h in headers) for text in texts):
            best = max(texts, key=lambda t: sum(h in t for h in headers))
            problems.append(f"{headers}: saknas {[h for h in headers if h not in best]}")
    return problems


def keep_images(pdf: Path, name: str, numbers: list[int]) -> list[Path]:
    """Page images (50 dpi) of the given pages, into ``SIDBILDER`` for CI to keep."""
    SIDBILDER.mkdir(parents=True, exist_ok=True)
    made = []
    for n in numbers:
        stem = SIDBILDER / f"{name}-sida-{n}"
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(n), "-l", str(n),
                        "-singlefile", str(pdf), str(stem)], check=True)
        made.append(stem.with_suffix(".png"))
    return made


def headings_at_the_bottom(doc: list[Page]) -> list[str]:
    """Pages whose last line (above the footer) is all in larger type than the document's body
    text: a heading or caption left alone with what it introduces on the next page. The body
    size is the whole document's: a page of small chart labels (the årshjul) would otherwise
    make its ordinary text look like headings."""
    import statistics

    def body_words(p: Page) -> list:
        return [w for w in p.words if w.y0 > 15 * MM and w.y1 < p.height - 15 * MM]

    usual = statistics.median(w.y1 - w.y0 for p in doc for w in body_words(p))
    found = []
    for p in doc:
        body = body_words(p)
        if len(body) < 5:
            continue
        bottom = max(w.y1 for w in body)
        last = [w for w in body if abs(w.y1 - bottom) < 2]
        if all(w.y1 - w.y0 > 1.25 * usual for w in last):
            found.append(f"sida {p.number}: {' '.join(w.text for w in last)}")
    return found
