"""Renderers of the trace matrix: rich table, Markdown, CSV, JSON and Excel (openpyxl)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from lsk.analysis.coverage import Assessment
from lsk.atomic import atomic_target
from lsk.extras import require
from lsk.reports.trace import Matrix, rows, status_text
from lsk.terminal import terminal_safe

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
    require("openpyxl", "Excel-filen (XLSX)")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    for default in list(book.worksheets):
        book.remove(default)
    sheet = book.create_sheet("Krav")
    sheet.append([*HEADERS, "text verifierad", "källa"])
    for a in rows(matrix, only_uncovered):
        source = a.krav.kalla or matrix.sources.get(a.krav.id.split("/")[0])
        sheet.append([a.krav.id, a.krav.rubrik, status_text(a), a.motivation, _carriers(matrix, a),
                      "ja" if a.krav.verifierad else "nej", str(source or "")])
    chapters = book.create_sheet("Täckning")
    chapters.append(["kapitel", "täckta", "tillämpliga", "procent"])
    for c in matrix.coverage["chapters"]:
        chapters.append([_chapter(c), c["covered"], c["total"], c["percent"]])
    chapters.append(["totalt", matrix.coverage["covered"], matrix.coverage["total"],
                     matrix.coverage["percent"]])
    for ws in (sheet, chapters):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["D"].width = 50
    sheet.column_dimensions["E"].width = 60
    with atomic_target(out, ".xlsx") as tmp:
        book.save(tmp)


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
