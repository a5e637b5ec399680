"""Free text from YAML into HTML and Markdown: rendered with markdown-it-py, safe by construction.

The HTML policy (tags, attributes, link schemes) is checked three ways: the parser's rule set is
pinned, a property test parses the output of random Markdown and finds nothing outside the policy,
and nh3 (ammonia, a dev dependency only) given the same policy must find nothing to remove.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsk.loader.repository import load_repository
from lsk.render import textformat as tf
from tests.conftest import EXAMPLE


def _free_texts() -> list[str]:
    repo = load_repository(EXAMPLE, use_cache=False)
    texts = []
    for r in repo.models("rutin"):
        texts += [r.syfte, r.omfattning or ""] + [s.text for s in r.steg]
    for p in repo.models("process"):
        texts += [p.syfte] + [a.beskrivning or "" for a in p.aktiviteter]
    return [t for t in texts if t]


def test_the_fast_path_gives_what_the_full_path_gives():
    texts = _free_texts() + ["Enkel text.", "Hälso- och sjukvård 2025: 3 kap. 1 §", "1 mars",
                             'Citat: "så här" och \'så\'']
    plain = [t for t in texts if tf._plain(t)]
    assert len(plain) > 100  # most prose takes the fast path
    md = tf._parser()
    for text in plain:
        assert tf.markdown_block(text) == tf._render(md, md.parse(text)).strip(), text
        assert tf.markdown_inline(text) == tf._render(md, md.parseInline(" ".join(text.split())))


@pytest.mark.parametrize("text", [
    "- en\n- två", "1. först", "a **b**", "`kod`", "[l](https://x.se)", "a < b & c", "# rubrik",
    "> citat", "text  \nrad",
])
def test_text_with_markup_characters_takes_the_full_path(text):
    assert not tf._plain(text)


def test_scripts_and_event_handlers_are_text():
    html = tf.markdown_block('<script>alert(1)</script> <img src=x onerror="alert(1)"> **ok**')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<strong>ok</strong>" in html
    assert "<a" not in tf.markdown_inline("[x](javascript:alert(1))")
    assert "<a" not in tf.markdown_inline("[x](JaVaScRiPt:alert(1))")
    assert "<img" not in tf.markdown_block("![bild](https://example.org/spårning.png)")
    assert "<h1" not in tf.markdown_block("# Rubrik i ett fält")
    assert "style=" not in tf.markdown_block("| a |\n| --: |\n| 1 |")  # CSP: no inline styles


def test_the_parsers_run_only_the_rules_the_policy_was_checked_for():
    """Enabling a rule (raw HTML, images, linkify, a plugin) changes which tags can appear: the
    policy tests below and ALLOWED_TAGS must then be reviewed, so this test fails first."""
    field = tf._parser()
    assert field.options["html"] is False
    assert field.get_active_rules() == {
        "core": ["normalize", "block", "inline", "text_join"],
        "block": ["table", "code", "fence", "blockquote", "hr", "list", "reference", "paragraph"],
        "inline": ["text", "newline", "escape", "backticks", "strikethrough", "emphasis",
                   "link", "autolink", "entity"],
        "inline2": ["balance_pairs", "strikethrough", "emphasis", "fragments_join"],
    }
    chapter = tf._chapter_parser()
    assert chapter.options["html"] is False
    assert chapter.get_active_rules()["block"] == [
        "table", "code", "fence", "blockquote", "hr", "list", "reference", "heading", "lheading",
        "paragraph"]


class _Structure(HTMLParser):
    """The tags, attributes and text of a piece of HTML, entities decoded."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, *sorted(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("text", " ".join(data.split())))


def _outside_policy(html: str, tags: frozenset[str], attributes: dict) -> list[tuple[str, ...]]:
    bad = []
    for event in _Structure(html).events:
        if event[0] != "start":
            continue
        tag, attrs = event[1], [a.split("=", 1) for a in event[2:]]
        if tag not in tags:
            bad.append(event)
        for name, value in attrs:
            if name not in attributes.get(tag, ()) or (name == "href" and not tf.safe_link(value)):
                bad.append(event)
    return bad


