# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-fast lint bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Code the bundled demo articles into ./spillover.db and print the timeline.
demo: setup
	$(VENV)/bin/spillover demo

## The whole test suite (slow tests included).
test: setup
	$(PY) -m pytest -q

test-fast: setup
	$(PY) -m pytest -q -m "not slow"

lint: setup
	$(VENV)/bin/ruff check spillover tests benchmarks
	$(VENV)/bin/mypy spillover

bench: setup
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/load_times.py

clean:
	rm -rf $(VENV) build *.egg-info spillover.db
