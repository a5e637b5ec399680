"""The handbook as Markdown: ``index.md``, one file per written chapter, process and routine.

Links are relative (``processer/KP01.md``, ``../rutiner/R001.md``, ``../index.md#roll-…``), so
the folder reads well on GitLab, GitHub or in mkdocs; anchors are explicit ``<a id>`` tags,
because every Markdown renderer makes heading ids its own way.
"""

from __future__ import annotations

import os
from pathlib import Path

from lsk.render import environment
from lsk.render.direktiv import render_chapters
from lsk.render.handbook import Handbook, copy_linked_files
from lsk.render.matrix import responsibility
from lsk.render.outdir import write_file
from lsk.render.svgorg import organisationsschema
from lsk.render.urls import Urls


def build_markdown(hb: Handbook, root: Path, dest: Path) -> int:
    """Write the Markdown files into the empty folder ``dest``; returns the number of files."""
    env = environment.markdown_environment(root)
    base = os.fspath(dest)
    for folder in ("processer", "rutiner", "kapitel"):
        os.makedirs(os.path.join(base, folder), exist_ok=True)
    depth1 = Urls("md").at(1)
    chapters = render_chapters(hb, env, depth1)
    common = {"hb": hb, "version": hb.version, "chapters": chapters}
    write_file(os.path.join(base, "index.md"), env.get_template("handbok.md").render(
        common, url=Urls("md"), matrix=responsibility(hb)))
    files = 1
    if hb.organisation and hb.organisation.underordnade(None):
        write_file(os.path.join(base, "organisationsschema.svg"), organisationsschema(
            environment.html_environment(root), hb.organisation, Urls("md")))
        files += 1
    chapter_page = env.get_template("kapitel.md")
    for c in chapters:
        write_file(os.path.join(base, "kapitel", f"{c.namn}.md"),
                   chapter_page.render(common, url=depth1, chapter=c))
    process_page = env.get_template("process.md")
    for p in hb.processes:
        write_file(os.path.join(base, "processer", f"{p.id}.md"),
               process_page.render(common, url=depth1, process=p))
    routine_page = env.get_template("rutin.md")
    for r in hb.routines:
        write_file(os.path.join(base, "rutiner", f"{r.id}.md"),
               routine_page.render(common, url=depth1, routine=r))
    copy_linked_files(hb, root, dest)
    return files + len(chapters) + len(hb.processes) + len(hb.routines)
