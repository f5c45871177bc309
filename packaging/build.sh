#!/usr/bin/env bash
# Build qdgui for staff: the PyInstaller onedir bundle, and on Linux the .deb made from it.
#   bash packaging/build.sh            -> dist/qdgui/ and dist/qdgui_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh >/dev/null          # Debian libraries, .venv, compiled translations
.venv/bin/python -m pip install -q -e ".[package]"
version=$(.venv/bin/python -c "import qdgui; print(qdgui.__version__)")

rm -rf build/pyinstaller dist/qdgui
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/qdgui.spec
echo "bundle: dist/qdgui ($(du -sh dist/qdgui | cut -f1))"

if [ "$(uname -s)" = Linux ]; then
  bash packaging/linux/make_deb.sh "$version"
fi
