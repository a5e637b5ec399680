"""``lsk fmt``: canonical key order and layout for every document, comments and values kept."""

from __future__ import annotations

import sys
from pathlib import Path

from lsk import limits
from lsk.errors import EXIT_FINDINGS, EXIT_OK, LskError
from lsk.rootdir import display_path, find_root


def formatted(relpath: str, text: str) -> str | None:
    """The formatted text, or None when the file must not be touched (it does not parse)."""
    from lsk.loader.yamlread import parse_yaml
    from lsk.model.kinds import kind_for
    from lsk.writers import roundtrip
    from lsk.writers.order import reorder

    kind = kind_for(relpath)
    if kind is None or not parse_yaml(text).ok or len(text.encode()) > limits.MAX_FILE_BYTES:
        return None
    try:
        data = roundtrip.load(text)
        reorder(kind.model, data)
        return roundtrip.dump(data)
    except Exception:  # noqa: BLE001 - ruamel rejects what libyaml accepts: leave the file alone
        return None


def run(root_arg: Path | None, check: bool) -> int:
    from lsk.commands.outfile import write_atomic
    from lsk.loader.discover import discover

    root = find_root(root_arg)
    if not root.is_dir():
        raise LskError(f"roten '{root}' finns inte", "Ange mappen som innehåller lsk.yaml.")
    changed, skipped = [], []
    for relpath in discover(root).files:
        path = root / relpath
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            skipped.append(relpath)
            continue
        new = formatted(relpath, text)
        if new is None:
            skipped.append(relpath)
        elif new != text:
            changed.append(relpath)
            if not check:
                write_atomic(path, new)
    for relpath in skipped:
        print(f"{display_path(root, relpath)}: rörs inte (kan inte tolkas; kör lsk check)",
              file=sys.stderr)
    verb = "skulle formateras" if check else "formaterad"
    for relpath in changed:
        print(f"{display_path(root, relpath)}: {verb}")
    print(f"{len(changed)} filer {verb}, {len(skipped)} hoppades över.")
    return EXIT_FINDINGS if check and changed else EXIT_OK
