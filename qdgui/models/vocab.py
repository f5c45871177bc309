"""Closed vocabularies of the domain: stored codes, with English source labels for translation."""

from __future__ import annotations

from qdgui import i18n
from qdgui.i18n import QT_TRANSLATE_NOOP, translate

CAMPAIGN_AREAS = {
    "historic_district": QT_TRANSLATE_NOOP("Vocab", "Historic district protection and renewal"),
    "low_efficiency_zone": QT_TRANSLATE_NOOP("Vocab", "Low-efficiency zone (park) development"),
    "old_city_village": QT_TRANSLATE_NOOP("Vocab", "Old city and old village renewal"),
    "municipal": QT_TRANSLATE_NOOP("Vocab", "Municipal facilities"),
    "transport": QT_TRANSLATE_NOOP("Vocab", "Transport infrastructure"),
    "metro": QT_TRANSLATE_NOOP("Vocab", "Metro construction and line-side development"),
    "parking": QT_TRANSLATE_NOOP("Vocab", "Parking facilities"),
    "park_city": QT_TRANSLATE_NOOP("Vocab", "Park city construction"),
    "demolition": QT_TRANSLATE_NOOP("Vocab", "Illegal construction removal"),
    "licun_river": QT_TRANSLATE_NOOP("Vocab", "Licun River (Zhangcun River) basin renewal"),
}

COMPENSATION_TYPES = {
    "cash": QT_TRANSLATE_NOOP("Vocab", "Cash compensation"),
    "swap": QT_TRANSLATE_NOOP("Vocab", "Property swap"),
    "mixed": QT_TRANSLATE_NOOP("Vocab", "Cash and property swap"),
}

STRUCTURES = {
    "brick_concrete": QT_TRANSLATE_NOOP("Vocab", "Brick-concrete"),
    "steel": QT_TRANSLATE_NOOP("Vocab", "Steel frame"),
    "color_steel": QT_TRANSLATE_NOOP("Vocab", "Colour steel sheet"),
    "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
}

DISPOSALS = {
    "demolish": QT_TRANSLATE_NOOP("Vocab", "Demolish"),
    "rectify": QT_TRANSLATE_NOOP("Vocab", "Rectify"),
    "renovate": QT_TRANSLATE_NOOP("Vocab", "Renovate"),
}

DEMOLITION_STATUSES = {
    "identified": QT_TRANSLATE_NOOP("Vocab", "Identified"),
    "in_progress": QT_TRANSLATE_NOOP("Vocab", "In progress"),
    "demolished": QT_TRANSLATE_NOOP("Vocab", "Demolished"),
    "rectified": QT_TRANSLATE_NOOP("Vocab", "Rectified"),
}
DEMOLITION_DONE = ("demolished", "rectified")

PARK_KINDS = {
    "hill": QT_TRANSLATE_NOOP("Vocab", "Hill park"),
    "comprehensive": QT_TRANSLATE_NOOP("Vocab", "Comprehensive park"),
    "pocket": QT_TRANSLATE_NOOP("Vocab", "Pocket park"),
    "community": QT_TRANSLATE_NOOP("Vocab", "Community park"),
    "corridor": QT_TRANSLATE_NOOP("Vocab", "Tree-lined corridor"),
    "vertical": QT_TRANSLATE_NOOP("Vocab", "Vertical greening"),
    "greenway": QT_TRANSLATE_NOOP("Vocab", "Coastal greenway"),
}
# Greenways are measured in kilometres; every other kind is counted and has an area.
LENGTH_PARK_KINDS = ("greenway",)

PARK_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("Vocab", "Planned"),
    "building": QT_TRANSLATE_NOOP("Vocab", "Under construction"),
    "completed": QT_TRANSLATE_NOOP("Vocab", "Completed"),
}

COMMUNITY_KINDS = {
    "community": QT_TRANSLATE_NOOP("Vocab", "Community"),
    "village": QT_TRANSLATE_NOOP("Vocab", "Village"),
}

# measure code -> (label, unit label)
MEASURES = {
    "signed_households": (QT_TRANSLATE_NOOP("Vocab", "Households signed"), QT_TRANSLATE_NOOP("Units", "households")),
    "signed_houses": (QT_TRANSLATE_NOOP("Vocab", "Houses signed"), QT_TRANSLATE_NOOP("Units", "houses")),
    "signed_area": (QT_TRANSLATE_NOOP("Vocab", "Building area signed"), QT_TRANSLATE_NOOP("Units", "m2")),
    "vacated_land": (QT_TRANSLATE_NOOP("Vocab", "Land vacated"), QT_TRANSLATE_NOOP("Units", "mu")),
    "demolition_count": (QT_TRANSLATE_NOOP("Vocab", "Illegal buildings removed"), QT_TRANSLATE_NOOP("Units", "sites")),
    "demolition_area": (QT_TRANSLATE_NOOP("Vocab", "Illegal building area removed"), QT_TRANSLATE_NOOP("Units", "m2")),
    "park_hill": (QT_TRANSLATE_NOOP("Vocab", "Hill parks completed"), QT_TRANSLATE_NOOP("Units", "parks")),
    "park_comprehensive": (
        QT_TRANSLATE_NOOP("Vocab", "Comprehensive parks completed"),
        QT_TRANSLATE_NOOP("Units", "parks"),
    ),
    "park_pocket": (QT_TRANSLATE_NOOP("Vocab", "Pocket parks completed"), QT_TRANSLATE_NOOP("Units", "parks")),
    "park_community": (QT_TRANSLATE_NOOP("Vocab", "Community parks completed"), QT_TRANSLATE_NOOP("Units", "parks")),
    "park_corridor": (
        QT_TRANSLATE_NOOP("Vocab", "Tree-lined corridors completed"),
        QT_TRANSLATE_NOOP("Units", "corridors"),
    ),
    "park_vertical": (
        QT_TRANSLATE_NOOP("Vocab", "Vertical greening sites completed"),
        QT_TRANSLATE_NOOP("Units", "sites"),
    ),
    "park_greenway": (QT_TRANSLATE_NOOP("Vocab", "Coastal greenway completed"), QT_TRANSLATE_NOOP("Units", "km")),
}


def label(vocabulary: dict, code: str | None) -> str:
    """The user's-language label of a code (the code itself when unknown)."""
    if code is None:
        return ""
    entry = vocabulary.get(code)
    if entry is None:
        return code
    text = entry[0] if isinstance(entry, tuple) else entry
    return translate("Vocab", text)


def unit_label(measure: str) -> str:
    return translate("Units", MEASURES[measure][1])


_CODES: dict[tuple[int, str], tuple[dict, dict[str, str]]] = {}  # (vocabulary, language) -> {code or label: code}


def code_for(vocabulary: dict, text: str) -> str | None:
    """Find a code from its code, English label or translated label (Excel cells, CLI)."""
    wanted = (text or "").strip()
    if not wanted:
        return None
    key = (id(vocabulary), i18n.language())
    cached = _CODES.get(key)
    if cached is not None and cached[0] is vocabulary:
        codes = cached[1]
    else:
        codes = {}
        for code, entry in reversed(vocabulary.items()):  # the first code wins a shared label
            source = entry[0] if isinstance(entry, tuple) else entry
            codes.update({translate("Vocab", source): code, source: code, code: code})
        _CODES[key] = (vocabulary, codes)
    return codes.get(wanted)
