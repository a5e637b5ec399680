"""Renderers of the trace matrix: rich table, Markdown, CSV, JSON and Excel (openpyxl)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

from lsk.analysis.coverage import Assessment
from lsk.atomic import atomic_target
from lsk.extras import require
from lsk.reports.trace import Matrix, rows, status_text
from lsk.terminal import terminal_safe
from lsk.typografi import clean

HEADERS = ("id", "rubrik", "status", "skäl", "täckt av")
JSON_FORMAT = 1
"""``trace --format json``: ``{"format", "requirements": [{"id", "title", "status", "reason",
"covered_by": [{"kind", "id", "path", "line"}]}], "year", "coverage": {"covered", "total",
"percent", "statutes": [{"statute", "name", "covered", "total", "percent"}], "chapters":
[{"chapter", "title", "covered", "total", "percent"}]}}``. ``reason`` says in words why the
status is what it is; ``year`` is the year whose records showed the yearly work."""
FOR_JSON_FORMAT = 1
"""``trace --for ID --format json``: ``{"format", "id", "heading", "requirements": [{"id",
"title", "via"}]}``; ``heading`` says what the list is ('R004 bär 12 krav', 'SFS-2025:400 27 kap.
Missförhållanden: 7 bestämmelser')."""


def _carriers(matrix: Matrix, a: Assessment) -> str:
    return ", ".join(f"{c.kind} {c.id}" for c in a.carriers)


def _total(matrix: Matrix) -> str:
    c = matrix.coverage
    return (f"Täckning: {c['covered']} av {c['total']} tillämpliga krav ({c['percent']:.1f} %); "
            f"årligt arbete enligt posterna för {matrix.year}")


def _chapter(row: dict[str, object]) -> str:
    """'SFS-2025:400 27 kap. Missförhållanden'."""
    return f"{row['chapter']} {row['title']}".rstrip()


def _id(a: Assessment) -> str:
    return a.krav.id if a.krav.verifierad else a.krav.id + " *"


UNVERIFIED_NOTE = ("* Bestämmelsens text i katalogen är inte verifierad mot källan "
                   "(se lsk/catalog/data/KALLOR.md).")


def table(matrix: Matrix, *, only_uncovered: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    t = Table(title="Spårbarhet: krav och vad som bär dem", show_lines=False)
    for h in HEADERS:
        t.add_column(h, overflow="fold")
    for a in rows(matrix, only_uncovered):
        style = {"uppfylls_ej": "red", "uppfylls_delvis": "yellow"}.get(a.status, "")
        t.add_row(_id(a), a.krav.rubrik, status_text(a), a.motivation, _carriers(matrix, a),
                  style=style)
    console.print(t)
    for title, key, label in (("Täckning per författning", "statutes", "författning"),
                              ("Täckning per kapitel", "chapters", "kapitel")):
        summary = Table(title=title)
        for h in (label, "täckta", "tillämpliga", "%"):
            summary.add_column(h)
        for row in matrix.coverage[key]:
            name = row["name"] if key == "statutes" else _chapter(row)
            summary.add_row(name, str(row["covered"]), str(row["total"]), f"{row['percent']:.1f}")
        console.print(summary)
    console.print(_total(matrix), style="bold")
    console.print(UNVERIFIED_NOTE, style="dim")


def md_cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(matrix: Matrix, *, only_uncovered: bool) -> str:
    lines = ["# Spårbarhet", "", "| " + " | ".join(HEADERS) + " |",
             "| --- | --- | --- | --- | --- |"]
    for a in rows(matrix, only_uncovered):
        lines.append(f"| {_id(a)} | {md_cell(a.krav.rubrik)} | {status_text(a)} | "
                     f"{md_cell(a.motivation)} | {md_cell(_carriers(matrix, a))} |")
    lines += ["", "## Täckning per författning", "", "| författning | täckta | tillämpliga | % |",
              "| --- | --- | --- | --- |"]
    lines += [f"| {md_cell(c['name'])} | {c['covered']} | {c['total']} | {c['percent']:.1f} |"
              for c in matrix.coverage["statutes"]]
    lines += ["", "## Täckning per kapitel", "", "| kapitel | täckta | tillämpliga | % |",
              "| --- | --- | --- | --- |"]
    lines += [f"| {md_cell(_chapter(c))} | {c['covered']} | {c['total']} | {c['percent']:.1f} |"
              for c in matrix.coverage["chapters"]]
    return "\n".join([*lines, "", _total(matrix) + ".", "", UNVERIFIED_NOTE, ""])


def csv_text(matrix: Matrix, *, only_uncovered: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("id", "rubrik", "status", "skal", "tackt_av", "verifierad"))
    for a in rows(matrix, only_uncovered):
        writer.writerow((a.krav.id, a.krav.rubrik, a.status, a.motivation, "; ".join(
            f"{c.kind}:{c.id}" for c in a.carriers), "ja" if a.krav.verifierad else "nej"))
    return buffer.getvalue()


def json_text(matrix: Matrix, *, only_uncovered: bool) -> str:
    payload = {"format": JSON_FORMAT, **matrix.to_json(only_uncovered)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def xlsx(matrix: Matrix, out: Path, *, only_uncovered: bool) -> None:
    """The matrix as a workbook: one Excel table (with filter) per sheet, widths from content,
    long text wrapped, header frozen, printed landscape one page wide with the header on every
    page, and sources as links."""
    require("openpyxl", "Excel-filen (XLSX)")
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    for default in list(book.worksheets):
        book.remove(default)
    sheet = book.create_sheet("Krav")
    sheet.append([*HEADERS, "text verifierad", "källa"])
    for a in rows(matrix, only_uncovered):
        source = a.krav.kalla or matrix.sources.get(a.krav.id.split("/")[0])
        sheet.append([clean(a.krav.id), clean(a.krav.rubrik), status_text(a), clean(a.motivation),
                      clean(_carriers(matrix, a)), "ja" if a.krav.verifierad else "nej",
                      clean(str(source or ""))])
    chapters = book.create_sheet("Täckning")
    chapters.append(["kapitel", "täckta", "tillämpliga", "procent"])
    for c in matrix.coverage["chapters"]:
        chapters.append([clean(_chapter(c)), c["covered"], c["total"], c["percent"]])
    chapters.append(["totalt", matrix.coverage["covered"], matrix.coverage["total"],
                     matrix.coverage["percent"]])
    for cell in sheet["G"][1:]:
        if str(cell.value or "").startswith(("https://", "http://")):
            cell.hyperlink = str(cell.value)
            cell.style = "Hyperlink"
    for ws, name in ((sheet, "Krav"), (chapters, "Tackning")):
        _sheet_layout(ws, name)
    for cell in chapters["D"][1:]:
        cell.number_format = "0.0"
    with atomic_target(out, ".xlsx") as tmp:
        book.save(tmp)


XLSX_WIDEST = 45
"""No column wider than this many characters; longer text wraps in its cell."""


def _sheet_layout(ws: Any, name: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.worksheet.table import Table, TableStyleInfo

    last = get_column_letter(ws.max_column)
    ref = f"A1:{last}{ws.max_row}"
    if ws.max_row > 1:
        table = Table(displayName=name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    else:  # an Excel table needs a row under its header: a plain filter then
        ws.auto_filter.ref = ref
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(ws.iter_cols(), 1):
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=4)
        ws.column_dimensions[get_column_letter(i)].width = min(max(longest, 8) + 2, XLSX_WIDEST)
        for c in column[1:]:  # text wraps inside its column, never runs into the next
            c.alignment = Alignment(wrap_text=isinstance(c.value, str), vertical="top")
    for row in ws.iter_rows(min_row=2):  # room for the wrapped lines (not every reader fits)
        lines = max((math.ceil(len(str(c.value)) / max(
            ws.column_dimensions[c.column_letter].width - 2, 1)) for c in row
            if c.value is not None and not c.hyperlink), default=1)
        ws.row_dimensions[row[0].row].height = 15 * max(lines, 1)
    ws.print_area = ref
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.oddFooter.center.text = "&A – sida &P av &N"
    ws.oddHeader.left.text = "Spårbarhet: krav och vad som bär dem"


def reverse_text(found: list[tuple[str, str, str]], item: str, fmt: str,
                 heading: str | None = None) -> str:
    """What ``item`` carries, or what carries each provision of a chapter, as (requirement id,
    rubrik, via), in a text format of trace; ``heading`` names a chapter and its title."""
    count = len({rid for rid, _, _ in found})
    heading = heading or f"{item} bär {count} krav"
    if fmt == "json":
        return json.dumps({"format": FOR_JSON_FORMAT, "id": item, "heading": heading,
                           "requirements": [
            {"id": rid, "title": title, "via": via} for rid, title, via in found]},
            ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["id", "rubrik", "via"])
        writer.writerows(found)
        return buffer.getvalue()
    if fmt == "markdown":
        return "\n".join([f"**{md_cell(heading)}**", "", "| Krav | Rubrik | Via |",
                          "| --- | --- | --- |"] + [f"| {rid} | {md_cell(title)} | {via} |"
                                                  for rid, title, via in found]) + "\n"
    return terminal_safe("\n".join([f"{heading}:"] + [
        f"  {rid}  {title}  (via {via})" for rid, title, via in found])) + "\n"
