"""This laptop's settings file: device identity, operator and home district/street (no Qt)."""

from __future__ import annotations

import getpass
import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from qdgui.models.records import Operator
from qdgui.paths import device_file


@dataclass(frozen=True)
class DeviceSettings:
    device_id: str
    operator: str = ""
    district_code: str = ""
    street_code: str = ""
    language: str = "zh_CN"
    week_ends_on: int = 6  # 0 = Monday ... 6 = Sunday: the last day of a reporting week
    # The weekly report as an official return: its form number and issuing office (top right), and
    # who answers for the figures (the footer). Set in the export dialog, kept for the next week.
    report_form_no: str = ""
    report_authority: str = ""
    unit_head: str = ""
    stats_head: str = ""
    filled_by: str = ""  # default: the operator
    phone: str = ""
    report_area_unit: str = "wan_m2"  # areas in the weekly report: 万平方米 ("wan_m2") or ㎡ ("m2")
    server_address: str = ""  # the district server last connected to, without its password
    server_at_start: bool = False  # ask for that server's password at start instead of opening the file

    @property
    def configured(self) -> bool:
        return bool(self.operator and self.district_code)

    def as_operator(self) -> Operator:
        return Operator(name=self.operator or _login_name(), device=self.device_id)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "unknown"


def _new_device_id() -> str:
    host = "".join(ch for ch in socket.gethostname() if ch.isalnum() or ch in "-_")[:40] or "laptop"
    return f"{host}-{uuid.uuid4().hex[:8]}"


def load(path: Path | None = None) -> DeviceSettings:
    """Read the settings, creating the device identity the first time."""
    path = path or device_file()
    data = {}
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
    known = {k: v for k, v in data.items() if k in DeviceSettings.__dataclass_fields__}
    if not known.get("device_id"):
        settings = DeviceSettings(device_id=_new_device_id(), **{k: v for k, v in known.items() if k != "device_id"})
        try:
            save(settings, path)
        except OSError:
            pass  # a read-only home still runs; the id is simply new next time
        return settings
    return DeviceSettings(**known)


def save(settings: DeviceSettings, path: Path | None = None) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path = path or device_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(".tmp")
    temp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, path)


def updated(settings: DeviceSettings, **changes) -> DeviceSettings:
    return replace(settings, **changes)
