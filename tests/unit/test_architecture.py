"""The Qt-free layers stay Qt-free: a rule of the house that a test enforces."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = [
    ROOT / "qdgui" / "models",
    ROOT / "qdgui" / "i18n.py",
    ROOT / "qdgui" / "config.py",
    ROOT / "qdgui" / "cli.py",
    ROOT / "qdgui" / "cli_export.py",
    ROOT / "qdgui" / "cli_import.py",
    ROOT / "qdgui" / "excel",
]
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "qdgui.views")


def _python_files():
    for place in QT_FREE:
        yield from ([place] if place.is_file() else sorted(place.rglob("*.py")))


def test_no_qt_import_is_written_in_the_qt_free_layers():
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n.startswith(FORBIDDEN)]
    assert offenders == []


def test_importing_every_model_module_loads_no_qt():
    modules = [
        f"qdgui.{package}." + p.stem
        for package in ("models", "excel")
        for p in sorted((ROOT / "qdgui" / package).glob("*.py"))
        if p.stem != "__init__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "import qdgui.cli, qdgui.cli_export, qdgui.cli_import, qdgui.config\n"
        + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken6')))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    assert len(modules) >= 10
