"""``lsk trace``: the traceability matrix, the reverse view (--for) and a coverage gate."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.errors import EXIT_FINDINGS, EXIT_OK, LskError
from lsk.rootdir import existing_root, refuse_overwrite


def run(*, root_arg: Path | None, fmt: str, out: Path | None, uncovered: bool, item: str | None,
        fail_under: float | None, today: dt.date, year: int | None = None) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.reports import trace_formats as formats
    from lsk.reports.trace import build, carried_by, carried_in

    if fail_under is not None and not 0 <= fail_under <= 100:  # also NaN, which compares false
        raise LskError(f"--fail-under {fail_under} är ingen procentsats",
                       "Ange ett tal från 0 till 100, t.ex. --fail-under 100.")
    root = existing_root(root_arg)
    corpus = Corpus.load(root, today)
    if item is not None:
        if fail_under is not None:
            raise LskError("--fail-under gäller hela spårningen och kan inte kombineras med --for",
                           "Ta bort --for eller --fail-under.")
        found = carried_by(corpus, item)
        scope = carried_in(corpus, item, year) if found is None else None
        return _reverse(found if scope is None else scope[1], item, fmt, out,
                        root, heading=scope[0] if scope else None)
    matrix = build(corpus, year)
    if matrix.loader_errors:
        print(f"lsk: varning: ledningssystemet har {matrix.loader_errors} fel; spårningen kan "
              "vara ofullständig (kör 'lsk check').", file=sys.stderr)
    if fmt == "table" and out is None:
        formats.table(matrix, only_uncovered=uncovered)
    elif fmt == "xlsx":
        if out is None:
            raise LskError("--format xlsx kräver --out FIL.xlsx", "T.ex. --out sparbarhet.xlsx")
        refuse_overwrite(out, root)
        formats.xlsx(matrix, out, only_uncovered=uncovered)
    else:
        render = {"markdown": formats.markdown, "table": formats.markdown, "csv": formats.csv_text,
                  "json": formats.json_text}[fmt]
        emit(render(matrix, only_uncovered=uncovered), out, root=root)
    percent = matrix.coverage["percent"]
    if fail_under is not None and percent < fail_under:
        print(f"lsk: täckningen {percent:.1f} % är under gränsen {fail_under:.1f} %",
              file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def _reverse(found: list[tuple[str, str, str]] | None, item: str, fmt: str,
             out: Path | None, root: Path, heading: str | None = None) -> int:
    from lsk.reports import trace_formats as formats

    if found is None:
        raise LskError(f"'{item}' är ingen process, aktivitet, rutin, roll, författning eller "
                       "kapitel", "Ange ett id, t.ex. KP01, KP01.utredning, R004, en roll, "
                       "SFS-2025:400 eller SFS-2025:400/27.")
    if fmt == "xlsx":
        raise LskError("--for skrivs som table, markdown, csv eller json, inte xlsx",
                       "Ange t.ex. --format csv.")
    text = formats.reverse_text(found, item, fmt, heading)
    emit(text, out, root=root)
    return EXIT_OK
