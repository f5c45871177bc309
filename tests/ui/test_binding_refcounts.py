"""Guard against the PySide6 6.12.0 defect: every void Qt call and every emit lost a reference."""

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 2000


class Emitter(QObject):
    changed = Signal(bool)
    plain = Signal()


def test_void_calls_and_emits_keep_none_and_true_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = Emitter()
    seen = []
    emitter.changed.connect(seen.append)
    emitter.plain.connect(lambda: None)
    for _ in range(100):  # warm caches first, so they do not count as a change
        label.setText("x")
        emitter.changed.emit(True)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(CALLS):
        label.setText(str(i))  # void C++ call: returns None
        label.update()
        emitter.changed.emit(True)
        emitter.plain.emit()
    none_after, true_after = sys.getrefcount(None), sys.getrefcount(True)
    # With the defect these fall by about CALLS * 2 and CALLS; a healthy binding holds them steady.
    assert none_after >= none_before - 50, (none_before, none_after)
    assert true_after >= true_before - 50, (true_before, true_after)
    assert len(seen) == CALLS + 100
