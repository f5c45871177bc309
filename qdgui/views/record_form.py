"""The entry form of one record kind: keyboard first, problems shown at their field, drafts kept."""

from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from datetime import date, datetime
from typing import Callable

import sqlalchemy.exc
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qdgui.config import DeviceSettings
from qdgui.drafts import DraftStore
from qdgui.models import kinds, lookups, photos, repository, vocab
from qdgui.models.changes import Change
from qdgui.models.database import WINDOW_WAIT_MS, Database, write_failure
from qdgui.models.records import Problem, ValidationFailed, field_label
from qdgui.views.fields import CodeCombo, DateField, FormSpec, MultiLine, line_edit, year_choices
from qdgui.views.formatting import editable
from qdgui.views.photo_strip import PhotoStrip


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("Kinds", kinds.KINDS[kind].noun)


class ConfirmWarnings:
    """Asks whether to save in spite of warnings; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, problems: list[Problem]) -> bool:
        text = "\n".join(f"• {p.describe()}" for p in problems)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("RecordForm", "Please check"),
            QCoreApplication.translate("RecordForm", "Save anyway?") + "\n\n" + text,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save


class RecordForm(QWidget):
    saved = Signal(object)
    """A record was saved: its models.changes.Change (kind, UUID, version, values before and after)."""

    editing_changed = Signal(bool)
    """The form switched between entering a new record (False) and editing one (True)."""

    DRAFT_DELAY_MS = 300

    def __init__(
        self,
        spec: FormSpec,
        database: Database,
        settings: DeviceSettings,
        drafts: DraftStore,
        *,
        today: Callable[[], date] = date.today,
        parent=None,
    ):
        super().__init__(parent)
        self.spec = spec
        self._database = database
        self._settings = settings
        self._drafts = drafts
        self._today = today
        self._editing: tuple[str, int] | None = None
        self._restoring = False
        self._held = False  # the place's lists left as they are while the form is refilled (_reset)
        self._pristine: dict[str, str | None] = {}
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._draft_timer = QTimer(self, singleShot=True, interval=self.DRAFT_DELAY_MS)
        self._build()
        self._connect()
        self.reload_choices()
        if not self._restore_draft():
            self.start_new()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("form_title")
        self.title.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for field in self.spec.fields:
            widget = self._make_widget(field)
            widget.setObjectName(field.name)
            message = QLabel()
            message.setWordWrap(True)
            message.setObjectName(f"{field.name}_message")
            message.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(message)
            label = QLabel(field_label(field.name) + (" *" if field.required else ""))
            label.setBuddy(widget)
            form.addRow(label, cell)
            self.widgets[field.name] = widget
            self.messages[field.name] = message
        self.photos: PhotoStrip | None = None
        if self.spec.kind in photos.ROLES:  # a case's before/after photos, a park's on completion
            self.photos = PhotoStrip(self.spec.kind, self._database, self)
            self.photos.setObjectName("photos")
            self.photos.said.connect(self.show_status)
            label = QLabel(self.tr("Photos"))
            label.setBuddy(self.photos.list)
            form.addRow(label, self.photos)
        self.save_button = QPushButton(self.tr("Save (Enter)"))
        self.save_button.setObjectName("save_button")
        self.clear_button = QPushButton(self.tr("New entry (Esc)"))
        self.clear_button.setObjectName("clear_button")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("form_status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        self._style_title(editing=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch()

    def _make_widget(self, field) -> QWidget:
        if field.widget in ("district", "street", "community", "project", "choice", "year"):
            combo = CodeCombo(empty=not (field.required and field.widget in ("choice", "year", "district")))
            if field.widget == "choice":
                combo.set_choices([(code, vocab.label(field.vocabulary, code)) for code in field.vocabulary])
            elif field.widget == "year":
                combo.set_choices(year_choices(self._today()))
            return combo
        if field.widget == "date":
            return DateField()
        if field.widget == "multiline":
            return MultiLine()
        return line_edit(field.hint)

    def _style_title(self, *, editing: bool) -> None:
        # Editing a saved record must never pass unnoticed: the title turns into an amber banner.
        if editing:
            self.title.setStyleSheet(
                "font-size: 15px; font-weight: bold; color: #5c3a00; background: #ffe2a8;"
                "border: 1px solid #d08000; padding: 4px;"
            )
            self.save_button.setText(self.tr("Save changes (Enter)"))
            self.clear_button.setText(self.tr("Stop editing (Esc)"))
        else:
            self.title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px;")
            self.save_button.setText(self.tr("Save (Enter)"))
            self.clear_button.setText(self.tr("New entry (Esc)"))

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.start_new)
        self._draft_timer.timeout.connect(self._write_draft)
        for name, widget in self.widgets.items():
            signal = (
                widget.currentIndexChanged
                if isinstance(widget, CodeCombo)
                else (getattr(widget, "text_changed", None) or widget.textChanged)
            )
            signal.connect(lambda *_, field=name: self._changed(field))
        if "district_code" in self.widgets:
            self.widgets["district_code"].currentIndexChanged.connect(self._district_changed)
        if "street_code" in self.widgets and "community_uuid" in self.widgets:
            self.widgets["street_code"].currentIndexChanged.connect(self._street_changed)

    # ------------------------------------------------------------------ choices
    def reload_choices(self) -> None:
        """Refill the cascading lists (after projects or communities changed)."""
        with self._database.sessions() as session, self._quietly():
            if "district_code" in self.widgets:
                self.widgets["district_code"].set_choices(lookups.districts(session))
            self._fill_dependants(session)

    @contextmanager
    def _quietly(self):
        """Changes made by the program, not typed by the user: no draft is written for them."""
        before, self._restoring = self._restoring, True
        try:
            yield
        finally:
            self._restoring = before

    def _fill_dependants(self, session) -> None:
        district = self.widgets["district_code"].code() if "district_code" in self.widgets else None
        if "street_code" in self.widgets:
            streets = (
                lookups.streets(session, district)
                if "district_code" in self.widgets
                else [s for d, _ in lookups.districts(session) for s in lookups.streets(session, d)]
            )
            self.widgets["street_code"].set_choices(streets)
        if "project_uuid" in self.widgets:
            self.widgets["project_uuid"].set_choices(lookups.projects(session, district))
        if "community_uuid" in self.widgets:
            street = self.widgets["street_code"].code()
            self.widgets["community_uuid"].set_choices(lookups.communities(session, street))

    def _district_changed(self) -> None:
        if self._held:
            return
        with self._database.sessions() as session, self._quietly():
            self._fill_dependants(session)

    def _street_changed(self) -> None:
        if self._held:
            return
        with self._database.sessions() as session, self._quietly():
            self.widgets["community_uuid"].set_choices(lookups.communities(session, self.widgets["street_code"].code()))

    # ------------------------------------------------------------------ values
    def raw_values(self) -> dict[str, str | None]:
        values = {}
        for name, widget in self.widgets.items():
            values[name] = widget.code() if isinstance(widget, CodeCombo) else (widget.text() or None)
        return values

    def set_raw_values(self, values: dict) -> None:
        # Parents before children, so each cascading list holds the child's choice when it is set.
        order = ["district_code", "street_code"] + [
            n for n in self.widgets if n not in ("district_code", "street_code")
        ]
        for name in order:
            if name not in self.widgets or name not in values:
                continue
            widget, value = self.widgets[name], values[name]
            if isinstance(widget, CodeCombo):
                widget.set_code(None if value is None else str(value))
            else:
                widget.setText(editable(value))

    def draft(self):
        return self.spec.draft(**self.raw_values())

    def set_settings(self, settings: DeviceSettings) -> None:
        """New defaults from 本机设置 apply at once: to an untouched form wholly, otherwise to the
        place fields that still hold the old defaults."""
        old, self._settings = self._settings, settings
        if self._editing is not None:
            return
        if not self.is_dirty():
            self._reset(keep=False)
            return
        with self._quietly():
            values = self.raw_values()
            for name, before, after in (
                ("district_code", old.district_code, settings.district_code),
                ("street_code", old.street_code, settings.street_code),
            ):
                if name in self.widgets and (values.get(name) or "") == (before or ""):
                    self.set_raw_values({name: after or None})

    @property
    def editing(self) -> tuple[str, int] | None:
        return self._editing

    def is_dirty(self) -> bool:
        """Has the clerk typed or chosen anything since the form was last filled by the program?"""
        return self.raw_values() != self._pristine or (self.photos is not None and self.photos.pending)

    def show_status(self, text: str, tone: str = "info") -> None:
        colours = {"ok": "color: #1b7f3b; font-weight: bold;", "error": "color: #b00020;", "info": "color: #1f5fa8;"}
        self.status.setText(text)
        self.status.setStyleSheet(colours[tone])

    # ------------------------------------------------------------------ actions
    def start_new(self) -> None:
        """Empty the form for a new entry, keeping what the next entry most likely shares."""
        self._reset(keep=self._editing is None)  # clears the status line too
        self.focus_first()

    def _reset(self, *, keep: bool) -> None:
        values = self.raw_values()
        kept = {f.name: values[f.name] for f in self.spec.fields if f.keep} if keep else {}
        was_editing = self._editing is not None
        self._editing = None
        with self._quietly():
            # The next entry is nearly always in the same place: the street, project and village lists
            # stay as they are while the fields are emptied and refilled (reading them again after
            # every save cost more than the save on a server). Only when the place has moved are the
            # fields filled again with the lists following it.
            place = self._place()
            self._held = True
            try:
                self._refill(kept)
            finally:
                self._held = False
            if self._place() != place:
                self._refill(kept)
        self._pristine = self.raw_values()
        if self.photos is not None:
            self.photos.clear()
        self._show_problems([], focus=False)
        self._style_title(editing=False)
        self.title.setText(self.tr("New {kind}").format(kind=kind_name(self.spec.kind)))
        self._drafts.clear(self.spec.kind)
        if was_editing:
            self.editing_changed.emit(False)

    def _place(self) -> tuple:
        return tuple(self.widgets[n].code() for n in ("district_code", "street_code") if n in self.widgets)

    def _refill(self, kept: dict) -> None:
        self.set_raw_values({name: None for name in self.widgets})
        self._apply_defaults()
        self.set_raw_values({k: v for k, v in kept.items() if v})

    def _apply_defaults(self) -> None:
        defaults = {
            "district_code": self._settings.district_code or None,
            "street_code": self._settings.street_code or None,
        }
        for field in self.spec.fields:
            if field.widget == "date" and field.required:
                defaults[field.name] = self._today().isoformat()
            if field.widget == "year":
                defaults[field.name] = str(self._today().year)
        self.set_raw_values(defaults)
        # A required project or village with a single choice in this place is that choice.
        for field in self.spec.fields:
            widget = self.widgets[field.name]
            if field.required and field.widget in ("project", "community") and widget.code() is None:
                choices = [widget.itemData(i) for i in range(widget.count()) if widget.itemData(i)]
                if len(choices) == 1:
                    widget.set_code(choices[0])

    def focus_first(self) -> None:
        """Focus the first field the next entry needs (the first one not kept)."""
        for field in self.spec.fields:
            if not field.keep:
                self.widgets[field.name].setFocus()
                return

    def edit(self, uuid: str) -> None:
        """Load a saved record for correction."""
        table = kinds.KINDS[self.spec.kind].table
        with self._database.sessions() as session:
            row = repository.get(session, table, uuid)
            values = {name: getattr(row, name) for name in self.widgets}
            version = row.version
        with self._quietly():
            self.set_raw_values(values)
        self._pristine = self.raw_values()
        if self.photos is not None:
            self.photos.load(uuid)
        self._editing = (uuid, version)
        self._show_problems([], focus=False)
        self._show_editing_title(version)
        self.show_status(self.tr("Editing a saved record: Enter saves the changes to it, Esc leaves it unchanged."))
        self.editing_changed.emit(True)
        self.focus_first()

    def _show_editing_title(self, version) -> None:
        self._style_title(editing=True)
        self.title.setText(
            self.tr("Editing a saved {kind} (version {version})").format(
                kind=kind_name(self.spec.kind), version=version
            )
        )

    def save(self) -> str | None:
        """Save what the form holds in one transaction; returns the UUID, or None when refused."""
        draft = self.draft()
        confirmed = False
        while True:
            try:
                change = self._write(draft, confirmed)
            except ValidationFailed as failed:
                if not confirmed and all(not p.is_error for p in failed.problems):
                    self._show_problems(failed.problems)
                    if ConfirmWarnings.ask(self, failed.problems):
                        confirmed = True
                        continue
                    return None
                self._show_problems(failed.problems)
                self.show_status(self.tr("Not saved: please correct the fields marked in red."), "error")
                return None
            except repository.StaleRecord as exc:
                # Another clerk (or this laptop's merge) saved the record since it was opened here.
                self.show_status(self.tr("Not saved.") + " " + str(exc), "error")
                answer = QMessageBox.question(
                    self,
                    self.tr("Not saved"),
                    str(exc) + "\n\n" + self.tr("Reload the record now? What you typed here will be replaced."),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes and self._editing is not None:
                    self.edit(self._editing[0])
                return None
            except repository.RecordNotFound as exc:
                QMessageBox.warning(self, self.tr("Not saved"), str(exc))
                return None
            except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.IntegrityError, OSError) as exc:
                message = write_failure(exc)
                if message is None:
                    raise
                self.show_status(self.tr("Not saved.") + " " + message, "error")
                QMessageBox.warning(self, self.tr("Not saved"), message)
                return None
            break
        was_editing = self._editing is not None
        self._reset(keep=not was_editing)
        self.focus_first()
        message = (
            self.tr("Changes saved at {time}.")
            if was_editing
            else self.tr("Saved at {time}. Ready for the next entry.")
        )
        self.show_status(message.format(time=datetime.now().strftime("%H:%M:%S")), "ok")
        self.saved.emit(change)
        return change.uuid

    def _write(self, draft, confirmed: bool) -> Change:
        uuid, version = self._editing if self._editing is not None else (None, None)
        with self._database.begin(wait_ms=WINDOW_WAIT_MS) as session:
            change = repository.save(
                session,
                draft,
                by=self._settings.as_operator(),
                today=self._today(),
                uuid=uuid,
                expected_version=version,
                confirm_warnings=confirmed,
            )
            if self.photos is not None and self.photos.pending:  # with the record, in its transaction
                added, removed = self.photos.write(session, change.uuid, by=self._settings.as_operator())
                change = dataclasses.replace(change, photos_added=added, photos_removed=removed)
        return change  # reported only now: the commit has returned

    # ------------------------------------------------------------------ problems
    def _show_problems(self, problems: list[Problem], *, focus: bool = True) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(
                problem.field if problem.field in self.widgets else self.spec.fields[0].name, []
            ).append(problem)
        first = None
        for name, label in self.messages.items():
            found = by_field.get(name, [])
            widget = self.widgets[name]
            if not found:
                label.hide()
                widget.setStyleSheet("")
                continue
            error = any(p.is_error for p in found)
            label.setProperty("severity", "error" if error else "warning")
            label.setText("；".join(p.message for p in found))
            label.setStyleSheet(f"color: {'#b00020' if error else '#a05a00'};")
            label.show()
            widget.setStyleSheet(f"border: 1px solid {'#b00020' if error else '#d08000'};")
            if first is None and error:
                first = widget
        if problems and focus:
            target = first or self.widgets.get(problems[0].field)
            if target is not None:
                target.setFocus()
        self.status.setText("")

    def problem_text(self, field: str) -> str:
        label = self.messages[field]
        return "" if label.isHidden() else label.text()

    # ------------------------------------------------------------------ drafts
    def _changed(self, field: str) -> None:
        if self._restoring:
            return
        self._draft_timer.start()
        # What the clerk corrects stops being red at once, not only at the next save.
        message = self.messages[field]
        if not message.isHidden():
            message.hide()
            self.widgets[field].setStyleSheet("")

    def _write_draft(self) -> None:
        values = self.raw_values()
        if self._editing:
            values["__editing__"], values["__version__"] = self._editing[0], str(self._editing[1])
        self._drafts.save(self.spec.kind, values)

    def flush_draft(self) -> None:
        """Write a pending draft now (the window is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self._write_draft()

    def _restore_draft(self) -> bool:
        values = self._drafts.load(self.spec.kind)
        if not values:
            return False
        editing = values.pop("__editing__", None)
        version = values.pop("__version__", None)
        with self._quietly():
            self.set_raw_values(values)
        if editing and version:
            self._editing = (editing, int(version))
            self._show_editing_title(version)
        else:
            self._style_title(editing=False)
            self.title.setText(self.tr("New {kind}").format(kind=kind_name(self.spec.kind)))
        self._pristine = {name: None for name in self.widgets}  # restored text is the clerk's, not ours
        self.show_status(self.tr("Restored the entry you had not saved."))
        return True

    # ------------------------------------------------------------------ keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Fields pass Enter up to here (QLineEdit and closed combo boxes ignore it); the remarks
        # box keeps it for a new line, and a button keeps it for its own click.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), (MultiLine, QAbstractButton)
        ):
            self.save()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.start_new()
            return
        super().keyPressEvent(event)
