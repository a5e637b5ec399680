"""Check a rendered handbook: every internal link resolves to a file and, with a fragment, to an
element with that id; nothing is loaded from outside (scripts, styles, images, fonts)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                   ("source", "src"), ("video", "src"), ("audio", "src"), ("image", "href"),
                   ("use", "href"), ("object", "data"), ("embed", "src")}
_LINK_ATTRS = {("a", "href"), ("area", "href"), ("a", "xlink:href")}
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_CSS_URL = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_MD_ANCHOR = re.compile(r"<a id=\"([^\"]+)\"></a>")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif (tag, name) in _LINK_ATTRS:
                self.links.append(value)
            elif (tag, name) in _RESOURCE_ATTRS:
                self.resources.append(value)


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        cache[path] = page
    return cache[path]


def _resolve(site: Path, page: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_site(site: Path) -> list[str]:
    """Problems as 'page: message' lines; an empty list means every link works."""
    site = site.resolve()
    cache: dict[Path, _Page] = {}
    problems: list[str] = []
    for page_path in sorted(site.rglob("*.html")):
        rel = page_path.relative_to(site).as_posix()
        page = _parse(page_path, cache)
        for url in page.resources:
            if _EXTERNAL.match(url) and not url.startswith("data:"):
                problems.append(f"{rel}: extern resurs {url}")
            elif not url.startswith("data:") and not _resolve(site, page_path, url)[0].is_file():
                problems.append(f"{rel}: resursen {url} finns inte")
        for url in page.links:
            if _EXTERNAL.match(url):
                continue  # a link to a web page outside the handbook is fine; it loads nothing
            target, fragment = _resolve(site, page_path, url)
            if site not in target.parents:
                problems.append(f"{rel}: länken {url} pekar utanför handboken")
            elif not target.is_file():
                problems.append(f"{rel}: länken {url} leder till en fil som inte finns")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target, cache).ids:
                problems.append(f"{rel}: länken {url} leder till ett ankare som inte finns")
    for css in sorted(site.rglob("*.css")):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8")):
            problems.append(f"{css.relative_to(site).as_posix()}: extern resurs {url}")
    return problems


def check_markdown(folder: Path) -> list[str]:
    """The same for the Markdown handbook: relative links and ``<a id>`` anchors."""
    folder = folder.resolve()
    anchors: dict[Path, set[str]] = {}
    problems: list[str] = []
    for md in sorted(folder.rglob("*.md")):
        for url in _MD_LINK.findall(md.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                continue
            target, fragment = _resolve(folder, md, url)
            rel = md.relative_to(folder).as_posix()
            if folder not in target.parents:
                problems.append(f"{rel}: länken {url} pekar utanför handboken")
            elif not target.is_file():
                problems.append(f"{rel}: länken {url} leder till en fil som inte finns")
            elif fragment:
                if target not in anchors:
                    anchors[target] = set(_MD_ANCHOR.findall(target.read_text(encoding="utf-8")))
                if fragment not in anchors[target]:
                    problems.append(f"{rel}: länken {url} leder till ett ankare som inte finns")
    return problems


def check_document(html: str, name: str) -> list[str]:
    """The same for a single HTML document (the PDF's source): every link is ``#id`` in it."""
    page = _Page()
    page.feed(html)
    problems = [f"{name}: extern resurs {url}" for url in page.resources
                if _EXTERNAL.match(url) and not url.startswith("data:")]
    for url in page.links:
        if _EXTERNAL.match(url):
            continue
        if not url.startswith("#"):
            problems.append(f"{name}: länken {url} leder ut ur dokumentet")
        elif unquote(url[1:]) not in page.ids:
            problems.append(f"{name}: länken {url} leder till ett ankare som inte finns")
    return problems
