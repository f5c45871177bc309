#!/usr/bin/env bash
# Collect user-visible strings from the code into the .ts catalogues (then translate the new ones).
set -euo pipefail
cd "$(dirname "$0")/.."
for ts in resources/translations/qdgui_*.ts; do
  .venv/bin/pyside6-lupdate $(git ls-files 'qdgui/*.py') -ts "$ts" -no-obsolete
done
