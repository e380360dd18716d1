# Two entry points for a new machine: `make demo` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= claimwatch.db

.PHONY: demo test install lint train bench serve clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/claimwatch gazetteer build
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/claimwatch ingest examples/reports/ --db $(DB)
	$(BIN)/claimwatch events --format table --db $(DB)
	@echo "Serving the ledger on http://127.0.0.1:8000/ (Ctrl-C to stop)"
	@if [ -z "$$CI" ]; then $(BIN)/claimwatch serve --db $(DB); fi

test: install
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed; browser tests will be skipped"
	@pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start || true
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/throughput.py

serve: install
	$(BIN)/claimwatch serve --db $(DB)

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

# MUC-4 texts are lower- or upper-case: the truecaser's case table is learnt from cased news.
.PHONY: train-truecase
train: train-truecase
train-truecase: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_truecaser.py --shared ../shared/data

# The MUC-4 role tagger (`claimwatch eval muc4 --roles model|combined`): a small spaCy NER
# trained on ../shared/data/muc4/grit_train.jsonl (CPU, seeded, about 13 minutes), written
# to src/claimwatch/data/muc4_roles (3 MB, shipped). It reads truecased text, so the case
# table comes first. The same run then trains the document relevance gate
# (`eval muc4 --relevance-gate`, src/claimwatch/data/muc4_gate.json, 136 kB; about a minute);
# `make train-muc4-gate` trains only the gate, with the tagger already built.
.PHONY: train-muc4-roles train-muc4-gate
train-muc4-gate:
	$(BIN)/python scripts/train_muc4_roles.py --shared ../shared/data --gate-only

train: train-muc4-roles
train-muc4-roles: train-truecase
	$(BIN)/python scripts/train_muc4_roles.py --shared ../shared/data
