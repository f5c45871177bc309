"""Which widget each draft field gets, per record kind, and the small field widgets themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from qdgui.i18n import QT_TRANSLATE_NOOP
from qdgui.models import kinds
from qdgui.models.parse import ParseError, parse_date


@dataclass(frozen=True)
class FieldSpec:
    name: str
    widget: str  # text, number, date, year, choice, district, street, community, project, multiline
    vocabulary: dict | None = None
    keep: bool = False  # kept for the next entry after a save
    required: bool = False
    hint: str = ""  # English source of a placeholder, translated in the "Hints" context


@dataclass(frozen=True)
class FormSpec:
    kind: str
    draft: type
    fields: tuple[FieldSpec, ...]


# The form's own part of each field: kept for the next entry, and a placeholder hint. Which fields,
# in which order, of which type and vocabulary, and which are required: the registry (models/kinds.py).
_KEPT = {
    "signing": {"district_code", "street_code", "project_uuid", "community_uuid", "signed_on", "compensation"},
    "demolition": {
        "district_code",
        "street_code",
        "community_uuid",
        "key_zone",
        "disposal",
        "status",
        "found_on",
        "done_on",
        "enforcement_unit",
        "project_uuid",
    },
    "park": {"kind", "district_code", "street_code", "plan_year", "status", "completed_on", "project_uuid"},
    "project": {"campaign_area", "district_code", "street_code"},
    "annual_target": {"year", "district_code", "street_code"},
    "community": {"street_code", "kind"},
}
_HINTS = {
    ("signing", "households"): QT_TRANSLATE_NOOP("Hints", "e.g. 60 or 60户"),
    ("signing", "houses"): QT_TRANSLATE_NOOP("Hints", "e.g. 70 or 70处"),
    ("signing", "area_m2"): QT_TRANSLATE_NOOP("Hints", "e.g. 8400 or 0.84万平方米"),
    ("demolition", "area_m2"): QT_TRANSLATE_NOOP("Hints", "e.g. 120 or 120㎡"),
    ("park", "area_m2"): QT_TRANSLATE_NOOP("Hints", "e.g. 35000 or 3.5万平方米"),
    ("park", "length_km"): QT_TRANSLATE_NOOP("Hints", "greenways: e.g. 5.8公里"),
    ("park", "investment_wan"): QT_TRANSLATE_NOOP("Hints", "e.g. 1200 or 0.12亿元"),
    ("project", "total_area_m2"): QT_TRANSLATE_NOOP("Hints", "e.g. 62.4万平方米"),
    ("project", "total_land_mu"): QT_TRANSLATE_NOOP("Hints", "e.g. 1850亩"),
}
_WIDGETS = {
    "text": "text",
    "multiline": "multiline",
    "int": "number",
    "decimal": "number",
    "date": "date",
    "year": "year",
    "choice": "choice",
}


def _widget(field: kinds.FieldInfo) -> str:
    if field.type == "division":
        return "district" if field.name == "district_code" else "street"
    if field.type == "reference":
        return field.references or "text"
    return _WIDGETS[field.type]


def _form(info: kinds.KindInfo) -> FormSpec:
    return FormSpec(
        info.name,
        info.draft,
        tuple(
            FieldSpec(
                f.name,
                _widget(f),
                f.vocabulary,
                keep=f.name in _KEPT[info.name],
                required=f.required,
                hint=_HINTS.get((info.name, f.name), ""),
            )
            for f in info.fields
        ),
    )


FORMS: dict[str, FormSpec] = {name: _form(info) for name, info in kinds.KINDS.items()}


class DateField(QWidget):
    """Typed dates in any common form ("2023.2.23", "2023年2月23日"), or picked from a calendar."""

    text_changed = Signal(str)
    return_pressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("yyyy-mm-dd"))
        self.button = QToolButton()
        self.button.setText(self.tr("Calendar"))
        self.button.setToolTip(self.tr("Pick from the calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users type; Tab skips the button
        self.calendar = QCalendarWidget()
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.text_changed)
        self.edit.returnPressed.connect(self.return_pressed)
        self.calendar.clicked.connect(self._picked)
        menu.aboutToShow.connect(self._sync_calendar)

    def _sync_calendar(self) -> None:
        try:
            current = parse_date(self.edit.text())
        except ParseError:
            current = None
        current = current or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.edit.setText(picked.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - same name as QLineEdit's, on purpose
        self.edit.setText(text)


class CodeCombo(QComboBox):
    """A choice stored as a code (or UUID) and shown by its label; the first entry may be empty."""

    def __init__(self, parent=None, *, empty: bool = True):
        super().__init__(parent)
        self._empty = empty
        self.setEditable(False)
        self.setMinimumContentsLength(12)

    def set_choices(self, choices: list[tuple[str, str]]) -> None:
        choices = [(code, label) for code, label in choices]
        if choices == getattr(self, "_choices", None):
            return  # the same list (after every save, as a rule): nothing to rebuild
        self._choices = choices
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self._empty:
            self.addItem("", None)
        for code, label in choices:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else (0 if self._empty else -1)
        self.setCurrentIndex(max(index, 0) if (index >= 0 or self._empty) else -1)


class MultiLine(QPlainTextEdit):
    """Remarks: Tab moves on (it does not insert a tab), as in every other field."""

    text_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(46)  # two lines (more scroll): the photo strip needs the room on a 768-pixel screen
        self.textChanged.connect(lambda: self.text_changed.emit(self.toPlainText()))

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        self.setPlainText(text)


def year_choices(today: date) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(today.year + 1, today.year - 6, -1)]


def line_edit(hint: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setClearButtonEnabled(True)
    if hint:
        from PySide6.QtCore import QCoreApplication

        edit.setPlaceholderText(QCoreApplication.translate("Hints", hint))
    return edit
