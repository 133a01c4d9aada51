# Two commands matter: `make run` (set up, build, train if needed, start) and `make test`.
# Everything else is a step they depend on. Python 3.10 is found by scripts/find_python.sh.
SHELL := /bin/bash
PY := .venv/bin/python
RASA := .venv/bin/rasa
VENV := .venv/.installed-lock
DATABASE := var/.database-built
MODEL := models/kansrijk.tar.gz
TRAINING_DATA := config.yml domain.yml $(shell find data -name '*.yml' ! -name lookup_beroep.yml 2>/dev/null)
NLU_CODE := $(wildcard bot/nlu/*.py)
SOURCES := $(wildcard occupations/sources/*.csv occupations/sources/curated/*.csv) $(wildcard occupations/*.py)

.PHONY: run test venv database model nlu-report validate clean help

help:
	@echo "make run    - set up, build the data, train if needed, start the assistant"
	@echo "make test   - set up, build, train if needed, run every test"

venv: $(VENV)
$(VENV): requirements.lock scripts/setup_venv.sh
	@scripts/setup_venv.sh

database: $(DATABASE)
$(DATABASE): $(VENV) $(SOURCES)
	@echo "==> building the occupations database"
	@mkdir -p var
	@$(PY) -m occupations build
	@touch $@

model: $(MODEL)
$(MODEL): $(DATABASE) $(TRAINING_DATA) $(NLU_CODE)
	@echo "==> training the Rasa model (a few minutes; only when data or config changed)"
	@# Rasa caches trained components by config and data, not code: a changed classifier needs --force.
	@$(RASA) train --fixed-model-name kansrijk --out models --quiet $(if $(filter $(NLU_CODE),$?),--force,)
	@touch $@

validate: $(DATABASE)
	@$(RASA) data validate --fail-on-warnings

run: $(MODEL)
	@$(PY) -m bot.launcher

test: $(MODEL)
	@bash scripts/install_chromium.sh
	@bash scripts/start_postgres.sh
	@$(PY) -m pytest

nlu-report: $(MODEL)
	@$(PY) scripts/nlu_report.py $(NLU_REPORT_ARGS)

clean:
	rm -rf var models results .pytest_cache