_PIECES = ["<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>",
           "javascript:", "JaVaScRiPt&colon;", "&#58;", "data:text/html,x", "vbscript:", "java\tscript:",
           "[l](", "](", ")", "<", ">", "[r]: ", "[r]", "![b](x.png)", "http://x.se", "https://x.se/a?b=c",
           "mailto:a@b.se", "/sida", "#ankare", "**", "*", "_", "`", "```js\n", "~~", "> ", "- ", "1. ",
           "3) ", "# ", "=== ", "---", "| a | b |\n| :- | -: |\n", "|", "\n", "\n\n", "  \n", " ",
           "&amp;", "&lt;", "\"", "'", "style=\"color:red\"", "title", "åäö", "§ 3 kap."]
_markdown = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_markdown)
def test_no_output_carries_a_tag_attribute_or_link_outside_the_policy(text):
    for html in (tf.markdown_block(text), tf.markdown_inline(text)):
        assert _outside_policy(html, tf.ALLOWED_TAGS, tf.ALLOWED_ATTRIBUTES) == [], (text, html)
        assert _Structure(nh3.clean(html, tags=set(tf.ALLOWED_TAGS), attributes={
            k: set(v) for k, v in tf.ALLOWED_ATTRIBUTES.items()}, url_schemes=set(tf.URL_SCHEMES),
            link_rel=None)).events == _Structure(html).events, (text, html)
    chapter = tf.chapter_html(text, link=lambda target: target, anchor=lambda title: "rubrik")
    assert _outside_policy(chapter, tf.CHAPTER_TAGS, tf.CHAPTER_ATTRIBUTES) == [], (text, chapter)


def test_a_chapter_link_rewritten_to_an_unsafe_target_loses_its_target():
    html = tf.chapter_html("[a](sida.md)", link=lambda target: "javascript:alert(1)",
                           anchor=lambda title: "r")
    assert html == '<p><a rel="noopener noreferrer">a</a></p>'


def test_lists_links_and_emphasis_survive():
    html = tf.markdown_block("Så här:\n\n- *ett*\n- [två](https://example.org/)")
    assert html == ('<p>Så här:</p>\n<ul>\n<li><em>ett</em></li>\n<li><a href="https://example.org/" '
                    'rel="noopener noreferrer">två</a></li>\n</ul>')


def test_markdown_output_escapes_values_and_neutralises_html_in_free_text():
    assert tf.md_escape("a_b *c* [d] <e> | f") == "a\\_b \\*c\\* \\[d\\] &lt;e&gt; \\| f"
    assert tf.md_escape("- inte en lista") == "\\- inte en lista"
    assert tf.md_escape("1. inte en lista") == "1\\. inte en lista"
    assert tf.md_escape("") == ""
    assert tf.md_source("**fet** <script>x</script>") == "**fet** &lt;script>x&lt;/script>"
    assert tf.md_source("[a](javascript:x)") == "[a]\\(javascript:x)"
    assert tf.md_source("[a](java\tscript:x)") == "[a]\\(java\tscript:x)"
    assert tf.md_source("[a]: javascript:x") == "\\[a]: javascript:x"
    assert tf.md_source("[a](https://x.se)") == "[a](https://x.se)"
    assert tf.md_source_inline("a |\nb") == "a \\| b"


@pytest.mark.parametrize("text", ["[e](JaVaScRiPt&colon;alert(1))", "[e](javascript&#58;alert(1))",
                                  "> [r]: javascript:alert(1)\n\n[klick][r]",
                                  "- [r]: javascript:x\n\n[klick][r]"])
def test_markdown_output_neutralises_encoded_and_nested_javascript_links(text):
    import markdown

    rendered = markdown.markdown(str(tf.md_source(text)))
    assert 'href="javascript' not in rendered.lower()


def test_a_missing_optional_field_renders_as_nothing_through_every_filter():
    from lsk.render import textformat

    for render in (textformat.markdown_block, textformat.markdown_inline, textformat.md_source,
                   textformat.md_source_inline):
        assert str(render(None)) == "", render.__name__
