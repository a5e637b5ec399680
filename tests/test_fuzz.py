"""Property-based tests: whatever bytes arrive, the loader returns diagnostics and never raises.

The normal suite tries a few hundred inputs per property; ``make fuzz`` runs the same
properties with many more (LSK_FUZZ_EXAMPLES) and prints Hypothesis' statistics.
"""

from __future__ import annotations

import os
import time
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsk.loader.files import process_file, read_text
from lsk.loader.yamlread import parse_yaml
from tests.conftest import EXAMPLE

EXAMPLES = int(os.environ.get("LSK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
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
def test_random_text_never_crashes_the_reader(text):
    parsed = parse_yaml(text)
    assert parsed.ok or parsed.problems
    assert all(p.line >= 1 and p.column >= 1 for p in parsed.problems)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_pipeline(raw):
    _bounded("rutiner/R999-fuzz.yaml", raw)


@FUZZ
@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                             st.sampled_from(TOKENS) | st.text(max_size=8)), max_size=8),
)
def test_mutated_example_documents_never_crash(seed, edits):
    text = seed.read_text(encoding="utf-8")
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    _bounded(seed.relative_to(EXAMPLE).as_posix(), text.encode("utf-8", "surrogatepass"))


def test_reader_handles_an_unreadable_path(tmp_path):
    raw, text, problems = read_text(str(tmp_path / "saknas.yaml"), "saknas.yaml")
    assert raw is None and text is None and problems[0].code == "LSK008"
