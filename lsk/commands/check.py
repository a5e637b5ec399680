"""``lsk check``: load the repository and report every diagnostic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

from lsk.diagnostics import summarize
from lsk.engine import check
from lsk.errors import EXIT_FINDINGS, EXIT_OK
from lsk.rootdir import display_path, find_root


def run(root_arg: Path | None, fmt: str, out: Path | None, strict: bool, use_cache: bool,
        today: dt.date) -> int:
    root = find_root(root_arg)
    result = check(root, today, use_cache)
    shown = {rel: display_path(root, rel) for rel in {d.path for d in result.diagnostics}}
    diagnostics = [dataclasses.replace(d, path=shown[d.path]) for d in result.diagnostics]
    summary = summarize(diagnostics, result.files)
    if fmt == "text":
        from rich.console import Console

        from lsk.output.text import print_text

        if out is None:
            print_text(Console(highlight=False), diagnostics, summary)
        else:
            from lsk.commands.outfile import write_atomic

            buffer = io.StringIO()
            print_text(Console(file=buffer, no_color=True, width=10_000), diagnostics, summary)
            write_atomic(out, buffer.getvalue())
    else:
        from lsk.commands.outfile import emit
        from lsk.output import formatter

        emit(formatter(fmt)(diagnostics, summary), out)
    failing = summary["errors"] + (summary["warnings"] if strict else 0)
    return EXIT_FINDINGS if failing else EXIT_OK
