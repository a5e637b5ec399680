"""``lsk kalender``: the årscykel, revision dates and open åtgärder as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from lsk.commands.outfile import emit
from lsk.errors import EXIT_OK
from lsk.rootdir import existing_root


def run(*, root_arg: Path | None, year: int | None, expand: bool, out: Path | None,
        today: dt.date) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.commands.outfile import refuse_personal_data, warn_left_out
    from lsk.extras import require
    from lsk.reports.kalender import calendar, ics

    require("icalendar", "lsk kalender")
    root = existing_root(root_arg)
    corpus = Corpus.load(root, today)
    refuse_personal_data(corpus.diagnostics, "Kalendern")
    warn_left_out(corpus, "kalendern")
    cal = calendar(corpus, year or today.year, expand)
    # DTSTAMP is the day the file was made: the same file on the same day, byte for byte
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    emit(ics(cal, stamp).decode("utf-8"), out, root=root)
    if out is not None:
        print(f"lsk: skrev {len(cal.events)} händelser till {out}", file=sys.stderr)
    if cal.left_out:
        print(f"lsk: {cal.left_out} löpande händelser i årscykeln har ingen tidpunkt och står "
              "inte i kalendern.", file=sys.stderr)
    return EXIT_OK
