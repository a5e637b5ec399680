"""``lsk granska ID``: record that a routine, process or styrdokument was reviewed and still holds.

Sets ``granskad`` to the review date and moves ``nasta_revision`` forward by the same interval
as before (or one year), touching no other line of the file. A styrdokument is an entry of
``styrdokument.yaml``: the two keys are set in that entry, in the model's key order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lsk.errors import LskError
from lsk.model.base import Dokumenthuvud, Modell
from lsk.rootdir import display_path, find_root


@dataclass(frozen=True)
class Reviewed:
    """The document to mark reviewed: its file, where in the file (``()``: the whole file), and
    its model."""

    relpath: str
    path: tuple[str | int, ...]
    model: Dokumenthuvud


def _after(cls: type[Modell], key: str) -> tuple[str, ...]:
    """The keys that come after ``key`` in the model's order: a new key goes above the first."""
    order = cls.key_order()
    return order[order.index(key) + 1:] if key in order else ()


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
    from lsk.writers.edit import set_in

    root = find_root(root_arg)
    corpus = Corpus.load(root, when)
    found: list[Reviewed] = [Reviewed(d.relpath, (), d.model) for d in corpus.governing
                             if d.model.id == item]
    found += [Reviewed(relpath, ("styrdokument", i), s) for relpath, i, s in corpus.styrdokument
              if s.id == item]
    if not found:
        ids = [d.model.id for d in corpus.governing] + [s.id for _, _, s in corpus.styrdokument]
        guess = closest(item, ids)
        raise LskError(f"ingen giltig rutin, process eller styrdokument med id '{item}'",
                       f"Menade du '{guess}'?" if guess else "Kör 'lsk check' och ange ett id.")
    if len(found) > 1:
        raise LskError(f"id '{item}' finns på flera ställen", "Rätta dubbletten först (lsk check).")
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
        text = set_in(text, doc.path, "granskad", when.isoformat(), _after(type(doc.model),
                                                                             "granskad"))
        text = set_in(text, doc.path, "nasta_revision", due.isoformat(),
                      _after(type(doc.model), "nasta_revision"))
    except ValueError as exc:
        raise LskError(f"{display_path(root, doc.relpath)}: {exc}", "Rätta filen först.") from exc
    write_atomic(path, text, newline="")
    print(f"{display_path(root, doc.relpath)}: {item} granskad {when.isoformat()}, "
          f"nästa revision {due.isoformat()}")
    return 0
