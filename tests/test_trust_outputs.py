"""Issue 13, part 13: what cannot be read is reported, and outputs are sanitised alike."""

from __future__ import annotations

import os

from tests.conftest import check_json


def test_an_unreadable_folder_is_reported_like_an_unreadable_file(lsk, repo, monkeypatch):
    root = repo()
    real_scandir = os.scandir

    def scandir(path):
        if os.fspath(path).endswith(os.sep + "rutiner"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    diags = check_json(lsk, root)
    found = [d for d in diags if d["code"] == "LSK008"]
    assert [(d["path"][len(str(root)) + 1:], d["line"], d["column"], d["severity"])
            for d in found] == [("rutiner", 1, 1, "error")], diags
    assert found[0]["message"] == ("mappen kan inte läsas: behörighet saknas; dokumenten i den "
                                   "läses inte")
    assert found[0]["hint"]
