#!/usr/bin/env bash
# Set up (first time) and start qdgui on its default database; extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/python main.py "$@"
