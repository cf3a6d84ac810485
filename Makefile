# Every target bootstraps what it needs: a .venv with the project and its test tools.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_ADDR ?= 127.0.0.1:8000
DEMO_ENV := DEBUG=1 DEMO_MODE=1 TASKS_BACKEND=immediate EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend

.PHONY: demo test lint format messages demo-code chromium clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Chromium for the browser tests"; \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

demo: $(STAMP)
	$(DEMO_ENV) $(BIN)/huisvanhetkind migrate --no-input -v0
	$(DEMO_ENV) $(BIN)/huisvanhetkind seed_demo
	$(DEMO_ENV) $(BIN)/huisvanhetkind runserver $(DEMO_ADDR)

demo-code: $(STAMP)
	@$(DEMO_ENV) $(BIN)/huisvanhetkind demo_code $(EMAIL)

test: $(STAMP) chromium
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/huisvanhetkind makemigrations --check --dry-run

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(STAMP)
	cd huisvanhetkind && DEBUG=1 ../$(BIN)/django-admin makemessages -l fr -l en --settings=huisvanhetkind.settings --pythonpath=.. -i "*/demo_data.py"
	cd huisvanhetkind && DEBUG=1 ../$(BIN)/django-admin compilemessages --settings=huisvanhetkind.settings --pythonpath=..

clean:
	rm -rf $(VENV) var
