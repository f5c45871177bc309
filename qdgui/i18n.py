"""Qt-free message lookup from the same .ts catalogue that Qt's QTranslator loads as .qm."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from qdgui.paths import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")

_catalog: dict[tuple[str, str], str] = {}
_language = "en"


def catalog_path(language: str) -> Path:
    return resources_dir() / "translations" / f"qdgui_{language}.ts"


def load_catalog(path: Path) -> dict[tuple[str, str], str]:
    catalog: dict[tuple[str, str], str] = {}
    if not path.exists():
        return catalog
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or not node.text:
                continue
            if node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalog[(name, source)] = node.text
    return catalog


def set_language(language: str) -> None:
    """Select the language of every message the Qt-free layers produce ("en" is the source)."""
    global _language, _catalog
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _language = language
    _catalog = {} if language == "en" else load_catalog(catalog_path(language))


def language() -> str:
    return _language


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string for the catalogue without translating it yet."""
    return text


def translate(context: str, text: str) -> str:
    """Translate an English source string; lupdate finds calls by this name."""
    return _catalog.get((context, text), text)


set_language(DEFAULT_LANGUAGE)
