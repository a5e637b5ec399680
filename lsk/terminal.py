"""Text from YAML or git on its way to a terminal: nothing in it may steer the terminal."""

from __future__ import annotations

import re

# C0/C1 controls except tab and line feed, and the bidirectional overrides and isolates that
# can make a line read differently from what it says (U+202A-U+202E, U+2066-U+2069).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Control characters made visible as ``\\xNN`` / ``\\uNNNN`` (an ESC sequence could clear
    or recolour the terminal)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters no published text may carry: C0 except tab and line feed, DEL and C1.
YAML allows them only as escapes in double-quoted text (``"\\e"``), so this is rare."""


def without_controls(text: str) -> str:
    """``text`` with every control character removed (a carriage return too: a line ends with
    a line feed in everything lsk writes)."""
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text
