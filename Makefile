# Two commands on a fresh machine: `make demo` and `make test` (README's quick start).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Ingest samples/ into ./kg-store and write exports/kg.ttl, exports/kg.trig, exports/explorer.html
demo: setup
	$(BIN)/kg demo --samples samples --store kg-store --exports exports

## Headless Chromium for the explorer's browser test (Debian package; needs root, skipped otherwise)
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "note: no chromium and no root to install it: the browser test will be skipped"; fi

## The whole test suite (what CI runs)
test: setup browser
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check kg tests benchmarks

bench: setup
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_identity.py

clean:
	rm -rf $(VENV) kg-store .pytest_cache
