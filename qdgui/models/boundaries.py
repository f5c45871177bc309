"""District boundaries an office supplies (an approved GeoJSON file), for the dashboard's map.

qdgui ships none: boundary data of unclear rights stays out, and the map draws a schematic of tiles.
An office that has approved boundaries puts them at `<data folder>/boundaries.geojson` (a
FeatureCollection of Polygon or MultiPolygon features whose properties carry the district's code as
`adcode` or `code`, or its name as `name`, as the usual Chinese administrative GeoJSON files do).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qdgui.i18n import translate

FILE_NAME = "boundaries.geojson"
MAX_BYTES = 50 * 2**20  # a city's districts at any sensible detail are a few MiB


class BoundaryError(ValueError):
    """The file cannot be used, in the user's words (the map falls back to its schematic)."""


@dataclass(frozen=True)
class Boundaries:
    """Each district's outline as rings of (x, y) in a plane (east right, north up), by code."""

    shapes: dict[str, list[list[tuple[float, float]]]]

    def extent(self) -> tuple[float, float, float, float]:
        xs = [x for rings in self.shapes.values() for ring in rings for x, _ in ring]
        ys = [y for rings in self.shapes.values() for ring in rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def _rings(geometry: Any) -> list[Any]:
    """The outer ring of each polygon (holes are not drawn)."""
    if not isinstance(geometry, dict):
        raise BoundaryError(translate("Boundaries", "a feature is not a Polygon or MultiPolygon"))
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if not isinstance(coordinates, list):
        raise BoundaryError(translate("Boundaries", "a feature is not a Polygon or MultiPolygon"))
    if kind == "Polygon":
        return [coordinates[0]]
    if kind == "MultiPolygon":
        return [polygon[0] for polygon in coordinates]
    raise BoundaryError(translate("Boundaries", "a feature is not a Polygon or MultiPolygon"))


def read(path: Path, districts: dict[str, str]) -> Boundaries:
    """The outlines of the known districts ({code: name}) in the file; BoundaryError when unusable."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BoundaryError(translate("Boundaries", "the file is larger than 50 MiB"))
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise BoundaryError(
            translate("Boundaries", "it is not a readable GeoJSON file (line {line}, column {column})").format(
                line=exc.lineno, column=exc.colno
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise BoundaryError(translate("Boundaries", "it is not UTF-8 text")) from exc
    except OSError as exc:
        raise BoundaryError(translate("Boundaries", "it cannot be opened")) from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise BoundaryError(translate("Boundaries", "it holds no FeatureCollection"))
    by_name = {name: code for code, name in districts.items()}
    lonlat: dict[str, list[list[tuple[float, float]]]] = {}
    for feature in features:
        properties = (feature or {}).get("properties") or {}
        code = str(properties.get("adcode") or properties.get("code") or "")
        code = code if code in districts else by_name.get(str(properties.get("name") or ""), "")
        if not code:
            continue
        try:
            rings = _rings(feature.get("geometry"))
            points = [[(float(p[0]), float(p[1])) for p in ring] for ring in rings]
        except (TypeError, ValueError, IndexError, KeyError) as exc:
            raise BoundaryError(
                translate("Boundaries", "the outline of {name} cannot be read ({error})").format(
                    name=districts[code], error=exc
                )
            ) from exc
        if any(not (-180 <= x <= 180 and -90 <= y <= 90) for ring in points for x, y in ring):
            raise BoundaryError(
                translate("Boundaries", "the outline of {name} is not in longitude and latitude").format(
                    name=districts[code]
                )
            )
        lonlat.setdefault(code, []).extend(ring for ring in points if len(ring) >= 3)
    if not lonlat:
        raise BoundaryError(translate("Boundaries", "no feature names one of the city's districts"))
    latitudes = [y for rings in lonlat.values() for ring in rings for _, y in ring]
    squeeze = math.cos(math.radians(sum(latitudes) / len(latitudes)))  # a degree east is shorter than north
    return Boundaries({code: [[(x * squeeze, y) for x, y in ring] for ring in rings] for code, rings in lonlat.items()})
