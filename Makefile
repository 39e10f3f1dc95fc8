# The dev loop. `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test bench lint clean

venv: $(STAMP)

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

demo: venv
	rm -f demo.duckdb
	$(BIN)/newsevents ingest examples --db demo.duckdb
	@echo
	$(BIN)/newsevents stats --db demo.duckdb

test: venv
	$(BIN)/pytest -q

# Accuracy against every gold set, then speed, memory and queries (figures, no asserts).
# The full-size runs: bench/throughput.py (1,000 articles), bench/memory.py (20,000).
bench: venv
	$(BIN)/pip install --quiet -e '.[bench]'  # textacy, the quotes peer
	$(BIN)/python bench/times.py --gold all
	$(BIN)/python bench/events.py --confusion
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/places.py
	$(BIN)/python bench/tone.py
	$(BIN)/python bench/ingest_speed.py
	$(BIN)/python bench/throughput.py --articles 200
	$(BIN)/python bench/query.py

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/newsevents

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache .mypy_cache .ruff_cache
