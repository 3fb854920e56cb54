"""Boundary layers prepared once per data version for the browser: simplified to what the map can show,
rounded, and stripped to the properties the map needs; and the data version that keys every cache."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.paths import DEMO_TABLES, GEODATA, INDICATORS
from dashboard.geography.geometry import SIMPLIFY_TOLERANCE_M, rounded, simplified_coverage
from dashboard.geography.units import valid_in

MAP_COLUMNS = ["code", "province_code", "valid_from", "valid_to", "geometry"]
KEPT_WHEN_PRESENT = ("level", "schematic", "version_id")
MAP_HEIGHT_PX = 620
PIXEL_SHARE = 0.5
METRES_PER_DEGREE = 111_320.0
VERSION_DIGITS = 16


def dataset_files(layer: Path) -> list[Path]:
    """Return every file a dataset is read from: its boundary layer and the bundled tables."""
    return [layer, *GEODATA.glob("*.csv"), *INDICATORS.glob("*.csv"), *DEMO_TABLES.glob("*.csv")]


def files_version(files: Iterable[Path]) -> str:
    """Return a short digest of the files' names and bytes: it changes whenever the data does."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:VERSION_DIGITS]


def display_tolerance_m(layer: gpd.GeoDataFrame) -> float:
    """Return the simplification tolerance for a layer shown whole on the map: half a screen pixel when its
    north-south extent fills the map's height, and never below the geometry module's default."""
    south, north = layer.total_bounds[1], layer.total_bounds[3]
    metres_per_pixel = (north - south) * METRES_PER_DEGREE / MAP_HEIGHT_PX
    return max(SIMPLIFY_TOLERANCE_M, PIXEL_SHARE * metres_per_pixel)


def validity_slices(layer: gpd.GeoDataFrame) -> list[tuple[int, int]]:
    """Return the periods (first, last year) in which the set of valid features does not change."""
    starts = sorted(set(layer["valid_from"]) | {int(year) + 1 for year in layer["valid_to"]})
    return [(first, following - 1) for first, following in itertools.pairwise(starts)]


def prepared_layer(layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the layer ready for the map: per province and validity period, the units valid together are
    simplified as one coverage (shared borders stay shared) to what the map can show, then rounded; only
    code, province_code, validity, geometry, level, whether it is schematic and the imported version it comes
    from are kept. Each level (districts, communes) is simplified on its own. A feature valid
    in several periods appears once per period, each copy valid for its period only."""
    metric_crs = layer.estimate_utm_crs()
    pieces = []
    extra = [column for column in KEPT_WHEN_PRESENT if column in layer]
    columns = [*MAP_COLUMNS, *extra]
    groups = ["province_code", "level"] if "level" in layer else ["province_code"]
    for _, province in layer[columns].groupby(groups, sort=True):
        for first, last in validity_slices(province):
            together = valid_in(province, first)
            if together.empty:
                continue
            simplified = simplified_coverage(together, display_tolerance_m(together), metric_crs)
            pieces.append(rounded(simplified).assign(valid_from=first, valid_to=last))
    prepared = pd.concat(pieces, ignore_index=True)
    return gpd.GeoDataFrame(prepared, geometry="geometry", crs=layer.crs)
