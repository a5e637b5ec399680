"""The kvalitetsberättelse as a Word document (python-docx), from the same Document as the rest.

Made for the secretariat, who put it in the nämnd's papers: A4, Swedish (sv-SE) as the language
of every style so Word spell-checks Swedish, the nämnd as author, a first page with the decision
details, a table of contents field (Word fills in the page numbers when the file is opened), a
footer "Sida X av Y" from PAGE and NUMPAGES fields, the charts as images, and tables with real
column widths from their content (``lsk.typografi.plan``), numbers right-aligned by the column's
kind, repeated header rows and rows that do not split across pages. A table too wide for a
portrait page gets smaller type, then a landscape section of its own.

The charts are SVG; Word needs a bitmap for older versions and python-docx takes no SVG, so they
are drawn to PNG with CairoSVG (Kozea, the makers of WeasyPrint: kept up, small, and draws the
same SVG the same way; needs the system's cairo, as WeasyPrint needs pango). Without it the file
says where the charts are instead.

A municipality's own Word template (``kvalitetsberattelse.dotx`` or ``.docx`` in ``mallar/``,
found by the command) gives the styles, page size, header and footer; whatever its body holds is
kept as the first page, with ``{titel}``, ``{nämnd}``, ``{kommun}``, ``{år}``, ``{datum}``,
``{paragraf}`` and ``{dnr}`` filled in.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsk.atomic import atomic_target
from lsk.errors import LskError
from lsk.extras import require
from lsk.reports.kvalitet.document import Chart, Document, Table
from lsk.typografi import TAL, clean, plan

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LANGUAGE = "sv-SE"
HEADER_FILL = "E8EEF5"
CHAR_WIDTH = 0.64
"""Character width of the table font as a share of its size: enough for bold DejaVu Sans, the
widest font LibreOffice falls back on, so Arial, Calibri and Liberation Sans have room to spare;
with the cell margins it says how many characters a column of a given width holds."""
CELL_MARGIN_TWIPS = 57
"""Left and right cell margins, 0.1 cm (Word's default is 0.19 cm)."""
CELL_PADDING_PT = 2 * CELL_MARGIN_TWIPS / 20 + 3.0
"""Both cell margins and a little air, in points."""
TABLE_STYLE = "lsk-tabell"
"""A table style of this name in the municipality's Word template is used for every table;
otherwise Word's 'Table Grid' (Tabellrutnät) with a shaded header row."""
FONT = "Arial"
"""The font without a template: in Word everywhere, and LibreOffice has metric twins of it."""
SIZES = (9.0, 8.0, 7.0)
"""Table type sizes tried in turn before a table gets a landscape section."""


def _x(text: str) -> str:
    """Word's XML cannot hold control characters that YAML escapes can produce; invisible
    characters from word processors are taken out (``lsk.typografi.clean``)."""
    return _NOT_XML.sub("\ufffd", clean(text))


@dataclass
class FirstPage:
    """What the first page says: the document, the nämnd and the decision, when known."""

    title: str
    namnd: str
    kommun: str
    year: int
    details: list[tuple[str, str]] = field(default_factory=list)
    """('Datum', '2026-02-19'), ('Paragraf', '§ 12'), ('Dnr', 'SN 2026/014'): only those known."""

    @property
    def author(self) -> str:
        return f"{self.namnd}, {self.kommun}"

    def values(self) -> dict[str, str]:
        known = {k.lower(): v for k, v in self.details}
        return {"titel": self.title, "nämnd": self.namnd, "namnd": self.namnd,
                "kommun": self.kommun, "år": str(self.year), "ar": str(self.year),
                "datum": known.get("datum", ""), "paragraf": known.get("paragraf", ""),
                "dnr": known.get("dnr", "")}


def write_docx(doc: Document, first: FirstPage, target: Path, *,
               template: Path | None = None) -> list[str]:
    """Write the Word file atomically; returns warnings (a chart that could not be drawn)."""
    docx = require("docx", "Word-filen (DOCX)")
    word = _open(docx, template)
    warnings: list[str] = []
    _language(word)
    props = word.core_properties
    props.title, props.author, props.last_modified_by = doc.title, first.author, first.author
    props.language, props.subject = LANGUAGE, "Kvalitetsberättelse enligt SOSFS 2011:9 7 kap."
    props.comments = props.keywords = ""
    if template is None:
        _a4(word)
        _font(word)
    kept = _fill_template_body(word, first) if template is not None else False
    if not kept:
        _first_page(word, first)
    _page_break(word)
    _contents(word, doc)
    _footer(word)
    if doc.draft:
        _draft_header(word)
    for p in doc.intro:
        word.add_paragraph(_x(p))
    for s in doc.sections:
        _heading(word, s.heading, s.level - 1)
        if s.requires:
            _table(word, s.requires_table)
        for p in s.paragraphs:
            word.add_paragraph(_x(p))
        for t in s.tables:
            _table(word, t)
        for c in s.charts:
            problem = _chart(word, c)
            if problem:
                warnings.append(problem)
    with atomic_target(target, ".docx") as tmp:
        word.save(tmp)
    return warnings


# --- the document and its template -------------------------------------------------------------

def _open(docx: Any, template: Path | None) -> Any:
    if template is None:
        return docx.Document()
    try:
        data = template.read_bytes()
        if template.suffix.lower() in (".dotx", ".dotm"):
            data = _as_document(data)
        return docx.Document(io.BytesIO(data))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise LskError(f"Word-mallen {template} kan inte läsas: {exc}",
                       "Spara mallen i Word som .dotx eller .docx (inte .doc) och försök igen.") \
            from exc


def _as_document(data: bytes) -> bytes:
    """A .dotx is a .docx whose main part says 'template': python-docx opens only documents."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                    zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"wordprocessingml.template.main+xml",
                                          b"wordprocessingml.document.main+xml")
            dst.writestr(item, content)
    return out.getvalue()


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(_qn(key.replace("_", ":", 1)), value)
    return el


def _language(word: Any) -> None:
    """sv-SE in the document defaults and in every style that names a language."""
    styles = word.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(_qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_qn("w:rPr"))
    if rpr is None:
        rpr = _element("w:rPr")
        rpr_default.append(rpr)
    for lang in list(styles.iter(_qn("w:lang"))):
        lang.getparent().remove(lang)
    rpr.append(_element("w:lang", w_val=LANGUAGE, w_eastAsia=LANGUAGE, w_bidi="ar-SA"))


def _font(word: Any) -> None:
    """``FONT`` for every style, instead of the theme fonts of python-docx's own template."""
    styles = word.styles.element
    rpr = styles.find(_qn("w:docDefaults")).find(_qn("w:rPrDefault")).find(_qn("w:rPr"))
    for fonts in [*styles.iter(_qn("w:rFonts"))]:
        fonts.getparent().remove(fonts)
    rpr.insert(0, _element("w:rFonts", w_ascii=FONT, w_hAnsi=FONT, w_cs=FONT, w_eastAsia=FONT))


def _a4(word: Any) -> None:
    from docx.shared import Mm

    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(22), Mm(20)


def _fill_template_body(word: Any, first: FirstPage) -> bool:
    """The template's own first page with the placeholders filled in; False when it has none."""
    paragraphs = word.paragraphs
    if not any(p.text.strip() for p in paragraphs) and not word.tables:
        for p in paragraphs:  # an empty paragraph or two: drop them
            p._element.getparent().remove(p._element)
        return False
    values = first.values()
    pattern = re.compile(r"\{(" + "|".join(map(re.escape, values)) + r")\}")
    cells = [c for t in word.tables for r in t.rows for c in r.cells]
    for p in [*paragraphs, *(q for c in cells for q in c.paragraphs)]:
        if pattern.search(p.text) and p.runs:
            text = pattern.sub(lambda m: values[m.group(1)], p.text)
            p.runs[0].text = _x(text)
            for run in p.runs[1:]:
                run.text = ""
    return True


def _style(word: Any, name: str) -> str | None:
    try:
        word.styles[name]
    except KeyError:
        return None
    return name


def _first_page(word: Any, first: FirstPage) -> None:
    from docx.shared import Pt

    word.add_paragraph(_x(first.title), style=_style(word, "Title"))
    word.add_paragraph(_x(first.author), style=_style(word, "Subtitle"))
    word.add_paragraph(_x(f"Nämndens uppföljning av kvalitetsarbetet under {first.year} enligt "
                          "SOSFS 2011:9 7 kap. 1\u00a0§."))
    rows = [("Nämnd", first.namnd), *first.details]
    table = word.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = _x(label), _x(value)
        cells[0].paragraphs[0].runs[0].bold = True
    for row in table.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(10)


def _page_break(word: Any) -> None:
    from docx.enum.text import WD_BREAK

    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _heading(word: Any, text: str, level: int) -> Any:
    style = _style(word, f"Heading {level}")
    p = word.add_paragraph(_x(text), style=style)
    if style is None:
        p.runs[0].bold = True
    p.paragraph_format.keep_with_next = True
    return p


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separate, result, end) in one paragraph."""
    paragraph.add_run()._r.append(_element("w:fldChar", w_fldCharType="begin"))
    run = paragraph.add_run()
    text = _element("w:instrText")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    paragraph.add_run()._r.append(_element("w:fldChar", w_fldCharType="separate"))
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(_element("w:fldChar", w_fldCharType="end"))


def _contents(word: Any, doc: Document) -> None:
    """A TOC field whose result lists the headings until Word updates it (and Word is asked to
    update the fields when the file is opened)."""
    title = word.add_paragraph("Innehåll", style=_style(word, "TOC Heading"))
    if title.style is None or title.style.name != "TOC Heading":
        title.runs[0].bold = True
    first = word.add_paragraph()
    first.add_run()._r.append(_element("w:fldChar", w_fldCharType="begin"))
    run = first.add_run()
    instr = _element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = ' TOC \\o "1-2" \\h \\z \\u '
    run._r.append(instr)
    first.add_run()._r.append(_element("w:fldChar", w_fldCharType="separate"))
    entries = [s for s in doc.sections if s.level <= 3]
    last = first
    for i, s in enumerate(entries):
        p = first if i == 0 else word.add_paragraph(style=_style(word, f"TOC {s.level - 1}")
                                                    or None)
        p.add_run(_x(s.heading))
        last = p
    last.add_run()._r.append(_element("w:fldChar", w_fldCharType="end"))
    settings = word.settings.element
    if settings.find(_qn("w:updateFields")) is None:
        settings.append(_element("w:updateFields", w_val="true"))
    _page_break(word)


def _footer(word: Any) -> None:
    """'Sida X av Y' in every footer the template does not fill itself."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for i, section in enumerate(word.sections):
        footer = section.footer
        if footer.is_linked_to_previous:
            if i > 0:
                continue
            footer.is_linked_to_previous = False  # the first section gets a footer of its own
        if any(p.text.strip() for p in footer.paragraphs) or any(
                el.tag == _qn("w:fldSimple") or el.tag == _qn("w:fldChar")
                for el in footer._element.iter()):
            continue
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run("Sida ")
        _field(p, "PAGE", "1")
        p.add_run(" av ")
        _field(p, "NUMPAGES", "1")


