#!/bin/sh
# Runs the OCR worker (digitise/: django-tasks' db_worker on the "ocr" backend) beside a command,
# the web server of `make run` and `make serve`, and stops it when that command ends.
# Usage: tools/with_ocr_worker.sh COMMAND [ARG...]   (PYTHON: the venv's python by default)
"${PYTHON:-.venv/bin/python}" manage.py db_worker --backend ocr --no-reload --verbosity 1 &
worker=$!
trap 'kill "$worker" 2>/dev/null' EXIT INT TERM
"$@"
