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

from lsk.rootdir import display_path
from lsk.swedish import count

if TYPE_CHECKING:
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.migration import Unresolved


def run_fix(root: Path, today: dt.date, *, write: bool, use_cache: bool) -> bool:
    """Fix (``write``) or show as a diff what --fix would change; True when anything would
    change. Messages go to stderr, the diff to stdout."""
    from lsk.analysis.corpus import Corpus
    from lsk.analysis.migration import Unresolved, plan  # noqa: F811 - the runtime import
    from lsk.atomic import write_atomic
    from lsk.writers.scalars import ScalarEdit, replace_scalars

    corpus = Corpus.load(root, today, use_cache=use_cache)
    rewrites, unresolved = plan(corpus)
    by_file: dict[str, list[ScalarEdit]] = defaultdict(list)
    for r in rewrites:
        by_file[r.relpath].append(ScalarEdit(r.path, r.old, r.new))
    done: list[tuple[str, int, str, str]] = []
    for relpath, edits in sorted(by_file.items()):
        path = root / relpath
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        try:
            new = replace_scalars(text, edits)
        except ValueError as exc:
            unresolved += [Unresolved(relpath, e.path, e.old, (e.new,), str(exc)) for e in edits]
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
