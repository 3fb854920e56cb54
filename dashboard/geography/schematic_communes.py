"""The schematic commune layer, generated at run time from the registry package's commune locations and areas
(never an official boundary, and never stored in the project).

The whole country is tiled at once, so neighbouring provinces never overlap: the outline is the union of a disc
of each commune's area around its location, closed over narrow gaps, and each commune is the Voronoi cell of
its location cut to that outline. Shapes and areas are only indicative.
"""

from __future__ import annotations

import math
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint
from shapely.geometry.base import BaseGeometry

from dashboard.geography.levels import first_reported
from dashboard.geography.schematic import METRIC_CRS, to_metres
from dashboard.geography.units import OPEN_END, load_communes

DISC_MARGIN = 1.3
CLOSING_M = 4000.0
COORDINATE_DECIMALS = 5
SMALLEST_AREA_KM2 = 1.0


@cache
def _diagram() -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """Return the communes, their metric locations, their disc radii and their Voronoi cells over the whole
    country (uncut), in the same order; built once per process."""
    communes = load_communes()
    points = np.array(
        [to_metres(lon, lat) for lon, lat in zip(communes["seat_lon"], communes["seat_lat"], strict=True)]
    )
    areas = communes["area_km2"].fillna(communes["area_km2"].median()).clip(lower=SMALLEST_AREA_KM2)
    radii = DISC_MARGIN * np.sqrt(areas.to_numpy() * 1e6 / math.pi)
    extent = shapely.box(*points.min(axis=0), *points.max(axis=0)).buffer(radii.max() + 1e5)
    diagram = shapely.voronoi_polygons(MultiPoint(points), extend_to=extent, ordered=True)
    return communes, points, radii, np.asarray(diagram.geoms)


def _outline(points: np.ndarray, radii: np.ndarray) -> BaseGeometry:
    """Return the schematic outline of the land the points stand for: a disc around each, gaps under
    CLOSING_M closed."""
    discs = shapely.buffer(shapely.points(points), radii, quad_segs=4)
    return shapely.unary_union(discs).buffer(CLOSING_M, quad_segs=2).buffer(-CLOSING_M, quad_segs=2)


def _cut_cells(rows: np.ndarray) -> np.ndarray:
    """Return the Voronoi cells of some communes cut to the country's outline; the outline is built only from
    the discs near them, which is all that shapes it there."""
    _, points, radii, cells = _diagram()
    chosen = cells[rows]
    reach = radii.max() + 2 * CLOSING_M
    west, south, east, north = shapely.total_bounds(chosen)
    near = (points[:, 0] >= west - reach) & (points[:, 0] <= east + reach)
    near &= (points[:, 1] >= south - reach) & (points[:, 1] <= north + reach)
    outline = _outline(points[near], radii[near])
    shapely.prepare(outline)
    inside = shapely.contains_properly(outline, chosen)
    return np.where(inside, chosen, shapely.intersection(chosen, outline))


def _to_degrees(cells: np.ndarray) -> gpd.GeoSeries:
    """Return metric cells in WGS84, rounded so that neighbours share their borders vertex for vertex."""
    series = gpd.GeoSeries(cells, crs=METRIC_CRS).to_crs("EPSG:4326")
    return gpd.GeoSeries(shapely.set_precision(series.values, 10**-COORDINATE_DECIMALS), crs="EPSG:4326")


@cache
def province_communes(province_code: str) -> gpd.GeoDataFrame:
    """Return the schematic communes of one province, drawn for the years reported by commune (from 2026): code,
    province_code, name, validity and a WGS84 geometry each, tiling the province; built once per process."""
    communes = _diagram()[0]
    rows = np.flatnonzero(communes["province_code"].to_numpy() == province_code)
    chosen = communes.iloc[rows]
    return gpd.GeoDataFrame(
        {
            "code": chosen["code"].to_numpy(),
            "province_code": province_code,
            "name": chosen["name"].to_numpy(),
            "valid_from": first_reported("commune"),
            "valid_to": OPEN_END,
        },
        geometry=_to_degrees(_cut_cells(rows)),
        crs="EPSG:4326",
    )


def schematic_communes(province_codes: list[str]) -> gpd.GeoDataFrame:
    """Return the schematic communes of the given provinces, in that order."""
    parts = [province_communes(code) for code in province_codes]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs="EPSG:4326")


def national_commune_layer() -> gpd.GeoDataFrame:
    """Return the schematic layer of all 3,321 communes valid from 2025, province by province."""
    return schematic_communes(sorted(load_communes()["province_code"].unique()))
