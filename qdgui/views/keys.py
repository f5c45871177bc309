"""Ctrl+Z goes to the window's undo when the focused field has nothing of its own to undo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit


def has_own_undo(widget) -> bool:
    """Does this text field hold typed edits that Ctrl+Z should take back first?"""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.document().isUndoAvailable()
    return False


class UndoRouter(QObject):
    """An application event filter: a text field claims Ctrl+Z (ShortcutOverride) even when its own
    undo stack is empty, as it is right after a save refilled the form; then the Edit menu's
    "undo last change" must get the key."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            focus = QApplication.focusWidget()
            if isinstance(focus, (QLineEdit, QPlainTextEdit, QTextEdit)) and not has_own_undo(focus):
                event.ignore()
                return True  # not overridden: the window's shortcut fires
        return False
