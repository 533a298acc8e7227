# The two set-up commands of the README: `make demo` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test venv dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -U pip

# the project and its runtime dependencies (re-run when pyproject.toml changes)
$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# plus the test and optional extras
$(VENV)/.installed-dev: pyproject.toml $(BIN)/python
	$(BIN)/pip install -q -e ".[dev,spark,postgres]"
	touch $(VENV)/.installed $@

venv: $(VENV)/.installed
dev: $(VENV)/.installed-dev

demo: $(VENV)/.installed
	$(BIN)/eventwire ingest examples/ --db sqlite:///eventwire.db
	$(BIN)/eventwire events --db sqlite:///eventwire.db --format table

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
