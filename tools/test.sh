#!/usr/bin/env bash
# Set up (first time) and run the whole test suite headless; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
# The tests run every database test on SQLite and on a real PostgreSQL (a throwaway cluster in a
# temporary folder, tests/support/postgres.py): its server binaries must be installed.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${QDGUI_PG_BIN:-}" ]; then
  echo "Installing PostgreSQL's server (for the tests only)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Please install as root: apt-get install postgresql" >&2; exit 1; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  # Debian's package starts a cluster of its own; the tests make theirs and need not share the machine's.
fi
bash tools/lint.sh
export QT_QPA_PLATFORM=offscreen
# One worker per core (QDGUI_TEST_WORKERS=0 runs in this process; a later -n in the arguments wins);
# worksteal keeps both busy when one draws the long fault tests.
exec .venv/bin/python -m pytest -n "${QDGUI_TEST_WORKERS:-auto}" --dist worksteal "$@"
