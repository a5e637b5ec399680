"""``lsk render``: the handbook as Markdown, a static HTML site or a PDF."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from lsk.errors import EXIT_FINDINGS, EXIT_OK
from lsk.rootdir import existing_root


def run(*, root_arg: Path | None, fmt: str, out: Path | None, force: bool, check_links: bool,
        today: dt.date, archive: bool = False) -> int:
    from lsk.analysis.corpus import Corpus
    from lsk.commands.outfile import refuse_personal_data, require_config, warn_left_out
    from lsk.render import outdir
    from lsk.render.handbook import build
    from lsk.render.version import detect

    root = existing_root(root_arg)
    corpus = Corpus.load(root, today)
    refuse_personal_data(corpus.diagnostics, "Handboken")
    require_config(corpus, "Handboken")
    if corpus.errors:
        print(f"lsk: varning: ledningssystemet har {corpus.errors} fel; handboken kan bli "
              "ofullständig (kör 'lsk check').", file=sys.stderr)
    warn_left_out(corpus, "handboken")
    from lsk.commands.mallar import print_notes

    print_notes(root)
    handbook = build(corpus, detect(root, corpus, today))
    target = out if out is not None else outdir.default_target(root, fmt)

    if fmt == "pdf":
        from lsk.render.pdf import write_pdf

        outdir.check_file(target, root, force=force)
        return _report_links(write_pdf(handbook, root, target, check_links=check_links,
                                       archive=archive),
                             check_links)

    outdir.check_folder(target, root, force=force)
    if fmt == "md":
        from lsk.render.markdown_out import build_markdown

        count = outdir.publish(target, lambda dest: build_markdown(handbook, root, dest))
        print(f"lsk: skrev handboken som Markdown till {target}/ ({count} filer)")
        if not check_links:
            return EXIT_OK
        from lsk.render.linkcheck import check_markdown

        return _report_links(check_markdown(target), check_links)
    from lsk.render.site import build_site

    count = outdir.publish(target, lambda dest: build_site(handbook, root, dest))
    print(f"lsk: skrev webbplatsen till {target}/ ({count} sidor); öppna {target / 'index.html'}")
    if not check_links:
        return EXIT_OK
    from lsk.render.linkcheck import check_site

    return _report_links(check_site(target), check_links)


def _report_links(problems: list[str], checked: bool) -> int:
    for problem in problems:
        print(f"lsk: trasig länk: {problem}", file=sys.stderr)
    if problems:
        return EXIT_FINDINGS
    if checked:
        print("lsk: alla länkar fungerar")
    return EXIT_OK
