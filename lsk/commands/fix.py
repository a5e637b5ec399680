"""``lsk check --fix`` and ``--diff``: rewrite references to repealed provisions in place.

Only one-to-one replacements are written (``analysis.migration``); each file is changed value by
value (``writers.scalars``), so comments, key order and every other byte stay as they were, and
a file that does not validate is never touched. What cannot be rewritten is listed with its
candidates.
"""

from __future__ import annotations

import datetime as dt
import difflib
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from lsk.diagnostics import Severity
from lsk.rootdir import display_path
from lsk.swedish import count

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.migration import Unresolved
    from lsk.writers.scalars import ScalarEdit


def run_fix(root: Path, today: dt.date, *, write: bool, use_cache: bool) -> bool:
    """Fix (``write``) or show as a diff what --fix would change; True when anything would
    change. Messages go to stderr, the diff to stdout."""
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.migration import Unresolved, plan  # noqa: F811 - the runtime import
    from lsk.atomic import write_atomic
    from lsk.writers.scalars import ScalarEdit  # noqa: F811 - the runtime import

    corpus = Corpus.load(root, today, use_cache=use_cache)
    rewrites, unresolved = plan(corpus)
    with_errors = {d.path for d in corpus.diagnostics if d.severity is Severity.ERROR}
    by_file: dict[str, list[ScalarEdit]] = defaultdict(list)
    for r in rewrites:
        if r.relpath in with_errors:  # lsk only rewrites a file it can check is right
            unresolved.append(Unresolved(r.relpath, r.path, r.old, (r.new,),
                                         "filen har fel och skrivs inte om; rätta dem först"))
        else:
            by_file[r.relpath].append(ScalarEdit(r.path, r.old, r.new))
    done: list[tuple[str, int, str, str]] = []
    for relpath, edits in sorted(by_file.items()):
        path = root / relpath
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        new, edits, refused = _apply(text, edits)
        unresolved += [Unresolved(relpath, e.path, e.old, (e.new,), why) for e, why in refused]
        if not edits:
            continue
        done += [(relpath, corpus.locate(relpath, e.path)[0], e.old, e.new) for e in edits]
        if write:
            write_atomic(path, new, newline="")
        else:
            shown = display_path(root, relpath)
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(keepends=True), new.splitlines(keepends=True),
                f"a/{shown}", f"b/{shown}"))
    _report(root, corpus, done, unresolved, write)
    for lo in corpus.left_out:  # not read, so neither searched nor ever rewritten
        print(f"lsk: {display_path(root, lo.relpath)} har fel och skrivs inte om; rätta det först "
              "(kör lsk check)", file=sys.stderr)
    return bool(done)


def _apply(text: str, edits: list[ScalarEdit]
           ) -> tuple[str, list[ScalarEdit], list[tuple[ScalarEdit, str]]]:
    """The text with every edit that can be made safely; an edit that cannot (an escape, an
    alias) is left out with the reason, and the others are tried again without it."""
    from lsk.writers.scalars import replace_scalars

    refused: list[tuple[ScalarEdit, str]] = []
    remaining = list(edits)
    while remaining:
        try:
            return replace_scalars(text, remaining), remaining, refused
        except ValueError:
            pass
        for e in remaining:  # find the edits that fail on their own
            try:
                replace_scalars(text, [e])
            except ValueError as exc:
                refused.append((e, f"kan inte skrivas om säkert ({exc}); ändra för hand"))
        failing = {id(e) for e, _ in refused}
        if not failing & {id(e) for e in remaining}:
            refused += [(e, "ändringarna tillsammans skulle påverka mer än hänvisningarna; "
                            "ändra för hand") for e in remaining]
            break
        remaining = [e for e in remaining if id(e) not in failing]
    return text, [], refused


def _report(root: Path, corpus: Corpus, done: list[tuple[str, int, str, str]],
            unresolved: list[Unresolved], write: bool) -> None:
    if done:
        files = len({d[0] for d in done})
        verb = "rättade" if write else "skulle rätta"
        print(f"lsk: {verb} {count(len(done), 'hänvisning', 'hänvisningar')} till upphävda "
              f"bestämmelser i {count(files, 'fil', 'filer')}:", file=sys.stderr)
        for relpath, line, old, new in done:
            print(f"    {display_path(root, relpath)}:{line}: {old} → {new}", file=sys.stderr)
    if unresolved:
        print(f"lsk: {count(len(unresolved), 'hänvisning', 'hänvisningar')} kan inte rättas "
              "automatiskt:", file=sys.stderr)
        for u in unresolved:
            line = corpus.locate(u.relpath, u.path)[0]
            candidates = f" (kandidater: {', '.join(u.candidates)})" if u.candidates else ""
            print(f"    {display_path(root, u.relpath)}:{line}: {u.old}: {u.reason}{candidates}",
                  file=sys.stderr)
    if not done and not unresolved:
        print("lsk: inga hänvisningar till upphävda bestämmelser", file=sys.stderr)
