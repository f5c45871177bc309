"""Draw the program icon once (committed): resources/icons/qdgui.png and qdgui.ico."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QPainterPath()
    frame.addRoundedRect(QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92), size * 0.18, size * 0.18)
    p.fillPath(frame, QColor("#1f6f78"))
    # three rising bars: progress against target
    bar = size * 0.13
    for i, height in enumerate((0.2, 0.32, 0.46)):
        x = size * (0.2 + i * 0.2)
        p.fillRect(QRectF(x, size * (0.78 - height), bar, size * height), QColor("#f2c14e" if i == 2 else "#e8f1f2"))
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(int(size * 0.26))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(QRectF(size * 0.1, size * 0.1, size * 0.4, size * 0.32), Qt.AlignmentFlag.AlignCenter, "青")
    p.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "qdgui.png"))
    draw(256).save(str(OUT / "qdgui.ico"))
    print(f"icons written to {OUT}")
