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
from qdgui.models import vocab
from qdgui.models.parse import ParseError, parse_date
from qdgui.models.records import (
    CommunityDraft,
    DemolitionDraft,
    ParkDraft,
    ProjectDraft,
    SigningDraft,
    TargetDraft,
)


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


S = FieldSpec
FORMS: dict[str, FormSpec] = {
    "signing": FormSpec("signing", SigningDraft, (
        S("district_code", "district", keep=True, required=True),
        S("street_code", "street", keep=True, required=True),
        S("project_uuid", "project", keep=True, required=True),
        S("community_uuid", "community", keep=True),
        S("signed_on", "date", keep=True, required=True),
        S("households", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 60 or 60户")),
        S("houses", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 70 or 70处")),
        S("area_m2", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 8400 or 0.84万平方米")),
        S("land_mu", "number"),
        S("agreement_no", "text"),
        S("compensation", "choice", vocab.COMPENSATION_TYPES, keep=True),
        S("remarks", "multiline"),
    )),
    "demolition": FormSpec("demolition", DemolitionDraft, (
        S("case_no", "text", required=True),
        S("district_code", "district", keep=True, required=True),
        S("street_code", "street", keep=True, required=True),
        S("community_uuid", "community", keep=True),
        S("address", "text", required=True),
        S("key_zone", "text", keep=True),
        S("structure", "choice", vocab.STRUCTURES, required=True),
        S("area_m2", "number", required=True, hint=QT_TRANSLATE_NOOP("Hints", "e.g. 120 or 120㎡")),
        S("disposal", "choice", vocab.DISPOSALS, keep=True, required=True),
        S("status", "choice", vocab.DEMOLITION_STATUSES, keep=True, required=True),
        S("found_on", "date", keep=True, required=True),
        S("done_on", "date", keep=True),
        S("enforcement_unit", "text", keep=True),
        S("project_uuid", "project", keep=True),
        S("remarks", "multiline"),
    )),
    "park": FormSpec("park", ParkDraft, (
        S("name", "text", required=True),
        S("kind", "choice", vocab.PARK_KINDS, keep=True, required=True),
        S("district_code", "district", keep=True, required=True),
        S("street_code", "street", keep=True),
        S("plan_year", "year", keep=True, required=True),
        S("status", "choice", vocab.PARK_STATUSES, keep=True, required=True),
        S("area_m2", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 35000 or 3.5万平方米")),
        S("length_km", "number", hint=QT_TRANSLATE_NOOP("Hints", "greenways: e.g. 5.8公里")),
        S("investment_wan", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 1200 or 0.12亿元")),
        S("started_on", "date"),
        S("completed_on", "date", keep=True),
        S("project_uuid", "project", keep=True),
        S("remarks", "multiline"),
    )),
    "project": FormSpec("project", ProjectDraft, (
        S("name", "text", required=True),
        S("campaign_area", "choice", vocab.CAMPAIGN_AREAS, keep=True, required=True),
        S("district_code", "district", keep=True, required=True),
        S("street_code", "street", keep=True),
        S("total_households", "number"),
        S("total_houses", "number"),
        S("total_area_m2", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 62.4万平方米")),
        S("total_land_mu", "number", hint=QT_TRANSLATE_NOOP("Hints", "e.g. 1850亩")),
        S("remarks", "multiline"),
    )),
    "annual_target": FormSpec("annual_target", TargetDraft, (
        S("year", "year", keep=True, required=True),
        S("district_code", "district", keep=True, required=True),
        S("street_code", "street", keep=True),
        S("measure", "choice", vocab.MEASURES, required=True),
        S("value", "number", required=True),
    )),
    "community": FormSpec("community", CommunityDraft, (
        S("street_code", "street", keep=True, required=True),
        S("name", "text", required=True),
        S("kind", "choice", vocab.COMMUNITY_KINDS, keep=True, required=True),
    )),
}


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
        self.setFixedHeight(56)
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
