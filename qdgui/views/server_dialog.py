"""File > Connect to a district server: the address of a PostgreSQL server, tried before the window
switches to it; the password is used for this session only (qdgui keeps none: ~/.pgpass can)."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qdgui.config import DeviceSettings
from qdgui.models.database import Database, DatabaseError


def server_address(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """The postgresql:// address of the fields (each part quoted: a password may hold @ or /)."""
    auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    if host.startswith("/"):  # a Unix socket folder
        return f"postgresql://{auth}@/{quote(database, safe='')}?host={quote(host, safe='/')}&port={port}"
    return f"postgresql://{auth}@{host}:{port}/{quote(database, safe='')}"


class ServerDialog(QDialog):
    """Asks for the server, user and password; `database` holds the opened server on acceptance."""

    def __init__(self, settings: DeviceSettings, parent: QWidget | None = None, *, at_start: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a district server"))
        self.database: Database | None = None
        self.remember_address: str | None = None
        self.start_with_server = bool(settings.server_at_start)
        host, port, name, user = _parts(settings.server_address)
        self.host = QLineEdit(host)
        self.host.setPlaceholderText(self.tr("e.g. 10.20.1.5 or qdgui.laoshan.gov"))
        self.port = QSpinBox(minimum=1, maximum=65535, value=port)
        self.name = QLineEdit(name or "qdgui")
        self.user = QLineEdit(user)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty if it is kept in ~/.pgpass"))
        self.remember = QCheckBox(self.tr("Remember this server (not the password)"))
        self.remember.setChecked(True)
        self.at_start = QCheckBox(self.tr("Connect to it when qdgui s&tarts (asks for the password)"))
        self.at_start.setChecked(self.start_with_server)
        self.remember.toggled.connect(self.at_start.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.name)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.at_start)
        self.problem = QLabel(wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        hint = QLabel(
            self.tr(
                "The district's or city's shared database. What you can see and change there is decided by your "
                "user's place (street, district or city), set by the server's administrator."
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        if at_start:  # qdgui starting: the way out is this laptop's own database, offline as always
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Use this &laptop's database"))
            hint.setText(
                self.tr(
                    "qdgui connects to the district server when it starts. Without a network, use this laptop's own database."
                )
            )
        buttons.accepted.connect(self._connect)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if not host:
            self.host.setFocus()
        elif not user:
            self.user.setFocus()
        else:
            self.password.setFocus()
        self.resize(480, self.sizeHint().height())

    def address(self, *, with_password: bool = True) -> str:
        return server_address(
            self.host.text().strip(),
            self.port.value(),
            self.name.text().strip(),
            self.user.text().strip(),
            self.password.text() if with_password else "",
        )

    def _connect(self) -> None:
        missing = [
            label
            for label, field in (
                (self.tr("server"), self.host),
                (self.tr("database"), self.name),
                (self.tr("user"), self.user),
            )
            if not field.text().strip()
        ]
        if missing:
            self._say(self.tr("Please fill in: {fields}").format(fields=", ".join(missing)))
            return
        from qdgui.models.migrate import open_database

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.database, _ = open_database(self.address())
        except DatabaseError as exc:
            self._say(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.remember_address = self.address(with_password=False) if self.remember.isChecked() else None
        self.start_with_server = self.remember.isChecked() and self.at_start.isChecked()
        self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


def remembered_server(settings: DeviceSettings, dialog: ServerDialog, path=None) -> DeviceSettings:
    """The settings with the server as the accepted dialog chose to keep it (the address, never the
    password, and whether to connect at start), saved when they changed."""
    from qdgui import config

    changes: dict = {"server_at_start": dialog.start_with_server}
    if dialog.remember_address is not None:
        changes["server_address"] = dialog.remember_address
    kept = config.updated(settings, **changes)
    if kept != settings:
        config.save(kept, path)
    return kept


def _parts(address: str) -> tuple[str, int, str, str]:
    """host, port, database, user of a remembered address (no password is ever remembered)."""
    if not address:
        return "", 5432, "", ""
    from qdgui.models.server import BadAddress, engine_url

    try:
        url = engine_url(address)
    except BadAddress:
        return "", 5432, "", ""
    host = url.host or str(url.query.get("host") or "")
    return host, url.port or int(str(url.query.get("port") or 5432)), url.database or "", url.username or ""
