#!/usr/bin/env bash
# Build the bundle and the .deb, install the .deb into a clean location, and prove it works there:
# --self-test offscreen and on a virtual screen (with a screenshot of the real window in Chinese),
# portable mode, and an upgrade of a first-release database. Run as root for the real apt install.
#   bash packaging/check.sh [--no-build] [--refresh-docs]
# --refresh-docs: write the screenshot over docs/screenshots/packaged-window.png (else to a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 refresh=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --refresh-docs) refresh=1 ;;
    *) echo "unknown option: $arg (use --no-build, --refresh-docs)" >&2; exit 2 ;;
  esac
done
[ "$build" = 0 ] || bash packaging/build.sh
version=$(.venv/bin/python -c "import qdgui; print(qdgui.__version__)")
deb=$(ls dist/qdgui_"$version"_*.deb)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clean_env=(env -i "HOME=$work/home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8")
mkdir -p "$work/home"
step() { printf '\n== %s\n' "$*"; }

step "package contents and dependencies"
dpkg-deb --field "$deb" Package Version Depends
dpkg-deb --contents "$deb" | grep -E ' \./(usr/bin/qdgui|usr/share/applications/qdgui.desktop|opt/qdgui/qdgui)( |$)'
apt-get install --simulate --no-install-recommends "./$deb" >/dev/null && echo "dependencies resolve on this system"

step "unpacked into a clean folder: self-test offscreen (no screen, empty HOME)"
dpkg-deb -x "$deb" "$work/root"
"${clean_env[@]}" QT_QPA_PLATFORM=offscreen "$work/root/opt/qdgui/qdgui" --self-test 2>/dev/null

step "self-test on a virtual X screen (xcb), screenshot of the real window"
shot="$work/packaged-window.png"
if [ "$refresh" = 1 ]; then mkdir -p docs/screenshots; shot="$PWD/docs/screenshots/packaged-window.png"; fi
"${clean_env[@]}" xvfb-run -a -s "-screen 0 1440x900x24" "$work/root/opt/qdgui/qdgui" --self-test \
  --screenshot "$shot" 2>/dev/null | tee "$work/xcb.log"
test -s "$shot" && echo "screenshot: $shot"
grep -q "on 'xcb'" "$work/xcb.log" || { echo "the window was not rendered on the X screen" >&2; exit 1; }

step "portable mode: a marker beside the program keeps the data beside it"
cp -a "$work/root/opt/qdgui" "$work/usb"
touch "$work/usb/portable.txt"
"${clean_env[@]}" "$work/usb/qdgui" demo >/dev/null
test -f "$work/usb/data/qdgui.sqlite" && echo "data at $work/usb/data/qdgui.sqlite"
test ! -e "$work/home/.local/share/qdgui/qdgui.sqlite" && echo "nothing written to the user's data folder"

step "upgrade: a first-release database opens after a backup, every row kept"
.venv/bin/python -c "
import sys; sys.path.insert(0, '.')
from pathlib import Path
from tests.unit.test_migrations import make_first_revision_database
make_first_revision_database(Path('$work/old.sqlite'))"
"${clean_env[@]}" "$work/root/opt/qdgui/qdgui" summary --db "$work/old.sqlite" | tee "$work/summary.log"
grep -Eq "征迁签约 +3" "$work/summary.log"
ls "$work"/backups/old*.sqlite >/dev/null && echo "backup: $(ls "$work"/backups/)"

if [ "$(id -u)" -eq 0 ] && [ "${QDGUI_APT_INSTALL:-1}" = 1 ]; then
  step "apt install, run from the menu's command, remove: user data stays"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
  "${clean_env[@]}" QT_QPA_PLATFORM=offscreen qdgui demo >/dev/null
  "${clean_env[@]}" QT_QPA_PLATFORM=offscreen qdgui --self-test 2>/dev/null | tail -1
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq qdgui >/dev/null
  test ! -e /opt/qdgui && test -f "$work/home/.local/share/qdgui/qdgui.sqlite" \
    && echo "removed; the user's database is still there"
fi
printf '\nall packaging checks passed (bundle %s, package %s)\n' "$(du -sh dist/qdgui | cut -f1)" "$(du -h "$deb" | cut -f1)"
