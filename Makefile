# Two commands on a fresh machine: `make demo` and `make test` (README's quick start).
# setup installs kg with every extra (report: matplotlib) and the dev tools, so that all tests run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo report test lint browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,report]'
	touch $(STAMP)

setup: $(STAMP)

## Ingest samples/ into ./kg-store and write exports/kg.ttl, exports/kg.trig, exports/explorer.html
demo: setup
	$(BIN)/kg demo --samples samples --store kg-store --exports exports

## The samples' report in ./kg-report (kg report); README shows two of its plots, copied to docs/report/
report: demo
	$(BIN)/kg report -o kg-report --store kg-store
	mkdir -p docs/report && cp kg-report/officials.svg kg-report/diffusion.svg docs/report/

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
	$(BIN)/python benchmarks/bench_serve.py
	$(BIN)/python benchmarks/bench_identity.py
	$(BIN)/python benchmarks/bench_explore.py

clean:
	rm -rf $(VENV) kg-store kg-report .pytest_cache
