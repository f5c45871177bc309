"""`qdgui --self-test`: passes on a working installation, and fails loudly when a part is broken."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from qdgui import selftest
from qdgui.excel import ledger

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_and_renders_the_window(tmp_path):
    here = tmp_path / "cwd"
    here.mkdir()
    shot = here / "window.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=here,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "自检通过"
    assert (
        sum(line.startswith("  ok ") for line in lines) == 8
    )  # database, record, photos, ledger, weekly, translations, charts, window
    assert "征迁签约 | 拆违治乱" in done.stdout
    image = QImage(str(shot))
    assert image.width() >= 1000 and image.height() >= 600
    assert list(here.iterdir()) == [shot]  # everything else happened in a temporary folder
    assert not (tmp_path / "xdg-data").exists() or not any((tmp_path / "xdg-data").rglob("*.*"))


def test_a_broken_part_fails_the_self_test(qapp, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(ledger, "write_ledger", broken)
    assert selftest.run() == 1
    out = capsys.readouterr().out
    assert "  FAIL  Excel：导出台账并读回" in out and "disk gone" in out
    assert out.splitlines()[-1] == "自检失败：1 项未通过"
