# Flashpoint: `make demo` runs extraction on a bundled report; `make test` runs the tests.
# Both create or refresh .venv themselves.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := flashpoint/examples/djibo-demo.txt

.PHONY: install demo test test-fast bench load fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/flashpoint extract $(DEMO) --published 2023-03-14 --format table
	$(BIN)/flashpoint extract $(DEMO) --published 2023-03-14 --format csv -o events.csv --quiet
	$(BIN)/flashpoint extract $(DEMO) --published 2023-03-14 --format geojson -o events.geojson --quiet
	@echo "wrote events.csv and events.geojson"
	$(BIN)/flashpoint ingest $(DEMO) --published 2023-03-14 --quiet
	@echo "open the map on these events with:  $(BIN)/flashpoint serve   (then browse http://127.0.0.1:8000/)"

test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not integration"

bench: install
	$(BIN)/python bench/run_bench.py

load: install
	$(BIN)/python bench/load_test.py

fuzz: install
	$(BIN)/python fuzz/run_fuzz.py --count 100000 --jobs 2 --output fuzz/results.json

clean:
	rm -rf $(VENV) build *.egg-info events.csv events.geojson
