"""Text from YAML into HTML or Markdown, safely.

Free-text fields (syfte, beskrivning, steg...) are Markdown: markdown-it-py renders them with raw
HTML, images and headings switched off, and nh3 sanitises the result, so a ``<script>`` or an
``onerror=`` in a field is text, never markup. Most fields are plain prose; those take a fast path
that only escapes, which gives the same HTML (a test compares both) at a fraction of the cost.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from lsk.terminal import without_controls

_ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote", "br",
                 "del", "s", "table", "thead", "tbody", "tr", "th", "td", "hr"}
# No style attributes: the site's Content-Security-Policy allows only its own style sheet.
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}

# Characters that can make Markdown out of prose; without them the text is a plain paragraph.
_MARKUP_CHARS = re.compile(r"[\\`*_\[\]<>&!|~\n\r]|^\s*(?:[-+=#>]|\d+[.)](?:\s|$))|\s{2,}$")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": False}).enable(["table", "strikethrough"])
    # Headings in a field would break the page's heading outline; images would load from outside.
    return md.disable(["heading", "lheading", "image"])


def _clean(html: str) -> str:
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     url_schemes=_URL_SCHEMES, link_rel="noopener noreferrer")


def _plain(text: str) -> bool:
    return _MARKUP_CHARS.search(text) is None


def _text(value: Any) -> str:
    """A field's value as text; a missing optional field (None) is empty, never 'None'. The
    reader already drops control characters (LSK011); text from elsewhere (git) may have them."""
    return "" if value is None else without_controls(str(value))


def markdown_block(value: Any) -> Markup:
    """A free-text field as sanitised HTML paragraphs (lists, emphasis and links allowed)."""
    text = _text(value).strip()
    if not text:
        return Markup("")
    if _plain(text):
        return Markup(f"<p>{escape(text)}</p>")
    return Markup(_clean(_parser().render(text)).strip())


def markdown_inline(value: Any) -> Markup:
    """A free-text field inside a sentence, cell or list item: emphasis, code and links only."""
    text = " ".join(_text(value).split())
    if _plain(text):
        return Markup(escape(text))
    return Markup(_clean(_parser().renderInline(text)))


# --- Markdown output ------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_UNSAFE_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):", re.IGNORECASE)
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)>]*)")
# A reference definition, also inside block quotes and list items ('> [r]: url', '- [r]: url').
_REFERENCE = re.compile(r"^((?:\s*(?:>|[-*+]|\d+[.)]))*\s*)\[([^\]]*)\]:\s*<?(\S*)",
                        re.MULTILINE)


def _unsafe(url: str) -> bool:
    # Browsers drop tabs, newlines and control characters inside a URL: 'java\tscript:' runs;
    # Markdown renderers decode entities first: 'javascript&colon;' and '&#58;' run too.
    decoded = html.unescape(html.unescape(url))
    return bool(_UNSAFE_SCHEME.match(re.sub(r"[\x00-\x20]", "", decoded)))


def md_escape(value: Any) -> Markup:
    """A plain value (name, id, date) as literal Markdown text on one line."""
    text = re.sub(r"\s*[\r\n]+\s*", " ", without_controls(str(value)))  # one line; spacing around it is kept
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")
    if text[:1] in ("#", "+", "-", "="):  # would start a heading or a list
        text = "\\" + text
    text = re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)
    return Markup(text)


# The rules the site's parser applies (``_parser``: no images, no headings), as edits of the
# Markdown source: '![' becomes '\\![' (the site shows the '!' and a link, so does this), and a
# heading's '#' or a setext underline ('===' or '---' under a line of text) gets a backslash
# so that it stays text.
_IMAGE = re.compile(r"(?<!\\)((?:\\\\)*)!(?=\[)")
_CONTAINER = r"^((?:[ \t]*(?:>|[-*+]|\d+[.)])(?=[ \t]|$))*[ \t]*)"
_HEADING = re.compile(_CONTAINER + r"(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_UNDERLINE = re.compile(_CONTAINER + r"([=-])(?=[=-]*[ \t]*$)")


def _no_underlines(text: str) -> str:
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i - 1].strip():
            lines[i] = _UNDERLINE.sub(r"\1\\\2", lines[i])
    return "\n".join(lines)


def md_source(value: Any) -> Markup:
    """A free-text field kept as Markdown for Markdown output, sanitised as the site sanitises
    it: raw HTML, unsafe links, images and headings neutralised, since other renderers (mkdocs,
    GitLab) pass raw HTML through, follow any scheme and load remote images."""
    text = _text(value).strip().replace("<", "&lt;")
    text = _no_underlines(_HEADING.sub(r"\1\\\2", _IMAGE.sub(r"\1\\!", text)))

    def inline(match: re.Match[str]) -> str:
        return "]\\(" + match.group(0)[2:] if _unsafe(match.group(1)) else match.group(0)

    def reference(match: re.Match[str]) -> str:
        return match.group(1) + "\\" + match.group(0)[len(match.group(1)):] \
            if _unsafe(match.group(3)) else match.group(0)

    return Markup(_REFERENCE.sub(reference, _INLINE_LINK.sub(inline, text)))


def md_source_inline(value: Any) -> Markup:
    """A free-text field as Markdown on one line (a list item or table cell)."""
    return Markup(md_source(" ".join(_text(value).split())).replace("|", "\\|"))


def md_finalize(value: Any) -> Any:
    """Jinja ``finalize`` for Markdown templates: every value is escaped unless already Markup."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else md_escape(value)
