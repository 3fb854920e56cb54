"""Boundary layers: reading them, and the features of a province valid in a year, ready for the browser."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd

from dashboard.core.paths import GEODATA
from dashboard.geography.boundaries.reading import lonlat_topojson
from dashboard.geography.crs import WGS84
from dashboard.geography.geometry import rounded
from dashboard.geography.units import OPEN_END, OPEN_START, valid_in

SCHEMATIC_LAYER = GEODATA / "schematic_districts.geojson"


def load_layer(path: Path = SCHEMATIC_LAYER) -> gpd.GeoDataFrame:
    """Return a district layer in WGS84 with code, province_code and integer validity years (TopoJSON naming no
    CRS, in longitude and latitude, is read as WGS84, as an import reads it)."""
    layer = gpd.read_file(path)
    layer = (layer.set_crs(WGS84) if lonlat_topojson(path, layer) else layer).to_crs(WGS84)
    layer["code"] = layer["code"].astype(str)
    layer["province_code"] = layer["province_code"].astype(str)
    layer["valid_from"] = layer["valid_from"].fillna(OPEN_START).astype(int)
    layer["valid_to"] = layer["valid_to"].fillna(OPEN_END).astype(int)
    return layer


def province_features(layer: gpd.GeoDataFrame, province_code: str, year: int) -> gpd.GeoDataFrame:
    """Return the province's district shapes valid in the year, with only code and geometry, coordinates
    rounded for the browser (4 decimals, about 11 m)."""
    chosen = valid_in(layer[layer["province_code"] == province_code], year)[["code", "geometry"]]
    return rounded(chosen.sort_values("code").reset_index(drop=True))
