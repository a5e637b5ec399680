"""The only module that imports gitpython."""

from __future__ import annotations

from pathlib import Path


def init(path: Path) -> bool:
    """``git init`` in ``path``; False when git is not available."""
    try:
        import git

        git.Repo.init(path)
    except (ImportError, OSError) as exc:  # gitpython raises ImportError when git is missing
        del exc
        return False
    return True
