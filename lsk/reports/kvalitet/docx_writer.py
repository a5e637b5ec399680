"""The kvalitetsberättelse as a Word document (python-docx), from the same Document as the rest.

Charts are SVG, which Word cannot take from python-docx; the DOCX carries every table and says
where the charts are (the HTML and PDF editions).
"""

from __future__ import annotations

import re
from pathlib import Path

from lsk.atomic import atomic_target
from lsk.extras import require
from lsk.reports.kvalitet.document import Document

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Word's XML cannot hold control characters that YAML escapes can produce."""
    return _NOT_XML.sub("\ufffd", text)


def write_docx(doc: Document, subtitle: str, target: Path) -> None:
    docx = require("docx", "Word-filen (DOCX)")
    word = docx.Document()
    word.core_properties.title = doc.title
    word.core_properties.language = "sv-SE"
    if doc.draft:
        from lsk.reports.kvalitet.document import DRAFT

        for section in word.sections:  # the header repeats on every page
            header = section.header.paragraphs[0]
            header.text = DRAFT.upper()
            header.runs[0].bold = True
    word.add_heading(_x(doc.title), level=0)
    word.add_paragraph(_x(subtitle))
    for p in doc.intro:
        word.add_paragraph(_x(p))
    for s in doc.sections:
        word.add_heading(_x(s.heading), level=s.level - 1)
        if s.requires:
            _table(word, "Vad bestämmelserna kräver och bedömningen",
                   ["Bestämmelse", "Vad den kräver", "Bedömning"], [list(r) for r in s.requires])
        for p in s.paragraphs:
            word.add_paragraph(_x(p))
        for t in s.tables:
            _table(word, t.caption, t.header, t.rows)
            if t.note:
                word.add_paragraph(_x(t.note))
        if s.charts:
            word.add_paragraph("Diagram: " + ", ".join(c.alt for c in s.charts)
                               + " (finns i HTML- och PDF-utgåvan).")
    with atomic_target(target, ".docx") as tmp:
        word.save(tmp)


def _table(word: object, caption: str, header: list[str], rows: list[list[str]]) -> None:
    word.add_paragraph(_x(caption), style="Caption")  # type: ignore[attr-defined]
    table = word.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = _x(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = _x(text)
