"""``lsk serve`` in a real browser: a saved change shows without touching the browser, and the
check's findings appear at the top of the page they concern."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import minimal
from tests.test_render_browser import browser  # noqa: F401 (the shared chromium fixture)

KP01 = "processer/KP01-mottagning.yaml"


@pytest.fixture
def served(tmp_path):
    pytest.importorskip("watchfiles")
    root = minimal.write(tmp_path / "ls")
    proc = subprocess.Popen([sys.executable, "-m", "lsk", "serve", str(root), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert " på http://127.0.0.1:" in first, first + proc.stderr.read()
        url = first.split(" på ", 1)[1].split(" ", 1)[0]
        yield root, url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_change_reloads_the_page_and_findings_show_on_it(browser, served):  # noqa: F811
    from playwright.sync_api import expect

    root, url = served
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url + "processer/KP01.html")
    assert page.locator("h1").inner_text().startswith("KP01")
    assert "Mottagning" in page.locator("h1").inner_text()
    assert page.locator("#lsk-forhandsgranskning").count() == 0

    started = time.monotonic()
    _save(root / KP01, "namn: Mottagning", "namn: Mottagning och ansökan")
    expect(page.locator("h1")).to_contain_text("Mottagning och ansökan", timeout=15_000)
    print(f"\nlsk serve: ändringen syntes efter {time.monotonic() - started:.2f} s")

    _save(root / KP01, "namn: Mottagning och ansökan", "namn: Mottagning och ansökan\nokand: 1")
    banner = page.locator("#lsk-forhandsgranskning")
    banner.wait_for(timeout=15_000)
    text = banner.inner_text()
    assert "LSK201" in text and f"{KP01}:" in text and "okand" in text
    assert page.locator("#lsk-forhandsgranskning").evaluate(
        "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"  # the style loaded
    start_page = browser.new_page()
    start_page.goto(url)
    assert "LSK201" in start_page.locator("#lsk-forhandsgranskning").inner_text()

    _save(root / KP01, "\nokand: 1", "")
    banner.wait_for(state="detached", timeout=15_000)
    assert not [e for e in errors if "Content Security Policy" in e], errors
