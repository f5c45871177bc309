"""Stored values as people know them: names for codes and UUIDs, labels for vocabulary codes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from qdgui.i18n import translate
from qdgui.models import kinds, vocab
from qdgui.models.tables import Community, Division, Project


class Namer:
    """Reads names on demand and keeps them for the life of one dialog or report."""

    def __init__(self, session: Session):
        self._session = session
        self._cache: dict[tuple[str, str], str] = {}
        self._told: dict[tuple[str, str], str] = {}

    def know(self, table_name: str, key: str, name: str) -> None:
        """The name a file gives a project or village that may not be (or not yet be) here: used
        where the database has none, instead of its UUID."""
        self._told[(table_name, key)] = name

    def _name(self, table, key_column, name_column, key: str) -> str:
        cache_key = (table.__tablename__, key)
        if cache_key not in self._cache:
            found = self._session.scalar(select(name_column).where(key_column == key))
            self._cache[cache_key] = found or self._told.get(cache_key) or key
        return self._cache[cache_key]

    def value(self, kind: str, field: str, value) -> str:
        """One field's value as a person reads it ("" for nothing)."""
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return translate("Describe", "yes") if value else translate("Describe", "no")
        vocabulary = kinds.FIELD_VOCABULARIES.get((kind, field))
        if vocabulary is not None:
            return vocab.label(vocabulary, str(value))
        text = str(value)
        if field in ("district_code", "street_code"):
            return self._name(Division, Division.code, Division.name, text)
        if field == "project_uuid":
            return self._name(Project, Project.uuid, Project.name, text)
        if field == "community_uuid":
            return self._name(Community, Community.uuid, Community.name, text)
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, Decimal):
            text = f"{value:f}"
            return text.rstrip("0").rstrip(".") if "." in text else text
        return text

    def record(self, kind: str, values: dict) -> str:
        """A record named by what people know of it: date, place, project, number, address."""
        parts = []
        for field in kinds.KINDS[kind].known_by:
            text = self.value(kind, field, values.get(field))
            if text and field == "households":
                text = translate("Describe", "{n} households").format(n=text)
            if text and field == "agreement_no":
                text = translate("Describe", "agreement {no}").format(no=text)
            if text:
                parts.append(text)
        return " ".join(parts) or translate("Describe", "(no details)")
