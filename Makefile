# Everyday targets. `make run` and `make test` are the two commands of the README.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install run test lint format messages admin-strings clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_reference
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext (apt-get install gettext). The compiled .mo files are committed,
# so a fresh machine runs without it. The project's locales are the folders of locale/
# with an LC_MESSAGES; locale/_overrides/ (Vietnamese for Wagtail & co.) is not one of
# them: makemessages would mark its msgids obsolete. compilemessages compiles both.
LOCALES := $(notdir $(patsubst %/LC_MESSAGES/,%,$(wildcard locale/*/LC_MESSAGES/)))

messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(LOCALES)) --ignore=.venv --ignore=bench --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv

# Share of the admin's third-party strings (Wagtail, wagtailmedia, modeltranslation) shown
# in Vietnamese, per app, with the msgids still in English (README, "Translations").
admin-strings: install
	$(BIN)/python -m tools.admin_strings --missing

clean:
	rm -rf $(VENV) db.sqlite3 media static .local
