"""``lsk granska ID``: record that a routine or process was reviewed and still holds.

Sets ``granskad`` to the review date and moves ``nasta_revision`` forward by the same interval
as before (or one year), touching no other line of the file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lsk.errors import LskError
from lsk.rootdir import display_path, find_root


def _latest(model: object) -> dt.date | None:
    """The document's most recent upprättad, fastställd, reviderad or granskad date."""
    decided = getattr(model, "faststalld", None)
    dates = [getattr(model, "upprattad", None), decided.datum if decided else None,
             getattr(model, "reviderad", None), getattr(model, "granskad", None)]
    return max((d for d in dates if d is not None), default=None)


def _interval(model: object) -> dt.timedelta:
    """The review interval the document already has, else a year."""
    due = getattr(model, "nasta_revision", None)
    decided = getattr(model, "faststalld", None)
    last = (getattr(model, "granskad", None) or getattr(model, "reviderad", None)
            or (decided.datum if decided else None) or getattr(model, "upprattad", None))
    if due and last and due > last:
        return due - last
    return dt.timedelta(days=365)


def run(*, root_arg: Path | None, item: str, when: dt.date, next_due: dt.date | None) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.atomic import write_atomic
    from lsk.loader.validate import closest
    from lsk.writers.edit import set_top_level

    root = find_root(root_arg)
    governing = Corpus.load(root, when).governing
    found = [d for d in governing if d.model.id == item]
    if not found:
        ids = [d.model.id for d in governing]
        guess = closest(item, ids)
        raise LskError(f"ingen giltig rutin eller process med id '{item}'",
                       f"Menade du '{guess}'?" if guess else "Kör 'lsk check' och ange ett id.")
    if len(found) > 1:
        raise LskError(f"id '{item}' finns i flera filer", "Rätta dubbletten först (lsk check).")
    doc = found[0]
    if when > dt.date.today():
        raise LskError(f"granskningsdatumet {when.isoformat()} ligger i framtiden",
                       "Ange dagens datum eller det datum granskningen gjordes (--datum).")
    latest = _latest(doc.model)
    if latest is not None and when < latest:
        raise LskError(f"granskningsdatumet {when.isoformat()} ligger före dokumentets senaste "
                       f"datum ({latest.isoformat()})", "Ange det datum granskningen gjordes.")
    try:
        due = next_due or when + _interval(doc.model)
    except OverflowError as exc:
        raise LskError("datumet blir större än år 9999", "Ange --nasta.") from exc
    if due <= when:
        raise LskError("nästa revision måste ligga efter granskningsdatumet",
                       "Ange ett senare --nasta.")
    path = root / doc.relpath
    with open(path, encoding="utf-8", newline="") as fh:  # keep CRLF line endings as they are
        text = fh.read()
    try:
        text = set_top_level(text, "granskad", when.isoformat(), before="nasta_revision")
        text = set_top_level(text, "nasta_revision", due.isoformat())
    except ValueError as exc:
        raise LskError(f"{display_path(root, doc.relpath)}: {exc}", "Rätta filen först.") from exc
    write_atomic(path, text, newline="")
    print(f"{display_path(root, doc.relpath)}: {item} granskad {when.isoformat()}, "
          f"nästa revision {due.isoformat()}")
    return 0
