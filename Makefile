# The two set-up commands of the README: `make demo` and `make test`. Both work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test test-fast lint venv dev clean web serve model

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

# the dashboard's browser libraries (npm, pinned by package-lock.json; no dependency's install scripts run),
# copied into src/eventwire/serve/web/static/vendor/ where the server finds them: no CDN at run time
WEB_VENDOR = src/eventwire/serve/web/static/vendor/.installed
$(WEB_VENDOR): package.json package-lock.json src/eventwire/serve/web/copy-vendor.mjs
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	node src/eventwire/serve/web/copy-vendor.mjs
	touch $@
web: $(WEB_VENDOR)

demo: $(VENV)/.installed $(WEB_VENDOR)
	$(BIN)/eventwire ingest examples/ --db sqlite:///eventwire.db
	$(BIN)/eventwire events --db sqlite:///eventwire.db --format table
	@echo "Dashboard over this database: make serve (or $(BIN)/eventwire serve --db eventwire.db), then open http://127.0.0.1:8000/"

serve: $(VENV)/.installed $(WEB_VENDOR)
	$(BIN)/eventwire serve --db sqlite:///eventwire.db

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks examples

test: lint $(WEB_VENDOR)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# for development: no browser, Spark or PostgreSQL, nothing marked slow
test-fast: lint $(WEB_VENDOR)
	$(BIN)/python -m pytest -q -m "not browser and not spark and not postgres and not slow" $(PYTEST_ARGS)

# the typing model, retrained from lang/en/typing/corpus/ (deterministic: sorted input, fixed seeds); writes
# model.json, vocabulary.txt, weights.npz and the cross-validated metrics.json / METRICS.md beside them
TYPING = src/eventwire/lang/en/typing
model: $(VENV)/.installed
	PYTHONPATH=$(CURDIR)/src $(BIN)/python -m eventwire.cli model train --corpus $(TYPING)/corpus --out $(TYPING)/model

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
