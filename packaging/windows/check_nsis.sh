#!/usr/bin/env bash
# PyInstaller cannot cross-build a Windows bundle here, so compile the installer script against a
# stand-in payload: a syntax and packaging check of qdgui.nsi (installs Debian's nsis when missing).
set -euo pipefail
cd "$(dirname "$0")"
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
mkdir -p "$stub/qdgui/_internal"
printf 'MZ stand-in\n' > "$stub/qdgui/qdgui.exe"
printf 'stand-in\n' > "$stub/qdgui/_internal/base_library.zip"
if ! command -v makensis >/dev/null; then  # Debian's nsis package: the same makensis as the workflow's
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q --no-install-recommends nsis >/dev/null
  else
    echo "makensis is missing: sudo apt-get install nsis" >&2
    exit 1
  fi
fi
version=$(sed -n 's/__version__ = "\(.*\)"/\1/p' ../../qdgui/__init__.py)
makensis -V2 -DVERSION="$version" -DSOURCE="$stub/qdgui" -DOUTFILE="$stub/qdgui-setup.exe" qdgui.nsi
file "$stub/qdgui-setup.exe" 2>/dev/null || true
echo "qdgui.nsi compiles ($(du -h "$stub/qdgui-setup.exe" | cut -f1) with the stand-in payload)"
