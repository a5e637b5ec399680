"""``lsk check``: load the repository and report every diagnostic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from functools import partial
from pathlib import Path

from lsk.diagnostics import Diagnostic, summarize
from lsk.engine import check
from lsk.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, LskError
from lsk.rootdir import display_path, find_root, repository_path

_CI_FORMATS = frozenset({"sarif", "github", "gitlab"})


def _changed_only(root: Path, rev: str, found: list[Diagnostic], files: int,
                  use_cache: bool) -> tuple[list[Diagnostic], int]:
    """The full check's diagnostics, kept for the files relevant to a change since ``rev``.

    Checking everything and filtering is the simple, correct way: rules that look across files
    see the whole repository, and the per-file cache makes the full check cheap.
    """
    from lsk.history.changed import relevant_paths
    from lsk.loader.repository import load_repository

    repo = load_repository(root, use_cache=use_cache)
    keep = relevant_paths(root, rev, repo.files)
    if keep is None:
        return found, files
    user = {f.relpath for f in repo.files if not f.relpath.startswith("@")}
    return [d for d in found if d.path in keep or not d.path], len(user & keep)


def _refuse_odd_fix(root: Path, *, fix: bool, show_diff: bool, fmt: str, out: Path | None,
                    changed_since: str | None) -> None:
    """--fix and --diff write or show changes to the documents: only on a real root, alone."""
    from lsk.model.kinds import CONFIG_FILE

    if fix and show_diff:
        raise LskError("--fix och --diff kan inte kombineras",
                       "Kör först --diff för att se ändringarna, sedan --fix.")
    if changed_since is not None:
        raise LskError(f"{'--fix' if fix else '--diff'} gäller hela ledningssystemet och kan inte "
                       "kombineras med --changed-since", "Ta bort --changed-since.")
    if show_diff and (fmt != "text" or out is not None):
        raise LskError("--diff skriver en diff till terminalen; den kan inte kombineras med "
                       "--format eller --out", "Kör 'lsk check --diff' utan dem.")
    if not (root / CONFIG_FILE).is_file():
        raise LskError(f"'{root}' är inget ledningssystem (lsk.yaml saknas)",
                       "Ange mappen som innehåller lsk.yaml.")


def _inside(path: Path, root: Path) -> bool:
    target, base = path.resolve(), root.resolve()
    return target == base or base in target.parents


def run(*, root_arg: Path | None, fmt: str, out: Path | None, strict: bool, use_cache: bool,
        today: dt.date, changed_since: str | None = None, fix: bool = False,
        show_diff: bool = False) -> int:
    root = find_root(root_arg)
    if out is not None and root.is_dir() and _inside(out, root):
        raise LskError(f"'{out}' ligger i ledningssystemet och skrivs inte över",
                       "Skriv rapporten utanför roten, t.ex. --out lsk-rapport.json.")
    if fix or show_diff:
        _refuse_odd_fix(root, fix=fix, show_diff=show_diff, fmt=fmt, out=out,
                        changed_since=changed_since)
        from lsk.commands.fix import run_fix

        changes = run_fix(root, today, write=fix, use_cache=use_cache)
        if show_diff:
            return EXIT_FINDINGS if changes else EXIT_OK
    result = check(root, today, use_cache=use_cache)
    found, files = result.diagnostics, result.files
    if changed_since is not None:
        found, files = _changed_only(root, changed_since, found, files, use_cache)
    # Text and JSON name files as the user's editor reaches them (from the working folder);
    # the CI formats from the repository's top, so they agree whichever folder CI starts in.
    where = partial(repository_path, root) if fmt in _CI_FORMATS else partial(display_path, root)
    shown = {rel: where(rel) for rel in {d.path for d in found}}
    diagnostics = [dataclasses.replace(d, path=shown[d.path]) for d in found]
    summary = summarize(diagnostics, files)
    if fmt == "text":
        from rich.console import Console

        from lsk.output.text import print_text

        if out is None:
            print_text(Console(highlight=False), diagnostics, summary)
        else:
            from lsk.atomic import write_atomic

            buffer = io.StringIO()
            print_text(Console(file=buffer, no_color=True, width=10_000), diagnostics, summary)
            write_atomic(out, buffer.getvalue())
    else:
        from lsk.commands.outfile import emit
        from lsk.output import formatter

        emit(formatter(fmt)(diagnostics, summary), out, root=root)
        if fmt == "github":
            from lsk.output.github import append_job_summary

            append_job_summary(diagnostics, summary)
    if any(d.code == "LSK001" for d in diagnostics):
        return EXIT_USAGE  # no root to check: a wrong path in CI is not a finding in the repo
    failing = summary["errors"] + (summary["warnings"] if strict else 0)
    return EXIT_FINDINGS if failing else EXIT_OK
