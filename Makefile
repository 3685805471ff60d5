# Two entry points: `make run` (install, prepare offline assets, start the app) and
# `make test` (install dev tools, lint, type-check, test). Both are safe to re-run.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.dev-installed

.PHONY: run test setup lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e ".[speak]"
	@touch $@

$(DEV_INSTALLED): pyproject.toml $(INSTALLED)
	$(PIP) install --quiet -e ".[speak,dev]"
	@touch $@

setup: $(INSTALLED)
	$(BIN)/coach setup

run: setup
	$(BIN)/python app.py

lint: $(DEV_INSTALLED)
	$(BIN)/ruff check .

typecheck: $(DEV_INSTALLED)
	$(BIN)/mypy coach

unit: $(DEV_INSTALLED)
	$(BIN)/pytest -m "not model and not slow"

test: lint typecheck
	$(BIN)/pytest

bench: $(INSTALLED)
	$(BIN)/python bench/retrieval.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
