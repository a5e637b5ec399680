"""Property-based tests: whatever bytes arrive, the loader returns diagnostics and never raises.

The normal suite tries a few hundred inputs per property. ``make fuzz`` runs the same properties
for a time budget instead (``FUZZ_SECONDS``, shared equally between them; CI gives 75 s): each
property runs batches of LSK_FUZZ_EXAMPLES fresh inputs until its share is spent, and the
number of inputs tried per property is printed at the end. An input that fails is kept as a
case in tests/regressions/ (see its README) before the fix.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import random
import re
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lsk.loader.files import process_file, read_text
from lsk.loader.yamlread import parse_yaml
from tests import minimal
from tests.conftest import EXAMPLE

EXAMPLES = int(os.environ.get("LSK_FUZZ_EXAMPLES", "150"))
SECONDS = float(os.environ.get("LSK_FUZZ_SECONDS") or 0)
"""The time budget of the whole module (``make fuzz``); 0 runs each property once."""
_SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TRIED: Counter[str] = Counter()
"""Inputs tried per property in this run (printed under a budget)."""
_WEIGHTS: list[int] = []
"""Each property's weight in the budget (its share is weight / sum of weights)."""


def counted(test: Callable[..., None]) -> Callable[..., None]:
    """Counts the inputs a property is tried with (below ``@given``)."""
    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        TRIED[test.__name__] += 1
        test(*args, **kwargs)

    return run


def fuzz(examples: int = EXAMPLES,
         weight: int = 1) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Hypothesis settings for a fuzz property (``examples`` inputs a batch) and, with
    LSK_FUZZ_SECONDS, its share of the budget (``weight`` shares): batches of fresh inputs
    until it is spent."""
    return functools.partial(_fuzz, settings(_SETTINGS, max_examples=examples), weight)


def _fuzz(chosen: settings, weight: int, test: Callable[..., None]) -> Callable[..., None]:
    test = chosen(test)
    _WEIGHTS.append(weight)
    if not SECONDS:
        return test

    @functools.wraps(test)
    def budgeted(*args: Any, **kwargs: Any) -> None:
        # Starting Python and collecting the tests take a few seconds of the budget too.
        share = (SECONDS - min(max(20, SECONDS * 0.25), SECONDS * 0.5)) * weight / sum(_WEIGHTS)
        started = time.monotonic()
        batch = 5
        while True:
            before, begun = TRIED[test.__name__], time.monotonic()
            # Hypothesis reads the settings when called: each batch is sized to what is left,
            # from the time an input took in the last batch, and draws a new random seed.
            test._hypothesis_internal_use_settings = settings(  # type: ignore[attr-defined]
                chosen, max_examples=batch)
            test(*args, **kwargs)
            each = (time.monotonic() - begun) / max(TRIED[test.__name__] - before, 1)
            left = share - (time.monotonic() - started)
            if left < each:
                break
            # grow at most twofold and fill half of what is left: inputs differ in cost
            # (a large seed document), so one long batch must not overrun the budget
            batch = max(1, min(chosen.max_examples, 2 * batch, int(left / each / 2)))
        name = test.__name__.removeprefix("test_")
        print(f"fuzz: {name}: {TRIED[test.__name__]} indata på "
              f"{time.monotonic() - started:.0f} s", file=sys.stderr)

    return budgeted


FUZZ = fuzz()
SEEDS = sorted(p for p in EXAMPLE.rglob("*.yaml"))
TOKENS = ["&a ", "*a", "!!python/object:os.system ", "[", "]", "{", "}", ": ", "- ", "\t",
          "\x00", "---\n", "? ", "'", '"', "#", "<<: *a\n", "\n  ", "\ufeff", "%YAML 1.1\n",
          "811218-9876", "é", "\x85", "|\n", ">-\n"]
MAX_SECONDS = 2.0
MAX_BYTES = 64 * 1024 * 1024


def _bounded(relpath: str, raw: bytes) -> None:
    """Run the whole per-file pipeline on ``raw`` within time and memory bounds."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        try:  # decode as read_text does; reading from disk is tested separately
            text: str | None = raw.decode("utf-8-sig")
            problems = []
        except UnicodeDecodeError:
            text, problems = None, []
        result = process_file(relpath, b"", raw, text, problems)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.relpath == relpath
    assert all(d.line >= 1 and d.column >= 1 and d.code.startswith("LSK")
               for d in result.diagnostics)
    if text is not None and result.model is None:
        assert result.diagnostics, "an invalid document must say why"
    assert elapsed < MAX_SECONDS, elapsed
    assert peak < MAX_BYTES, peak


