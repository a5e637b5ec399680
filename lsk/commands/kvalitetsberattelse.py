"""``lsk kvalitetsberattelse ÅR``: the year's report in Markdown, HTML, PDF or DOCX."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lsk.diagnostics import Diagnostic
from lsk.errors import EXIT_FINDINGS, LskError
from lsk.rootdir import existing_root, refuse_overwrite

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus

SUFFIX = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}


def _record_findings(corpus: Corpus, root: Path, today: dt.date, year: int) -> list[Diagnostic]:
    """Errors (loader's and rules') in the records the report counts: the year's and the year
    before's (the comparison column), files of those years that failed validation, and a
    record of those years kept in another year's folder."""
    from lsk.engine import check

    years = (year, year - 1)
    places = tuple(f"ar/{y}/" for y in years)
    counted = {d.relpath for _, d in corpus.records if d.model.ar in years}
    return [d for d in check(root, today).diagnostics
            if d.severity.value in ("error", "warning")
            and (d.path.startswith(places) or d.path in counted)]


def _print_errors(errors: list[Diagnostic], year: int) -> None:
    import io

    from rich.console import Console

    from lsk.diagnostics import summarize
    from lsk.output.text import print_text

    print(f"lsk: fel: kvalitetsberättelsen för {year} skapas inte: årets poster har "
          f"{len(errors)} fel, och en berättelse med fel siffror ska inte publiceras.",
          file=sys.stderr)
    buffer = io.StringIO()
    print_text(Console(file=buffer, no_color=True, width=10_000), errors,
               summarize(errors, len({d.path for d in errors})))
    sys.stderr.write(buffer.getvalue())
    print("    tips: rätta felen (kör 'lsk check'), eller gör ett utkast med --utkast; det "
          "märks som utkast på varje sida.", file=sys.stderr)


def run(*, year: int, root_arg: Path | None, fmt: str, out: Path | None, internal: bool,
        threshold: int | None, today: dt.date, archive: bool = False,
        decision: str | None = None, dnr: str | None = None, draft: bool = False) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.atomic import write_atomic
    from lsk.commands.outfile import refuse_personal_data, require_config, warn_left_out
    from lsk.history.as_of import year_end
    from lsk.reports.kvalitet.document import build
    from lsk.reports.kvalitet.figures import compute

    root = existing_root(root_arg)
    corpus = Corpus.load(root, today)
    refuse_personal_data(corpus.diagnostics, "Kvalitetsberättelsen")
    require_config(corpus, "Kvalitetsberättelsen")
    warn_left_out(corpus, "kvalitetsberättelsen", "Det som står i dem räknas inte, så siffrorna "
                  "i berättelsen kan bli för låga.")
    in_year = any(lo.relpath.startswith(f"ar/{year}/") for lo in corpus.left_out)
    if year not in corpus.years() and not in_year:
        known = ", ".join(str(y) for y in sorted(corpus.years())) or "inga"
        raise LskError(f"det finns inga poster för {year}", f"År med poster: {known}.")
    findings = _record_findings(corpus, root, today, year)
    errors = [d for d in findings if d.severity.value == "error"]
    for d in findings:
        if d.severity.value == "warning" and d.path.startswith(f"ar/{year}/"):
            print(f"lsk: varning: {d.path}:{d.line}:{d.column}: {d.code} {d.message}",
                  file=sys.stderr)
    if errors and not draft:
        _print_errors(errors, year)
        return EXIT_FINDINGS
    if errors:
        print(f"lsk: varning: årets poster har {len(errors)} fel; berättelsen märks som utkast "
              "på varje sida och ska inte publiceras förrän felen är rättade.", file=sys.stderr)
    limit = threshold if threshold is not None else (
        corpus.config.maskningsgrans if corpus.config else 5)
    if fmt != "docx":  # DOCX uses no Jinja templates, only a Word template (word_template)
        from lsk.commands.mallar import print_notes

        print_notes(root)
    # What the report says about the ledningssystem is as of the year's end (issue 15, part 9).
    with year_end(root, year, today) as (then_root, basis):
        then = corpus if then_root == root else Corpus.load(then_root, today, use_cache=False)
        if then is not corpus and then.left_out:
            print(f"lsk: varning: {len(then.left_out)} dokument i commit "
                  f"{(basis.commit or '')[:10]} kan inte läsas av den här versionen av lsk och "
                  "räknas inte i det som sägs om ledningssystemet.", file=sys.stderr)
        figures = compute(then, year, threshold=limit, internal=internal)
    doc = build(figures, draft=draft)
    doc.intro.append(basis.sentence())
    name = f"kvalitetsberattelse-{year}"
    if fmt == "md":
        from lsk.render.environment import markdown_environment

        folder = out or Path(name)
        env = markdown_environment(root)
        text = env.get_template("kvalitetsberattelse.md").render(
            doc=doc, figures=figures, chart_file=lambda chart: f"{name}-{chart}.svg")
        files = {folder / f"{name}.md": text}
        for section in doc.sections:
            for chart in section.charts:
                files[folder / f"{name}-{chart.name}.svg"] = str(chart.svg) + "\n"
        for path in files:  # all refused before any is written
            refuse_overwrite(path, root)
        for path, content in files.items():
            write_atomic(path, content)
        print(folder / f"{name}.md")
        return 0
    target = out or Path(name + SUFFIX[fmt])
    refuse_overwrite(target, root)
    if fmt == "docx":
        from lsk.reports.kvalitet.docx_writer import FirstPage, write_docx

        first = FirstPage(doc.title, figures.namnd, figures.kommun, year,
                          decision_details(decision, dnr))
        for warning in write_docx(doc, first, target, template=word_template(root)):
            print(f"lsk: varning: {warning}", file=sys.stderr)
    else:
        from lsk.render.environment import html_environment

        html = html_environment(root).get_template("kvalitetsberattelse.html").render(
            doc=doc, figures=figures)
        if fmt == "html":
            write_atomic(target, html)
        else:
            from lsk.render.pdf import archive_option, html_to_pdf, pdf_css

            html_to_pdf(html, target, pdf_css(root), **archive_option(archive))
    print(target)
    return 0


WORD_TEMPLATES = ("kvalitetsberattelse.dotx", "kvalitetsberattelse.docx")
"""A municipality's Word template, looked up in mallar/ beside the root like the other templates."""


def word_template(root: Path) -> Path | None:
    from lsk.render.environment import override_folders

    for folder in override_folders(root):
        for name in WORD_TEMPLATES:
            path = folder / name
            if path.is_file() and not path.is_symlink():
                return path
    return None


def decision_details(decision: str | None, dnr: str | None) -> list[tuple[str, str]]:
    """The first page's decision lines from ``--beslut 'SN 2026-02-19 § 12'`` and ``--dnr``."""
    import re

    out: list[tuple[str, str]] = []
    if decision:
        date = re.search(r"\d{4}-\d{2}-\d{2}", decision)
        section = re.search(r"§\s*\d+\w*", decision)
        if date:
            out.append(("Datum", date.group(0)))
        if section:
            out.append(("Paragraf", section.group(0).replace("§", "§ ").replace("  ", " ")))
        if not date and not section:
            out.append(("Beslut", decision.strip()))
    if dnr:
        out.append(("Dnr", dnr.strip()))
    return out
