"""Egna mallar: what ``lsk render`` and ``lsk kvalitetsberattelse`` say about them."""

from __future__ import annotations

import sys
from pathlib import Path


def print_notes(root: Path) -> None:
    """Once per run, on stderr: template folders that are not read or are in the older place."""
    from lsk.render.environment import notes

    for note in notes(root):
        print(f"lsk: {note.level}: {note.message}", file=sys.stderr)
        if note.hint:
            print(f"    tips: {note.hint}", file=sys.stderr)
