#!/usr/bin/env bash
# Wrap dist/qdgui (the onedir bundle) into a .deb: /opt/qdgui, /usr/bin/qdgui, menu entry, icon.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?version}
arch=$(dpkg --print-architecture)
root=build/deb/qdgui_${version}_${arch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/qdgui"
cp -a dist/qdgui "$root/opt/qdgui"
ln -s /opt/qdgui/qdgui "$root/usr/bin/qdgui"
cp packaging/linux/qdgui.desktop "$root/usr/share/applications/qdgui.desktop"
cp resources/icons/qdgui.png "$root/usr/share/icons/hicolor/256x256/apps/qdgui.png"
cat > "$root/usr/share/doc/qdgui/copyright" <<'TXT'
qdgui: field records of Qingdao's urban-renewal campaign.
Bundles Python, Qt for Python (PySide6, LGPLv3), SQLAlchemy, Alembic, pyqtgraph, XlsxWriter,
python-calamine, numpy and their dependencies under their own licences.
TXT
size=$(du -sk "$root/opt" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" packaging/linux/control.in \
  > "$root/DEBIAN/control"
# Data lives in each user's ~/.local/share/qdgui: upgrades and removal never touch it.
dpkg-deb --root-owner-group --build "$root" "dist/qdgui_${version}_${arch}.deb" >/dev/null
echo "package: dist/qdgui_${version}_${arch}.deb ($(du -h "dist/qdgui_${version}_${arch}.deb" | cut -f1))"
