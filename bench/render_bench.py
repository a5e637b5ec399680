"""Benchmark lsk render (HTML site) against mkdocs build on the Markdown lsk renders, in one run.

    make bench                          (bench/run.py, then this script)
    python bench/render_bench.py --runs 3

Both work on the large synthetic repository that ``bench/generate.py`` writes to
``bench/out/repo`` (made when missing, as in ``run.py``). Every measurement is a fresh process
and its wall time; lsk's figure is the median of ``--runs`` runs from a cold cache, mkdocs'
the median of ``--mkdocs-runs`` (default 1: it takes minutes). mkdocs gets a minimal
``mkdocs.yml`` (site name, docs_dir, site_dir) in a temporary folder, its default theme and
settings. Target: ``lsk render --format html`` takes at most half of ``mkdocs build``. The exit
code is 0 even when the target is missed, 1 when a command fails.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from run import LOGS, OUT, PYTHON, REPO, ROOT, CommandFailed, Run, measure, prepare_repo, tail

RENDER = OUT / "render"
RESULTS = OUT / "render-results.json"


def lsk_render(fmt: str, target: Path, log: str) -> Run:
    shutil.rmtree(REPO / ".lsk-cache", ignore_errors=True)  # cold: lsk reads every file
    shutil.rmtree(target, ignore_errors=True)
    run = measure([PYTHON, "-m", "lsk", "render", str(REPO), "--format", fmt, "--out",
                   str(target)], ROOT, log)
    if run.exit_code != 0 or not (target / ("index.html" if fmt == "html" else "index.md")).exists():
        raise CommandFailed(f"lsk render --format {fmt} exited {run.exit_code}:\n"
                            f"{tail(LOGS / f'{log}.err')}")
    return run


def mkdocs_build(docs: Path, log: str) -> Run:
    with tempfile.TemporaryDirectory(prefix="lsk-mkdocs-") as tmp:
        config = Path(tmp) / "mkdocs.yml"
        config.write_text(f"site_name: Handbok\ndocs_dir: {json.dumps(str(docs))}\n"
                          f"site_dir: {json.dumps(str(Path(tmp) / 'site'))}\n", encoding="utf-8")
        run = measure([PYTHON, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config)],
                      Path(tmp), log)
        pages = sum(1 for _ in (Path(tmp) / "site").rglob("index.html"))
    if run.exit_code != 0:
        raise CommandFailed(f"mkdocs build exited {run.exit_code}:\n{tail(LOGS / f'{log}.err')}")
    print(f"  mkdocs built {pages} pages")
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark lsk render against mkdocs build.")
    parser.add_argument("--runs", type=int, default=3, help="lsk render runs (median)")
    parser.add_argument("--mkdocs-runs", type=int, default=1, help="mkdocs build runs (median)")
    parser.add_argument("--regenerate", action="store_true", help="rebuild bench/out/repo")
    parser.add_argument("--routines", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=500)
    parser.add_argument("--roles", type=int, default=300)
    args = parser.parse_args(argv)
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        print("render_bench: mkdocs saknas (pip install -e '.[dev]')", file=sys.stderr)
        return 1
    try:
        prepare_repo(args)
        print(f"Rendering HTML with lsk ({args.runs} runs) ...")
        html = [lsk_render("html", RENDER / "html", f"render-html-{i + 1}")
                for i in range(args.runs)]
        print(f"  lsk render --format html: {[r.wall_s for r in html]}")
        md = lsk_render("md", RENDER / "md", "render-md")
        print(f"  lsk render --format md: {md.wall_s} s")
        print(f"Building the same Markdown with mkdocs ({args.mkdocs_runs} runs) ...")
        mk = [mkdocs_build(RENDER / "md", f"mkdocs-{i + 1}") for i in range(args.mkdocs_runs)]
    except CommandFailed as exc:
        print(f"\nrender_bench: {exc}", file=sys.stderr)
        return 1
    lsk_s = statistics.median(r.wall_s for r in html)
    mkdocs_s = statistics.median(r.wall_s for r in mk)
    ok = lsk_s <= mkdocs_s / 2
    print()
    print(f"{'scenario':<40}  {'wall (s)':>9}  {'peak RSS (MB)':>13}")
    print(f"{'lsk render --format html (median)':<40}  {lsk_s:>9.2f}  "
          f"{statistics.median(r.maxrss_mb for r in html):>13.1f}")
    print(f"{'lsk render --format md':<40}  {md.wall_s:>9.2f}  {md.maxrss_mb:>13.1f}")
    print(f"{'mkdocs build on that Markdown':<40}  {mkdocs_s:>9.2f}  "
          f"{statistics.median(r.maxrss_mb for r in mk):>13.1f}")
    print()
    print(f"target: lsk html <= mkdocs / 2: {lsk_s:.2f} s <= {mkdocs_s / 2:.2f} s "
          f"({lsk_s / mkdocs_s:.1%} of mkdocs)  {'PASS' if ok else 'FAIL'}")
    RESULTS.write_text(json.dumps({
        "lsk_render_html_s": [r.wall_s for r in html], "lsk_render_md_s": md.wall_s,
        "mkdocs_build_s": [r.wall_s for r in mk], "median_lsk_s": lsk_s,
        "median_mkdocs_s": mkdocs_s, "target": "lsk <= mkdocs / 2", "pass": ok,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"Results written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
