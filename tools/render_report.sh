#!/usr/bin/env bash
# Render the weekly report of the demo data as the office sees it: xlsx -> PDF (LibreOffice) -> PNG.
# Needs: apt-get install libreoffice-calc-nogui poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/python main.py --lang zh_CN demo --db "$work/demo.sqlite" >/dev/null
.venv/bin/python main.py --lang zh_CN export weekly --week 2026-W47 --scope city --db "$work/demo.sqlite" \
  --out "$work/weekly.xlsx"
soffice --headless --convert-to pdf --outdir "$work" "$work/weekly.xlsx" >/dev/null
pdftoppm -r 110 -f 1 -l 1 -png "$work/weekly.pdf" "$work/page"
cp "$work"/page-1.png docs/weekly-report.png
cp "$work/weekly.xlsx" docs/weekly-report-sample.xlsx
echo "docs/weekly-report.png written"
