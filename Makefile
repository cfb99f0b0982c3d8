# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make run   - install into .venv if needed, run the main job on the bundled sample
#   make test  - install if needed, run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := data/pasaman-barat-2024
STAMP := $(VENV)/.installed

.PHONY: run test install bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP) out/laporan
	$(BIN)/lkip run --year 2024 --input $(SAMPLE) --out out/laporan

test: $(STAMP)
	$(BIN)/python -m pytest -q

out/laporan:
	mkdir -p out/laporan

bench: $(STAMP)
	$(BIN)/python bench/read_bench.py
	$(BIN)/python bench/render_bench.py
	$(BIN)/python bench/pipeline_bench.py --sizes 10,100

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis
