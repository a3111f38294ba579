"""Country outlines for the map, decoded from the shipped Natural Earth TopoJSON and projected in Python,
so that the map draws offline, on screen and in exports alike."""

from __future__ import annotations

import functools
import itertools
import json
import math

import pycountry

from analysis.data import paths

WORLD_FILE = paths.GEODATA_DIR / "countries-110m.json"


def natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson and Hurni, 2011), in radians-scaled units."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.870700 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Rings that cross ±180° (Russia, Fiji) become one ring per side, closed along the meridian,
    instead of a band drawn across the whole map."""
    jumps = [i for i in range(1, len(ring)) if abs(ring[i][0] - ring[i - 1][0]) > 180]
    if not jumps:
        return [ring]
    rotated = ring[jumps[0] :] + ring[1 : jumps[0]]  # start just after a crossing; drop the duplicate closing point
    sides: dict[bool, list[tuple[float, float]]] = {}
    run = [rotated[0]]
    for previous, point in itertools.pairwise(rotated):
        if abs(point[0] - previous[0]) > 180:
            sides.setdefault(run[0][0] > 0, []).extend(run)
            run = []
        run.append(point)
    sides.setdefault(run[0][0] > 0, []).extend(run)
    return [points + points[:1] for points in sides.values() if len(points) > 2]


def _alpha3(numeric_id: str | None) -> str | None:
    if not numeric_id:
        return None
    country = pycountry.countries.get(numeric=numeric_id.zfill(3))
    return country.alpha_3 if country else None


@functools.cache
def world_outlines() -> dict[str, tuple[tuple[tuple[float, float], ...], ...]]:
    """ISO alpha-3 -> projected outer rings (each a tuple of (x, y)); holes are left out at this scale."""
    topology = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    outlines: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _alpha3(geometry.get("id")) or "~" + geometry.get("properties", {}).get("name", "unknown")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = outlines.setdefault(code, [])
        for polygon in polygons:
            for piece in _split_at_antimeridian(_ring(arcs, polygon[0])):
                # Three decimals (about 5 km) is finer than the 1:110m outlines and halves what a map sends.
                rings.append(
                    tuple((round(x, 3), round(y, 3)) for x, y in (natural_earth(lon, lat) for lon, lat in piece))
                )
    return {code: tuple(rings) for code, rings in outlines.items()}


def label_point(rings) -> tuple[float, float]:
    """Where to write a country's name: the centre of its largest ring's bounding box."""
    largest = max(rings, key=lambda ring: _area(ring))
    xs, ys = [p[0] for p in largest], [p[1] for p in largest]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def extent(rings) -> float:
    """The width or height of a country's largest ring, whichever is larger, in projected units."""
    largest = max(rings, key=lambda ring: _area(ring))
    xs, ys = [p[0] for p in largest], [p[1] for p in largest]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


# Country names: the one place that turns an ISO alpha-3 code into a name.


@functools.cache
def iso_name(code: str) -> str | None:
    """ISO's common name for a country ('Iran' for IRN), else its official name; None for an unknown code."""
    country = pycountry.countries.get(alpha_3=code)
    return (getattr(country, "common_name", None) or country.name) if country else None


def country_label(code: str) -> str:
    """A country as a picker lists it: 'Venezuela (VEN)'; an unknown code as it is."""
    name = iso_name(code)
    return f"{name} ({code})" if name else code


def country_names(codes, actors) -> dict[str, str]:
    """Short country names for charts: ISO's name, or a government actor's name inside it ('Russia' for
    'Russian Federation', from the actors table)."""
    governments: dict[str, list[str]] = {}
    for name, kind, country in zip(*(actors[c].tolist() for c in ("name", "kind", "country"))):
        if kind == "government":
            governments.setdefault(country, []).append(name)
    names = {}
    for code in codes:
        iso = iso_name(code) or code
        shorter = [n for n in governments.get(code, []) if n in iso and n != iso]
        names[code] = min(shorter, key=len) if shorter else iso
    return names
