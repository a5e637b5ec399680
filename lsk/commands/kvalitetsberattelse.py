"""``lsk kvalitetsberattelse ÅR``: the year's report in Markdown, HTML, PDF or DOCX."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from lsk.errors import LskError
from lsk.rootdir import existing_root, refuse_overwrite

SUFFIX = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}


def run(*, year: int, root_arg: Path | None, fmt: str, out: Path | None, internal: bool,
        threshold: int | None, today: dt.date, archive: bool = False,
        decision: str | None = None, dnr: str | None = None) -> int:
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
    left_out = {lo.relpath for lo in corpus.left_out}
    records = {f"ar/{y}/" for y in (year, year - 1)}
    flawed = sorted({d.path for d in corpus.diagnostics if d.severity.value == "error"
                     and d.path.startswith(tuple(records)) and d.path not in left_out})
    if flawed:
        print(f"lsk: varning: årets poster har fel ({', '.join(flawed)}); de räknas med, men "
              "rätta dem innan berättelsen publiceras (kör 'lsk check').", file=sys.stderr)
    if year not in corpus.years():
        known = ", ".join(str(y) for y in sorted(corpus.years())) or "inga"
        raise LskError(f"det finns inga poster för {year}", f"År med poster: {known}.")
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
    doc = build(figures)
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
