"""What ``lsk serve`` adds to a page it serves: the findings for that page, and live reload.

Added when the page is served, never written into the built site, so ``lsk render`` output
stays as it is. Everything shown comes from diagnostics and is escaped.
"""

from __future__ import annotations

from html import escape

from lsk.diagnostics import Diagnostic

RELOAD_PATH = "/__lsk/generation"
SCRIPT_PATH = "/__lsk/forhandsgranskning.js"
STYLE_PATH = "/__lsk/forhandsgranskning.css"

STYLE = """\
#lsk-forhandsgranskning { font: 14px/1.4 system-ui, sans-serif; background: #fff4e5;
  border-bottom: 3px solid #b35c00; padding: .6em 1em; margin: 0; }
#lsk-forhandsgranskning ul { margin: .3em 0 0; padding-left: 1.2em; }
#lsk-forhandsgranskning code { font-size: 13px; }
"""

SCRIPT = """\
// lsk serve: laddar om sidan när en nyare version av handboken byggts.
(function () {
  var seen = document.documentElement.getAttribute("data-lsk-generation");
  function poll() {
    fetch("RELOAD_PATH", {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (t) { if (t !== seen) { location.reload(); } else { setTimeout(poll, 150); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
""".replace("RELOAD_PATH", RELOAD_PATH)
"""Served as files: the site's Content-Security-Policy allows no inline script or style."""


def page_for(relpath: str) -> str:
    """The site page a document shows on ('processer/KP01.html'); the start page otherwise."""
    folder, _, name = relpath.partition("/")
    if folder in ("processer", "rutiner") and name.endswith(".yaml"):
        return f"{folder}/{name.rsplit('/', 1)[-1].split('-', 1)[0].removesuffix('.yaml')}.html"
    if folder == "kapitel" and name.endswith(".md") and "/" not in name:
        return f"kapitel/{name.removesuffix('.md')}.html"
    return {"organisation.yaml": "organisation.html", "roller.yaml": "roller.html",
            "arscykel.yaml": "arscykel.html"}.get(relpath, "index.html")


def banner(findings: list[Diagnostic], problem: str | None) -> str:
    """The box at the top of a page: a build problem, then the page's findings."""
    if not findings and not problem:
        return ""
    parts = ['<div id="lsk-forhandsgranskning" role="alert">']
    if problem:
        parts.append(f"<strong>Handboken kunde inte byggas om:</strong> {escape(problem)}")
    if findings:
        errors = sum(1 for d in findings if d.severity.value == "error")
        parts.append(f"<strong>lsk check: {errors} fel och {len(findings) - errors} andra fynd "
                     "i dokumenten på den här sidan</strong><ul>")
        parts += [f"<li><code>{escape(d.path)}:{d.line}:{d.column}</code> {escape(d.code)} "
                  f"{escape(d.severity.swedish)}: {escape(d.message)}"
                  + (f" <em>Tips: {escape(d.hint)}</em>" if d.hint else "") + "</li>"
                  for d in findings]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def decorate(html: str, findings: list[Diagnostic], problem: str | None, generation: int) -> str:
    """``html`` with the banner after ``<body>``, the preview's style and script in ``<head>``,
    the build's generation on ``<html>``, and ``connect-src 'self'`` added to the page's
    policy so the script may ask the server for the newest generation."""
    html = html.replace("default-src 'none';", "default-src 'none'; connect-src 'self';", 1)
    html = html.replace("<html", f'<html data-lsk-generation="{generation}"', 1)
    head = (f'<link rel="stylesheet" href="{STYLE_PATH}">'
            f'<script src="{SCRIPT_PATH}" defer></script>')
    html = html.replace("</head>", head + "</head>", 1) if "</head>" in html else head + html
    top = banner(findings, problem)
    if top:
        before, sep, rest = html.partition("<body")
        if sep:
            tag_end = rest.index(">") + 1
            html = before + sep + rest[:tag_end] + top + rest[tag_end:]
        else:
            html += top
    return html