@FUZZ
@given(st.text(max_size=2000))
@counted
def test_random_text_never_crashes_the_reader(text):
    parsed = parse_yaml(text)
    assert parsed.ok or parsed.problems
    assert all(p.line >= 1 and p.column >= 1 for p in parsed.problems)


@FUZZ
@given(st.binary(max_size=2000))
@counted
def test_random_bytes_never_crash_the_pipeline(raw):
    _bounded("rutiner/R999-fuzz.yaml", raw)


@FUZZ
@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                             st.sampled_from(TOKENS) | st.text(max_size=8)), max_size=8),
)
@counted
def test_mutated_example_documents_never_crash(seed, edits):
    text = seed.read_text(encoding="utf-8")
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    _bounded(seed.relative_to(EXAMPLE).as_posix(), text.encode("utf-8", "surrogatepass"))


def test_reader_handles_an_unreadable_path(tmp_path):
    raw, text, problems = read_text(str(tmp_path / "saknas.yaml"), "saknas.yaml")
    assert raw is None and text is None and problems[0].code == "LSK008"


def _top_level_blocks(text: str) -> tuple[str, list[str]]:
    """(header, blocks): each block is a top-level key with its value and the comment and blank
    lines above it (they belong to the key below, as fmt sees it); the header is what stands
    above the first key."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line[:1].isalpha()]
    cuts = []
    for start in starts:
        cut = start
        while cut > 0 and (lines[cut - 1].startswith("#") or not lines[cut - 1].strip()) \
                and cut - 1 not in cuts:
            cut -= 1
        cuts.append(cut)
    first = starts[0]
    while first > 0 and not lines[first - 1].strip():
        first -= 1  # blank lines above the first key go with it; comments are the file's header
    header = "".join(lines[:first])
    blocks = ["".join(lines[a:b]) for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)]
    return header, [blocks[0].removeprefix(header), *blocks[1:]]


@FUZZ
@given(seed=st.sampled_from(SEEDS), order=st.randoms(use_true_random=False))
@counted
def test_fmt_puts_a_shuffled_document_back_exactly_or_leaves_it(seed, order):
    from lsk.writers.fmt import Refusal, format_text

    original = seed.read_text(encoding="utf-8")
    header, blocks = _top_level_blocks(original)
    order.shuffle(blocks)
    # A comment block moved right under the file's header comment joins the header: that is
    # fmt's documented reading, so such orders cannot come back exactly.
    assume(not (header and blocks[0].lstrip("\n").startswith("#")))
    shuffled = header + "".join(blocks)
    result = format_text(seed.relative_to(EXAMPLE).as_posix(), shuffled)
    assert isinstance(result, Refusal) or result == original, seed.name


_ITEM = re.compile(r"( *)- [a-z_]+:")


def _shuffle_item_keys(text: str, order: random.Random) -> str:
    """Shuffle the keys after the first inside every block list item, each with the comment
    and blank lines above it (nested lists move with their key)."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _ITEM.match(lines[i])
        if match is None:
            out.append(lines[i])
            i += 1
            continue
        indent = " " * (len(match.group(1)) + 2)
        end = i + 1
        while end < len(lines) and (lines[end].startswith(indent) or not lines[end].strip()):
            end += 1
        while end > i + 1 and not lines[end - 1].strip():
            end -= 1  # blank lines after the item stay after it
        body = lines[i + 1:end]
        starts = [k for k, line in enumerate(body)
                  if line.startswith(indent) and line[len(indent):][:1].isalpha()]
        cuts: list[int] = []
        for start in starts:
            cut = start
            while cut > 0 and cut - 1 not in cuts and (
                    not body[cut - 1].strip() or body[cut - 1].startswith(indent + "#")):
                cut -= 1
            cuts.append(cut)
        blocks = ["".join(body[a:b]) for a, b in zip(cuts, [*cuts[1:], len(body)], strict=True)]
        order.shuffle(blocks)
        out += [lines[i], *body[:cuts[0] if cuts else len(body)], *blocks]
        i = end
    return "".join(out)


@FUZZ
@given(seed=st.sampled_from(SEEDS), order=st.randoms(use_true_random=False))
@counted
def test_fmt_puts_shuffled_list_items_back_exactly(seed, order):
    from lsk.writers.fmt import Refusal, format_text

    original = seed.read_text(encoding="utf-8")
    shuffled = _shuffle_item_keys(original, order)
    result = format_text(seed.relative_to(EXAMPLE).as_posix(), shuffled)
    assert isinstance(result, Refusal) or result == original, seed.name


