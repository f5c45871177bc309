"""How values look in tables and fields: dates, exact decimals with separators, vocabulary labels."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from qdgui.models import vocab


def display(value, vocabulary: dict | None = None, *, grouped: bool = True) -> str:
    if value is None:
        return ""
    if vocabulary is not None:
        return vocab.label(vocabulary, value)
    if isinstance(value, datetime):  # stored in UTC, shown in the laptop's time
        return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if grouped else str(value)
    return str(value)


def editable(value) -> str:
    """A stored value as text a form field shows for editing (no thousands separators)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)
