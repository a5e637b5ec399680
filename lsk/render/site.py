"""The static HTML site: a page per part of the handbook, per process and per routine.

Pages link to each other with relative URLs and load nothing from outside, so the folder can be
put on any intranet web server or opened straight from disk.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from lsk.render import environment
from lsk.render.direktiv import render_chapters
from lsk.render.handbook import Handbook, copy_linked_files
from lsk.render.matrix import responsibility
from lsk.render.outdir import write_file
from lsk.render.search import index_script
from lsk.render.urls import Urls

MENU = (("index", "Start"), ("organisation", "Organisation"), ("roller", "Roller och ansvar"),
        ("processer", "Processer"), ("rutiner", "Rutiner"), ("styrdokument", "Styrdokument"),
        ("arscykel", "Årscykel"),
        ("krav", "Krav"), ("sok", "Sök"))
STATIC = ("stil.css", "egen.css", "sok.js")
PAGE_TEMPLATES = {"index": "start.html", **{name: f"{name}.html" for name, _ in MENU[1:]}}


def build_site(hb: Handbook, root: Path, dest: Path) -> int:
    """Write the site into the empty folder ``dest``; returns the number of pages."""
    env = environment.html_environment(root)
    base = os.fspath(dest)
    for folder in ("processer", "rutiner", "resurser", "kapitel"):
        os.makedirs(os.path.join(base, folder), exist_ok=True)
    depth1 = Urls("html").at(1)
    chapters = render_chapters(hb, env, depth1)
    common: dict[str, Any] = {"hb": hb, "menu": MENU, "version": hb.version, "chapters": chapters}
    extra: dict[str, dict[str, Any]] = {"roller": {"matrix": responsibility(hb)}}
    pages = 0
    for name, template in PAGE_TEMPLATES.items():
        page = env.get_template(template)
        write_file(os.path.join(base, f"{name}.html"),
               page.render(common, url=Urls("html"), current=name, **extra.get(name, {})))
        pages += 1
    chapter_page = env.get_template("kapitel.html")
    for c in chapters:
        write_file(os.path.join(base, "kapitel", f"{c.namn}.html"),
                   chapter_page.render(common, url=depth1, current="kapitel", chapter=c))
    process_page = env.get_template("process.html")
    for p in hb.processes:
        write_file(os.path.join(base, "processer", f"{p.id}.html"),
               process_page.render(common, url=depth1, current="processer", process=p))
    routine_page = env.get_template("rutin.html")
    for r in hb.routines:
        write_file(os.path.join(base, "rutiner", f"{r.id}.html"),
               routine_page.render(common, url=depth1, current="rutiner", routine=r))
    for name in STATIC:
        write_file(os.path.join(base, "resurser", name), environment.static_file(root, name))
    write_file(os.path.join(base, "resurser", "sokindex.js"), index_script(hb))
    copy_linked_files(hb, root, dest)
    return pages + len(chapters) + len(hb.processes) + len(hb.routines)
