#!/usr/bin/env bash
# Set up (first time) and run the whole test suite headless; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/lint.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
