# Two commands matter: `make run` (set up, build, train if needed, start) and `make test`.
# Everything else is a step they depend on. Python 3.10 is found by scripts/find_python.sh.
SHELL := /bin/bash
PY := .venv/bin/python
RASA := .venv/bin/rasa
VENV_BIN := .venv/bin/
VENV := .venv/.installed-lock
DATABASE := var/.database-built
MODEL := models/kansrijk.tar.gz
TRAINING_DATA := config.yml domain.yml $(shell find data -name '*.yml' ! -name lookup_beroep.yml 2>/dev/null)
# Only trained components end up in the model; the occupation matcher reads the table at start.
TRAINED_NLU_CODE := bot/nlu/ngram_intents.py bot/nlu/ngram_model.py
# What the database is made of: the sources and the build code (not the query code).
BUILD_CODE := $(addprefix occupations/,build.py loaders.py curated.py content.py models.py normalize.py \
                lookup_table.py errors.py config.py __main__.py)
SOURCES := $(wildcard occupations/sources/*.csv occupations/sources/curated/*.csv) $(BUILD_CODE)
# Tests that need no trained model and no servers: the inner loop, in seconds.
FAST_TESTS := tests/actions tests/occupations tests/channels tests/security tests/runtime tests/nlu tests/eval tests/dialogue/test_domain.py \
              tests/dialogue/test_rasa_data.py::test_training_data_is_valid tests/classroom

.PHONY: run run-scaled test test-fast lint format bench eval lesson venv database model nlu-report topic-report validate clean help

help:
	@echo "make run        - set up, build the data, train if needed, start the assistant"
	@echo "make run-scaled - the same with WORKERS Rasa servers (default 2) behind haproxy, PostgreSQL and Redis"
	@echo "make test       - set up, build, train if needed, lint, run every test"
	@echo "make test-fast  - the tests that need no trained model (seconds)"
	@echo "make lint       - ruff check and format check; 'make format' fixes what it can"
	@echo "make bench      - load test side by side with stock Rasa; writes docs/performance.md"
	@echo "make eval       - the blind conversations against the assistant, scored per voice and topic"
	@echo "make topic-report - the topic classifier of the actions on held-out examples"
	@echo "make lesson     - a lesson sheet PDF: make lesson BEROEPEN=\"elektricien,kapper,lasser\" (var/lessen/)"

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
$(MODEL): $(DATABASE) $(TRAINING_DATA) $(TRAINED_NLU_CODE)
	@echo "==> training the Rasa model (a few minutes; only when data or config changed)"
	@# Rasa caches trained components by config and data, not code: a changed classifier needs --force.
	@start=$$(date +%s); \
	 $(RASA) train --fixed-model-name kansrijk --out models --quiet $(if $(filter $(TRAINED_NLU_CODE),$?),--force,) && \
	 echo $$(( $$(date +%s) - start )) > models/training-seconds.txt
	@touch $@

validate: $(DATABASE)
	@$(RASA) data validate --fail-on-warnings

run: $(MODEL)
	@$(PY) -m bot.launcher

# Several Rasa servers behind haproxy, conversations in PostgreSQL, locks in Redis (docs/deploy.md).
WORKERS ?= 2
run-scaled: $(MODEL)
	@$(PY) -m bot.scaled --workers $(WORKERS)

test: lint $(MODEL)
	@bash scripts/install_debian_package.sh /usr/bin/chromium chromium fonts-dejavu-core
	@bash scripts/start_postgres.sh
	@$(PY) -m pytest

test-fast: $(VENV)
	@KANSRIJK_SKIP_POSTGRES=$${KANSRIJK_SKIP_POSTGRES:-1} $(PY) -m pytest -q -m "not e2e" $(FAST_TESTS)

lint: $(VENV)
	@$(VENV_BIN)ruff check .
	@$(VENV_BIN)ruff format --check .

format: $(VENV)
	@$(VENV_BIN)ruff check --fix .
	@$(VENV_BIN)ruff format .

bench: $(MODEL)
	@$(PY) -m scripts.bench.run_bench $(BENCH_ARGS)

# A printable lesson sheet of 2–4 occupations (docs/mentor.md); writes var/lessen/<names>.pdf.
lesson: $(DATABASE)
	@$(PY) -m scripts.make_lesson "$(BEROEPEN)"

# The blind conversations in tests/conversations/ against the assistant (EVAL_ARGS="--parts c,d,e").
eval: $(MODEL)
	@$(PY) -m scripts.eval.run_eval $(EVAL_ARGS)

# Known vulnerabilities of the pinned packages (docs/security.md). pip-audit lives in a venv of
# its own (it needs a newer `packaging` than Rasa 3.6 allows) and needs a vulnerability database
# on the internet, so it is not part of `make test`. --strict: a package it could not check fails.
.PHONY: audit
AUDIT_VENV := .audit-venv
PIP_AUDIT := pip-audit==2.10.1
audit: $(VENV)
	@test -x $(AUDIT_VENV)/bin/pip-audit || { $(PY) -m venv $(AUDIT_VENV) && $(AUDIT_VENV)/bin/pip install --quiet $(PIP_AUDIT); }
	@$(AUDIT_VENV)/bin/pip-audit --requirement requirements.lock --no-deps --disable-pip --strict --progress-spinner off

nlu-report: $(MODEL)
	@$(PY) -m scripts.nlu_report $(NLU_REPORT_ARGS)

# The topic classifier of the actions (actions/topic_guess.py), on held-out examples.
topic-report: $(DATABASE)
	@$(PY) -m scripts.eval.topic_report

clean:
	rm -rf var models results .pytest_cache
