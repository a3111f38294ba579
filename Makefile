# Two commands: `make run` serves the app, `make test` runs every test. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
STREAMLIT_FLAGS := --server.headless true --server.address 127.0.0.1 --server.port $(PORT) \
	--server.fileWatcherType none --browser.gatherUsageStats false

.PHONY: run test screenshots bench bench-ingest loadtest lint validate chromium clean model fit

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian/Ubuntu run 'apt-get install -y python3-venv'"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $(VENV)/.app-installed $@

run: $(VENV)/.app-installed
	$(BIN)/python -m analysis validate
	$(BIN)/python -m streamlit run dashboard.py $(STREAMLIT_FLAGS)

# The browser tests drive Debian's chromium; Playwright's own browser download is not used.
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else \
		echo "Debian's chromium is missing and this user cannot install it: run 'sudo apt-get install -y chromium'"; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core >/dev/null

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

validate: $(VENV)/.app-installed
	$(BIN)/python -m analysis validate

test: $(VENV)/.test-installed chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m analysis validate
	$(BIN)/python -m pytest

# The browser tests, saving their screenshots in docs/screenshots/ (the README shows them). `make test`
# saves them in a temporary folder instead, so that it leaves the working tree as it was.
screenshots: $(VENV)/.test-installed chromium
	DASHBOARD_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py

# Speed at 1,000 / 100,000 / 1,000,000 statements; writes BENCHMARKS.md (takes several minutes).
bench: $(VENV)/.test-installed chromium
	$(BIN)/python -m analysis bench --write

# 20 browser sessions changing filters for 60 s against one server: errors, p50/p95 update latency and the
# server's memory, written to the "Many sessions" section of BENCHMARKS.md. Not part of `make test`.
# LOADTEST_SECONDS=10 make loadtest for a smoke run.
loadtest: $(VENV)/.test-installed chromium
	$(BIN)/python -m benchmarks.loadtest --write

# `ingest ARCHIVE --extract` over 10,000 generated articles, written to the "Archive ingest" section of
# BENCHMARKS.md (about ten minutes on 2 cores; INGEST_FILES=1000 make bench-ingest for a shorter run).
bench-ingest: $(VENV)/.test-installed
	$(BIN)/python -m benchmarks.ingest --files $${INGEST_FILES:-10000} --write

# The extractor's parsing model (analysis/extract/model/), rebuilt from the treebanks in ../shared/corpora:
# about an hour on 2 cores. CORPORA=/path/to/corpora to read them elsewhere.
CORPORA ?= ../shared/corpora
model: $(VENV)/.test-installed
	$(BIN)/python -m analysis.extract.training --corpora $(CORPORA)
	$(BIN)/python -m analysis.extract.training.person_nouns --corpora $(CORPORA)

# What the extractor learns from the blind corpus's dev splits (never a test* or val* split): the stance of
# words with no cue (analysis/extract/said_words.json), whether a sentence states a view (said_view.json),
# the gate that weighs sentences the cue rules read no position in (unread_gate.json), then the arbiter that reads each stance last (stance_arbiter.json) and the confidence (calibration.json). About
# forty-seven minutes with 41 dev splits (round twenty-nine).
DEV_SPLITS := $(sort $(wildcard tests/fixtures/blind/dev*))
fit: $(VENV)/.test-installed
	$(BIN)/python -m analysis evaluate --fit-words $(foreach split,$(DEV_SPLITS),--corpus $(split))

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
