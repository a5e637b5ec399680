"""Real temporary git repositories for the history tests (nothing about git is mocked)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests import minimal

IDENTITY = {
    "GIT_AUTHOR_NAME": "Anna Andersson", "GIT_AUTHOR_EMAIL": "anna@provby.se",
    "GIT_COMMITTER_NAME": "Anna Andersson", "GIT_COMMITTER_EMAIL": "anna@provby.se",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


class Git:
    """A work tree at ``top`` holding the minimal ledningssystem in ``top/<folder>``."""

    def __init__(self, top: Path, folder: str = "ledningssystem") -> None:
        self.top = top
        self.root = top / folder if folder else top

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=self.top, capture_output=True, text=True,
                              env={**os.environ, **IDENTITY, **(env or {})})
        assert done.returncode == 0, done.stderr
        return done.stdout

    def write(self, relpath: str, text: str) -> None:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relpath: str, old: str, new: str, count: int = 1) -> None:
        path = self.root / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def commit(self, message: str, date: str | None = None, author: str | None = None) -> str:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
        if author:
            env["GIT_AUTHOR_NAME"] = author
        self("add", "-A")
        self("commit", "-q", "-m", message, env=env)
        return self("rev-parse", "HEAD").strip()


def make(top: Path, folder: str = "ledningssystem") -> Git:
    """``git init`` with the minimal ledningssystem committed once."""
    git = Git(top, folder)
    minimal.write(git.root)
    (top / ".gitignore").write_text(".lsk-cache/\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git.commit("Första versionen", date="2024-03-01T10:00:00+01:00")
    return git