# --- tables ------------------------------------------------------------------------------------

def _text_width_pt(section: Any) -> float:
    return float(section.page_width - section.left_margin - section.right_margin) / 12700


def _fits(min_chars: list[int], size: float, width_pt: float) -> bool:
    return sum(n * size * CHAR_WIDTH + CELL_PADDING_PT for n in min_chars) <= width_pt


def _table(word: Any, t: Table) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    kinds = t.columns
    shape = plan(t.header, t.rows, kinds, longest_word=None)
    section = word.sections[-1]
    width_pt = _text_width_pt(section)
    fitting = next((s for s in SIZES if _fits(shape.min_chars, s, width_pt)), None)
    landscape = fitting is None
    size = fitting or SIZES[-1]
    if landscape:
        portrait = (section.page_width, section.page_height, section.orientation)
        new = word.add_section(WD_SECTION.NEW_PAGE)
        new.orientation = WD_ORIENT.LANDSCAPE
        new.page_width, new.page_height = portrait[1], portrait[0]
        width_pt = _text_width_pt(new)
        size = next((s for s in SIZES if _fits(shape.min_chars, s, width_pt)), SIZES[-1])
    caption = word.add_paragraph(_x(t.caption), style=_style(word, "Caption"))
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(10)
    table = word.add_table(rows=1, cols=len(t.header))
    style = _style(word, TABLE_STYLE) or _style(word, "Table Grid")
    if style:
        table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _fixed_layout(table)
    widths = _widths(shape.min_chars, shape.widths, size, width_pt)
    header = table.rows[0]
    _repeat_header(header)
    for i, (cell, text) in enumerate(zip(header.cells, t.header, strict=True)):
        _set_cell(cell, text, size, bold=True, right=kinds[i] == TAL)
        _shade(cell)
    for row in t.rows:
        r = table.add_row()
        _cant_split(r)
        for i, (cell, text) in enumerate(zip(r.cells, row, strict=True)):
            _set_cell(cell, text, size, right=kinds[i] == TAL)
    for i, w in enumerate(widths):
        table.columns[i].width = Pt(w)
        for cell in table.columns[i].cells:
            cell.width = Pt(w)
    if t.note:
        note = word.add_paragraph(_x(t.note))
        for run in note.runs:
            run.font.size = Pt(8)
    if landscape:
        back = word.add_section(WD_SECTION.NEW_PAGE)
        back.orientation = portrait[2]
        back.page_width, back.page_height = portrait[0], portrait[1]


