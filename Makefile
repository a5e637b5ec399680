# One command sets up and runs lsk on the example; one runs the tests (see README).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench docs fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install           ## install, then check the embedded example ledningssystem
	$(BIN)/lsk check ledningssystem

test: install           ## the whole test suite
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check lsk tests bench
	$(BIN)/mypy lsk
	$(BIN)/lint-imports

docs: install           ## regenerate docs that are generated from the code
	$(BIN)/lsk koder --format markdown --out docs/diagnostikkoder.md
	$(BIN)/lsk regler --format markdown --out docs/regler.md
	$(BIN)/python -m lsk.render.kontrakt docs/mallar.md

fuzz: install           ## the fuzz properties for a time budget (FUZZ_SECONDS, default 600; CI: 75)
	LSK_FUZZ_SECONDS=$${FUZZ_SECONDS:-600} LSK_FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-500} \
		$(BIN)/python -m pytest tests/test_fuzz.py -p no:cacheprovider -q -s

bench: install          ## performance figures on a large synthetic repository
	$(BIN)/python bench/run.py
	$(BIN)/python bench/render_bench.py

clean:
	rm -rf $(VENV) .pytest_cache ledningssystem/.lsk-cache
