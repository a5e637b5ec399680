"""``lsk serve``: the handbook on localhost, rebuilt when a file is saved, findings on the page.

The author edits YAML and Markdown and sees the page as ``lsk render`` would make it. Each
rebuild checks the repository and builds the site into a fresh folder that replaces the old one
only when complete; a page shows the findings for its documents at the top (the start page shows
all of them), and an open page reloads itself when a newer build is served. A build that fails
(personal data, a broken template) keeps the last good site and says why on every page.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from lsk.diagnostics import Diagnostic
from lsk.errors import EXIT_OK, LskError
from lsk.extras import require
from lsk.render.preview import (
    RELOAD_PATH,
    SCRIPT,
    SCRIPT_PATH,
    STYLE,
    STYLE_PATH,
    decorate,
    page_for,
)
from lsk.rootdir import existing_root

_IGNORED_DIRS = (".lsk-cache", ".git", "__pycache__")
_MISSING = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Sidan finns inte just nu</title></head>
<body><h1>Sidan finns inte i den senaste versionen</h1>
<p>Dokumentet bakom sidan kunde inte läsas; fynden ovan säger varför. Sidan kommer tillbaka när
felet är rättat. <a href="/">Till startsidan</a></p></body></html>
"""
"""A page the newest build lacks (its document fails validation): the findings say why."""


@dataclass
class Build:
    site: Path | None = None
    findings: dict[str, list[Diagnostic]] = field(default_factory=dict)
    problem: str | None = None
    generation: int = 0


class Preview:
    """The newest build of the handbook; rebuilt on demand, read by the server's threads."""

    def __init__(self, root: Path, today: dt.date, workdir: Path) -> None:
        self.root, self.today, self.workdir = root, today, workdir
        self._lock = threading.Lock()
        self._current = Build()

    @property
    def current(self) -> Build:
        with self._lock:
            return self._current

    def rebuild(self) -> Build:
        from lsk.engine import check

        old = self.current
        generation = old.generation + 1
        findings: dict[str, list[Diagnostic]] = defaultdict(list)
        site, problem = old.site, None
        try:
            for d in check(self.root, self.today).diagnostics:
                findings[page_for(d.path)].append(d)
                if page_for(d.path) != "index.html":
                    findings["index.html"].append(d)
            site = self._build_site(self.workdir / f"bygge-{generation}")
        except LskError as exc:
            problem = exc.message + (f" Tips: {exc.hint}" if exc.hint else "")
        except Exception as exc:  # keep serving the last good site; say what went wrong
            problem = f"internt fel ({type(exc).__name__}: {exc})"
        build = Build(site, dict(findings), problem, generation)
        with self._lock:
            self._current = build
        if old.site is not None and old.site != site:
            shutil.rmtree(old.site, ignore_errors=True)
        return build

    def _build_site(self, dest: Path) -> Path:
        from lsk.analysis.corpus import Corpus
        from lsk.commands.outfile import refuse_personal_data, require_config
        from lsk.render.handbook import build
        from lsk.render.site import build_site
        from lsk.render.version import detect

        corpus = Corpus.load(self.root, self.today)
        refuse_personal_data(corpus.diagnostics, "Förhandsgranskningen")
        require_config(corpus, "Förhandsgranskningen")
        dest.mkdir(parents=True)
        try:
            build_site(build(corpus, detect(self.root, corpus, self.today)), self.root, dest)
        except BaseException:
            shutil.rmtree(dest, ignore_errors=True)
            raise
        return dest


def _handler(preview: Preview) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self.build = preview.current
            site = self.build.site or preview.workdir
            super().__init__(*args, directory=str(site), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == RELOAD_PATH:
                self._send(str(self.build.generation).encode(), "text/plain; charset=utf-8")
                return
            if path in (SCRIPT_PATH, STYLE_PATH):
                kind = "text/javascript" if path == SCRIPT_PATH else "text/css"
                text = SCRIPT if path == SCRIPT_PATH else STYLE
                self._send(text.encode(), f"{kind}; charset=utf-8")
                return
            target = Path(self.translate_path(path))
            if target.is_dir():
                target = target / "index.html"
            relative = path.lstrip("/") or "index.html"
            if relative.endswith("/"):
                relative += "index.html"
            if target.suffix == ".html":
                html = target.read_text(encoding="utf-8") if target.is_file() else _MISSING
                page = decorate(html, self.build.findings.get(relative, []), self.build.problem,
                                self.build.generation)
                self._send(page.encode("utf-8"), "text/html; charset=utf-8")
                return
            super().do_GET()

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is for lsk
            return

    return Handler


def run(*, root_arg: Path | None, host: str, port: int, today: dt.date) -> int:
    watchfiles = require("watchfiles", "lsk serve")
    root = existing_root(root_arg)
    with tempfile.TemporaryDirectory(prefix="lsk-serve-") as work:
        preview = Preview(root, today, Path(work))
        first = preview.rebuild()
        try:
            server = ThreadingHTTPServer((host, port), _handler(preview))
        except OSError as exc:
            raise LskError(f"kan inte lyssna på {host}:{port}: {exc.strerror or exc}",
                           "Välj en annan port med --port, t.ex. --port 8001.") from exc
        server.daemon_threads = True
        url = f"http://{host}:{server.server_address[1]}/"
        print(f"lsk: förhandsgranskar {root} på {url} (Ctrl+C avslutar)", flush=True)
        if first.problem:
            print(f"lsk: varning: {first.problem}", file=sys.stderr, flush=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        stop = threading.Event()

        class Filter(watchfiles.DefaultFilter):  # type: ignore[name-defined]
            ignore_dirs = (*watchfiles.DefaultFilter.ignore_dirs, *_IGNORED_DIRS)

        try:
            for _changes in watchfiles.watch(root, watch_filter=Filter(), stop_event=stop,
                                             debounce=50, step=20, raise_interrupt=False):
                build = preview.rebuild()
                state = f"fel: {build.problem}" if build.problem else "klar"
                print(f"lsk: byggde om handboken ({state})", flush=True)
        finally:
            stop.set()
            server.shutdown()
            server.server_close()
    return EXIT_OK