def _widths(min_chars: list[int], shares: list[float], size: float, width_pt: float) -> list[float]:
    """Column widths in points: each at least its longest word, the rest by the plan's shares."""
    floor = [n * size * CHAR_WIDTH + CELL_PADDING_PT for n in min_chars]
    left = width_pt - sum(floor)
    if left <= 0:
        return floor
    wanted = [max(s * width_pt - f, 0.0) for s, f in zip(shares, floor, strict=True)]
    total = sum(wanted) or 1.0
    return [f + left * w / total for f, w in zip(floor, wanted, strict=True)]


def _set_cell(cell: Any, text: str, size: float, *, bold: bool = False, right: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    run = p.add_run(_x(text))
    run.font.size = Pt(size)
    run.bold = bold or None
    p.paragraph_format.space_after = Pt(0)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT


def _fixed_layout(table: Any) -> None:
    """Word keeps the widths lsk gives (no autofit), with narrow cell margins."""
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(_element("w:tblLayout", w_type="fixed"))
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", w_w=str(CELL_MARGIN_TWIPS), w_type="dxa"))
    tbl_pr.append(margins)


def _row_property(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(_element(tag, w_val="true"))


def _repeat_header(row: Any) -> None:
    _row_property(row, "w:tblHeader")
    _row_property(row, "w:cantSplit")


def _cant_split(row: Any) -> None:
    _row_property(row, "w:cantSplit")


def _shade(cell: Any) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(_element("w:shd", w_val="clear", w_color="auto", w_fill=HEADER_FILL))


# --- charts ------------------------------------------------------------------------------------

def chart_png(chart: Chart, scale: float = 2.0) -> tuple[bytes, float] | None:
    """The chart drawn to PNG at ``scale`` and its width in SVG pixels; None without CairoSVG."""
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError):  # OSError: the system's cairo library is missing
        return None
    svg = str(chart.svg)
    width = float(re.search(r'width="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=int(width * scale))
    return bytes(png), width


def _chart(word: Any, chart: Chart) -> str | None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    drawn = chart_png(chart)
    if drawn is None:
        word.add_paragraph(_x(f"Diagram: {chart.alt} (finns i HTML- och PDF-utgåvan)."))
        return (f"diagrammet '{chart.alt}' kom inte med i Word-filen: CairoSVG eller cairo "
                "saknas (pip install cairosvg; apt-get install libcairo2)")
    png, width_px = drawn
    section = word.sections[-1]
    width_pt = min(_text_width_pt(section), width_px * 0.75 * 0.85)
    p = word.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(png), width=Pt(width_pt))
    _alt_text(p, chart.alt)
    word.add_paragraph(_x(chart.alt), style=_style(word, "Caption"))
    return None


def _alt_text(paragraph: Any, alt: str) -> None:
    """The chart's text alternative as the picture's description (read by screen readers)."""
    for prop in paragraph._p.iter(_qn("wp:docPr")):
        prop.set("descr", _x(alt))
        prop.set("title", _x(alt))


def _draft_header(word: Any) -> None:
    """'UTKAST' in bold in the header of every section, so no page can pass for the real one."""
    from lsk.reports.kvalitet.document import DRAFT

    for section in word.sections:
        header = section.header
        paragraph = header.add_paragraph() if header.paragraphs[0].text else header.paragraphs[0]
        run = paragraph.add_run(DRAFT.upper())
        run.bold = True
