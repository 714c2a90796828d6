# dyads — the two commands: `make run` (set up + demo) and `make test` (set up + tests).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DYADS  := $(VENV)/bin/dyads
STAMP  := $(VENV)/.installed
DB     ?= dyads.duckdb
SEED   := ../shared/seed/000_bd8ae65ee2c76035.txt
EVAL   := ../shared/eval
PORT   ?= 8000

.PHONY: setup run demo serve test test-slow test-all browser eval bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

browser:
	bash scripts/install-browser.sh

## make run: set up, ingest the bundled demo (+ the seed article) into $(DB), summarise, serve the dashboard
run: demo serve

demo: setup
	rm -f $(DB) $(DB).wal
	$(DYADS) ingest src/dyads/demo/demo.jsonl $(wildcard $(SEED)) --db $(DB)
	$(DYADS) summary --db $(DB)

serve: setup
	$(DYADS) serve --db $(DB) --port $(PORT)

## make test: set up (incl. Debian chromium for the browser tests), run the default suite
test: setup browser
	$(PY) -m pytest -q

test-slow: setup browser
	$(PY) -m pytest -q -m slow

test-all: setup browser
	$(PY) -m pytest -q -m "slow or not slow"

## make eval: the whole pipeline on ../shared/eval/dev, scored by its score.py (per language)
eval: setup
	$(PY) eval/run.py --eval-dir $(EVAL)

## make bench: speed figures into BENCHMARKS.md (ratios against bare spaCy in the same run)
bench: setup
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(DB) $(DB).wal .pytest_cache artifacts