# -- Positions: the line and column an editor shows (issue 13, part 6) -----------------------

LINE_ENDS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
"""Every line break YAML knows; lsk counts each as the reader does (CRLF is one)."""
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                            *range(0x80, 0x85), *range(0x86, 0xA0))] + ["\ufffe", "\uffff"]
"""Characters YAML does not allow anywhere in a file (tab, LF, CR and NEL are allowed)."""


def _place(seed, data, line_end: str, insert: str) -> tuple[str, int, int]:
    """The seed document with its lines joined by ``line_end`` and ``insert`` placed at a
    random character, and that character's line and column counted line by line (not with
    lsk's own line_col)."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    row = data.draw(st.integers(0, len(lines) - 1), label="row")
    col = data.draw(st.integers(0, len(lines[row])), label="column")
    lines[row] = lines[row][:col] + insert + lines[row][col:]
    return line_end.join(lines), row + 1, col + 1


@FUZZ
@given(seed=st.sampled_from(SEEDS), line_end=st.sampled_from(LINE_ENDS),
       char=st.sampled_from(CONTROL), data=st.data())
@counted
def test_a_control_character_is_reported_where_it_stands(seed, line_end, char, data):
    text, line, column = _place(seed, data, line_end, char)
    result = process_file(seed.relative_to(EXAMPLE).as_posix(), b"", None, text, [])
    found = [(d.line, d.column) for d in result.diagnostics
             if d.code == "LSK101" and f"U+{ord(char):04X}" in d.message]
    assert found == [(line, column)], result.diagnostics


@FUZZ
@given(seed=st.sampled_from(SEEDS), line_end=st.sampled_from(LINE_ENDS), data=st.data())
@counted
def test_a_byte_that_is_not_utf8_is_reported_where_it_stands(tmp_path_factory, seed, line_end,
                                                             data):
    marker = "\ue000"  # a character no seed has, replaced by the bad byte below
    text, line, column = _place(seed, data, line_end, marker)
    path = tmp_path_factory.mktemp("utf8") / "x.yaml"
    path.write_bytes(text.encode("utf-8").replace(marker.encode("utf-8"), b"\xff"))
    _, _, problems = read_text(str(path), "x.yaml")
    assert [(d.code, d.line, d.column) for d in problems] == [("LSK002", line, column)]


# -- Whole repositories: check, fmt and the kvalitetsberättelse on a mutated document ---------

REPO_FILES: dict[str, str] = {
    **minimal.FILES,
    "riskmatris.yaml": (EXAMPLE / "riskmatris.yaml").read_text(encoding="utf-8"),
    **{f"ar/2025/{p.name}": p.read_text(encoding="utf-8")
       for p in sorted((EXAMPLE / "ar" / "2025").glob("*.yaml"))},
}
_REPO: list[Path] = []


def _lsk(*args: str) -> int:
    """The CLI in this process with LSK_DEBUG set: an internal error raises, so Hypothesis
    sees (and shrinks) it instead of reading 'internt fel'."""
    from lsk.cli import main

    saved = sys.argv, os.environ.get("LSK_DEBUG")
    sys.argv, os.environ["LSK_DEBUG"] = ["lsk", *args], "1"
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return main()
    finally:
        sys.argv = saved[0]
        if saved[1] is None:
            os.environ.pop("LSK_DEBUG", None)
        else:
            os.environ["LSK_DEBUG"] = saved[1]


@fuzz(max(EXAMPLES // 15, 10), weight=4)
@given(
    relpath=st.sampled_from(sorted(REPO_FILES)),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                             st.sampled_from(TOKENS) | st.text(max_size=8)), min_size=1,
                   max_size=6),
)
@counted
def test_a_mutated_repository_never_crashes_check_fmt_or_the_report(tmp_path_factory, relpath,
                                                                    edits):
    if not _REPO:
        base = tmp_path_factory.mktemp("fuzzrepo")
        _REPO.append(minimal.write(base / "ls", REPO_FILES))
    root = _REPO[0]
    text = REPO_FILES[relpath]
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    (root / relpath).write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        assert _lsk("check", str(root), "--format", "json",
                    "--datum", "2026-11-25") in (0, 1)
        assert _lsk("fmt", str(root), "--check") in (0, 1, 2)
        assert _lsk("kvalitetsberattelse", "2025", str(root), "--datum", "2026-11-25",
                    "--out", str(root.parent / "kb.html")) in (0, 1, 2)
    finally:
        (root / relpath).write_text(REPO_FILES[relpath], encoding="utf-8")
