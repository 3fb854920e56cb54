"""Boundary layers: reading them, and the features of a province valid in a year, ready for the browser."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from dashboard.core.i18n import in_both_languages
from dashboard.core.paths import GEODATA
from dashboard.geography.boundaries.reading import lonlat_topojson
from dashboard.geography.crs import WGS84
from dashboard.geography.geometry import rounded
from dashboard.geography.levels import reported_level
from dashboard.geography.units import OPEN_END, OPEN_START, valid_in

SCHEMATIC_LAYER = GEODATA / "schematic_districts.geojson"
LAYER_COLUMNS = ("code", "province_code", "valid_from", "valid_to")


class LayerFileError(ValueError):
    """The layer file the app is set to draw (SCP_BOUNDARIES) cannot be drawn; the message says which and why."""


def load_layer(path: Path = SCHEMATIC_LAYER) -> gpd.GeoDataFrame:
    """Return a district layer in WGS84 with code, province_code and integer validity years (TopoJSON naming no
    CRS, in longitude and latitude, is read as WGS84, as an import reads it); raise LayerFileError, in both
    languages, for a file that cannot be read, lacks those columns or cannot be converted to WGS84."""
    try:
        layer = gpd.read_file(path)
    except (OSError, RuntimeError, ValueError) as failed:
        raise LayerFileError(
            in_both_languages("boundary_checks.layer_unreadable", path=path, detail=failed)
        ) from failed
    missing = [column for column in LAYER_COLUMNS if column not in layer.columns]
    if missing:
        raise LayerFileError(in_both_languages("boundary_checks.layer_columns", path=path, columns=", ".join(missing)))
    try:
        layer = (layer.set_crs(WGS84) if lonlat_topojson(path, layer) else layer).to_crs(WGS84)
    except (RuntimeError, ValueError) as failed:
        raise LayerFileError(in_both_languages("boundary_checks.layer_crs", path=path, detail=failed)) from failed
    layer["code"] = layer["code"].astype(str)
    layer["province_code"] = layer["province_code"].astype(str)
    layer["valid_from"] = layer["valid_from"].fillna(OPEN_START).astype(int)
    layer["valid_to"] = layer["valid_to"].fillna(OPEN_END).astype(int)
    return layer


def drawn_in(layer: gpd.GeoDataFrame, province_code: str, year: int) -> gpd.GeoDataFrame:
    """Return the features a province's map of a year draws: those valid in the year at the level the year is
    reported by (districts until 2025, communes from 2026; a layer without levels is taken whole)."""
    chosen = layer[layer["province_code"] == province_code]
    if "level" in chosen:
        chosen = chosen[chosen["level"] == reported_level(year)]
    return valid_in(chosen, year)


def province_features(layer: gpd.GeoDataFrame, province_code: str, year: int) -> gpd.GeoDataFrame:
    """Return the province's shapes drawn in the year (districts or communes), with only code and geometry,
    coordinates rounded for the browser (4 decimals, about 11 m)."""
    chosen = drawn_in(layer, province_code, year)[["code", "geometry"]]
    return rounded(chosen.sort_values("code").reset_index(drop=True))
