"""``lsk faststall --beslut ...``: record the nämnd's approval as an annotated git tag.

The edition is the commit checked out now, so the files must all be committed, and a
ledningssystem with errors is not approved. The check reads the commit's own tree (exported to
a temporary folder), not the working files: a file git ignores cannot make it pass.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from lsk.commands.textarg import one_line
from lsk.errors import EXIT_FINDINGS, EXIT_OK, LskError
from lsk.rootdir import display_path, find_root


def run(*, root_arg: Path | None, beslut: str, dnr: str | None, datum: dt.date,
        today: dt.date) -> int:
    from lsk.diagnostics import Severity
    from lsk.engine import check
    from lsk.gitrepo import open_repo
    from lsk.history import editions
    from lsk.loader.discover import discover

    if not beslut.strip():
        raise LskError("--beslut är tomt", 'Ange beslutet, t.ex. --beslut "SN 2024-04-25 § 79".')
    beslut = one_line(beslut, "--beslut")
    if datum > today:
        raise LskError(f"beslutsdatumet {datum.isoformat()} ligger i framtiden",
                       "Fastställ efter nämndens beslut, med beslutets datum (--datum).")
    dnr = one_line(dnr, "--dnr") if dnr and dnr.strip() else None
    root = find_root(root_arg)
    git = open_repo(root)
    commit = git.head()
    if commit is None:
        raise LskError("repot har ingen commit att fastställa",
                       "Checka in ledningssystemet först: git add . && git commit.")
    dirty = git.dirty()
    if dirty:
        shown = ", ".join(display_path(root, p) for p in dirty[:5])
        more = f" och {len(dirty) - 5} till" if len(dirty) > 5 else ""
        raise LskError(f"det finns ändringar som inte är incheckade: {shown}{more}",
                       "En fastställd utgåva är en commit: checka in ändringarna (git commit) "
                       "eller ta bort dem (git restore) och försök igen.")
    # Check exactly the tree being tagged: a file git ignores (or one the check would read
    # from outside the commit) must not make an edition pass that fails on a clean checkout.
    with tempfile.TemporaryDirectory(prefix="lsk-faststall-") as tmp:
        committed = git.export(commit, Path(tmp))
        errors = [d for d in check(committed, today, use_cache=False).diagnostics
                  if d.severity is Severity.ERROR]
        left_out = sorted(set(discover(root).files) - set(discover(committed).files))
    if left_out:
        shown = ", ".join(display_path(root, p) for p in left_out[:5])
        more = f" och {len(left_out) - 5} till" if len(left_out) > 5 else ""
        print(f"lsk: obs: {shown}{more} är inte incheckade (git ignorerar dem) och ingår inte i "
              "utgåvan; kontrollen gäller commiten.", file=sys.stderr)
    if errors:
        for d in errors[:20]:
            print(f"{display_path(root, d.path)}:{d.line}:{d.column}: {d.code} fel: {d.message}",
                  file=sys.stderr)
        print(f"lsk: ledningssystemet har {len(errors)} fel och kan inte fastställas; "
              "rätta dem först ('lsk check' visar alla).", file=sys.stderr)
        return EXIT_FINDINGS
    taken = {e.name for e in git.tags(editions.NAMESPACE)}
    name = editions.tag_name(datum, taken)
    try:
        git.tag(name, editions.format_message(beslut, dnr, datum, commit, git.prefix))
    except LskError as exc:
        raise LskError(exc.message, "Git behöver veta vem som taggar: git config user.name "
                       "\"Förnamn Efternamn\" och git config user.email namn@kommun.se.") from exc
    print(f"Fastställd utgåva {name}: {beslut}" + (f", dnr {dnr}" if dnr else "")
          + f" (commit {commit[:10]}).")
    print(f"Skicka taggen till servern så att alla ser den: git push origin {name}")
    return EXIT_OK
