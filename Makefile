# 面试手册 — `make site` builds site/ (and its PDFs) from notes/; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check bench audit lint system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/katex/dist/katex.min.js: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: KaTeX not installed, math will show as TeX source"; fi
	@touch $@ 2>/dev/null || true

system-deps:
	@bash scripts/install-system-deps.sh

site: $(STAMP) node_modules/katex/dist/katex.min.js system-deps
	$(BIN)/mkdocs build --strict
	@if $(BIN)/python -c 'import sys; from handbook.pdf import find_chromium; sys.exit(find_chromium() is None)'; \
	then $(BIN)/handbook pdf --site site; \
	else echo "PDFs skipped: no Chromium (apt-get install chromium fonts-noto-cjk, or set HANDBOOK_CHROMIUM)"; fi

test: $(STAMP) node_modules/katex/dist/katex.min.js
	$(BIN)/pytest -q

serve: $(STAMP) node_modules/katex/dist/katex.min.js
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/handbook check --notes notes

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

bench: $(STAMP)
	$(BIN)/python tests/bench.py $(BENCH_ARGS)

audit: site
	@bash scripts/audit.sh

clean:
	rm -rf site .pytest_cache
