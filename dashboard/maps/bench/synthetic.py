"""Synthetic national boundary layers for the benchmark: Voronoi units over a rough outline of Vietnam with
borders as detailed as surveyed ones, and a dataset around them built with the project's own code.

Nothing here is real: the outline is a coarse hand-drawn polygon and the units are random cells. They exist
only to measure how the map's cost grows with the number of units.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Polygon
from shapely.geometry.base import BaseGeometry

from dashboard.dataset import Dataset
from dashboard.geography.schematic import METRIC_CRS, to_metres
from dashboard.geography.units import OPEN_END, OPEN_START
from dashboard.intake.demo import awareness_campaigns

NATIONAL_CODE = "00"
SOURCE_PLAN = "phu-tho"
SEED = 889
SOURCE_DECIMALS = 6
# (longitude, latitude) of a coarse outline of mainland Vietnam, clockwise from the north-western corner.
OUTLINE_LON_LAT = (
    (102.15, 22.40), (102.50, 22.75), (103.00, 22.60), (104.00, 22.80), (105.30, 23.30), (106.70, 22.90),
    (107.40, 22.30), (108.00, 21.55), (106.80, 20.80), (106.10, 19.90), (105.80, 19.00), (106.50, 17.50),
    (107.20, 16.70), (108.20, 16.10), (108.90, 15.30), (109.30, 13.80), (109.45, 12.60), (109.00, 11.40),
    (108.00, 10.70), (106.80, 10.30), (106.40, 9.50), (105.40, 8.60), (104.80, 8.60), (104.80, 10.20),
    (104.45, 10.40), (105.10, 10.90), (106.10, 11.20), (106.50, 11.90), (107.50, 12.30), (107.50, 13.60),
    (107.60, 14.70), (107.20, 15.80), (106.60, 16.50), (106.00, 17.40), (105.20, 18.40), (104.30, 19.10),
    (104.40, 19.90), (105.00, 20.40), (104.20, 20.90), (103.20, 20.80), (103.00, 21.40), (102.30, 21.90),
)  # fmt: skip
# Octaves of the smooth displacement that makes straight Voronoi edges wind like surveyed borders:
# (wavelength in metres, direction of x wave, direction of y wave). Amplitude times wavenumber is kept at
# WIGGLE_STEEPNESS per octave so the displacement never folds a border over itself.
WIGGLE_OCTAVES = ((9000.0, 0.3, 1.9), (2300.0, 1.1, 2.6), (600.0, 2.2, 0.7), (170.0, 0.8, 1.4))
WIGGLE_STEEPNESS = 0.08


def national_outline() -> Polygon:
    """Return the coarse outline of mainland Vietnam in the metric working projection (UTM 48N)."""
    return Polygon([to_metres(lon, lat) for lon, lat in OUTLINE_LON_LAT])


def _seeds(outline: Polygon, count: int, rng: np.random.Generator) -> np.ndarray:
    """Return count random points inside the outline, one per unit."""
    minx, miny, maxx, maxy = outline.bounds
    found: list[np.ndarray] = []
    total = 0
    while total < count:
        points = rng.uniform((minx, miny), (maxx, maxy), size=(count * 3, 2))
        inside = points[shapely.contains_xy(outline, points[:, 0], points[:, 1])]
        found.append(inside)
        total += len(inside)
    return np.concatenate(found)[:count]


def _densified_ring(ring: np.ndarray, spacing_m: float) -> np.ndarray:
    """Return a closed ring with points every spacing_m along each edge, computed from the edge's ends in a
    fixed order so that the two units sharing an edge get exactly the same points."""
    parts = []
    for start, end in itertools.pairwise(ring):
        swapped = tuple(start) > tuple(end)
        low, high = (end, start) if swapped else (start, end)
        steps = max(1, math.ceil(math.dist(low, high) / spacing_m))
        edge = low + (high - low) * (np.arange(steps + 1) / steps)[:, None]
        edge[0], edge[-1] = low, high
        parts.append((edge[::-1] if swapped else edge)[:-1])
    parts.append(ring[-1:])
    return np.concatenate(parts)


def _wiggled(coords: np.ndarray) -> np.ndarray:
    """Return metric points moved by a smooth displacement field that depends on position only."""
    moved = coords.copy()
    for wavelength, angle_x, angle_y in WIGGLE_OCTAVES:
        number = 2 * math.pi / wavelength
        amplitude = WIGGLE_STEEPNESS / number
        for axis, angle in ((0, angle_x), (1, angle_y)):
            phase = number * (coords[:, 0] * math.cos(angle) + coords[:, 1] * math.sin(angle))
            moved[:, axis] += amplitude * np.sin(phase + angle)
    return moved


def _detailed(cell: BaseGeometry, spacing_m: float) -> BaseGeometry:
    """Return a metric cell with every ring densified and wiggled."""
    polygons = []
    for polygon in getattr(cell, "geoms", [cell]):
        rings = [np.round(np.asarray(ring.coords), 2) for ring in (polygon.exterior, *polygon.interiors)]
        rings = [_wiggled(_densified_ring(ring, spacing_m)) for ring in rings]
        polygons.append(Polygon(rings[0], rings[1:]))
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def synthetic_layer(count: int, spacing_m: float, prefix: str, seed: int = SEED) -> gpd.GeoDataFrame:
    """Return count synthetic units tiling Vietnam's outline (WGS84, 6 decimals), each border a vertex every
    spacing_m, with code, province_code, name and open validity."""
    rng = np.random.default_rng(seed)
    outline = national_outline()
    seeds = _seeds(outline, count, rng)
    diagram = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=outline.buffer(1e4), ordered=True)
    cells = [shapely.intersection(cell, outline) for cell in diagram.geoms]
    width = len(str(count))
    layer = gpd.GeoDataFrame(
        {
            "code": [f"{prefix}{number:0{width}d}" for number in range(1, count + 1)],
            "province_code": NATIONAL_CODE,
            "name": [f"{prefix}{number}" for number in range(1, count + 1)],
            "valid_from": OPEN_START,
            "valid_to": OPEN_END,
        },
        geometry=cells,
        crs=METRIC_CRS,
    )
    return detailed_layer(layer, spacing_m)


def detailed_layer(layer: gpd.GeoDataFrame, spacing_m: float) -> gpd.GeoDataFrame:
    """Return a WGS84 layer whose borders wind like surveyed ones, a vertex every spacing_m, 6 decimals;
    borders its units share stay shared vertex for vertex."""
    metric = layer.to_crs(METRIC_CRS)
    metric["geometry"] = [_detailed(shape, spacing_m) for shape in metric.geometry]
    degrees = metric.to_crs("EPSG:4326")
    degrees["geometry"] = shapely.set_precision(degrees.geometry.values, 10**-SOURCE_DECIMALS)
    return degrees


def synthetic_dataset(base: Dataset, layer: gpd.GeoDataFrame) -> Dataset:
    """Return a dataset whose one province, code 00, is the whole synthetic layer: every unit a district
    under a copy of one real plan, with demonstration awareness campaigns generated by the demo code."""
    units = pd.DataFrame(
        {
            "code": layer["code"],
            "province_code": NATIONAL_CODE,
            "type": "huyen",
            "level": "district",
            "name": layer["name"],
            "valid_from": layer["valid_from"],
            "valid_to": layer["valid_to"],
        }
    )
    plan = base.plans[base.plans["plan_id"] == SOURCE_PLAN].assign(province_code=NATIONAL_CODE)
    province = base.provinces.iloc[:1].assign(province_code=NATIONAL_CODE, name="Việt Nam")
    campaigns = awareness_campaigns(units, [NATIONAL_CODE], np.random.default_rng(SEED)).assign(source="demo")
    return replace(
        base,
        provinces=province,
        units=units,
        zones=base.zones.iloc[:0],
        layer=layer,
        plans=plan,
        tables={"awareness_campaigns": campaigns},
        schematic=True,
    )
