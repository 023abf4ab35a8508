# Two commands matter (see README): `make run` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint lock bench screenshots build smoke clean regen-migration

# A fresh Debian/Ubuntu has python3 but not always its venv module: say what to install, leave no half .venv.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV) >/dev/null 2>&1 || { rm -rf $(VENV); \
	  echo "Impossibile creare .venv con $(PYTHON) (serve Python 3.11 o successivo con il modulo venv)."; \
	  echo "Su Debian/Ubuntu:  sudo apt-get install python3-venv"; exit 1; }; }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# Checks first that the system has the libraries Qt's xcb platform needs, and names the apt packages if not
# (the same check runs in `mypay-desk gui`); the command line works without them.
run: $(STAMP)
	@$(BIN)/python -m mypay_desk.qt_runtime --quiet
	$(BIN)/mypay-desk

lint: $(STAMP)
	$(BIN)/ruff check mypay_desk tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/python tools/i18n.py --check

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 --dist loadfile

# Re-pin every dependency to what is installed now (after changing pyproject.toml).
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

regen-migration: $(STAMP)
	$(BIN)/python tools/regen_initial_migration.py

# Every script runs, one after the other (each times its own baseline); those that missed a target are named at
# the end and make fails. A script that crashes counts as missed.
bench: $(STAMP)
	@missed=""; for b in benchmarks/bench_*.py; do echo "== $$b"; \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || missed="$$missed $$b"; done; \
	  if [ -n "$$missed" ]; then echo "== targets missed:$$missed"; exit 1; fi; echo "== every target met"

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshot_lists.py  # the list being edited

build: $(STAMP)
	$(BIN)/pyinstaller --noconfirm build_installer.spec

# The frozen build's own smoke test (fresh workspace, migrations, main window, one notice), then the
# checks of tests/integration/test_frozen_build.py (both languages, bundled modules, a CLI day with the sandbox).
smoke: build
	QT_QPA_PLATFORM=offscreen dist/mypay-desk/mypay-desk --smoke-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/integration/test_frozen_build.py

clean:
	rm -rf build dist .pytest_cache
