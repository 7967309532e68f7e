# Everyday targets. `make run` and `make test` are the two commands of the README.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: install run test lint format messages admin-strings clean serve backup restore

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
	$(MANAGE) rebuild_archive_index --if-needed --no-progress
	$(MANAGE) ocr_scans --resume
	PYTHON=$(BIN)/python tools/with_ocr_worker.sh $(MANAGE) runserver 127.0.0.1:8000

# Tests in parallel (pytest-xdist): one worker per core, each with its own test database
# (test_<name>_gw0, …), media, search index and private folders (cms/settings/test.py).
# --dist loadgroup keeps each worker's tests in pytest-django's order and sends the tests of one
# scratch installation (tests/conftest.py, xdist_group) to one worker. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

# Production: needs SECRET_KEY and ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL) in the
# environment; see docs/deploy.md. Migrates, prepares static files, runs every seed step (one
# command: seed_reference seeds the registers and every app's roles, monitoring's plan desks and
# rights through its reference_seeded hook; seed_monitoring alone is the same subset), starts gunicorn.
# The OCR worker (digitise/: db_worker --backend ocr) runs beside the server and stops with it; scans
# a killed worker left are queued again first (ocr_scans --resume). systemd: docs/deploy.md.
# DEMO=1 (or yes/true) loads the demo archive too, dated this year and the two before (idempotent).
PROD := DJANGO_SETTINGS_MODULE=cms.settings.production
serve: install
	$(PROD) $(MANAGE) migrate --no-input
	$(PROD) $(MANAGE) createcachetable
	$(PROD) $(MANAGE) collectstatic --no-input -v0
	$(PROD) $(MANAGE) seed_reference
	$(if $(filter 1 yes true,$(DEMO)),$(PROD) $(MANAGE) load_demo)
	$(PROD) $(MANAGE) rebuild_archive_index --if-needed --no-progress
	$(PROD) $(MANAGE) ocr_scans --resume
	$(PROD) PYTHON=$(BIN)/python tools/with_ocr_worker.sh $(BIN)/gunicorn -c cms/gunicorn.conf.py cms.wsgi

# Backups of the settings in the environment (DJANGO_SETTINGS_MODULE, DATABASE_URL, MEDIA_ROOT).
backup: install
	$(MANAGE) backup $(if $(FILE),--output $(FILE),)

restore: install
	@test -n "$(FILE)" || (echo "usage: make restore FILE=backups/ttnq-….tar.gz [FORCE=1]" >&2; exit 2)
	$(MANAGE) restore $(FILE) $(if $(FORCE),--force,)

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
