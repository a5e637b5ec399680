"""Free text from YAML into HTML and Markdown: rendered with markdown-it-py, sanitised with nh3."""

from __future__ import annotations

import pytest

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


def test_the_fast_path_gives_what_markdown_it_and_nh3_give():
    texts = _free_texts() + ["Enkel text.", "Hälso- och sjukvård 2025: 3 kap. 1 §", "1 mars"]
    plain = [t for t in texts if tf._plain(t)]
    assert len(plain) > 100  # most prose takes the fast path
    for text in plain:
        assert tf.markdown_block(text) == tf._clean(tf._parser().render(text)).strip(), text
        assert tf.markdown_inline(text) == tf._clean(tf._parser().renderInline(" ".join(text.split())))


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
