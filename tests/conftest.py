from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lsk.cli import main
from tests import minimal

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "ledningssystem"
TODAY = "2026-11-25"
NEW_SOL = "SFS-2025:400/"
"""Provisions of the new socialtjänstlag, which the example does not cite yet."""


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def lsk(capsys, monkeypatch):
    """Run the real CLI entry point in-process and capture its output and exit code."""

    def run(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        argv = [str(a) for a in args]
        if argv[:1] == ["check"] and "--datum" not in argv:
            argv += ["--datum", TODAY]  # revision dates must not expire under the tests
        monkeypatch.setattr(sys, "argv", ["lsk", *argv])
        code = main()
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def repo(tmp_path):
    """A writer for a minimal valid repository with some files replaced."""

    def make(overrides: dict[str, str | bytes | None] | None = None) -> Path:
        return minimal.write(tmp_path / "ls", overrides)

    return make


def check_json(lsk, root: Path) -> list[dict]:
    result = lsk("check", root, "--format", "json", "--no-cache")
    return result.json["diagnostics"]

