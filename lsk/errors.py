"""The one exception type that reaches the user, and the exit codes (documented in README)."""

from __future__ import annotations

EXIT_OK = 0
"""No errors (warnings allowed unless ``--strict``)."""
EXIT_FINDINGS = 1
"""The check found errors (or warnings with ``--strict``)."""
EXIT_USAGE = 2
"""Wrong usage or an internal failure: the check could not be carried out."""


class LskError(Exception):
    """A failure the user can fix (bad option, unwritable output); printed without traceback."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
