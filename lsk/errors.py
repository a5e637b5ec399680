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


_ERRNO = {
    "ENOENT": "filen eller mappen finns inte",
    "EACCES": "behörighet saknas",
    "EPERM": "åtgärden är inte tillåten",
    "EISDIR": "är en mapp, inte en fil",
    "ENOTDIR": "en del av sökvägen är ingen mapp",
    "EEXIST": "finns redan",
    "ENOSPC": "disken är full",
    "EROFS": "filsystemet är skrivskyddat",
    "ENAMETOOLONG": "namnet är för långt",
    "ENOTEMPTY": "mappen är inte tom",
    "EBUSY": "används av ett annat program",
    "ELOOP": "för många symboliska länkar i sökvägen",
}


def os_error_text(error: OSError) -> str:
    """An operating-system error in Swedish (by errno), else the system's own text."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return _ERRNO.get(name) or error.strerror or str(error)
