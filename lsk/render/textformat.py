"""Text from YAML into HTML or Markdown, safely.

Free-text fields (syfte, beskrivning, steg...) are Markdown, rendered by markdown-it-py in a
configuration that is safe by construction: raw HTML is off (a ``<script>`` or an ``onerror=`` in a
field is text, escaped like all text), images are off, links may only go to http, https, mailto
or a relative address, and every tag's attributes are cut to a short allowlist before rendering
(no ``style``, no ``class``). The rules the parser runs are the tag policy: a test pins them, and
property tests check that no output carries a tag, attribute or link scheme outside the policy.
Most fields are plain prose; those take a fast path that only escapes, which gives the same HTML
(a test compares both) at a fraction of the cost.

(Until 0.1 the output went through nh3 as well. Its 2.4 MB took the pre-commit environment for
``lsk check`` over its 40 MB budget, and with raw HTML off it removed nothing markdown-it's output
could contain; the tests keep nh3 as an oracle that must find nothing to remove.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markupsafe import Markup

from lsk.terminal import without_controls

# Every tag the parsers below can produce (a test checks the output against this set).
ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote",
                          "br", "s", "table", "thead", "tbody", "tr", "th", "td", "hr"})
# No style attributes: the site's Content-Security-Policy allows only its own style sheet.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "rel"}), "ol": frozenset({"start"})}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_LINK_REL = "noopener noreferrer"

# A written chapter has its own headings (level 2 and below: level 1 is the chapter's title),
# with the ids lsk gives them; everything else is as in a field.
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
CHAPTER_TAGS = ALLOWED_TAGS | set(_HEADINGS)
CHAPTER_ATTRIBUTES = {**ALLOWED_ATTRIBUTES, **{h: frozenset({"id"}) for h in _HEADINGS}}

# Characters that can make Markdown out of prose; without them the text is a plain paragraph.
_MARKUP_CHARS = re.compile(r"[\\`*_\[\]<>&!|~\n\r]|^\s*(?:[-+=#>]|\d+[.)](?:\s|$))|\s{2,}$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def safe_link(url: str) -> bool:
    """A link target lsk publishes: http, https, mailto, or relative (no scheme). The URL is
    markdown-it's normalised form: entities decoded, control characters and spaces
    percent-encoded, so ``java\tscript:`` has no scheme left and stays a relative address."""
    scheme = _SCHEME.match(url.strip())
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def _markdown(*, headings: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": False, "xhtmlOut": False})
    md.enable(["table", "strikethrough"])
    # Raw HTML is off twice over: the option, and the two rules that would read it.
    md.disable(["html_block", "html_inline", "image"] + ([] if headings else ["heading", "lheading"]))
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Headings in a field would break the page's heading outline; images would load from outside.
    return _markdown(headings=False)


@lru_cache(maxsize=1)
def _chapter_parser() -> MarkdownIt:
    return _markdown(headings=True)


def _restrict(tokens: Iterable[Token], attributes: dict[str, frozenset[str]]) -> None:
    """Cut every token's attributes to the allowlist, give links ``rel`` and check their target
    once more (a chapter's links are rewritten after parsing); a fence's language is dropped
    (it would become a ``class``)."""
    for token in tokens:
        allowed = attributes.get(token.tag, frozenset())
        token.attrs = {k: v for k, v in token.attrs.items() if k in allowed}
        if token.type == "link_open":
            if not safe_link(str(token.attrs.get("href", ""))):
                token.attrs.pop("href", None)
            token.attrSet("rel", _LINK_REL)
        elif token.type == "fence":
            token.info = ""
        if token.children:
            _restrict(token.children, attributes)


def _render(md: MarkdownIt, tokens: list[Token], chapter: bool = False) -> str:
    _restrict(tokens, CHAPTER_ATTRIBUTES if chapter else ALLOWED_ATTRIBUTES)
    return md.renderer.render(tokens, md.options, {})


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
        return Markup(f"<p>{escapeHtml(text)}</p>")
    return Markup(_render(_parser(), _parser().parse(text)).strip())


def markdown_inline(value: Any) -> Markup:
    """A free-text field inside a sentence, cell or list item: emphasis, code and links only."""
    text = " ".join(_text(value).split())
    if _plain(text):
        return Markup(escapeHtml(text))
    return Markup(_render(_parser(), _parser().parseInline(text)).strip())



def chapter_html(text: str, link: Callable[[str], str], anchor: Callable[[str], str]) -> Markup:
    """A written chapter's Markdown as sanitised HTML: as a field, and with headings.

    ``link`` gives each link's new target (a chapter, process or routine in this output);
    ``anchor`` gives a heading its id from its text. A level-1 heading becomes level 2: the
    chapter's title is the page's only level 1 (LSK025 warns about another one).
    """
    parser = _chapter_parser()
    tokens = parser.parse(text)
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = "h2" if token.tag == "h1" else token.tag
            if token.type == "heading_open":
                token.attrSet("id", anchor(tokens[i + 1].content))
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("href", link(str(child.attrGet("href") or "")))
    return Markup(_render(parser, tokens, chapter=True).strip())


_SOURCE_LINK = re.compile(r"(\]\(\s*)(?:<([^>\n]*)>|([^)\s]+))")
_SOURCE_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_SOURCE_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_SOURCE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def chapter_markdown(text: str, link: Callable[[str], str],
                     anchor: Callable[[str], str]) -> Markup:
    """A written chapter's Markdown for Markdown output: links rewritten by ``link``, an
    ``<a id>`` before each heading (every renderer makes heading ids its own way), a level-1
    heading made level 2, and raw HTML and unsafe links neutralised as in a field."""
    out: list[str] = []
    fence: str | None = None
    for line in without_controls(text).split("\n"):
        if fence is not None or _SOURCE_FENCE.match(line):
            opened = _SOURCE_FENCE.match(line)
            if fence is None and opened:
                fence = opened.group(1)[0] * 3
            elif fence is not None and line.lstrip(" ").startswith(fence):
                fence = None
            out.append(line)
            continue
        heading = _SOURCE_HEADING.match(line)
        if heading:
            level = max(len(heading.group(1)), 2)
            out.append(f"\x01{anchor(heading.group(2))}\x01\n")  # a tag after md_source
            line = "#" * level + " " + heading.group(2)

        def replace(m: re.Match[str]) -> str:
            target = m.group(2) if m.group(2) is not None else m.group(3)
            return f"{m.group(1)}<{link(target)}>" if m.group(2) is not None else (
                m.group(1) + link(target))

        line = _SOURCE_REFERENCE.sub(replace, _SOURCE_LINK.sub(replace, line))
        out.append(line)
    kept = _sanitised_source("\n".join(out), headings=True)
    return Markup(re.sub(r"\x01([a-z0-9-]*)\x01", r'<a id="\1"></a>', kept))


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
    return Markup(_sanitised_source(_text(value), headings=False))


def _sanitised_source(text: str, *, headings: bool) -> str:
    """``md_source``'s rules on text without control characters; a written chapter keeps its
    headings (``headings=True``), and its ``\\x01`` anchor marks, which no reader leaves."""
    text = _IMAGE.sub(r"\1\\!", text.strip().replace("<", "&lt;"))
    if not headings:
        text = _no_underlines(_HEADING.sub(r"\1\\\2", text))

    def inline(match: re.Match[str]) -> str:
        return "]\\(" + match.group(0)[2:] if _unsafe(match.group(1)) else match.group(0)

    def reference(match: re.Match[str]) -> str:
        return match.group(1) + "\\" + match.group(0)[len(match.group(1)):] \
            if _unsafe(match.group(3)) else match.group(0)

    return _REFERENCE.sub(reference, _INLINE_LINK.sub(inline, text))


def md_source_inline(value: Any) -> Markup:
    """A free-text field as Markdown on one line (a list item or table cell)."""
    return Markup(md_source(" ".join(_text(value).split())).replace("|", "\\|"))


def md_finalize(value: Any) -> Any:
    """Jinja ``finalize`` for Markdown templates: every value is escaped unless already Markup."""
    if value is None:
        return ""
    return value if isinstance(value, Markup) else md_escape(value)
