#!/usr/bin/env bash
# make audit: Lighthouse + axe on site/ (see scripts/audit.py)
exec "$(dirname "$0")/../.venv/bin/python" "$(dirname "$0")/audit.py" "$@"
